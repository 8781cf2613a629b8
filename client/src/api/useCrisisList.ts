/**
 * React hook: the crises (GET /api/crises), retried until the server answers, and read again
 * when asked (`refresh`: e.g. when the socket says a crisis is gone) or every few minutes, so a
 * screen left running for days learns of crises made, renamed or removed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Crisis } from '../../../shared/crisis.js';
import { fetchCrises } from './crises.js';

const RETRY_MS = 15_000;
const REFRESH_MS = 5 * 60_000;

export type CrisisList = {
  /** Null until first read. */
  crises: Crisis[] | null;
  /** ms epoch when the request that gave `crises` was sent (0 before). */
  askedAt: number;
  error: string | null;
  refresh(): void;
};

export function useCrisisList(token: string | undefined): CrisisList {
  const [listing, setListing] = useState<{ crises: Crisis[] | null; askedAt: number }>({ crises: null, askedAt: 0 });
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      const askedAt = Date.now();
      try {
        const { crises } = await fetchCrises(token);
        if (cancelled) return;
        setListing({ crises, askedAt });
        setError(null);
        timer = setTimeout(() => void load(), REFRESH_MS);
      } catch (err) {
        if (cancelled) return;
        setError((err as Error).message);
        timer = setTimeout(() => void load(), RETRY_MS);
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [token, asked]);

  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return { ...listing, error, refresh };
}
