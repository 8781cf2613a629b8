import { describe, expect, it } from 'vitest';
import type { Correction } from '../../shared/corrections.js';
import { extraction, meeting, troop } from '../state/fixtures.js';
import { changeIndexId, correctionChange, factIndexIds, factMatches, troopFacts, type AlertFact } from './facts.js';

const at = (start: number) => ({ text: 'x', start, end: start + 5 });
const original = extraction({
  troops: [troop(100_000, { evidence: at(10) }), troop(5_000, { evidence: at(40) })],
  meetings: [meeting(['Putin', 'Scholz'], { place: 'Moscow', evidence: at(80) })],
});

describe('correctionChange', () => {
  it('a set gives the item as the wall showed it before and after', () => {
    const list: Correction[] = [{ kind: 'troop.set', index: 1, value: 6_000 }];
    expect(correctionChange(original, list, 1)).toMatchObject({
      kind: 'troop',
      before: { value: 5_000, evidence: { start: 40 } },
      after: { value: 6_000, evidence: { start: 40 } },
    });
  });

  it('a reject gives after: null, with earlier sets in before, whatever was rejected earlier', () => {
    const list: Correction[] = [
      { kind: 'troop.reject', index: 0 },
      { kind: 'troop.set', index: 1, value: 7_000 },
      { kind: 'troop.reject', index: 1 },
    ];
    expect(correctionChange(original, list, 3)).toMatchObject({ before: { value: 7_000 }, after: null });
  });

  it('nothing when nothing on the wall changed: same values, an item already rejected, an addition', () => {
    const list: Correction[] = [
      { kind: 'troop.set', index: 0, value: 100_000 },
      { kind: 'meeting.reject', index: 0 },
      { kind: 'meeting.set', index: 0, place: 'Berlin' },
      { kind: 'troop.add', troop: { value: 1, qualifier: 'exact', hypothetical: false } },
    ];
    expect([1, 2, 3, 4, 5].map((n) => correctionChange(original, list, n))).toEqual([
      null,
      expect.objectContaining({ kind: 'meeting', after: null }),
      null,
      null,
      null,
    ]);
  });

  it('is the same on every call (a retried job announces the same change)', () => {
    const list: Correction[] = [{ kind: 'meeting.set', index: 0, place: 'Berlin' }];
    expect(correctionChange(original, list, 1)).toEqual(correctionChange(original, [...list, ...list], 1));
  });
});

describe('facts of alerts and changes meet', () => {
  it('a troop claim is found by its report and evidence span, not by its index', () => {
    const claim = { ...troop(5_000, { evidence: at(40) }), reportId: 'r1', asOf: '2022-01-19' };
    const facts = troopFacts({
      force: '',
      theatre: '',
      current: { value: 5_000, low: 5_000, high: 5_000, asOf: '2022-01-19', claims: [claim] },
      hypotheticals: [],
      history: [],
      others: [],
    });
    const change = correctionChange(original, [{ kind: 'troop.set', index: 1, value: 6_000 }], 1)!;
    expect(factIndexIds(facts[0])).toContain(changeIndexId('r1', change));
    expect(factMatches(facts[0], 'r1', change)).toBe(true);
    expect(factMatches(facts[0], 'r2', change)).toBe(false);
    const other = correctionChange(original, [{ kind: 'troop.set', index: 0, value: 1 }], 1)!;
    expect(factMatches(facts[0], 'r1', other)).toBe(false);
  });

  it('a meeting is found by each of its reports; a report-level change finds every fact of the report', () => {
    const fact: AlertFact = {
      kind: 'meeting',
      meetingId: 'm1',
      reports: ['r1', 'r2'],
      meeting: { participants: ['Putin'], date: null, place: 'Moscow', kind: 'in-person', status: 'scheduled' },
    };
    const change = correctionChange(original, [{ kind: 'meeting.reject', index: 0 }], 1)!;
    expect(factIndexIds(fact)).toEqual(expect.arrayContaining([changeIndexId('r2', change), 'r|r1', 'r|r2']));
    expect(factMatches(fact, 'r2', change)).toBe(true);
    expect(factMatches(fact, 'r2', { kind: 'report', before: 'true', after: 'false' })).toBe(true);
    expect(factMatches(fact, 'r3', { kind: 'report', before: 'true', after: 'false' })).toBe(false);
  });
});
