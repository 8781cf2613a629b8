import { describe, expect, it } from 'vitest';
import type { CrisisSeries, ForceTroops, PublicTension, PublicTroops } from '../../../../shared/state.js';
import { withSeries } from './withSeries.js';

const force = (name: string, theatre: string): ForceTroops => ({
  force: name,
  theatre,
  current: null,
  hypotheticals: [],
  history: [],
});
const troops: PublicTroops = { ...force('Russia', 'Ukraine'), others: [force('Belarus', 'Belarus')] };
const tension: PublicTension = {
  value: 40,
  level: 'elevated',
  history: [],
  drivers: [],
  pairs: [
    { actors: ['Russia', 'Ukraine'], value: 40, level: 'elevated', drivers: [] },
    { actors: ['Estonia', 'Russia'], value: 10, level: 'low', drivers: [] },
  ],
};
const claim = (claimedBy: string, value: number) => ({
  claimedBy,
  points: [{ at: '2022-01-10', value }],
  hypotheticals: [],
});
const series: CrisisSeries = {
  crisis: 'russia-ukraine',
  seq: '3-0',
  pairs: [{ actors: ['Russia', 'Ukraine'], history: [{ at: '2022-01-10', value: 40 }] }],
  forces: [
    { force: 'Belarus', theatre: 'Belarus', claimants: [claim('Minsk', 5_000)] },
    { force: 'Russia', theatre: 'Ukraine', claimants: [claim('NATO', 90_000)] },
  ],
};

describe('withSeries', () => {
  it('puts each pair’s days and each force’s claimants back by actors and by force and theatre', () => {
    const drawn = withSeries(tension, troops, series);
    expect(drawn.tension.pairs[0].history).toEqual([{ at: '2022-01-10', value: 40 }]);
    expect(drawn.troops.claimants?.[0].claimedBy).toBe('NATO');
    expect(drawn.troops.others[0].claimants?.[0].claimedBy).toBe('Minsk');
    expect(drawn.tension.value).toBe(40);
  });

  it('draws a pair the series do not know yet without its days, and leaves the picture as it was', () => {
    const drawn = withSeries(tension, troops, series);
    expect(drawn.tension.pairs[1]).toBe(tension.pairs[1]);
    expect(tension.pairs[0]).not.toHaveProperty('history');
    expect(troops).not.toHaveProperty('claimants');
  });

  it('without series yet: the picture itself', () => {
    expect(withSeries(tension, troops, null)).toEqual({ tension, troops });
  });
});
