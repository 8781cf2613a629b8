/**
 * Per force, who claims what over time: the kept claims grouped by claimant, one point per
 * claimant and day, stated and hypothetical figures apart. Sources are kept side by side, never
 * averaged: a newsroom compares Kyiv's figure with Washington's, it does not blend them.
 */
import type { ClaimantPoint, ClaimantSeries } from '../../shared/state.js';
import { MAX_CLAIMANTS_SHOWN } from './constants.js';
import type { StoredClaim } from './types.js';

/** How a claimant is named in the series: as the report says it, trimmed; "" when unattributed. */
const claimantOf = (c: StoredClaim): string => c.claimedBy?.trim() ?? '';

/**
 * One point per day, oldest first: the figure the claimant cited most that day (ties: the lower,
 * as figureAt does), with the range its claims of that day state, when they state one.
 */
function dailyPoints(claims: readonly StoredClaim[]): ClaimantPoint[] {
  const byDay = new Map<string, StoredClaim[]>();
  for (const c of claims) byDay.set(c.asOf, [...(byDay.get(c.asOf) ?? []), c]);
  return [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([at, onDay]) => {
      const counts = new Map<number, number>();
      for (const c of onDay) counts.set(c.value, (counts.get(c.value) ?? 0) + 1);
      let value = onDay[0].value;
      for (const [v, n] of counts) {
        const best = counts.get(value) ?? 0;
        if (n > best || (n === best && v < value)) value = v;
      }
      const lows = onDay.flatMap((c) => (c.low !== undefined ? [c.low] : []));
      const highs = onDay.flatMap((c) => (c.high !== undefined ? [c.high] : []));
      const point: ClaimantPoint = { at, value };
      if (lows.length > 0) point.low = Math.min(...lows);
      if (highs.length > 0) point.high = Math.max(...highs);
      return point;
    });
}

/**
 * The claimants of one force: those with the most claims first (then the most recent, then by
 * name, so the order never depends on arrival), at most MAX_CLAIMANTS_SHOWN.
 */
export function claimantSeries(
  claims: readonly StoredClaim[],
  hypotheticals: readonly StoredClaim[],
): ClaimantSeries[] {
  const by = new Map<string, { stated: StoredClaim[]; hypothetical: StoredClaim[] }>();
  const slot = (name: string) => {
    let s = by.get(name);
    if (!s) by.set(name, (s = { stated: [], hypothetical: [] }));
    return s;
  };
  for (const c of claims) slot(claimantOf(c)).stated.push(c);
  for (const c of hypotheticals) slot(claimantOf(c)).hypothetical.push(c);
  const newest = (s: { stated: StoredClaim[]; hypothetical: StoredClaim[] }) =>
    [...s.stated, ...s.hypothetical].reduce((max, c) => (c.asOf > max ? c.asOf : max), '');
  return [...by]
    .sort(
      ([na, a], [nb, b]) =>
        b.stated.length + b.hypothetical.length - (a.stated.length + a.hypothetical.length) ||
        newest(b).localeCompare(newest(a)) ||
        (na < nb ? -1 : na > nb ? 1 : 0),
    )
    .slice(0, MAX_CLAIMANTS_SHOWN)
    .map(([claimedBy, s]) => ({
      claimedBy,
      points: dailyPoints(s.stated),
      hypotheticals: dailyPoints(s.hypothetical),
    }));
}
