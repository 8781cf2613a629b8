import { describe, expect, it } from 'vitest';
import {
  assess,
  emptyTally,
  mention,
  placePoints,
  principalPoints,
  sidePoints,
  THRESHOLD,
  type Mention,
} from './evidence.js';

const m = (lead: boolean, count: number): Mention => ({ lead, count });
const sides = (...xs: [string, Mention][]) => new Map(xs);
const naming = { side: (a: string) => a, demonym: (a: string) => (a === 'Russia' ? 'Russian' : undefined) };

describe('side points', () => {
  it('one side alone gives at most one point however often and prominently named', () => {
    expect(sidePoints(sides(['Russia', m(true, 30)]))).toBe(1);
  });
  it('two sides named once each, late, stay under the threshold', () => {
    expect(sidePoints(sides(['Russia', m(false, 1)], ['Ukraine', m(false, 1)]))).toBe(2);
  });
  it('two sides in the lead reach it', () => {
    expect(sidePoints(sides(['Russia', m(true, 1)], ['Ukraine', m(true, 1)]))).toBe(THRESHOLD);
  });
  it('a strong side with a weak one counts the strong at most one above the weak', () => {
    expect(sidePoints(sides(['Israel', m(true, 9)], ['Iran', m(false, 1)]))).toBe(3);
  });
  it('two sides each named three times or more, late, reach it', () => {
    expect(sidePoints(sides(['Russia', m(false, 3)], ['Ukraine', m(false, 4)]))).toBe(THRESHOLD);
  });
});

describe('place points', () => {
  it('a lead place gives 3, named again 4; places only later give 1', () => {
    expect(placePoints(new Map([['Donbas', m(true, 1)]]))).toBe(3);
    expect(placePoints(new Map([['Donbas', m(true, 2)]]))).toBe(4);
    expect(
      placePoints(
        new Map([
          ['Donbas', m(false, 5)],
          ['Crimea', m(false, 1)],
        ]),
      ),
    ).toBe(1);
  });
});

describe('principal pair', () => {
  it('adds a point when force and theatre are both named, one in the lead', () => {
    const t = emptyTally();
    mention(t.sides, 'Russia', true);
    mention(t.sides, 'Ukraine', false);
    expect(principalPoints(t, ['Russia', 'Ukraine'])).toBe(1);
    expect(principalPoints(t, undefined)).toBe(0);
    const late = emptyTally();
    mention(late.sides, 'Russia', false);
    mention(late.sides, 'Ukraine', false);
    expect(principalPoints(late, ['Russia', 'Ukraine'])).toBe(0);
  });
});

describe('assess', () => {
  it('says what matched, strong evidence first, lead names marked', () => {
    const t = emptyTally();
    t.troops = { actor: 'Russia', where: 'Ukraine' };
    mention(t.places, 'Donbas', false);
    mention(t.places, 'Kyiv', true);
    mention(t.keywords, 'Minsk agreements', false);
    const { points, reason } = assess(t, naming);
    expect(points).toBeGreaterThanOrEqual(THRESHOLD);
    expect(reason).toBe(
      'Russian troops near Ukraine (troop figure); places: Kyiv (lead), Donbas; keyword: Minsk agreements',
    );
  });

  it('lists at most three names of a kind', () => {
    const t = emptyTally();
    for (const p of ['A', 'B', 'C', 'D', 'E']) mention(t.places, p, false);
    expect(assess(t, naming).reason).toBe('places: A, B, C and 2 more');
  });

  it('has nothing to say about an empty tally', () => {
    expect(assess(emptyTally(), naming)).toEqual({ points: 0, reason: '' });
  });
});
