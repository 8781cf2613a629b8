/**
 * Editors give each source a reliability tier (wire, official, own correspondent, unconfirmed
 * social), shown beside every claim on the wall and the desk. Sources are named as reports give
 * them; the server matches them without regard to case.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { sourceTiers, type SourceInfo, type SourceTier } from '../../../../shared/sources.js';
import { api } from '../../api/http.js';
import { tierLabels } from '../../api/provenance.js';
import '../../components/sourceMark.css';

export function SourceTiers() {
  const [sources, setSources] = useState<SourceInfo[]>([]);
  const [name, setName] = useState('');
  const [tier, setTier] = useState<SourceTier>('wire');
  const [message, setMessage] = useState<string | null>(null);

  // State is set when the answer comes, never synchronously in the effect that asks.
  const refresh = useCallback(
    () => api<{ sources: SourceInfo[] }>('GET', '/api/sources').then((r) => setSources(r.sources)),
    [],
  );
  useEffect(() => {
    refresh().catch((err: Error) => setMessage(err.message));
  }, [refresh]);

  async function put(source: string, next: SourceTier | null) {
    setMessage(null);
    try {
      await api('PUT', `/api/sources/${encodeURIComponent(source)}/tier`, { tier: next });
      await refresh();
      return true;
    } catch (err) {
      setMessage((err as Error).message);
      return false;
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await put(name.trim(), tier)) setName('');
  }

  return (
    <section className="source-tiers" data-testid="source-tiers">
      <h2>Source tiers</h2>
      <p className="hint">How far each source is trusted; shown beside every figure it supplies.</p>
      <form className="feeds-form" onSubmit={(e) => void submit(e)}>
        <label>
          Source, as reports name it
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} name="source" />
        </label>
        <label>
          Tier
          <select value={tier} onChange={(e) => setTier(e.target.value as SourceTier)} name="tier">
            {sourceTiers.map((t) => (
              <option key={t} value={t}>
                {tierLabels[t]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Set tier</button>
      </form>
      {message && (
        <p className="feeds-message" role="alert">
          {message}
        </p>
      )}
      <table className="feeds-table">
        <thead>
          <tr>
            <th>Source</th>
            <th>Tier</th>
            <th>Set by</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.name} data-source={s.name}>
              <td>{s.name}</td>
              <td>
                <span className={`tier tier-${s.tier}`}>{tierLabels[s.tier]}</span>
              </td>
              <td>
                {s.setBy}, {s.setAt.slice(0, 10)}
              </td>
              <td>
                <button type="button" onClick={() => void put(s.name, null)}>
                  Clear
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
