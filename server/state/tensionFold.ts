/**
 * Folding one report's tension signals in or out: exact integer day sums for the index,
 * and a bounded pool of the strongest signals to name as drivers.
 */
import type { TensionSignal } from '../../shared/extraction.js';
import { DRIVER_POOL_SIZE, HALF_LIFE_DAYS, WEIGHT_MILLI } from './constants.js';
import { addEntry, boundDays } from './days.js';
import { storedEvidence } from './evidence.js';
import { pairKey } from './names.js';
import type { CrisisState, DriverCandidate, LedgerEntry } from './types.js';

type Tension = CrisisState['tension'];

/** A report's signal total and per-pair totals, in thousandths. */
export function signalTotals(signals: readonly TensionSignal[]): Pick<LedgerEntry, 'w' | 'p'> {
  let w = 0;
  const pairs = new Map<string, number>();
  for (const s of signals) {
    const m = Math.round(s.weight * WEIGHT_MILLI);
    w += m;
    const key = pairKey(s.actors);
    if (key !== null && m !== 0) pairs.set(key, (pairs.get(key) ?? 0) + m);
  }
  const p = [...pairs].filter(([, m]) => m !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  return p.length > 0 ? { w, p } : { w };
}

/** Decay-invariant strength: comparing two signals by this gives the same order at any crisis time. */
function strength(c: DriverCandidate): number {
  return strengthOf(c.weight, c.day);
}

function strengthOf(weight: number, day: number): number {
  return Math.log2(Math.abs(weight)) + day / HALF_LIFE_DAYS;
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
  let days = [...tension.days];
  if (old) days = addEntry(days, old, -1);
  if (next) days = addEntry(days, next.entry, 1);
  const bounded = boundDays(days);

  let candidates = tension.candidates.filter((c) => c.reportId !== reportId);
  if (next) {
    // A signal weaker than every member of a full pool cannot get in: most signals of a busy
    // day do not, and building them made a tenth of the fold's garbage (bench ingest).
    let floor = -Infinity;
    if (candidates.length >= DRIVER_POOL_SIZE) {
      floor = Infinity;
      for (const c of candidates) floor = Math.min(floor, strength(c));
    }
    const day = next.entry.d;
    const added: DriverCandidate[] = [];
    next.signals.forEach((s, index) => {
      if (s.weight === 0 || strengthOf(s.weight, day) < floor) return;
      added.push({
        reportId,
        index,
        at: next.at,
        day,
        phrase: s.phrase,
        weight: s.weight,
        category: s.category,
        ...(s.actors ? { actors: [...s.actors] } : {}),
        evidence: storedEvidence(s.evidence),
      });
    });
    if (added.length > 0) candidates = [...candidates, ...added].sort(byStrength).slice(0, DRIVER_POOL_SIZE);
  }
  return { tension: { days: bounded.days, candidates }, droppedThrough: bounded.droppedThrough };
}
