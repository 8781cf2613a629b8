/**
 * A report's summary as the desk had it at a past moment: its flags and verdicts now, with every
 * change the audit trail records after the moment undone (each entry keeps the value before).
 * The trail is complete for these actions: a report whose trail is full refuses new flags and
 * verdicts (flagStore, verificationStore), so nothing changed without an entry.
 */
import type { AuditEntry } from '../../shared/desk.js';
import type { Flag, ReportSummary } from '../../shared/report.js';
import { unverified, type FactRef, type ReportVerification, type Verdict } from '../../shared/verification.js';
import { withVerdict } from '../auth/verdictRules.js';

const factOf = (detail: unknown): FactRef | null =>
  detail && typeof detail === 'object' && 'fact' in detail ? ((detail as { fact: FactRef }).fact ?? null) : null;

const untouched = (v: Verdict) => v.status === 'unverified' && v.by === null && v.assignee === null && !v.locked;

/** Without the verdicts that say nothing (never given, or given back): as a summary leaves them out. */
function meaningful(v: ReportVerification | undefined): ReportVerification | undefined {
  if (!v) return undefined;
  const facts = Object.entries(v.facts ?? {}).filter(([, f]) => !untouched(f));
  const { facts: _all, ...own } = v;
  if (facts.length === 0) return untouched(own) ? undefined : own;
  return { ...own, facts: Object.fromEntries(facts) };
}

/** `summary` as it stood at `atMs`, given its report's audit trail (oldest first). */
export function summaryAsOf(summary: ReportSummary, trail: readonly AuditEntry[], atMs: number): ReportSummary {
  let flags: Flag[] = summary.flags;
  let verification = summary.verification;
  let undone = false;
  // Newest first, every entry after the moment (clocks of several api nodes may interleave them).
  for (let i = trail.length - 1; i >= 0; i--) {
    const entry = trail[i];
    if (!(Date.parse(entry.at) > atMs)) continue;
    if (entry.action === 'flag.set' || entry.action === 'flag.removed') {
      flags = (entry.before as Flag[] | undefined) ?? [];
      undone = true;
    } else if (entry.action === 'verification.set') {
      const before = (entry.before as Verdict | undefined) ?? unverified();
      verification = withVerdict(verification, factOf(entry.detail), before);
      undone = true;
    }
  }
  if (!undone) return summary;
  const { verification: _now, ...rest } = summary;
  const then = meaningful(verification);
  return { ...rest, flags, ...(then ? { verification: then } : {}) };
}
