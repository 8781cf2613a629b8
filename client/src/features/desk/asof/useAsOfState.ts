/**
 * The picture of a crisis at a moment the desk's slider chose, read from GET /api/state?asOf=
 * once the slider rests (a drag asks for the moment it stops on, not for every step), and the
 * previous picture kept on screen meanwhile, marked as loading.
 */
import { useEffect, useState } from 'react';
import { fetchStateAsOf, type AsOfState } from '../../../api/stateAsOf.js';

const SETTLE_MS = 200;

export type AsOfRead = { state: AsOfState | null; loading: boolean; error: string | null };

export function useAsOfState(crisis: string | undefined, atMs: number | null): AsOfRead {
  const [read, setRead] = useState<AsOfRead>({ state: null, loading: false, error: null });
  // A new moment asked for: loading from this render on (set during render, not in the effect).
  const [askedFor, setAskedFor] = useState<string | null>(null);
  const asking = crisis && atMs !== null ? `${crisis}@${atMs}` : null;
  if (asking !== askedFor) {
    setAskedFor(asking);
    if (asking !== null) setRead((r) => ({ ...r, loading: true }));
  }
  useEffect(() => {
    if (!crisis || atMs === null) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetchStateAsOf(crisis, new Date(atMs).toISOString(), undefined, abort.signal).then(
        (state) => setRead({ state, loading: false, error: null }),
        (err: unknown) => {
          if (!abort.signal.aborted) setRead((r) => ({ ...r, loading: false, error: (err as Error).message }));
        },
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [crisis, atMs]);
  return read;
}
