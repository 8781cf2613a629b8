/**
 * Troop figures, one class of sentence per test, in our own words: what counts troops, what is a
 * plan rather than a deployment, what counts something else, and whose troops they are and where.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../index.js';

const D = '2024-03-06';
const pairs = (text: string) => extract(text, D).troops.map((t) => [t.value, t.hypothetical]);
const first = (text: string) => extract(text, D).troops[0];

describe('what counts troops', () => {
  it('takes nouns other than "troops": servicemen, reservists, personnel', () => {
    expect(pairs('Some 4,000 servicemen and 2,500 reservists joined the drills near the frontier.')).toEqual([
      [4000, false],
      [2500, false],
    ]);
    expect(pairs('About 900 military personnel arrived at the base.')).toEqual([[900, false]]);
  });
  it('takes "people" and "members" only in a passage about forces, never about civilians', () => {
    expect(pairs('The army has concentrated 60,000 people near the border, officials said.')).toEqual([[60000, false]]);
    expect(pairs('The guard units were pulled out. 240 members in total were moved.')).toEqual([[240, false]]);
    expect(pairs('The flooding displaced 60,000 people, and the army sent food.')).toEqual([]);
  });
  it('reads figures in words and in Indian digit grouping', () => {
    expect(pairs('Three hundred soldiers will move to the eastern post.')).toEqual([[300, false]]);
    expect(pairs('The army has stationed an estimated 1,50,000 troops in the valley.')).toEqual([[150000, false]]);
  });
  it('counts neither units nor equipment nor the dead, the wounded or the returned', () => {
    expect(pairs('At least 40 battalions and 300 tanks were seen near the line.')).toEqual([]);
    expect(pairs('The sides exchanged the remains of 450 soldiers on Tuesday.')).toEqual([]);
    expect(pairs('Shelling killed 35 soldiers and wounded 80 troops overnight.')).toEqual([]);
    expect(pairs('In the swap, 200 soldiers were returned to each side.')).toEqual([]);
  });
  it('leaves a bare number alone unless it shares the noun of a troop figure before it', () => {
    expect(pairs('Officials said about 90,000 troops remain near the border (note 1044).')).toEqual([[90000, false]]);
    expect(pairs('The ministry sends 1,200 marines to the north and 300 to the islands.')).toEqual([
      [1200, false],
      [300, false],
    ]);
    expect(pairs('Analysts count 75,000 soldiers (or 82,000, according to another estimate).')).toEqual([
      [75000, false],
      [82000, false],
    ]);
  });
});

describe('deployments and plans', () => {
  it('reads an order given as fact and a plan, a call-up or a capacity as hypothetical', () => {
    expect(pairs('The government will send 2,000 troops to the coast next week.')).toEqual([[2000, false]]);
    expect(pairs('The ministry plans to send 2,000 troops to the coast.')).toEqual([[2000, true]]);
    expect(pairs('Officers drew up a plan that includes as many as 40,000 soldiers.')).toEqual([[40000, true]]);
    expect(pairs('The force on the frontier could reach 90,000 troops by summer.')).toEqual([[90000, true]]);
    expect(pairs('A decree to call up 25,000 reservists was signed on Monday.')).toEqual([[25000, true]]);
  });
  it('keeps troops deployed in the past factual even in a sentence about a possible offensive', () => {
    expect(
      pairs(
        'An attack could come in spring, when forces of up to 120,000 people will be concentrated there, against 50,000 people, which were deployed last year.',
      ),
    ).toEqual([
      [120000, true],
      [50000, false],
    ]);
  });
});

describe('whose troops, and where', () => {
  it('takes the nationality inside the figure, else the actor before a verb of having or sending', () => {
    expect(first('Some 6,000 North Korean soldiers are in the Kursk region.')).toMatchObject({
      actor: 'North Korea',
      location: 'Kursk',
    });
    expect(first('Beijing has massed 30,000 troops along the coast, analysts say.')).toMatchObject({ actor: 'China' });
  });
  it('does not take a country that is only a target for the owner', () => {
    expect(first('Plans for a war with Armenia put 12,000 soldiers on alert, Baku said.').actor).not.toBe('Armenia');
  });
  it('gives the country whose border it is, the region named, or the place they go to', () => {
    expect(first('India has kept 50,000 troops near Pakistan’s border since May.')).toMatchObject({
      actor: 'India',
      location: 'Pakistan',
    });
    expect(first('Pakistan moved 8,000 soldiers into Kashmir on Friday.')).toMatchObject({ location: 'Kashmir' });
    expect(first('About 700 marines, mostly from bases in Okinawa, will go to Taiwan.')).toMatchObject({
      location: 'Taiwan',
    });
  });
  it('carries the owner named in the sentence before to a figure with none', () => {
    const troops = extract(
      'Thousands of Azerbaijani troops left the area. About 3,000 soldiers returned to their bases.',
      D,
    ).troops;
    expect(troops[0]).toMatchObject({ value: 3000, actor: 'Azerbaijan' });
  });
});
