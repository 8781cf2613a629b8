import { describe, expect, it } from 'vitest';
import type { PublicState, TroopClaim } from '../../../shared/state.js';
import { citedReportIds } from './provenance.js';

const ev = { text: 'x', start: 0, end: 1 };
const claim = (reportId: string): TroopClaim => ({
  value: 1,
  qualifier: 'exact',
  hypothetical: false,
  reportId,
  asOf: '2022-01-19',
  evidence: ev,
});
const driver = (reportId: string) => ({
  reportId,
  at: '2022-01-19',
  phrase: 'p',
  weight: 1,
  category: 'c',
  contribution: 1,
  evidence: ev,
});
const group = (claims: TroopClaim[], hypotheticals: TroopClaim[] = []) => ({
  force: 'F',
  theatre: '',
  current: { value: 1, low: 1, high: 1, asOf: '2022-01-19', claims },
  hypotheticals,
  history: [],
});

describe('the reports a picture cites', () => {
  it('takes every force, hypothetical, driver, pair driver and meeting step, once each, sorted', () => {
    const state = {
      troops: { ...group([claim('b')], [claim('h')]), others: [group([claim('o'), claim('b')])] },
      tension: {
        value: 0,
        level: 'low',
        history: [],
        drivers: [driver('d')],
        pairs: [{ actors: ['A', 'B'], value: 0, level: 'low', drivers: [driver('p')] }],
      },
      meetings: [
        {
          id: 'm',
          participants: [],
          place: null,
          date: null,
          kind: 'call',
          status: 'held',
          moved: false,
          sources: ['m1'],
          history: [{ at: '2022-01-19', reportId: 'm1', status: 'held', date: null, place: null }],
        },
      ],
    } as unknown as PublicState;
    expect(citedReportIds(state)).toEqual(['b', 'd', 'h', 'm1', 'o', 'p']);
    expect(citedReportIds(null)).toEqual([]);
  });
});
