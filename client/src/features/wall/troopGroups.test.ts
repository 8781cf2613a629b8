import { describe, expect, it } from 'vitest';
import type { ForceTroops, TroopClaim } from '../../../../shared/state.js';
import { otherForceRows } from './troopGroups.js';

const claim = (value: number, asOf: string): TroopClaim => ({
  value,
  qualifier: 'about',
  hypothetical: true,
  reportId: 'r',
  asOf,
  evidence: { text: '', start: 0, end: 0 },
});

const group = (
  force: string,
  theatre: string,
  current: [number, number, number] | null,
  hypo = false,
): ForceTroops => ({
  force,
  theatre,
  current: current && {
    value: current[0],
    low: current[1],
    high: current[2],
    asOf: '2022-01-19',
    claims: [
      { ...claim(current[0], '2022-01-19'), reportId: 'newest' },
      { ...claim(current[0], '2022-01-18'), reportId: 'older' },
    ],
  },
  hypotheticals: hypo ? [claim(30_000, '2022-01-18')] : [],
  history: [],
});

describe('otherForceRows', () => {
  it('gives each force its own figure and range, never merged', () => {
    const { rows, hidden } = otherForceRows(
      [group('United States', '', [8_500, 8_500, 8_500]), group('Belarus', 'Belarus', [30_000, 25_000, 35_000])],
      3,
    );
    expect(hidden).toBe(0);
    expect(rows).toEqual([
      {
        key: 'United States|',
        label: 'United States’ forces',
        figure: '8,500',
        asOf: '19 Jan',
        projection: null,
        reportId: 'newest',
      },
      {
        key: 'Belarus|Belarus',
        label: 'Belarus’ forces · Belarus',
        figure: '25,000–35,000',
        asOf: '19 Jan',
        projection: null,
        reportId: 'newest',
      },
    ]);
  });

  it('shows a projection apart when a force has no current figure, and counts what does not fit', () => {
    const { rows, hidden } = otherForceRows(
      [group('NATO', 'Poland', null, true), group('A1', '', null), group('B2', '', null), group('C3', '', null)],
      2,
    );
    expect(rows[0]).toMatchObject({ figure: null, projection: 'about 30,000', asOf: '18 Jan', reportId: 'r' });
    expect(rows[1]).toMatchObject({ figure: null, projection: null, asOf: null });
    expect(hidden).toBe(2);
  });
});
