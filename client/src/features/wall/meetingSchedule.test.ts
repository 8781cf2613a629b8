import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../../shared/state.js';
import { meetingParticipants, meetingPlace, selectMeetings } from './meetingSchedule.js';

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
    expect(selectMeetings(all, now, 10).map((x) => x.id)).toEqual(['today', 'fri', 'feb', 'tbd', 'tue', 'old']);
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
