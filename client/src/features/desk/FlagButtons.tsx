/** Toggle buttons for the four flags, with an optional note. Shown only to journalists and above. */
import { useState } from 'react';
import { flagKinds, type Flag, type FlagKind } from '../../../../shared/report.js';
import { api } from '../../api/http.js';

export const flagKeys: Record<FlagKind, string> = { breaking: 'b', verified: 'v', disputed: 'd', 'follow-up': 'f' };

/** Sets the flag when absent, lifts it when present; resolves to the report's flags after. */
export async function toggleFlag(id: string, flags: Flag[], kind: FlagKind, note?: string): Promise<Flag[]> {
  const on = flags.some((f) => f.flag === kind);
  const res = on
    ? await api<{ flags: Flag[] }>('DELETE', `/api/reports/${id}/flags/${kind}`)
    : await api<{ flags: Flag[] }>('POST', `/api/reports/${id}/flags`, {
        flag: kind,
        ...(note?.trim() ? { note: note.trim() } : {}),
      });
  return res.flags;
}

export function FlagButtons({ id, flags, onFlags }: { id: string; flags: Flag[]; onFlags: (flags: Flag[]) => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function toggle(kind: FlagKind) {
    try {
      onFlags(await toggleFlag(id, flags, kind, note));
      setNote('');
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <div className="desk-flags" data-testid="flag-buttons">
      {flagKinds.map((kind) => {
        const on = flags.some((f) => f.flag === kind);
        return (
          <button
            key={kind}
            type="button"
            className={`flag-button flag-${kind}${on ? ' on' : ''}`}
            aria-pressed={on}
            data-testid={`flag-${kind}`}
            title={`${on ? 'Lift' : 'Set'} ${kind} (key ${flagKeys[kind]})`}
            onClick={() => void toggle(kind)}
          >
            {kind}
          </button>
        );
      })}
      <input
        className="flag-note"
        placeholder="Note for the next flag (optional)"
        value={note}
        maxLength={1000}
        onChange={(e) => setNote(e.target.value)}
      />
      {error && (
        <span className="desk-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
