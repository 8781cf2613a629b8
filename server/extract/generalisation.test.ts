/**
 * One test per rule added so that extraction holds beyond the corpus it was tuned on.
 * Texts are our own, about invented or other people, and each assertion fails if its rule goes.
 */
import { describe, expect, it } from 'vitest';
import { issuedRef, parseDateline } from './text/dates.js';
import { tokenize } from './text/tokens.js';
import { extract } from './index.js';
import { consistentStatus } from './meetings/status.js';

const WED = '2022-01-19'; // a Wednesday
const meetingsOf = (text: string, dateline = WED) => extract(text, dateline).meetings;
const pairs = (text: string, dateline = WED) =>
  new Set(extract(text, dateline).troops.map((t) => `${t.value}|${t.hypothetical}`));

describe('status and day', () => {
  it('never reports a meeting dated after the dateline as held, even when a past-tense mention merges in', () => {
    const ms = meetingsOf(
      'On Tuesday Foreign Minister Lena Varga set out to meet her Romanian counterpart Dan Munteanu in Vienna on Friday. ' +
        'Varga and Munteanu met briefly in 2019.',
    );
    expect(ms.find((m) => m.place === 'Vienna')).toMatchObject({ date: '2022-01-21', status: 'scheduled' });
    expect(consistentStatus('held', '2022-01-21', WED)).toBe('scheduled');
    expect(consistentStatus('scheduled', '2022-01-17', WED)).toBe('held');
    expect(consistentStatus('cancelled', '2022-01-21', WED)).toBe('cancelled');
  });
  it('reads "will hold talks on Saturday" as the coming Saturday', () => {
    const [m] = meetingsOf('President Ana Ruiz will hold talks on Saturday with Prime Minister Tomas Kral.');
    expect(m).toMatchObject({ date: '2022-01-22', status: 'scheduled' });
  });
  it('does not take the day of a statement for the day of the meeting', () => {
    const [m] = meetingsOf(
      'President Ana Ruiz will meet Prime Minister Tomas Kral in Vienna, her office said on Tuesday.',
    );
    expect(m.date).toBeNull();
  });
  it('counts "A day earlier," and "Two days after Geneva," from the day last named', () => {
    const ms = meetingsOf(
      'Envoys of Poland and Belarus will meet in Geneva on Monday. Two days after Geneva, the OSCE Permanent Council is to convene in Vienna with both sides. ',
      '2022-01-05',
    );
    expect(ms.find((m) => m.place === 'Vienna')?.date).toBe('2022-01-12');
    const [late] = meetingsOf(
      'Talks ended on Tuesday. A day earlier, President Ana Ruiz met Prime Minister Tomas Kral.',
    );
    expect(late).toMatchObject({ date: '2022-01-17', status: 'held' });
  });
  it('leaves a day named inside a closed relative clause to that clause', () => {
    const [m] = meetingsOf(
      'Prime Minister Tomas Kral, who was in Kyiv on Tuesday, is expected to speak with President Ana Ruiz by phone later this week.',
    );
    expect(m).toMatchObject({ kind: 'call', date: null, status: 'scheduled' });
  });
  it('dates a republished statement from its issue day', () => {
    const text =
      'The following statement was released by the ministry on January 17, 2022. Today, Minister Lena Varga met Minister Dan Munteanu in Vienna.';
    expect(issuedRef(tokenize(text), parseDateline(WED))).toMatchObject({ d: 17 });
    expect(meetingsOf(text)[0].date).toBe('2022-01-17');
    // Without an issue line, "Today" is the dateline.
    expect(meetingsOf('Today, Minister Lena Varga met Minister Dan Munteanu in Vienna.')[0].date).toBe(WED);
  });
});

describe('modality stated after the trigger', () => {
  it('reads "was possible" as proposed and "has been postponed" as cancelled', () => {
    expect(
      meetingsOf(
        'A video call between President Ana Ruiz and President Igor Lutsk was possible before the end of the month.',
      )[0].status,
    ).toBe('proposed');
    expect(
      meetingsOf(
        'A meeting of the foreign ministers of Poland, Belarus and Germany, pencilled in for March, has been postponed, diplomats said.',
      )[0].status,
    ).toBe('cancelled');
  });
  it('drops a meeting said to be "not on the agenda" and keeps "calling off" as cancelled', () => {
    expect(meetingsOf('The Kremlin said a summit between Poland and Belarus was not on the agenda.')).toEqual([]);
    expect(
      meetingsOf('Warsaw said it was calling off planned talks between Polish and Belarusian defence officials.')[0],
    ).toMatchObject({
      participants: expect.arrayContaining(['Poland', 'Belarus']),
      status: 'cancelled',
    });
  });
});

describe('places', () => {
  it('gives the city the text names, also when the gazetteer does not know it', () => {
    expect(meetingsOf('President Ana Ruiz met Prime Minister Tomas Kral in Wuzhen on Tuesday.')[0].place).toBe(
      'Wuzhen',
    );
    expect(
      meetingsOf(
        'President Ana Ruiz will meet Prime Minister Tomas Kral on the Caribbean island of St. Lucia on Friday.',
      )[0].place,
    ).toBe('St. Lucia');
  });
  it('carries the place of the previous sentence to a pronoun-led one', () => {
    const ms = meetingsOf(
      'Minister Lena Varga stops in Kyiv on Monday. From there she travels on to Moscow. She will hold talks with Minister Dan Munteanu on Friday.',
    );
    expect(ms.find((m) => m.participants.includes('Dan Munteanu'))).toMatchObject({
      place: 'Moscow',
      date: '2022-01-21',
      status: 'scheduled',
    });
  });
  it('does not take a place from a relative clause after the trigger', () => {
    const [m] = meetingsOf(
      'Poland and Belarus will hold talks on Monday, the first of meetings that officials hope can calm the border in Lithuania.',
    );
    expect(m.place).toBeNull();
  });
  it('reads "the Normandy format" and "the Minsk agreements" as names, not places or sides', () => {
    const ms = meetingsOf(
      'The sides discussed the Minsk agreements and agreed to meet again in the Normandy format, said President Ana Ruiz.',
    );
    for (const m of ms) {
      expect(m.participants).not.toContain('Belarus');
      expect(m.place).not.toBe('Normandy');
    }
  });
});

describe('participants', () => {
  it('counts a nationality that names the people at the table, not one that introduces an envoy', () => {
    const [a] = meetingsOf('Envoy Marta Sokol will hold talks with Russian officials in Moscow on Friday.');
    expect(a.participants).toEqual(['Marta Sokol', 'Russia']);
    const [b] = meetingsOf(
      "The Security Council met on Tuesday, where Israel's ambassador Dan Levi and Iran's envoy Ali Karimi traded charges.",
    );
    expect(b.participants).toEqual(expect.arrayContaining(['UN Security Council', 'Dan Levi', 'Ali Karimi']));
    expect(b.participants).not.toContain('Israel');
  });
  it('resolves a first-person "I" in a quote to its speaker', () => {
    const [m] = meetingsOf(
      'Minister Lena Varga spoke to reporters. "I told Minister Dan Munteanu yesterday that we will not yield," she said, referring to a call.',
    );
    expect(m).toMatchObject({ kind: 'call', date: '2022-01-18' });
    expect(m.participants).toEqual(expect.arrayContaining(['Lena Varga', 'Dan Munteanu']));
  });
  it('matches a titled family name written first ("Foreign Minister Wang" after "Wang Yi")', () => {
    const ms = meetingsOf(
      'Minister Lena Varga will meet Foreign Minister Chen Bo on Friday. "I will sit down with Foreign Minister Chen tomorrow," Varga said.',
    );
    expect(ms.every((m) => !m.participants.includes('Chen'))).toBe(true);
  });
  it('keeps "Un" of a name apart from the acronym "UN"', () => {
    expect(extract('Leader Kim Jong Un met President Ana Ruiz on Monday.', WED).entities.people).toContain(
      'Kim Jong Un',
    );
  });
  it('splits "and, separately, with" into two calls', () => {
    const ms = meetingsOf(
      'Secretary Mark Hale said he had spoken by phone on Tuesday with Minister Lena Varga and, separately, with Minister Dan Munteanu.',
    );
    expect(ms.filter((m) => m.kind === 'call' && m.date === '2022-01-18')).toHaveLength(2);
  });
  it('treats the traveller as a participant of the meeting in a "where" clause', () => {
    const [m] = meetingsOf(
      'Minister Lena Varga is due to travel to Riga on Monday, where NATO foreign ministers will gather for talks.',
    );
    expect(m).toMatchObject({ place: 'Riga', kind: 'multilateral', date: '2022-01-24' });
    expect(m.participants).toEqual(expect.arrayContaining(['Lena Varga', 'NATO']));
  });
  it('folds "for a trilateral meeting" into the meeting just named and makes it multilateral', () => {
    const ms = meetingsOf(
      'Minister Lena Varga met Dan Munteanu and Tomas Kral in Wuzhen on Tuesday for a long-planned trilateral meeting.',
    );
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ kind: 'multilateral', place: 'Wuzhen' });
  });
  it('does not make a meeting of a portfolio or of one government convening alone', () => {
    expect(meetingsOf("The European Union's envoy for the dialogue, Marta Sokol, praised Serbia and Kosovo.")).toEqual(
      [],
    );
    expect(meetingsOf("Israel's war cabinet convened on Monday to weigh a response to Iran.")).toEqual([]);
  });
  it('knows armed groups as sides, not bodies', () => {
    const [m] = meetingsOf('Ethiopia and the TPLF will hold talks in Nairobi on Friday.');
    expect(m).toMatchObject({ participants: ['Ethiopia', 'TPLF'], place: 'Nairobi', kind: 'in-person' });
  });
});

describe('troop counts without their own noun', () => {
  it('reads bare figures after a count of the same sentence', () => {
    expect(pairs('The army sends 1,700 paratroopers to Poland and 300 to Germany.')).toEqual(
      new Set(['1700|false', '300|false']),
    );
    expect(pairs('Officials count 150,000 troops, up from about 100,000 in late December.')).toEqual(
      new Set(['150000|false', '100000|false']),
    );
  });
  it('reads a figure handed over by "the force at" or "the number of soldiers ... to/from"', () => {
    expect(pairs('One think tank put the force at over 100k.')).toEqual(new Set(['100000|false']));
    expect(pairs('Belgrade said it would cut the number of soldiers near the line to 4,000 from 8,350.')).toEqual(
      new Set(['4000|true', '8350|false']),
    );
  });
  it('reads "on course to assemble as many as" as a projection, and "N-strong rapid reaction force"', () => {
    expect(
      pairs('Officials count 90,000 soldiers and say Moscow is on course to assemble as many as 175,000 within weeks.'),
    ).toEqual(new Set(['90000|false', '175000|true']));
    expect(pairs('The alliance keeps a 40,000-strong rapid reaction force.')).toEqual(new Set(['40000|false']));
  });
  it('leaves years, percentages and dated figures alone', () => {
    expect(pairs('Troops have been there since 2014, a rise of 30 percent on January 12.')).toEqual(new Set());
  });
});

describe('tension', () => {
  it('reads a cessation of hostilities and eased tensions as de-escalation', () => {
    expect(
      extract('Both sides agreed to a cessation of hostilities and to ease tensions along the border.', WED).tension
        .delta,
    ).toBeLessThan(0);
  });
  it('reads troops on alert and reinforcements as escalation', () => {
    expect(
      extract('The Pentagon put 5,000 troops on heightened alert and sent reinforcements east.', WED).tension.delta,
    ).toBeGreaterThan(0);
  });
});
