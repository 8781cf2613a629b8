import { describe, expect, it } from 'vitest';
import { correctionListSchema, correctionSchema, type Correction } from '../../shared/corrections.js';
import { applyCorrections, applyReport, emptyState, publicView } from './index.js';
import { extraction, meeting, troop } from './fixtures.js';

const original = extraction({
  troops: [troop(100_000, { actor: 'Russia', location: 'border' }), troop(5_000, { actor: 'NATO' })],
  meetings: [meeting(['Blinken', 'Lavrov'], { date: '2022-01-21' }), meeting(['Scholz', 'Macron'])],
});

describe('corrections schema', () => {
  it('accepts each kind and refuses unknown kinds or bad dates', () => {
    const ok: unknown[] = [
      { kind: 'troop.set', index: 0, value: 127_000, actor: null },
      { kind: 'troop.reject', index: 1 },
      { kind: 'troop.add', troop: { value: 8_500, qualifier: 'about', hypothetical: false } },
      { kind: 'meeting.set', index: 0, date: '2022-01-24', place: null, meetingKind: 'video' },
      { kind: 'meeting.reject', index: 1 },
      {
        kind: 'meeting.add',
        meeting: { participants: ['Biden', 'Putin'], place: null, date: null, kind: 'call', status: 'held' },
      },
    ];
    expect(correctionListSchema.safeParse(ok).success).toBe(true);
    expect(correctionSchema.safeParse({ kind: 'troop.delete', index: 0 }).success).toBe(false);
    expect(correctionSchema.safeParse({ kind: 'meeting.set', index: 0, date: '21 Jan' }).success).toBe(false);
    expect(correctionSchema.safeParse({ kind: 'troop.set', index: -1 }).success).toBe(false);
  });
});

describe('applyCorrections', () => {
  it('sets, clears, rejects and adds, with indexes into the original arrays', () => {
    const corrections: Correction[] = [
      { kind: 'troop.reject', index: 0 },
      { kind: 'troop.set', index: 1, value: 4_000, actor: null },
      { kind: 'troop.add', troop: { value: 8_500, qualifier: 'about', hypothetical: false } },
      { kind: 'meeting.set', index: 0, date: '2022-01-24', status: 'scheduled', meetingKind: 'video' },
      { kind: 'meeting.reject', index: 1 },
    ];
    const fixed = applyCorrections(original, corrections);
    expect(fixed.troops.map((t) => [t.value, t.actor])).toEqual([
      [4_000, undefined],
      [8_500, undefined],
    ]);
    expect('actor' in fixed.troops[0]).toBe(false);
    expect(fixed.troops[1].evidence).toEqual({ text: '', start: 0, end: 0 });
    expect(fixed.meetings).toHaveLength(1);
    expect(fixed.meetings[0]).toMatchObject({ date: '2022-01-24', kind: 'video', participants: ['Blinken', 'Lavrov'] });
  });

  it('ignores indexes that do not exist and leaves its input alone', () => {
    const before = JSON.stringify(original);
    const fixed = applyCorrections(original, [
      { kind: 'troop.set', index: 9, value: 1 },
      { kind: 'meeting.reject', index: 7 },
      { kind: 'troop.set', index: 0, value: 1 },
    ]);
    expect(fixed.troops.map((t) => t.value)).toEqual([1, 5_000]);
    expect(fixed.meetings).toHaveLength(2);
    expect(JSON.stringify(original)).toBe(before);
  });

  it('lets the later of two sets on one item win', () => {
    const fixed = applyCorrections(original, [
      { kind: 'troop.set', index: 0, value: 1 },
      { kind: 'troop.set', index: 0, value: 2 },
    ]);
    expect(fixed.troops[0].value).toBe(2);
  });

  it('is folded like any other extraction: re-applying the report puts the correction in place', () => {
    const s1 = applyReport(emptyState(), { reportId: 'r', dateline: '2022-01-19', extraction: original }).state;
    const corrected = applyCorrections(original, [{ kind: 'troop.set', index: 0, value: 127_000 }]);
    const { state, changes } = applyReport(s1, { reportId: 'r', dateline: '2022-01-19', extraction: corrected });
    expect(changes.map((c) => c.type)).toEqual(['troops.updated']);
    expect(publicView(state).troops.current?.high).toBe(127_000);
  });
});
