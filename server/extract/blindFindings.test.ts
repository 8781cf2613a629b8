/**
 * Rules found with the blind set (test/blind), one test each. Texts are our own, about
 * invented people; each assertion fails if its rule goes.
 */
import { describe, expect, it } from 'vitest';
import { datesIn } from './fixtures/readers.js';
import { parseDateline } from './text/dates.js';
import { extract } from './index.js';

const WED = '2022-01-19'; // a Wednesday
const meetingsOf = (text: string, dateline = WED) => extract(text, dateline).meetings;
const pairs = (text: string, dateline = WED) =>
  new Set(extract(text, dateline).troops.map((t) => `${t.value}|${t.hypothetical}`));

describe('meetings', () => {
  it('takes the place of a relative clause that only says when and where the meeting was planned', () => {
    const [m] = meetingsOf(
      'A meeting between Foreign Minister Ida Lund and Foreign Minister Omar Saleh that had been planned for Friday in Vienna was called off.',
    );
    expect(m).toMatchObject({ place: 'Vienna', date: '2022-01-21', status: 'cancelled' });
  });
  it('reads "three in four days" as a rate, not a day four days on', () => {
    expect(datesIn('three in four days', parseDateline(WED))).toHaveLength(0);
    expect(datesIn('they meet in four days', parseDateline(WED))[0]?.date).toBe('2022-01-23');
  });
  it('lets a meeting\'s own "next month" outrank a day said before it', () => {
    const ms = meetingsOf(
      'President Omar Saleh offered on Monday to host a summit in Vienna next month between Prime Minister Ida Lund and President Ana Ruiz.',
    );
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ date: null, status: 'proposed', place: 'Vienna' });
  });
  it('does not seat a country that is only the target of an invasion', () => {
    const ms = meetingsOf(
      'Defence Minister Ida Lund held talks with her Russian counterpart Pavel Orlov in Moscow on Tuesday. ' +
        'The minister, the first to visit Moscow in years, was told that Russia had no plan to invade Ukraine.',
    );
    expect(ms.length).toBeGreaterThan(0);
    for (const m of ms) expect(m.participants).not.toContain('Ukraine');
  });
  it('reads "a new round of EU-mediated talks" as one meeting', () => {
    const ms = meetingsOf(
      'A new round of EU-mediated talks between President Ana Ruiz and Prime Minister Tomas Kral will be held in Brussels on Friday.',
    );
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ place: 'Brussels', date: '2022-01-21', status: 'scheduled' });
  });
  it('keeps "and that a meeting of the Normandy-format advisers should follow" apart from the ministers\' meeting', () => {
    const [m] = meetingsOf(
      'The two leaders agreed that their foreign ministers, Ida Lund and Omar Saleh, would meet in Paris on Friday, and that a meeting of the Normandy-format advisers should follow.',
    );
    expect(m).toMatchObject({ participants: ['Ida Lund', 'Omar Saleh'], kind: 'in-person', place: 'Paris' });
  });
});

describe('troops', () => {
  it('counts "a further 30,000" after a troop count as troops, and "were expected" makes them a projection', () => {
    expect(
      pairs(
        'Russia has deployed more than 100,000 troops near the border, and a further 30,000 were expected in Belarus by February.',
      ),
    ).toEqual(new Set(['100000|false', '30000|true']));
    expect(pairs('Russia has 100,000 troops near the border and another 20,000 in Crimea.')).toEqual(
      new Set(['100000|false', '20000|false']),
    );
  });
});
