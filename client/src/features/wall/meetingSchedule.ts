/** Pure: which meetings a wall lists, and how each reads ("Geneva · Blinken–Lavrov"). */
import type { Meeting } from '../../../../shared/state.js';
import { meetingStartMs } from './countdown.js';

const DAY = 86_400_000;

/** Upcoming and undated meetings first (soonest first), then the most recent past ones, up to `max`. */
export function selectMeetings(meetings: readonly Meeting[], nowMs: number, max: number): Meeting[] {
  const upcoming: Meeting[] = [];
  const past: Meeting[] = [];
  for (const m of meetings) {
    const start = m.date === null ? null : meetingStartMs(m.date);
    // A date-only meeting stays "upcoming" for the whole of its day.
    if (start === null || start + DAY > nowMs) upcoming.push(m);
    else past.push(m);
  }
  const key = (m: Meeting): number =>
    m.date === null ? Number.POSITIVE_INFINITY : (meetingStartMs(m.date) ?? Number.POSITIVE_INFINITY);
  upcoming.sort((a, b) => key(a) - key(b) || a.id.localeCompare(b.id));
  past.sort((a, b) => key(b) - key(a) || a.id.localeCompare(b.id));
  const chosen = upcoming.slice(0, max);
  return chosen.concat(past.slice(0, Math.max(0, max - chosen.length)));
}

const kindWords: Record<Meeting['kind'], string> = {
  'in-person': 'Meeting',
  call: 'Phone call',
  video: 'Video call',
  multilateral: 'Summit',
};

/** "Geneva", or the kind of meeting when it has no place ("Phone call"). */
export function meetingPlace(m: Pick<Meeting, 'place' | 'kind'>): string {
  return m.place ?? kindWords[m.kind];
}

/** Participants joined by an en dash ("Blinken–Lavrov"); more than four are summarised. */
export function meetingParticipants(participants: readonly string[]): string {
  if (participants.length === 0) return 'participants unknown';
  if (participants.length <= 4) return participants.join('–');
  return `${participants.slice(0, 3).join('–')} +${participants.length - 3}`;
}
