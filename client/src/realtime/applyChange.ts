/**
 * Pure: folds one change into the client's copy of the public state. Changes at or
 * before the state's seq are ignored, so a replayed change never counts twice.
 */
import type { Change } from '../../../shared/events.js';
import { compareSeq } from '../../../shared/seq.js';
import type { ReportSummary } from '../../../shared/report.js';
import type { Meeting, PublicState } from '../../../shared/state.js';

/** The client keeps this many reports; a wall running for a week must not grow. */
export const MAX_CLIENT_REPORTS = 200;

function upsertReport(reports: ReportSummary[], report: ReportSummary): ReportSummary[] {
  const rest = reports.filter((r) => r.id !== report.id);
  const next = [report, ...rest].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  return next.slice(0, MAX_CLIENT_REPORTS);
}

function byDate(a: Meeting, b: Meeting): number {
  if (a.date === b.date) return a.id.localeCompare(b.id);
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date.localeCompare(b.date);
}

export function applyChange(state: PublicState, change: Change): PublicState {
  // Seqs are per stream: a change of another stream (a crisis switched away from) is not ours.
  if (change.crisis !== state.crisis || compareSeq(change.seq, state.seq) <= 0) return state;
  const next: PublicState = { ...state, seq: change.seq };
  switch (change.type) {
    case 'report.added':
    case 'report.updated':
      next.reports = upsertReport(state.reports, change.report);
      break;
    case 'report.removed':
      next.reports = state.reports.filter((r) => r.id !== change.id);
      break;
    case 'tension.updated':
      next.tension = change.tension;
      break;
    case 'troops.updated':
      next.troops = change.troops;
      break;
    case 'meeting.upserted': {
      const others = state.meetings.filter((m) => m.id !== change.meeting.id);
      next.meetings = (change.meeting.sources.length > 0 ? [...others, change.meeting] : others).sort(byDate);
      break;
    }
    case 'flag.changed':
      next.reports = state.reports.map((r) => (r.id === change.id ? { ...r, flags: change.flags } : r));
      break;
    case 'verification.changed':
      next.reports = state.reports.map((r) => (r.id === change.id ? { ...r, verification: change.verification } : r));
      break;
    case 'alert.fired':
    case 'crisis.changed':
    case 'crisis.reassignment':
    case 'crisis.rebuilt':
      break; // notices (and, for a rebuild, a fresh snapshot the connection asks for), not state
  }
  return next;
}
