import type { Meeting, PublicTension, PublicTroops } from '../../shared/state.js';
import { deriveMeeting } from './meetingView.js';
import { publicTension } from './tensionView.js';
import { publicTroops } from './troops.js';
import type { CrisisState, FoldOptions, MeetingRecord } from './types.js';

/** Meetings by date, undated last; ties by id so the order never depends on arrival. */
export function byDate(a: Meeting, b: Meeting): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The public meetings of a set of records, sorted by date. */
export function publicMeetings(meetings: readonly MeetingRecord[]): Meeting[] {
  return meetings.flatMap((r) => deriveMeeting(r) ?? []).sort(byDate);
}

/** The public picture of a state: what GET /api/state and the snapshot show (without seq and reports). */
export function publicView(
  state: CrisisState,
  options: FoldOptions = {},
): { tension: PublicTension; troops: PublicTroops; meetings: Meeting[] } {
  return {
    tension: publicTension(state),
    troops: publicTroops(state, options),
    meetings: publicMeetings(state.meetings),
  };
}
