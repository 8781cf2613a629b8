/**
 * A page that follows one crisis live (home, trends): the crisis from `?crisis=` (else the
 * default), the list to choose from, and a switch that keeps the address bar in step. A crisis
 * that does not exist (or was removed) is said (feed.unknown) and replaced by another.
 */
import { useState } from 'react';
import { useCrisisList } from '../api/useCrisisList.js';
import { useCrisisState } from './useCrisisState.js';

export function useChosenCrisis(token: string | undefined) {
  const [crisis, setCrisis] = useState(() => new URLSearchParams(window.location.search).get('crisis') ?? undefined);
  const { crises } = useCrisisList(token);
  const feed = useCrisisState(token, { crisis });

  const unknown = feed.unknown?.crisis;
  const fallback = crises?.find((c) => c.slug !== unknown)?.slug;
  // Moved during render, not in an effect: the page never paints the missing crisis first.
  if (unknown && fallback && crisis === unknown) setCrisis(fallback);

  function choose(slug: string) {
    setCrisis(slug);
    const params = new URLSearchParams(window.location.search);
    params.set('crisis', slug);
    window.history.replaceState(null, '', `${window.location.pathname}?${params}`);
  }

  return { crisis, crises, feed, shown: feed.state?.crisis ?? null, choose };
}
