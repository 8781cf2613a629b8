/**
 * The troop figure at a given day, from the claims of the TROOP_WINDOW_DAYS before it.
 *
 * Rule: value = the figure cited by the most claims on the newest claim day of the window
 * (ties → the lower figure: a newsroom should not round a threat up); low/high = the
 * range over all claims in the window, using a claim's own low/high when it states one.
 * Hypothetical claims never count.
 */
import { TROOP_WINDOW_DAYS } from './constants.js';
import { dayOf } from './time.js';
import type { StoredClaim } from './types.js';

export type Figure = { value: number; low: number; high: number; asOf: string; window: StoredClaim[] };

/** The figure as of `asOf` (YYYY-MM-DD) over `claims` (non-hypothetical, any order), or null without claims on that day. */
export function figureAt(claims: readonly StoredClaim[], asOf: string): Figure | null {
  const day = dayOf(asOf);
  const window = claims.filter((c) => c.asOf <= asOf && dayOf(c.asOf) >= day - TROOP_WINDOW_DAYS);
  const onDay = window.filter((c) => c.asOf === asOf);
  if (onDay.length === 0) return null;

  const counts = new Map<number, number>();
  for (const c of onDay) counts.set(c.value, (counts.get(c.value) ?? 0) + 1);
  let value = onDay[0].value;
  for (const [v, n] of counts) {
    const best = counts.get(value) ?? 0;
    if (n > best || (n === best && v < value)) value = v;
  }

  let low = value;
  let high = value;
  for (const c of window) {
    low = Math.min(low, c.low ?? c.value, c.value);
    high = Math.max(high, c.high ?? c.value, c.value);
  }
  return { value, low, high, asOf, window };
}
