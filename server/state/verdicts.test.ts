import { describe, expect, it } from 'vitest';
import type { Extraction, MeetingMention, TroopMention } from '../../shared/extraction.js';
import type { ReportVerification } from '../../shared/verification.js';
import { applyReport } from './apply.js';
import { emptyState } from './types.js';
import { publicView } from './view.js';
import { factsTakenOffTheWall, withVerdicts } from './verdicts.js';

const ev = { text: '', start: 0, end: 0 };
const troop = (value: number): TroopMention => ({
  value,
  qualifier: 'about',
  actor: 'Russia',
  location: 'Ukraine',
  hypothetical: false,
  evidence: ev,
});
const meeting = (place: string): MeetingMention => ({
  participants: ['Antony Blinken', 'Sergei Lavrov'],
  place,
  date: '2022-01-21',
  kind: 'in-person',
  status: 'scheduled',
  evidence: ev,
});
const extraction: Extraction = {
  troops: [troop(100_000), troop(90_000)],
  meetings: [meeting('Geneva')],
  tension: { delta: 0, signals: [] },
  entities: { people: [], places: [], organizations: [] },
};
const verdict = (status: ReportVerification['status']) => ({ status, assignee: null, by: 'x', at: 'now' });

describe('verdicts applied before the fold', () => {
  it('changes nothing without verdicts', () => {
    expect(withVerdicts(extraction, [], undefined)).toBe(extraction);
  });

  it('marks each fact with its own verdict, else its report’s, and takes false ones off', () => {
    const v: ReportVerification = {
      ...verdict('in-progress'),
      facts: { 'troops:0': verdict('false'), 'meetings:0': verdict('verified') },
    };
    const out = withVerdicts(extraction, [], v);
    expect(out.troops.map((t) => [t.value, t.verification])).toEqual([[90_000, 'in-progress']]);
    expect(out.meetings.map((m) => m.verification)).toEqual(['verified']);
    expect(factsTakenOffTheWall({ troops: 2, meetings: 1 }, v)).toEqual([{ kind: 'troops', index: 0 }]);
  });

  it('a false report takes all its facts off; a fact’s own verdict still wins', () => {
    const v: ReportVerification = { ...verdict('false'), facts: { 'troops:1': verdict('verified') } };
    const out = withVerdicts(extraction, [], v);
    expect(out.troops.map((t) => t.value)).toEqual([90_000]);
    expect(out.meetings).toEqual([]);
  });

  it('keeps indexes on the machine’s extraction when corrections reject or add', () => {
    const v: ReportVerification = { ...verdict('verified'), facts: { 'troops:1': verdict('inconclusive') } };
    const out = withVerdicts(
      extraction,
      [
        { kind: 'troop.reject', index: 0 },
        { kind: 'troop.add', troop: { value: 5, qualifier: 'exact', hypothetical: false } },
      ],
      v,
    );
    expect(out.troops.map((t) => [t.value, t.verification])).toEqual([
      [90_000, 'inconclusive'],
      [5, 'verified'],
    ]);
  });

  it('the fold keeps the status on claims and meetings', () => {
    const v: ReportVerification = { ...verdict('verified'), facts: { 'troops:1': verdict('false') } };
    const { state } = applyReport(emptyState(), {
      reportId: 'r1',
      dateline: '2022-01-19',
      extraction: withVerdicts(extraction, [], v),
    });
    const view = publicView(state, { principal: { force: 'Russia', theatre: 'Ukraine' } });
    expect(view.troops.current?.claims.map((c) => [c.value, c.verification])).toEqual([[100_000, 'verified']]);
    expect(view.meetings[0].verification).toBe('verified');
  });
});
