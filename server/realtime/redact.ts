/**
 * What tokens (wall screens, scripts) may see of the desk's work: the flags on a report, without
 * who set them or their notes, and a journalist's assignment of a report to a crisis without
 * their name, verdicts without who gave or checks them. Signed-in users see everything.
 */
import type { CrisisAssignment } from '../../shared/crisis.js';
import type { Change } from '../../shared/events.js';
import type { Flag, ReportDetail, ReportSummary } from '../../shared/report.js';
import type { PublicState } from '../../shared/state.js';
import type { ReportVerification, Verdict } from '../../shared/verification.js';

const BY_HAND = 'journalist';

function publicFlags(flags: Flag[]): Flag[] {
  return flags.some((f) => f.by !== undefined || f.note !== undefined)
    ? flags.map((f) => ({ flag: f.flag, at: f.at }))
    : flags;
}

function publicCrises(crises: CrisisAssignment[] | undefined): CrisisAssignment[] | undefined {
  if (!crises?.some((c) => c.by !== 'rule')) return crises;
  return crises.map((c) => (c.by === 'rule' ? c : { slug: c.slug, reason: 'assigned by a journalist', by: BY_HAND }));
}

function publicVerdict(v: Verdict): Verdict {
  return { status: v.status, assignee: null, by: null, at: v.at, ...(v.locked ? { locked: true } : {}) };
}

/** Verdicts without who gave them, who checks them, nor their notes. */
export function publicVerification(v: ReportVerification): ReportVerification;
export function publicVerification(v: ReportVerification | undefined): ReportVerification | undefined;
export function publicVerification(v: ReportVerification | undefined): ReportVerification | undefined {
  if (!v) return v;
  const facts = v.facts
    ? Object.fromEntries(Object.entries(v.facts).map(([k, f]) => [k, publicVerdict(f)]))
    : undefined;
  return { ...publicVerdict(v), ...(facts ? { facts } : {}) };
}

export function publicSummary(report: ReportSummary): ReportSummary {
  const flags = publicFlags(report.flags);
  const crises = publicCrises(report.crises);
  if (flags === report.flags && crises === report.crises && !report.verification) return report;
  const verification = publicVerification(report.verification);
  return { ...report, flags, ...(crises ? { crises } : {}), ...(verification ? { verification } : {}) };
}

/** The change as a token may see it; the very same object when there is nothing to hide. */
export function publicChange(change: Change): Change {
  switch (change.type) {
    case 'flag.changed': {
      const flags = publicFlags(change.flags);
      return flags === change.flags ? change : { ...change, flags };
    }
    case 'verification.changed':
      return { ...change, verification: publicVerification(change.verification) };
    case 'report.added':
    case 'report.updated': {
      const report = publicSummary(change.report);
      return report === change.report ? change : { ...change, report };
    }
    default:
      return change;
  }
}

export function publicState(state: PublicState): PublicState {
  const reports = state.reports.map(publicSummary);
  return reports.every((r, i) => r === state.reports[i]) ? state : { ...state, reports };
}

export function publicDetail(detail: ReportDetail): ReportDetail {
  const flags = publicFlags(detail.flags);
  const crises = publicCrises(detail.crises);
  return { ...detail, flags, ...(crises ? { crises } : {}), verification: publicVerification(detail.verification) };
}
