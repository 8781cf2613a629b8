/**
 * The public tension index, derived from the day sums, the ledger and the driver pool.
 *
 * Each day's score is the mean signal total of that day's reports (so a burst of
 * near-identical wires does not multiply tension), decayed with HALF_LIFE_DAYS to crisis
 * time (the newest day with reports), summed, and mapped to 0..100 by
 * 100 * tanh(max(0, sum) / TENSION_SCALE): it saturates instead of overflowing, and net
 * de-escalation reads as 0. A driver's `contribution` is its weight × decay / reports
 * that day, so the drivers add up to (the largest part of) the sum behind the value.
 */
import type { PublicTension, TensionDriver, TensionLevel, TensionPair } from '../../shared/state.js';
import {
  DRIVERS_SHOWN,
  LEVEL_THRESHOLDS,
  PAIR_DRIVERS_SHOWN,
  PAIRS_SHOWN,
  TENSION_SCALE,
  WEIGHT_MILLI,
} from './constants.js';
import { pairKey } from './names.js';
import { pairHistories } from './pairHistory.js';
import { dayString, decay } from './time.js';
import type { CrisisState, DriverCandidate } from './types.js';

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The 0..100 index of a decayed signal sum (one decimal). */
export function indexValue(sum: number): number {
  return round(100 * Math.tanh(Math.max(0, sum) / TENSION_SCALE), 1);
}

/** Level of an index value: low < 25 ≤ elevated < 50 ≤ high < 75 ≤ severe. */
export function tensionLevel(value: number): TensionLevel {
  if (value >= LEVEL_THRESHOLDS.severe) return 'severe';
  if (value >= LEVEL_THRESHOLDS.high) return 'high';
  if (value >= LEVEL_THRESHOLDS.elevated) return 'elevated';
  return 'low';
}

function toDriver(c: DriverCandidate, contribution: number): TensionDriver {
  return {
    reportId: c.reportId,
    at: c.at,
    phrase: c.phrase,
    weight: c.weight,
    category: c.category,
    ...(c.actors ? { actors: [...c.actors] } : {}),
    contribution,
    evidence: { ...c.evidence },
  };
}

function byContribution(a: TensionDriver, b: TensionDriver): number {
  return (
    Math.abs(b.contribution) - Math.abs(a.contribution) ||
    (a.reportId < b.reportId ? -1 : a.reportId > b.reportId ? 1 : 0)
  );
}

/** The public tension of a state. */
export function publicTension(state: CrisisState): PublicTension {
  const { days, candidates } = state.tension;
  if (days.length === 0) return { value: 0, level: 'low', history: [], drivers: [], pairs: [] };
  const crisisDay = days[days.length - 1][0];
  const reportsOnDay = new Map(days.map(([day, , n]) => [day, n]));

  // Recursive decay over the sorted days: one pass, always in the same order.
  const history: PublicTension['history'] = [];
  let sum = 0;
  let prevDay = days[0][0];
  for (const [day, milli, n] of days) {
    sum = sum * decay(day - prevDay) + milli / WEIGHT_MILLI / n;
    prevDay = day;
    history.push({ at: dayString(day), value: indexValue(sum) });
  }
  const value = history[history.length - 1].value;

  // What one unit of weight reported on `day` counts for now: decay / reports that day.
  const perUnit = new Map<number, number>();
  const unitOf = (day: number): number | undefined => {
    let f = perUnit.get(day);
    if (f === undefined) {
      const n = reportsOnDay.get(day);
      if (n === undefined) return undefined;
      f = decay(crisisDay - day) / n;
      perUnit.set(day, f);
    }
    return f;
  };

  const all: { key: string | null; driver: TensionDriver }[] = [];
  for (const c of candidates) {
    const unit = unitOf(c.day);
    if (unit === undefined) continue;
    const contribution = round(c.weight * unit, 3);
    if (contribution !== 0) all.push({ key: pairKey(c.actors), driver: toDriver(c, contribution) });
  }
  all.sort((a, b) => byContribution(a.driver, b.driver));
  const drivers = all.slice(0, DRIVERS_SHOWN).map((d) => d.driver);

  const pairSums = new Map<string, number>();
  for (const [day, , , cells] of days) {
    if (!cells) continue;
    const factor = (unitOf(day) ?? 0) / WEIGHT_MILLI;
    for (const [key, milli] of cells) pairSums.set(key, (pairSums.get(key) ?? 0) + milli * factor);
  }
  const shown = [...pairSums]
    .filter(([, s]) => Math.abs(s) >= 1e-6)
    .sort(([ka, a], [kb, b]) => Math.abs(b) - Math.abs(a) || (ka < kb ? -1 : 1))
    .slice(0, PAIRS_SHOWN);
  const histories = pairHistories(
    days,
    candidates,
    shown.map(([key]) => key),
    indexValue,
  );
  const pairs: TensionPair[] = shown.map(([key, s]) => {
    const v = indexValue(s);
    return {
      actors: key.split('|'),
      value: v,
      level: tensionLevel(v),
      drivers: all
        .filter((d) => d.key === key)
        .slice(0, PAIR_DRIVERS_SHOWN)
        .map((d) => d.driver),
      history: histories.get(key) ?? [],
    };
  });

  return { value, level: tensionLevel(value), history, drivers, pairs };
}
