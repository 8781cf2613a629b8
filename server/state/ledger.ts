/**
 * The ledger: what each recent report contributed, sorted by (day, reportId) so the
 * oldest are evicted first and every scan visits entries in one canonical order
 * (floating-point sums then do not depend on arrival order).
 */
import { MAX_LEDGER_REPORTS } from './constants.js';
import type { LedgerEntry } from './types.js';

function before(a: LedgerEntry, b: LedgerEntry): boolean {
  return a.d < b.d || (a.d === b.d && a.id < b.id);
}

/** The entry of a report, if it is still remembered. */
export function findEntry(ledger: readonly LedgerEntry[], reportId: string): LedgerEntry | undefined {
  return ledger.find((e) => e.id === reportId);
}

/**
 * A new ledger without `reportId`'s entry and with `entry` (when given) in its place.
 * Beyond MAX_LEDGER_REPORTS the oldest entries are dropped: their contribution stays in
 * the day sums ("frozen") but can no longer be taken out again.
 */
export function replaceEntry(
  ledger: readonly LedgerEntry[],
  reportId: string,
  entry: LedgerEntry | null,
): LedgerEntry[] {
  const at = ledger.findIndex((e) => e.id === reportId);
  const next = at >= 0 ? ledger.toSpliced(at, 1) : [...ledger];
  if (entry) {
    let lo = 0;
    let hi = next.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(next[mid], entry)) lo = mid + 1;
      else hi = mid;
    }
    next.splice(lo, 0, entry);
  }
  return next.length > MAX_LEDGER_REPORTS ? next.slice(next.length - MAX_LEDGER_REPORTS) : next;
}

/** Drops entries of days on or before `day` (their day sums were dropped, so they are frozen). */
export function dropThrough(ledger: LedgerEntry[], day: number): LedgerEntry[] {
  return ledger[0] && ledger[0].d <= day ? ledger.filter((e) => e.d > day) : ledger;
}
