/**
 * Puts a report in a crisis by hand (journalists and above; the server checks): POST
 * /api/reports/:id/crises. The server answers 202 and folds the report again; its new crises
 * come back on the desk stream, which is what moves it between lists.
 */
import { useState } from 'react';
import type { Crisis } from '../../../../../shared/crisis.js';
import { api } from '../../../api/http.js';

export function AssignCrisis(props: { reportId: string; crises: readonly Crisis[]; label?: string }) {
  const [slug, setSlug] = useState('');
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({
    busy: false,
    message: null,
    failed: false,
  });
  const chosen = props.crises.find((c) => c.slug === slug) ?? props.crises[0];

  async function assign() {
    if (!chosen) return;
    setState({ busy: true, message: null, failed: false });
    try {
      await api('POST', `/api/reports/${props.reportId}/crises`, {
        crisis: chosen.slug,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setNote('');
      setState({ busy: false, message: `Assigned to “${chosen.name}”; moving…`, failed: false });
    } catch (err) {
      setState({ busy: false, message: (err as Error).message, failed: true });
    }
  }

  if (props.crises.length === 0) return null;
  return (
    <div className="assign-crisis" data-testid="assign-crisis">
      <select aria-label="Crisis to assign" value={chosen?.slug ?? ''} onChange={(e) => setSlug(e.target.value)}>
        {props.crises.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </select>
      <input
        aria-label="Why (optional)"
        placeholder="Why (optional)"
        value={note}
        maxLength={1000}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="button" disabled={state.busy} onClick={() => void assign()}>
        {props.label ?? 'Assign'}
      </button>
      {state.message && (
        <span className={state.failed ? 'desk-error' : 'hint'} role={state.failed ? 'alert' : 'status'}>
          {state.message}
        </span>
      )}
    </div>
  );
}
