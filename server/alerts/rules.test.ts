import { describe, expect, it } from 'vitest';
import type { Change, ChangeBody } from '../../shared/events.js';
import type { Meeting, PublicTension, PublicTroops } from '../../shared/state.js';
import { judgeMeetingSoon } from './meetingRules.js';
import type { RuleMemo } from './memo.js';
import { judge, seedMemo } from './rules.js';

const tension = (value: number): PublicTension => ({
  value,
  level: value >= 75 ? 'severe' : value >= 50 ? 'high' : 'low',
  history: [],
  pairs: [],
  drivers: [
    {
      reportId: 'r1',
      at: '2022-01-19',
      phrase: 'massing troops',
      weight: 5,
      category: 'military posture',
      contribution: 5,
      evidence: { text: 'massing troops', start: 0, end: 14 },
    },
  ],
});
const troops = (value: number | null): PublicTroops => ({
  force: 'Russia',
  theatre: 'Ukraine',
  others: [],
  current: value === null ? null : { value, low: value, high: value, asOf: '2022-01-19', claims: [] },
  hypotheticals: [],
  history: [],
});
const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: 'm1',
  participants: ['Blinken', 'Lavrov'],
  place: 'Geneva',
  date: '2022-01-21',
  kind: 'in-person',
  status: 'scheduled',
  moved: false,
  sources: ['r1'],
  history: [],
  ...over,
});
let n = 0;
const seq = (ms = 1_700_000_000_000 + n++ * 60_000) => `${ms}-0`;

/** Feeds changes through a rule, carrying the memo along; returns the titles of the alerts. */
function run(rule: Parameters<typeof judge>[0], changes: ChangeBody[], memo: RuleMemo = {}): string[] {
  const titles: string[] = [];
  for (const body of changes) {
    const out = judge(rule, { ...body, seq: seq() } as Change, { memo });
    memo = out.memo;
    if (out.alert) titles.push(out.alert.title);
  }
  return titles;
}

describe('tension rules', () => {
  it('tension.above fires once when crossed, not again while above, again after falling back', () => {
    const t = (v: number) => ({ type: 'tension.updated' as const, tension: tension(v) });
    const titles = run({ type: 'tension.above', threshold: 60 }, [t(40), t(65), t(70), t(50), t(61)]);
    expect(titles).toHaveLength(2);
    expect(titles[0]).toBe('Tension at 65 (high), past your threshold of 60');
  });

  it('a subscription made while tension is already above is not told until it is crossed again', () => {
    const memo = seedMemo(
      { type: 'tension.above', threshold: 60 },
      { tension: tension(70), troops: troops(null), meetings: [] },
      Date.now(),
    );
    expect(
      run({ type: 'tension.above', threshold: 60 }, [{ type: 'tension.updated', tension: tension(72) }], memo),
    ).toEqual([]);
  });

  it('tension.jump fires on a rise of N points within the window, then starts a fresh window', () => {
    const t = (v: number) => ({ type: 'tension.updated' as const, tension: tension(v) });
    const titles = run({ type: 'tension.jump', points: 10, windowMinutes: 30 }, [t(40), t(45), t(52), t(53)]);
    expect(titles).toEqual(['Tension jumped 12 points to 52 within 30 min']);
  });
});

describe('troop rules', () => {
  it('troops.change compares with the figure last told, so slow drifts add up', () => {
    const t = (v: number) => ({ type: 'troops.updated' as const, troops: troops(v) });
    const titles = run({ type: 'troops.change', percent: 20 }, [t(100_000), t(110_000), t(121_000), t(125_000)]);
    expect(titles).toEqual(['Troop estimate up 21%: 100,000 → 121,000']);
  });

  it('troops.above fires on crossing only', () => {
    const t = (v: number) => ({ type: 'troops.updated' as const, troops: troops(v) });
    expect(run({ type: 'troops.above', threshold: 100_000 }, [t(90_000), t(120_000), t(130_000)])).toEqual([
      'Troop estimate at 120,000, past your threshold of 100,000',
    ]);
  });
});

describe('meeting rules', () => {
  const up = (m: Meeting) => ({ type: 'meeting.upserted' as const, meeting: m });
  it('tells new, moved and cancelled once each, and respects the chosen kinds', () => {
    const changes = [
      up(meeting()),
      up(meeting({ sources: ['r1', 'r2'] })),
      up(meeting({ place: 'Vienna' })),
      up(meeting({ place: 'Vienna', status: 'cancelled' })),
    ];
    const all = run({ type: 'meeting.changed' }, changes);
    expect(all.map((t) => t.split(':')[0])).toEqual(['New scheduled meeting', 'Meeting moved', 'Meeting cancelled']);
    expect(all[1]).toBe('Meeting moved: Blinken and Lavrov meeting in Vienna on 2022-01-21');
    expect(run({ type: 'meeting.changed', changes: ['cancelled'] }, changes)).toHaveLength(1);
  });

  it('meeting.soon tells each meeting once when it enters the window', () => {
    const now = Date.parse('2022-01-20T06:00:00Z');
    const first = judgeMeetingSoon(24, [meeting(), meeting({ id: 'm2', date: '2022-01-25' })], now, {});
    expect(first.alerts.map((a) => a.title)).toEqual([
      'Starting within 18 h: Blinken and Lavrov meeting in Geneva on 2022-01-21',
    ]);
    expect(judgeMeetingSoon(24, [meeting()], now + 3_600_000, first.memo).alerts).toEqual([]);
  });
});

describe('report rules', () => {
  const report = {
    id: 'r9',
    text: "Diplomats flew to Kyiv's airport. Tirana was quiet.",
    title: 'Arrivals',
    dateline: '2022-01-19',
    source: 'wire',
  };
  it('mention matches whole words, any case, and quotes the context', () => {
    const hit = judge(
      { type: 'mention', terms: ['kyiv', 'Iran'] },
      { type: 'report.added', id: 'r9', seq: seq() } as Change,
      { memo: {}, report },
    );
    expect(hit.alert?.title).toBe('"kyiv" in: Arrivals');
    expect(hit.alert?.body).toContain("flew to Kyiv's airport");
    expect(hit.alert?.reportId).toBe('r9');
    const miss = judge({ type: 'mention', terms: ['Iran'] }, { type: 'report.added', id: 'r9', seq: seq() } as Change, {
      memo: {},
      report,
    });
    expect(miss.alert).toBeNull();
  });

  it('flag fires once per report and again only after being unflagged', () => {
    const flag = (on: boolean) => ({
      type: 'flag.changed' as const,
      id: 'r9',
      flags: on ? [{ flag: 'breaking' as const, by: 'ana', at: '2022-01-19T10:00:00Z' }] : [],
    });
    expect(run({ type: 'flag', flag: 'breaking' }, [flag(true), flag(true), flag(false), flag(true)])).toHaveLength(2);
  });
});
