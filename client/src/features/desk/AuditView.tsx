/** The audit trail of one report: who did what, when, and the value before and after. */
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../shared/desk.js';
import type { Flag } from '../../../../shared/report.js';
import { api } from '../../api/http.js';

/** A short, readable rendering of a before/after value (flags as names, facts as key: value). */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    if (value.every((v) => typeof v === 'object' && v !== null && 'flag' in v))
      return (value as Flag[]).map((f) => f.flag).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => k !== 'evidence')
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
      .join(' · ');
  }
  return String(value);
}

export function AuditView({ id, revision }: { id: string; revision: number }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api<{ entries: AuditEntry[] }>('GET', `/api/reports/${id}/audit`).then(
      (r) => live && (setEntries(r.entries), setError(null)),
      (err: unknown) => live && setError((err as Error).message),
    );
    return () => {
      live = false;
    };
  }, [id, revision]);

  if (error) return <p className="desk-error">{error}</p>;
  if (!entries) return <p className="hint">Loading the audit trail…</p>;
  if (entries.length === 0) return <p className="hint">Nobody has flagged or corrected this report yet.</p>;
  return (
    <ol className="desk-audit" data-testid="audit">
      {[...entries].reverse().map((e, i) => (
        <li key={`${e.at}-${i}`} data-action={e.action}>
          <div className="audit-head">
            <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> <strong>{e.by}</strong>{' '}
            <span className="hint">({e.role})</span> {e.action}
          </div>
          <div className="audit-change">
            <span className="before">{describeValue(e.before)}</span> →{' '}
            <span className="after">{describeValue(e.after)}</span>
          </div>
          {e.note && <div className="audit-note">“{e.note}”</div>}
        </li>
      ))}
    </ol>
  );
}
