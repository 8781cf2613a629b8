import { describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../../shared/report.js';
import { facets, inCrisisFilter, matches, noFilters } from './filters.js';

function report(
  id: string,
  over: Partial<ReportDetail['report']> = {},
  flags: ReportDetail['flags'] = [],
  people: string[] = [],
): ReportDetail {
  return {
    id,
    status: 'done',
    report: {
      id,
      text: `Text of ${id} about talks in Geneva`,
      dateline: '2022-01-19',
      receivedAt: '2022-01-19T10:00:00Z',
      ...over,
    },
    flags,
    extraction: {
      troops: [],
      meetings: [],
      tension: { delta: 0, signals: [] },
      entities: { people, places: ['Geneva'], organizations: [] },
    },
  };
}

const a = report(
  'a',
  { source: 'Reuters' },
  [{ flag: 'breaking', by: 'jane', at: '2022-01-19T10:01:00Z' }],
  ['Antony Blinken'],
);
const b = report('b', { source: 'AP', dateline: '2022-01-25', title: 'Lavrov warns' });

describe('desk filters', () => {
  it('no filter keeps everything', () => {
    expect([a, b].filter((r) => matches(r, noFilters))).toEqual([a, b]);
  });
  it('by flag, by no flag, by source, by entity (any case), by date range', () => {
    expect(matches(a, { ...noFilters, flag: 'breaking' })).toBe(true);
    expect(matches(b, { ...noFilters, flag: 'breaking' })).toBe(false);
    expect(matches(a, { ...noFilters, flag: 'none' })).toBe(false);
    expect(matches(b, { ...noFilters, source: 'AP' })).toBe(true);
    expect(matches(a, { ...noFilters, source: 'AP' })).toBe(false);
    expect(matches(a, { ...noFilters, entity: 'antony blinken' })).toBe(true);
    expect(matches(b, { ...noFilters, entity: 'Antony Blinken' })).toBe(false);
    expect(matches(b, { ...noFilters, from: '2022-01-20' })).toBe(true);
    expect(matches(a, { ...noFilters, from: '2022-01-20' })).toBe(false);
    expect(matches(b, { ...noFilters, to: '2022-01-24' })).toBe(false);
  });
  it('search needs every word, in title, source or text', () => {
    expect(matches(b, { ...noFilters, search: 'lavrov GENEVA' })).toBe(true);
    expect(matches(a, { ...noFilters, search: 'lavrov geneva' })).toBe(false);
  });
  it('facets list sources and entities, most frequent first', () => {
    expect(facets([a, b])).toEqual({ sources: ['AP', 'Reuters'], entities: ['Geneva', 'Antony Blinken'] });
  });
});

describe('inCrisisFilter', () => {
  const rule = (slug: string) => ({ slug, reason: 'sides: A, B', by: 'rule' });
  it('keeps every report without a crisis filter, folded or not', () => {
    expect(inCrisisFilter(undefined, '')).toBe(true);
    expect(inCrisisFilter([rule('a')], '')).toBe(true);
  });
  it('lists a report in no crisis only once it is folded into none', () => {
    expect(inCrisisFilter([], 'none')).toBe(true);
    expect(inCrisisFilter(undefined, 'none')).toBe(false);
    expect(inCrisisFilter([rule('a')], 'none')).toBe(false);
  });
  it('lists a report under each crisis it is in, by rule or by hand', () => {
    const crises = [rule('a'), { slug: 'b', reason: 'assigned by anna', by: 'anna' }];
    expect(inCrisisFilter(crises, 'a')).toBe(true);
    expect(inCrisisFilter(crises, 'b')).toBe(true);
    expect(inCrisisFilter(crises, 'c')).toBe(false);
    expect(inCrisisFilter(undefined, 'a')).toBe(false);
  });
});
