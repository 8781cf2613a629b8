/**
 * Pure: a meeting's history (one entry per report, in dateline order, from the fold) read as
 * steps a desk talks about: announced, moved, postponed, rescheduled, cancelled, held, or a report
 * that only restated it.
 */
import type { MeetingHistoryEntry } from '../../../../../shared/state.js';

export type MeetingStepKind = 'announced' | 'moved' | 'postponed' | 'rescheduled' | 'cancelled' | 'held' | 'restated';
export type MeetingStep = { kind: MeetingStepKind; entry: MeetingHistoryEntry };

export const stepLabels: Record<MeetingStepKind, string> = {
  announced: 'Announced',
  moved: 'Moved',
  postponed: 'Postponed',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
  held: 'Held',
  restated: 'Reported again',
};

const samePlace = (a: string | null, b: string | null) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

export function meetingSteps(history: readonly MeetingHistoryEntry[]): MeetingStep[] {
  let status: MeetingHistoryEntry['status'] | null = null;
  let date: string | null = null;
  let place: string | null = null;
  return history.map((entry, i) => {
    let kind: MeetingStepKind;
    if (i === 0) kind = entry.status === 'held' || entry.status === 'cancelled' ? entry.status : 'announced';
    else if (entry.status === 'held' && status !== 'held') kind = 'held';
    else if (entry.status === 'cancelled' && status !== 'cancelled') kind = 'cancelled';
    else if (status === 'cancelled' && entry.date !== null && entry.date !== date) kind = 'rescheduled';
    else if (entry.date !== null && date !== null && entry.date > date) kind = 'postponed';
    else if (
      (entry.date !== null && date !== null && entry.date < date) ||
      (entry.place !== null && place !== null && !samePlace(entry.place, place))
    )
      kind = 'moved';
    else kind = 'restated';
    // Held is final, as in the fold; a cancellation is lifted by a new date.
    if (status !== 'held') status = entry.status === 'proposed' && status ? status : entry.status;
    date = entry.date ?? date;
    place = entry.place ?? place;
    return { kind, entry };
  });
}
