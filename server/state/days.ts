/**
 * Integer day sums of the tension index: adding or taking out one report's totals is exact,
 * so the sums do not depend on the order reports arrive or leave in.
 */
import { MAX_TENSION_DAYS, PAIR_WINDOW_DAYS } from './constants.js';
import type { DayBucket, LedgerEntry, PairTotals } from './types.js';

function mergePairs(into: PairTotals | undefined, add: PairTotals, sign: 1 | -1): PairTotals | undefined {
  const sums = new Map(into ?? []);
  for (const [key, milli] of add) {
    // Taking out a pair the day no longer holds (stripped as too old) must not go negative.
    if (sign < 0 && !sums.has(key)) continue;
    sums.set(key, (sums.get(key) ?? 0) + sign * milli);
  }
  // Cells that sum to zero are kept: a missing cell must mean "stripped", never "cancelled out".
  const out = [...sums].sort(([a], [b]) => (a < b ? -1 : 1));
  return out.length > 0 ? out : undefined;
}

const bucket = (day: number, milli: number, reports: number, pairs: PairTotals | undefined): DayBucket =>
  pairs ? [day, milli, reports, pairs] : [day, milli, reports];

/** `days` with `entry` added (sign 1) or taken out (sign -1). */
export function addEntry(days: readonly DayBucket[], entry: LedgerEntry, sign: 1 | -1): DayBucket[] {
  const i = days.findIndex((b) => b[0] >= entry.d);
  const crisisDay = Math.max(days.length > 0 ? days[days.length - 1][0] : entry.d, sign > 0 ? entry.d : -Infinity);
  const pairs = entry.p && entry.d >= crisisDay - PAIR_WINDOW_DAYS ? entry.p : undefined;
  if (i >= 0 && days[i][0] === entry.d) {
    const [day, milli, n, old] = days[i];
    if (n + sign <= 0) return days.toSpliced(i, 1);
    return days.toSpliced(
      i,
      1,
      bucket(day, milli + sign * entry.w, n + sign, pairs ? mergePairs(old, pairs, sign) : old),
    );
  }
  if (sign < 0) return [...days]; // nothing to take out: the day was already dropped
  return days.toSpliced(i < 0 ? days.length : i, 0, bucket(entry.d, entry.w, 1, pairs));
}

/**
 * Bounds the days: pair totals older than PAIR_WINDOW_DAYS are stripped, and beyond
 * MAX_TENSION_DAYS the oldest days are dropped. Returns the newest dropped day, if any
 * (ledger entries up to it can no longer be taken out).
 */
export function boundDays(days: DayBucket[]): { days: DayBucket[]; droppedThrough: number | null } {
  if (days.length === 0) return { days, droppedThrough: null };
  const cutoff = days[days.length - 1][0] - PAIR_WINDOW_DAYS;
  for (let i = 0; i < days.length && days[i][0] < cutoff; i++)
    if (days[i][3]) days[i] = [days[i][0], days[i][1], days[i][2]];
  if (days.length <= MAX_TENSION_DAYS) return { days, droppedThrough: null };
  return {
    days: days.slice(days.length - MAX_TENSION_DAYS),
    droppedThrough: days[days.length - MAX_TENSION_DAYS - 1][0],
  };
}
