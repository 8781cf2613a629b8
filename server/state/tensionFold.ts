/**
 * Folding one report's tension signals in or out: exact integer day sums for the index,
 * and a bounded pool of the strongest signals to name as drivers.
 */
import type { TensionSignal } from '../../shared/extraction.js';
import { DRIVER_POOL_SIZE, HALF_LIFE_DAYS, MAX_TENSION_DAYS, WEIGHT_MILLI } from './constants.js';
import { storedEvidence } from './evidence.js';
import { pairKey } from './names.js';
import type { CrisisState, DayBucket, DriverCandidate, LedgerEntry } from './types.js';

type Tension = CrisisState['tension'];

/** A report's signal total and per-pair totals, in thousandths. */
export function signalTotals(signals: readonly TensionSignal[]): { milli: number; pairs?: Record<string, number> } {
  let milli = 0;
  const pairs: Record<string, number> = {};
  let anyPair = false;
  for (const s of signals) {
    const m = Math.round(s.weight * WEIGHT_MILLI);
    milli += m;
    const key = pairKey(s.actors);
    if (key !== null && m !== 0) {
      pairs[key] = (pairs[key] ?? 0) + m;
      anyPair = true;
    }
  }
  return anyPair ? { milli, pairs } : { milli };
}

function addToDays(days: DayBucket[], day: number, milli: number, reports: number): DayBucket[] {
  const i = days.findIndex((b) => b[0] >= day);
  if (i >= 0 && days[i][0] === day) {
    const [, m, n] = days[i];
    const next: DayBucket = [day, m + milli, n + reports];
    return next[2] <= 0 ? days.toSpliced(i, 1) : days.toSpliced(i, 1, next);
  }
  if (reports <= 0) return days; // nothing to take out: the day was already dropped
  return days.toSpliced(i < 0 ? days.length : i, 0, [day, milli, reports]);
}

/** Decay-invariant strength: comparing two signals by this gives the same order at any crisis time. */
function strength(c: DriverCandidate): number {
  return Math.log2(Math.abs(c.weight)) + c.day / HALF_LIFE_DAYS;
}

function byStrength(a: DriverCandidate, b: DriverCandidate): number {
  return strength(b) - strength(a) || (a.reportId < b.reportId ? -1 : a.reportId > b.reportId ? 1 : a.index - b.index);
}

/**
 * Takes `old` out and puts `next` in. Returns the new tension part and the newest day
 * dropped to respect MAX_TENSION_DAYS (ledger entries up to it are then frozen), if any.
 */
export function foldTension(
  tension: Tension,
  reportId: string,
  old: LedgerEntry | undefined,
  next: { entry: LedgerEntry; at: string; signals: readonly TensionSignal[] } | null,
): { tension: Tension; droppedThrough: number | null } {
  let days = tension.days;
  if (old) days = addToDays(days, old.day, -old.milli, -1);
  if (next) days = addToDays(days, next.entry.day, next.entry.milli, 1);
  let droppedThrough: number | null = null;
  if (days.length > MAX_TENSION_DAYS) {
    droppedThrough = days[days.length - MAX_TENSION_DAYS - 1][0];
    days = days.slice(days.length - MAX_TENSION_DAYS);
  }

  let candidates = tension.candidates.filter((c) => c.reportId !== reportId);
  if (next) {
    const added = next.signals.flatMap((s, index): DriverCandidate[] =>
      s.weight === 0
        ? []
        : [
            {
              reportId,
              index,
              at: next.at,
              day: next.entry.day,
              phrase: s.phrase,
              weight: s.weight,
              category: s.category,
              ...(s.actors ? { actors: [...s.actors] } : {}),
              evidence: storedEvidence(s.evidence),
            },
          ],
    );
    candidates = [...candidates, ...added].sort(byStrength).slice(0, DRIVER_POOL_SIZE);
  }
  return { tension: { days, candidates }, droppedThrough };
}
