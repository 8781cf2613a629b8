/**
 * Per actor pair, the tension index day by day over the pair window, with the signals behind
 * each rise. Same arithmetic as the whole index (tensionView.ts): each day adds the mean of its
 * reports' pair totals, decayed with HALF_LIFE_DAYS; only the window keeps pair totals, so the
 * series starts there.
 */
import type { TensionPairPoint } from '../../shared/state.js';
import { PAIR_DRIVERS_SHOWN, WEIGHT_MILLI } from './constants.js';
import { pairKey } from './names.js';
import { dayString, decay } from './time.js';
import type { DayBucket, DriverCandidate } from './types.js';

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

type Series = { sum: number; lastDay: number; points: TensionPairPoint[]; days: number[] };

const strongestFirst = (a: DriverCandidate, b: DriverCandidate): number =>
  b.weight - a.weight || (a.reportId < b.reportId ? -1 : a.reportId > b.reportId ? 1 : a.index - b.index);

/**
 * The history of each pair in `keys` ("Russia|Ukraine"), valued by `indexOf` (the 0..100 map of a
 * decayed sum). A point is made for every day with reports from the pair's first signal on, so
 * a quiet day shows the decay; a day whose value rose names the pair's escalating signals of that
 * day that the driver pool still holds (at most PAIR_DRIVERS_SHOWN, strongest first).
 */
export function pairHistories(
  days: readonly DayBucket[],
  candidates: readonly DriverCandidate[],
  keys: readonly string[],
  indexOf: (sum: number) => number,
): Map<string, TensionPairPoint[]> {
  const wanted = new Set(keys);
  const series = new Map<string, Series>();
  const reportsOn = new Map<number, number>();
  for (const [day, , n, cells] of days) {
    reportsOn.set(day, n);
    const today = new Map<Series, number>();
    for (const [key, milli] of cells ?? []) {
      let s = series.get(key);
      // A cell that sums to zero (a report taken out) is as if never there: the series starts
      // at the pair's first signal, whatever order reports came and went in.
      if (!s && (milli === 0 || !wanted.has(key))) continue;
      if (!s) series.set(key, (s = { sum: 0, lastDay: day, points: [], days: [] }));
      today.set(s, milli);
    }
    for (const s of series.values()) {
      s.sum = s.sum * decay(day - s.lastDay) + (today.get(s) ?? 0) / WEIGHT_MILLI / n;
      s.lastDay = day;
      s.points.push({ at: dayString(day), value: indexOf(s.sum) });
      s.days.push(day);
    }
  }

  const behind = new Map<string, DriverCandidate[]>();
  for (const c of candidates) {
    const key = pairKey(c.actors);
    if (key === null || !series.has(key) || c.weight <= 0) continue;
    const slot = `${key}@${c.day}`;
    behind.set(slot, [...(behind.get(slot) ?? []), c]);
  }

  const out = new Map<string, TensionPairPoint[]>();
  for (const [key, { points, days: pointDays }] of series) {
    points.forEach((p, i) => {
      if (i > 0 && p.value <= points[i - 1].value) return;
      const day = pointDays[i];
      const n = reportsOn.get(day) ?? 1;
      const drivers = (behind.get(`${key}@${day}`) ?? [])
        .sort(strongestFirst)
        .slice(0, PAIR_DRIVERS_SHOWN)
        .map((c) => ({
          reportId: c.reportId,
          phrase: c.phrase,
          weight: c.weight,
          contribution: round(c.weight / n, 3),
        }));
      if (drivers.length > 0) p.drivers = drivers;
    });
    out.set(key, points);
  }
  return out;
}
