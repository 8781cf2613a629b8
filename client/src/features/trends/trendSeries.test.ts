import { scaleUtc } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import type { ForceTroops, Meeting, PublicTension, PublicTroops } from '../../../../shared/state.js';
import { dayMs, timeAxis } from '../../components/charts/timeAxis.js';
import { valueAxis } from '../../components/charts/valueAxis.js';
import { claimantChart, forceChart, laneOf, meetingTimeline, MAX_ROWS, risesOf, tensionChart } from './trendSeries.js';

const force = (parts: Partial<ForceTroops>): ForceTroops => ({
  force: 'Russia',
  theatre: 'Ukraine',
  current: null,
  hypotheticals: [],
  history: [],
  ...parts,
});

const meeting = (
  id: string,
  date: string | null,
  status: Meeting['status'],
  place: string | null = 'Geneva',
): Meeting => ({
  id,
  participants: ['Blinken', 'Lavrov'],
  place,
  date,
  kind: 'in-person',
  status,
  moved: false,
  sources: ['r1'],
  history: [],
});

describe('claimantChart', () => {
  it('puts each claimant’s figures beside the desk figure, one row per day, hypotheticals dashed', () => {
    const chart = claimantChart(
      force({
        history: [
          { at: '2022-01-10', value: 100_000, low: 90_000, high: 100_000 },
          { at: '2022-01-12', value: 127_000, low: 90_000, high: 127_000 },
        ],
        claimants: [
          {
            claimedBy: 'U.S. officials',
            points: [{ at: '2022-01-10', value: 90_000 }],
            hypotheticals: [{ at: '2022-01-11', value: 175_000 }],
          },
          { claimedBy: '', points: [{ at: '2022-01-12', value: 127_000 }], hypotheticals: [] },
        ],
      }),
    );
    expect(chart.series.map((s) => [s.key, s.label, s.dashed])).toEqual([
      ['figure', 'Desk figure (most cited)', false],
      ['c0', 'U.S. officials', false],
      ['h0', 'U.S. officials (hypothetical)', true],
      ['c1', 'Unattributed', false],
    ]);
    expect(chart.rows).toEqual([
      { t: dayMs('2022-01-10'), figure: 100_000, range: [90_000, 100_000], c0: 90_000 },
      { t: dayMs('2022-01-11'), h0: 175_000 },
      { t: dayMs('2022-01-12'), figure: 127_000, range: [90_000, 127_000], c1: 127_000 },
    ]);
  });

  it('keeps at most MAX_ROWS days, the newest', () => {
    const history = Array.from({ length: MAX_ROWS + 50 }, (_, i) => {
      const at = new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10);
      return { at, value: i, low: i, high: i };
    });
    const rows = claimantChart(force({ history })).rows;
    expect(rows).toHaveLength(MAX_ROWS);
    expect(rows.at(-1)?.figure).toBe(MAX_ROWS + 49);
  });
});

describe('forceChart', () => {
  it('draws every force with a history, the headline first', () => {
    const troops: PublicTroops = {
      ...force({ history: [{ at: '2022-01-10', value: 100_000, low: 100_000, high: 100_000 }] }),
      others: [
        force({
          force: 'United States',
          theatre: '',
          history: [{ at: '2022-01-11', value: 8_500, low: 8_500, high: 8_500 }],
        }),
        force({ force: 'Belarus', theatre: '' }),
      ],
    };
    const chart = forceChart(troops);
    expect(chart.series.map((s) => s.label)).toEqual(['Russia’s forces · Ukraine', 'United States’ forces']);
    expect(chart.rows).toEqual([
      { t: dayMs('2022-01-10'), f0: 100_000 },
      { t: dayMs('2022-01-11'), f1: 8_500 },
    ]);
  });
});

describe('tensionChart and risesOf', () => {
  const driver = (phrase: string) => ({
    reportId: 'r1',
    at: '2022-01-11',
    phrase,
    weight: 4,
    category: 'military posture',
    contribution: 4,
    evidence: { text: phrase, start: 0, end: phrase.length },
  });
  const tension: PublicTension = {
    value: 40,
    level: 'elevated',
    history: [],
    drivers: [],
    pairs: [
      {
        actors: ['Russia', 'Ukraine'],
        value: 30,
        level: 'elevated',
        drivers: [],
        history: [
          { at: '2022-01-10', value: 20, drivers: [driver('massed')] },
          { at: '2022-01-11', value: 35, drivers: [driver('shelled')] },
          { at: '2022-01-12', value: 30 },
        ],
      },
      { actors: ['NATO', 'Russia'], value: 10, level: 'low', drivers: [] },
    ],
  };

  it('lines up each pair by day and finds the drivers of a point by line and day', () => {
    const chart = tensionChart(tension);
    expect(chart.series.map((s) => s.label)).toEqual(['Russia – Ukraine']);
    expect(chart.rows.map((r) => r.p0)).toEqual([20, 35, 30]);
    expect(chart.drivers.get(`p0@${dayMs('2022-01-11')}`)?.map((d) => d.phrase)).toEqual(['shelled']);
  });

  it('lists the rises newest first, from what to what', () => {
    expect(risesOf(tension, 5).map((r) => [r.at, r.from, r.value, r.drivers[0].phrase])).toEqual([
      ['2022-01-11', 20, 35, 'shelled'],
      ['2022-01-10', 0, 20, 'massed'],
    ]);
  });
});

describe('meetingTimeline', () => {
  const today = dayMs('2022-02-10');
  it('puts held, cancelled, passed and coming meetings in their lanes, undated apart', () => {
    const { points, undated } = meetingTimeline(
      [
        meeting('a', '2022-02-01', 'held'),
        meeting('b', '2022-02-14', 'cancelled'),
        meeting('c', '2022-02-05', 'scheduled'),
        meeting('d', '2022-02-10', 'proposed', null),
        meeting('e', null, 'proposed'),
      ],
      today,
    );
    expect(points.map((p) => [p.meeting.id, p.laneName, p.title])).toEqual([
      ['a', 'Held', 'Geneva'],
      ['c', 'Passed, not reported held', 'Geneva'],
      ['d', 'Coming', 'Blinken–Lavrov'],
      ['b', 'Cancelled', 'Geneva'],
    ]);
    expect(undated.map((m) => m.id)).toEqual(['e']);
  });

  it('keeps a meeting of today coming for the whole of its day', () => {
    expect(laneOf(meeting('x', '2022-02-10', 'scheduled'), today)).toBe('Coming');
  });
});

describe('timeAxis', () => {
  it('labels whole days with the year when the span crosses one', () => {
    const axis = timeAxis([dayMs('2021-12-20'), dayMs('2022-01-12')], 6);
    expect(axis.ticks.every((t) => t % 86_400_000 === 0)).toBe(true);
    const labels = axis.ticks.map(axis.label);
    expect(labels[0]).toMatch(/ 2021$/);
    expect(labels.find((l) => l.endsWith('2022'))).toBeDefined();
  });

  it('picks the days d3-scale picks for a UTC time scale', () => {
    for (const [from, to, count] of [
      ['2022-01-01', '2022-01-09', 8],
      ['2021-11-03', '2022-02-24', 6],
      ['2019-06-30', '2022-02-24', 5],
    ] as const) {
      const domain = [dayMs(from), dayMs(to)];
      const d3Days = scaleUtc()
        .domain(domain)
        .ticks(count)
        .map((d) => d.getTime());
      expect(timeAxis(domain, count).ticks).toEqual(d3Days.filter((ms) => ms % 86_400_000 === 0));
    }
  });

  it('gives a single day an axis of its own', () => {
    const axis = timeAxis([dayMs('2022-01-12')], 4);
    expect(axis.domain[0]).toBeLessThan(dayMs('2022-01-12'));
    expect(axis.domain[1]).toBeGreaterThan(dayMs('2022-01-12'));
  });
});

describe('valueAxis', () => {
  it('puts round ticks around the data, the domain ending on ticks', () => {
    const axis = valueAxis(100_000, 130_000, 4);
    expect(axis.ticks.every((t) => t % 10_000 === 0)).toBe(true);
    expect(axis.domain[0]).toBeLessThan(100_000);
    expect(axis.domain[1]).toBeGreaterThan(130_000);
    expect([axis.ticks[0], axis.ticks.at(-1)]).toEqual(axis.domain);
  });
});
