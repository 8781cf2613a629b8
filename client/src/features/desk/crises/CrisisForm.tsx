/**
 * Make a crisis, or change one (editors and above; the server checks). Checked first with the
 * shared schema; what only the server knows (a slug taken) is shown as the server words it.
 */
import { useState, type FormEvent } from 'react';
import type { Crisis } from '../../../../../shared/crisis.js';
import { api } from '../../../api/http.js';
import { emptyCrisisFields, fieldsOf, inputOf, patchOf, type CrisisFields } from './crisisForm.js';

export type Saved = { crisis: Crisis; notice?: string };

export function CrisisForm(props: { before?: Crisis; onSaved: (saved: Saved) => void; onCancel: () => void }) {
  const { before } = props;
  const [f, setF] = useState<CrisisFields>(before ? fieldsOf(before) : emptyCrisisFields);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof CrisisFields) => (e: { target: { value: string } }) =>
    setF((old) => ({ ...old, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = before ? patchOf(f, before) : inputOf(f);
    if (!checked.ok) return setProblems(checked.problems);
    if (before && Object.keys(checked.value).length === 0) return setProblems(['Nothing changed']);
    setBusy(true);
    try {
      const saved = before
        ? await api<Saved>('PATCH', `/api/crises/${before.slug}`, checked.value)
        : await api<Saved>('POST', '/api/crises', checked.value);
      setProblems([]);
      props.onSaved(saved);
    } catch (err) {
      setProblems([(err as Error).message]);
    } finally {
      setBusy(false);
    }
  }

  const names = (key: 'actors' | 'places' | 'keywords', label: string, hint: string) => (
    <label>
      {label}
      <textarea name={key} rows={3} value={f[key]} onChange={set(key)} placeholder={hint} />
    </label>
  );
  return (
    <form
      className="crisis-form"
      onSubmit={(e) => void submit(e)}
      aria-label={before ? `Edit ${before.name}` : 'New crisis'}
      data-testid="crisis-form"
    >
      {!before && (
        <label>
          Slug
          <input name="slug" value={f.slug} onChange={set('slug')} placeholder="e.g. taiwan-strait" required />
        </label>
      )}
      <label>
        Name
        <input name="name" value={f.name} onChange={set('name')} placeholder="e.g. Taiwan Strait" required />
      </label>
      {names('actors', 'Actors', 'The sides: countries, bodies, armed groups — one per line or comma-separated')}
      {names('places', 'Places', 'Where it happens: regions, cities, the sides’ territory')}
      {names('keywords', 'Keywords', 'Phrases that belong to this crisis alone')}
      <fieldset className="crisis-principal">
        <legend>Headline troop figure (optional): whose forces, and where</legend>
        <label>
          Force
          <input name="force" value={f.force} onChange={set('force')} placeholder="e.g. China" />
        </label>
        <label>
          Theatre
          <input name="theatre" value={f.theatre} onChange={set('theatre')} placeholder="e.g. Taiwan" />
        </label>
      </fieldset>
      <div className="crisis-form-actions">
        <button type="submit" disabled={busy}>
          {before ? 'Save changes' : 'Make crisis'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="desk-error" role="alert" data-testid="crisis-form-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
