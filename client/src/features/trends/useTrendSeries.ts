/**
 * The trends' series of the crisis shown, kept current: fetched when the page opens on a crisis
 * and again when its live tension or troops change (those changes say the series moved too), at
 * most once a second, the latest change always followed by a fetch. Answers that come back out
 * of order are dropped: an older request never replaces a newer one's series.
 */
import { useEffect, useRef, useState } from 'react';
import type { CrisisSeries, PublicState } from '../../../../shared/state.js';
import { fetchTrendSeries } from '../../api/trends.js';

const MIN_INTERVAL_MS = 1_000;

export function useTrendSeries(
  crisis: string | null,
  state: PublicState | null,
  token: string | undefined,
): { series: CrisisSeries | null; error: string | null } {
  const [series, setSeries] = useState<CrisisSeries | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastFetch = useRef(0);
  const issued = useRef(0);
  const applied = useRef(0);
  const tension = state?.tension;
  const troops = state?.troops;

  useEffect(() => {
    if (!crisis || !tension || !troops) return;
    const wait = Math.max(0, lastFetch.current + MIN_INTERVAL_MS - Date.now());
    const timer = setTimeout(() => {
      lastFetch.current = Date.now();
      const ticket = ++issued.current;
      const settle = (next: () => void) => {
        if (ticket < applied.current) return;
        applied.current = ticket;
        next();
      };
      fetchTrendSeries(crisis, token).then(
        (s) =>
          settle(() => {
            setSeries(s);
            setError(null);
          }),
        (err: unknown) => settle(() => setError(err instanceof Error ? err.message : String(err))),
      );
    }, wait);
    return () => clearTimeout(timer);
  }, [crisis, tension, troops, token]);

  return { series: series?.crisis === crisis ? series : null, error };
}
