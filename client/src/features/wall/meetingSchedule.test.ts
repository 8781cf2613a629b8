import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../../shared/state.js';
import {
  meetingHeadings,
  meetingHistoryLine,
  meetingParticipants,
  meetingPlace,
  selectMeetings,
} from './meetingSchedule.js';

const m = (id: string, date: string | null, extra: Partial<Meeting> = {}): Meeting => ({
  id,
  participants: ['A', 'B'],
  place: null,
  date,
  kind: 'in-person',
  status: 'scheduled',
  moved: false,
  sources: ['r1'],
  history: [],
  ...extra,
});

describe('selectMeetings', () => {
  const now = Date.parse('2022-01-19T12:00:00Z');
  const all = [
    m('old', '2022-01-10'),
    m('tue', '2022-01-18'),
    m('fri', '2022-01-21'),
    m('today', '2022-01-19'),
    m('tbd', null),
    m('feb', '2022-02-02'),
  ];
  it('lists upcoming (today included) soonest first, undated after dated, then the latest past ones', () => {
    expect(selectMeetings(all, now, 10).map((x) => x.id)).toEqual(['today', 'fri', 'feb', 'tbd', 'tue']);
  });
  it('lets meetings more than a few days past leave the schedule', () => {
    // 'old' (10 Jan) ended nine days ago; 'tue' (18 Jan) ended this morning. On 22 Jan at noon,
    // 'tue' has been over three days and is gone too, while 'today' (19 Jan) and 'fri' remain.
    expect(selectMeetings(all, now, 10).map((x) => x.id)).not.toContain('old');
    const later = Date.parse('2022-01-22T12:00:00Z');
    expect(selectMeetings(all, later, 10).map((x) => x.id)).toEqual(['feb', 'tbd', 'fri', 'today']);
  });
  it('bounds the list', () => {
    expect(selectMeetings(all, now, 2).map((x) => x.id)).toEqual(['today', 'fri']);
  });
});

describe('meeting labels', () => {
  it('joins participants with an en dash and summarises long lists', () => {
    expect(meetingParticipants(['Blinken', 'Lavrov'])).toBe('Blinken–Lavrov');
    expect(meetingParticipants(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A–B–C +3');
    expect(meetingParticipants([])).toBe('participants unknown');
  });
  it('names the kind of meeting when there is no place', () => {
    expect(meetingPlace({ place: 'Geneva', kind: 'in-person' })).toBe('Geneva');
    expect(meetingPlace({ place: null, kind: 'call' })).toBe('Phone call');
  });
});

describe('meeting headings', () => {
  it('titles a meeting by its place, else by who meets, with the kind underneath', () => {
    expect(meetingHeadings({ place: 'Geneva', kind: 'in-person', participants: ['Blinken', 'Lavrov'] })).toEqual({
      title: 'Geneva',
      line: 'Blinken–Lavrov',
    });
    expect(meetingHeadings({ place: null, kind: 'call', participants: ['Biden', 'Zelensky'] })).toEqual({
      title: 'Biden–Zelensky',
      line: 'Phone call',
    });
    expect(meetingHeadings({ place: null, kind: 'in-person', participants: [] }).title).toBe('Meeting');
  });
});

describe('meeting history line', () => {
  const step = (date: string | null, place: string | null, status: Meeting['status'] = 'scheduled') => ({
    at: '2022-01-18',
    reportId: 'r',
    status,
    date,
    place,
  });
  it('says where a moved meeting was', () => {
    const moved = m('x', '2022-01-24', {
      place: 'Geneva',
      history: [step('2022-01-21', 'Geneva'), step('2022-01-24', 'Geneva')],
    });
    expect(meetingHistoryLine(moved)).toBe('postponed from Fri 21 Jan');
    const elsewhere = m('y', '2022-01-21', {
      place: 'Vienna',
      history: [step('2022-01-21', 'Geneva'), step('2022-01-21', 'Vienna')],
    });
    expect(meetingHistoryLine(elsewhere)).toBe('moved from Geneva');
  });
  it('says nothing of a meeting that never moved', () => {
    expect(
      meetingHistoryLine(m('z', '2022-01-21', { place: 'Geneva', history: [step('2022-01-21', 'Geneva')] })),
    ).toBeNull();
  });
});
