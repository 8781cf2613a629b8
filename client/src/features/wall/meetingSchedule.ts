/** Pure: which meetings a wall lists, and how each reads ("Geneva · Blinken–Lavrov"). */
import type { Meeting } from '../../../../shared/state.js';
import { meetingStartMs } from './countdown.js';

const DAY = 86_400_000;
/** A meeting this many days past leaves the schedule (it stays in its crisis' history). */
export const PAST_DAYS_SHOWN = 3;

/**
 * Upcoming and undated meetings first (soonest first), then the most recent past ones of the
 * last PAST_DAYS_SHOWN days, up to `max`.
 */
export function selectMeetings(meetings: readonly Meeting[], nowMs: number, max: number): Meeting[] {
  const upcoming: Meeting[] = [];
  const past: Meeting[] = [];
  for (const m of meetings) {
    const start = m.date === null ? null : meetingStartMs(m.date);
    // A date-only meeting stays "upcoming" for the whole of its day.
    if (start === null || start + DAY > nowMs) upcoming.push(m);
    else if (start + DAY + PAST_DAYS_SHOWN * DAY > nowMs) past.push(m);
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

/**
 * A row's title and the line under it: the place, then who; a meeting with no place is titled by
 * who meets ("Biden–Zelensky"), and the line under it says what kind ("Phone call").
 */
export function meetingHeadings(m: Pick<Meeting, 'place' | 'kind' | 'participants'>): { title: string; line: string } {
  if (m.place) return { title: m.place, line: meetingParticipants(m.participants) };
  if (m.participants.length === 0) return { title: kindWords[m.kind], line: meetingParticipants(m.participants) };
  return { title: meetingParticipants(m.participants), line: kindWords[m.kind] };
}

const shortDay = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const dayText = (date: string) => shortDay.format(Date.parse(`${date}T00:00:00Z`));

/**
 * The meeting's story in a few words, from its history: what it was before the latest change
 * ("was Fri 21 Jan, Geneva") when it moved, or null when it never changed date or place.
 */
export function meetingHistoryLine(m: Pick<Meeting, 'history' | 'date' | 'place' | 'status'>): string | null {
  const before = [...m.history]
    .reverse()
    .find((h) => (h.date !== null && h.date !== m.date) || (h.place !== null && h.place !== m.place));
  if (!before) return null;
  const what = [
    before.date !== null && before.date !== m.date ? dayText(before.date) : null,
    before.place !== m.place ? before.place : null,
  ]
    .filter(Boolean)
    .join(', ');
  const verb =
    m.status === 'cancelled'
      ? 'was'
      : before.date !== null && m.date !== null && before.date < m.date
        ? 'postponed from'
        : 'moved from';
  return `${verb} ${what}`;
}

/** Participants joined by an en dash ("Blinken–Lavrov"); more than four are summarised. */
export function meetingParticipants(participants: readonly string[]): string {
  if (participants.length === 0) return 'participants unknown';
  if (participants.length <= 4) return participants.join('–');
  return `${participants.slice(0, 3).join('–')} +${participants.length - 3}`;
}
