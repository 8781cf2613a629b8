/**
 * Per actor pair, the tension index day by day over the pair window, with the signals behind
 * each rise. Same arithmetic as the whole index (tensionView.ts): each day adds the mean of its
 * reports' pair totals, decayed with HALF_LIFE_DAYS; only the window keeps pair totals, so the
 * series starts there.
 */
import type { TensionDriver, TensionPairPoint } from '../../shared/state.js';
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
  toDriver: (c: DriverCandidate, contribution: number) => TensionDriver,
): Map<string, TensionPairPoint[]> {
  const wanted = new Set(keys);
  const series = new Map<string, Series>();
  const reportsOn = new Map<number, number>();
  for (const [day, , n, cells] of days) {
    reportsOn.set(day, n);
    const today = new Map(cells ?? []);
    for (const key of today.keys()) {
      if (wanted.has(key) && !series.has(key)) series.set(key, { sum: 0, lastDay: day, points: [], days: [] });
    }
    for (const [key, s] of series) {
      s.sum = s.sum * decay(day - s.lastDay) + (today.get(key) ?? 0) / WEIGHT_MILLI / n;
      s.lastDay = day;
      s.points.push({ at: dayString(day), value: indexOf(s.sum), drivers: [] });
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
      p.drivers = (behind.get(`${key}@${day}`) ?? [])
        .sort(strongestFirst)
        .slice(0, PAIR_DRIVERS_SHOWN)
        .map((c) => toDriver(c, round(c.weight / n, 3)));
    });
    out.set(key, points);
  }
  return out;
}
