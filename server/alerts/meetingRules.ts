/** Meeting rules, pure: announced, moved or cancelled (from changes), and starting soon (from sweeps). */
import { meetingChangeKinds, type MeetingChangeKind } from '../../shared/alerts.js';
import type { Meeting } from '../../shared/state.js';
import { meetingFact } from './facts.js';
import { MAX_MEETINGS, withTold, type RuleMemo } from './memo.js';
import type { AlertContent } from './types.js';

/** What a subscriber cares about in a meeting: when, where, and whether it is still on. */
export function meetingSignature(m: Pick<Meeting, 'date' | 'place' | 'status'>): string {
  return `${m.date ?? ''}|${m.place ?? ''}|${m.status}`;
}

/** "Blinken and Lavrov in Geneva on 2022-01-21" */
export function describeMeeting(m: Pick<Meeting, 'participants' | 'place' | 'date' | 'kind'>): string {
  const who =
    m.participants.length > 2
      ? `${m.participants.slice(0, -1).join(', ')} and ${m.participants.at(-1)}`
      : m.participants.join(' and ');
  const what = m.kind === 'call' ? 'call' : m.kind === 'video' ? 'video call' : 'meeting';
  const where = m.place ? ` in ${m.place}` : '';
  const when = m.date ? ` on ${m.date}` : ' (date not yet known)';
  return `${who || 'Unnamed'} ${what}${where}${when}`;
}

function remember(memo: RuleMemo, id: string, signature: string): RuleMemo {
  const meetings = { ...(memo.meetings ?? {}) };
  delete meetings[id]; // re-insert so the oldest known meetings are the ones dropped
  meetings[id] = signature;
  const ids = Object.keys(meetings);
  for (const old of ids.slice(0, Math.max(0, ids.length - MAX_MEETINGS))) delete meetings[old];
  return { ...memo, meetings };
}

/** What happened to a meeting since the subscriber last saw it, if anything worth telling. */
export function meetingChangeKind(previous: string | undefined, meeting: Meeting): MeetingChangeKind | null {
  if (previous === undefined) return meeting.status === 'cancelled' ? null : 'new';
  const [date, place, status] = previous.split('|');
  if (meeting.status === 'cancelled') return status === 'cancelled' ? null : 'cancelled';
  if ((meeting.date ?? '') !== date || (meeting.place ?? '') !== place) return 'moved';
  return null;
}

export function judgeMeetingChanged(
  rule: { changes?: MeetingChangeKind[] },
  meeting: Meeting,
  memo: RuleMemo,
): { alert: AlertContent | null; memo: RuleMemo } {
  if (meeting.sources.length === 0) return { alert: null, memo }; // withdrawn by a correction: nothing to announce
  const previous = memo.meetings?.[meeting.id];
  const kind = meetingChangeKind(previous, meeting);
  const next = remember(memo, meeting.id, meetingSignature(meeting));
  if (!kind || !(rule.changes ?? meetingChangeKinds).includes(kind)) return { alert: null, memo: next };
  const reportId = meeting.sources.at(-1);
  const label = describeMeeting(meeting);
  if (kind === 'new') {
    return {
      alert: {
        title: `New ${meeting.status} meeting: ${label}`,
        body: `${label}. Reported in ${meeting.sources.length} report(s).`,
        reportId,
        facts: [meetingFact(meeting)],
      },
      memo: next,
    };
  }
  const [date, place] = (previous ?? '').split('|');
  if (kind === 'moved') {
    const was = `${place ? ` in ${place}` : ''}${date ? ` on ${date}` : ''}`.trim();
    return {
      alert: {
        title: `Meeting moved: ${label}`,
        body: `${label}. Before, it was expected ${was || 'without a place or date'}.`,
        reportId,
        facts: [meetingFact(meeting)],
      },
      memo: next,
    };
  }
  return {
    alert: {
      title: `Meeting cancelled: ${label}`,
      body: `${label} is now reported as cancelled.`,
      reportId,
      facts: [meetingFact(meeting)],
    },
    memo: next,
  };
}

/** Meetings are dated by day; a meeting "starts" at 00:00 UTC of its date (no time of day is extracted). */
export function meetingStartMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Meetings starting within `hours` of `nowMs` that this subscriber was not yet told about (each once per date). */
export function judgeMeetingSoon(
  hours: number,
  meetings: Meeting[],
  nowMs: number,
  memo: RuleMemo,
): { alerts: (AlertContent & { tellKey: string })[]; memo: RuleMemo } {
  const alerts: (AlertContent & { tellKey: string })[] = [];
  let next = memo;
  for (const m of meetings) {
    if (!m.date || m.status === 'cancelled' || m.status === 'held' || m.sources.length === 0) continue;
    const inMs = meetingStartMs(m.date) - nowMs;
    if (inMs < 0 || inMs > hours * 3_600_000) continue;
    const tellKey = `${m.id}@${m.date}`;
    if (next.told?.includes(tellKey)) continue;
    next = withTold(next, tellKey);
    const inHours = Math.max(1, Math.round(inMs / 3_600_000));
    const label = describeMeeting(m);
    alerts.push({
      tellKey,
      title: `Starting within ${inHours} h: ${label}`,
      body: `${label} (${m.status}).`,
      reportId: m.sources.at(-1),
      facts: [meetingFact(m)],
    });
  }
  return { alerts, memo: next };
}
