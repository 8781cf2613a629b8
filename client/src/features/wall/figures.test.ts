import { describe, expect, it } from 'vitest';
import type { TensionDriver, TroopClaim } from '../../../../shared/state.js';
import {
  chartDomain,
  chartHistory,
  claimsBySource,
  formatClaim,
  formatCompact,
  dayTickLabels,
  formatDay,
  formatSigned,
  MAX_CHART_POINTS,
  topDrivers,
} from './figures.js';

const claim = (value: number, asOf: string, claimedBy?: string, extra: Partial<TroopClaim> = {}): TroopClaim => ({
  value,
  qualifier: 'about',
  hypothetical: false,
  reportId: `r-${asOf}-${claimedBy}`,
  asOf,
  evidence: { text: '', start: 0, end: 0 },
  ...(claimedBy ? { claimedBy } : {}),
  ...extra,
});

describe('troop figures', () => {
  it('reads qualifiers and ranges as a person would say them', () => {
    expect(formatClaim(claim(100_000, '2022-01-19', undefined, { qualifier: 'more than' }))).toBe('over 100,000');
    expect(formatClaim(claim(120_000, '2022-01-19', undefined, { low: 100_000, high: 130_000 }))).toBe(
      '100,000–130,000',
    );
    expect(formatClaim(claim(5000, '2022-01-19', undefined, { qualifier: 'exact' }))).toBe('5,000');
    expect(formatCompact(127_000)).toBe('127k');
    expect(formatCompact(1_250_000)).toBe('1.3M');
  });
  it('keeps the newest claim of each source, newest sources first', () => {
    const result = claimsBySource(
      [
        claim(90_000, '2022-01-10', 'Ukraine'),
        claim(100_000, '2022-01-19', 'Ukraine'),
        claim(127_000, '2022-01-18', 'Pentagon'),
        claim(80_000, '2022-01-12'),
      ],
      5,
    );
    expect(result.map((r) => [r.source, r.claim.value])).toEqual([
      ['Ukraine', 100_000],
      ['Pentagon', 127_000],
      ['unattributed', 80_000],
    ]);
    expect(claimsBySource([claim(1, 'a', 'x'), claim(2, 'b', 'y'), claim(3, 'c', 'z')], 2)).toHaveLength(2);
  });
  it('bounds the chart history to the newest points', () => {
    const history = Array.from({ length: 500 }, (_, i) => ({ at: String(i), value: i, low: i, high: i }));
    const drawn = chartHistory(history);
    expect(drawn).toHaveLength(MAX_CHART_POINTS);
    expect(drawn.at(-1)?.value).toBe(499);
  });
});

describe('tension drivers', () => {
  const d = (phrase: string, contribution: number): TensionDriver => ({
    reportId: 'r',
    at: '2022-01-19',
    phrase,
    weight: contribution,
    category: 'c',
    contribution,
    evidence: { text: phrase, start: 0, end: phrase.length },
  });
  it('ranks by absolute contribution', () => {
    expect(topDrivers([d('talks', -0.5), d('massed', 2), d('sanctions', -3)], 2).map((x) => x.phrase)).toEqual([
      'sanctions',
      'massed',
    ]);
  });
  it('signs numbers explicitly', () => {
    expect(formatSigned(2)).toBe('+2.0');
    expect(formatSigned(-1.5)).toBe('−1.5');
    expect(formatSigned(0)).toBe('0.0');
  });
});

describe('formatDay', () => {
  it('reads a dateline as day and month', () => {
    expect(formatDay('2022-01-19')).toBe('19 Jan');
    expect(formatDay('2022-01-19T23:30:00Z')).toBe('19 Jan');
    expect(formatDay('soon')).toBe('soon');
  });
});

describe('chartDomain', () => {
  it('zooms on the figures with a margin on round numbers, never below zero', () => {
    expect(chartDomain([100_000, 130_000])).toEqual([93_000, 137_000]);
    expect(chartDomain([120_000, 120_000])).toEqual([114_000, 126_000]);
    expect(chartDomain([0, 0])).toEqual([0, 1]);
  });
});

describe('dayTickLabels', () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  it('gives day and month within one year', () => {
    expect(dayTickLabels([d('2022-01-10'), d('2022-01-17')])).toEqual(['10 Jan', '17 Jan']);
  });
  it('says the year on the first tick and where a new year starts, across a year end', () => {
    expect(dayTickLabels([d('2021-12-20'), d('2021-12-27'), d('2022-01-03'), d('2022-01-10')])).toEqual([
      '20 Dec 2021',
      '27 Dec',
      '3 Jan 2022',
      '10 Jan',
    ]);
  });
  it('gives months and years over several years, never "1 Jan" on every tick', () => {
    expect(dayTickLabels([d('2021-01-01'), d('2022-01-01'), d('2023-01-01'), d('2024-01-01')])).toEqual([
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
    expect(dayTickLabels([d('2021-07-01'), d('2022-01-01'), d('2022-07-01'), d('2023-01-01')])).toEqual([
      'Jul 2021',
      '2022',
      'Jul 2022',
      '2023',
    ]);
  });
});
