import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../../../shared/report.js';
import { tickerItems } from './tickerItems.js';

const r = (id: string, breaking = false): ReportSummary => ({
  id,
  dateline: '2022-01-19',
  receivedAt: '2022-01-19T10:00:00Z',
  status: 'done',
  excerpt: id,
  flags: breaking ? [{ flag: 'breaking', by: 'ed', at: '2022-01-19T10:00:00Z' }] : [],
});

describe('tickerItems', () => {
  it('keeps the latest reports in order when none is breaking', () => {
    expect(tickerItems([r('a'), r('b'), r('c')], 2).map((x) => x.id)).toEqual(['a', 'b']);
  });
  it('pins a few breaking reports first, even older ones, without repeating them', () => {
    const list = [r('a'), r('b'), r('c', true), r('d'), r('e', true), r('f', true)];
    expect(tickerItems(list, 4).map((x) => x.id)).toEqual(['c', 'e', 'a', 'b']);
    expect(tickerItems(list, 1).map((x) => x.id)).toEqual(['c']);
  });
});
