import { describe, expect, it } from 'vitest';
import type { MeetingHistoryEntry } from '../../../../../shared/state.js';
import { meetingSteps } from './meetingSteps.js';

const step = (
  reportId: string,
  status: MeetingHistoryEntry['status'],
  date: string | null,
  place: string | null = 'Geneva',
): MeetingHistoryEntry => ({ at: '2022-01-19', reportId, status, date, place });

const kinds = (...h: MeetingHistoryEntry[]) => meetingSteps(h).map((s) => s.kind);

describe('a meeting history as steps', () => {
  it('announced, postponed, moved elsewhere, held', () => {
    expect(
      kinds(
        step('r1', 'scheduled', '2022-01-21'),
        step('r2', 'scheduled', '2022-01-24'),
        step('r3', 'scheduled', '2022-01-24', 'Vienna'),
        step('r4', 'held', '2022-01-24', 'Vienna'),
      ),
    ).toEqual(['announced', 'postponed', 'moved', 'held']);
  });

  it('cancelled, then rescheduled by a new date; a restatement is not news', () => {
    expect(
      kinds(
        step('r1', 'proposed', null, null),
        step('r2', 'scheduled', null, 'Geneva'),
        step('r3', 'cancelled', null, null),
        step('r4', 'scheduled', '2022-02-01', null),
        step('r5', 'scheduled', '2022-02-01', 'Geneva'),
      ),
    ).toEqual(['announced', 'restated', 'cancelled', 'rescheduled', 'restated']);
  });

  it('an earlier date is a move; a first report that it was held says so; each step keeps its report', () => {
    const steps = meetingSteps([step('r1', 'held', '2022-01-21'), step('r2', 'held', '2022-01-20')]);
    expect(steps.map((s) => [s.kind, s.entry.reportId])).toEqual([
      ['held', 'r1'],
      ['moved', 'r2'],
    ]);
  });
});
