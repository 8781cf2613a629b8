/**
 * The ledger: what each recent report contributed, sorted by (day, reportId) so the
 * oldest are evicted first and every scan visits entries in one canonical order
 * (floating-point sums then do not depend on arrival order).
 */
import { MAX_LEDGER_REPORTS } from './constants.js';
import type { LedgerEntry } from './types.js';

function before(a: LedgerEntry, d: number, id: string): boolean {
  return a.d < d || (a.d === d && a.id < id);
}

/** Index of the first entry not before (day, reportId), by binary search. */
function lowerBound(ledger: readonly LedgerEntry[], d: number, id: string): number {
  let lo = 0;
  let hi = ledger.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(ledger[mid], d, id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where a report's entry is, or -1 when it is not remembered. Found by its day and id, since a
 * report keeps its dateline (its id hashes text and dateline): no scan of the whole ledger.
 */
export function entryIndex(ledger: readonly LedgerEntry[], day: number, reportId: string): number {
  const at = lowerBound(ledger, day, reportId);
  return at < ledger.length && ledger[at].id === reportId ? at : -1;
}

/**
 * A new ledger without the entry at `at` (none when -1) and with `entry` (when given) in its
 * place. Beyond MAX_LEDGER_REPORTS the oldest entries are dropped: their contribution stays
 * in the day sums ("frozen") but can no longer be taken out again.
 */
export function replaceEntry(ledger: readonly LedgerEntry[], at: number, entry: LedgerEntry | null): LedgerEntry[] {
  // One copy of the ledger per report folded, not three: it is the state's largest array, and
  // its copies were a sixth of what the ingest worker allocated (bench ingest).
  if (at < 0) return entry ? withEntry(ledger, entry) : [...ledger];
  // Same day and id, so the same place in the order.
  if (entry && entry.d === ledger[at].d && entry.id === ledger[at].id) return ledger.with(at, entry);
  const without = ledger.toSpliced(at, 1);
  return entry ? withEntry(without, entry) : without;
}

/** A copy of `ledger` with `entry` in its place, the oldest dropped beyond MAX_LEDGER_REPORTS. */
function withEntry(ledger: readonly LedgerEntry[], entry: LedgerEntry): LedgerEntry[] {
  const next = ledger.toSpliced(lowerBound(ledger, entry.d, entry.id), 0, entry);
  if (next.length > MAX_LEDGER_REPORTS) next.splice(0, next.length - MAX_LEDGER_REPORTS);
  return next;
}

/** Drops entries of days on or before `day` (their day sums were dropped, so they are frozen). */
export function dropThrough(ledger: LedgerEntry[], day: number): LedgerEntry[] {
  return ledger[0] && ledger[0].d <= day ? ledger.filter((e) => e.d > day) : ledger;
}
