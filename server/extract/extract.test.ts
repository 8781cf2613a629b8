import { describe, expect, it } from 'vitest';
import { extractionSchema } from '../../shared/extraction.js';
import { datesIn, numbersIn } from './fixtures/readers.js';
import { inventedGazetteer, ownReports } from './fixtures/reports.js';
import { createExtractor, extract } from './index.js';
import { parseDateline, resolveWeekday } from './text/dates.js';

const WED = '2022-01-19'; // a Wednesday

function valid(text: string, dateline = WED) {
  const ex = extract(text, dateline);
  expect(() => extractionSchema.parse(ex)).not.toThrow();
  for (const e of [
    ...ex.troops.map((t) => t.evidence),
    ...ex.meetings.map((m) => m.evidence),
    ...ex.tension.signals.map((s) => s.evidence),
  ]) {
    expect(text.slice(e.start, e.end)).toBe(e.text);
  }
  return ex;
}

describe('dates against the dateline', () => {
  const ref = parseDateline(WED)!;
  it('resolves weekdays by tense: next for the future, last for the past', () => {
    expect(resolveWeekday(5, ref, 'future')).toBe('2022-01-21');
    expect(resolveWeekday(2, ref, 'past')).toBe('2022-01-18');
    expect(resolveWeekday(3, ref, 'past')).toBe('2022-01-19');
  });
  it('reads tense from the words around a weekday', () => {
    const [fri] = datesIn('The envoys will convene on Friday.', ref);
    const [tue] = datesIn('The envoys convened on Tuesday.', ref);
    expect(fri.date).toBe('2022-01-21');
    expect(tue.date).toBe('2022-01-18');
  });
  it('resolves calendar dates to the year nearest the dateline', () => {
    const [d] = datesIn('Consultations open on January 9.', parseDateline('2021-12-30')!);
    expect(d.date).toBe('2022-01-09');
  });
  it('knows tomorrow, next week and later this month, with their precision', () => {
    const ds = datesIn('Tomorrow the panel sits, next week it reports, later this month it votes.', ref);
    expect(ds.map((d) => d.precision)).toEqual(['day', 'week', 'month']);
    expect(ds[0].date).toBe('2022-01-20');
  });
  it('invents no date when the text gives none', () => {
    expect(datesIn('Ministers plan to meet soon.', ref)).toEqual([]);
    const ex = valid('The foreign ministers of Poland and Belarus will meet in Warsaw.');
    expect(ex.meetings[0]?.date).toBeNull();
  });
  it('treats a bad dateline as no reference rather than failing', () => {
    expect(parseDateline('not a date')).toBeNull();
    expect(
      valid('Talks between Poland and Belarus were held on Friday.', 'garbage').meetings[0]?.date ?? null,
    ).toBeNull();
  });
});

describe('numbers', () => {
  it.each([
    ['100,000', 100000],
    ['100k', 100000],
    ['a hundred thousand', 100000],
    ['thirty thousand', 30000],
    ['1.5 million', 1500000],
  ])('parses %s', (s, v) => {
    expect(numbersIn(s)[0].value).toBe(v);
  });
  it('keeps ranges and vague amounts as ranges', () => {
    expect(numbersIn('95,000 to 100,000')[0]).toMatchObject({ low: 95000, high: 100000 });
    expect(numbersIn('tens of thousands')[0]).toMatchObject({ low: 10000, high: 90000 });
  });
});

describe('troop counts', () => {
  it('finds counts with qualifiers and owners', () => {
    const ex = valid('Officials say Belarus has stationed well over 20,000 Belarusian soldiers along the frontier.');
    expect(ex.troops).toHaveLength(1);
    expect(ex.troops[0]).toMatchObject({ value: 20000, qualifier: 'more than', actor: 'Belarus', hypothetical: false });
  });
  it('reads "doubling that" as a hypothetical multiple of the figure before it', () => {
    const ex = valid('The army keeps 50,000 troops on the plain, with the option of doubling that within days.');
    expect(ex.troops.map((t) => [t.value, t.hypothetical])).toEqual([
      [50000, false],
      [100000, true],
    ]);
  });
  it('reads projections as hypothetical', () => {
    const ex = valid('Analysts believe the force is on track to amass 80,000 soldiers by spring.');
    expect(ex.troops[0]).toMatchObject({ value: 80000, hypothetical: true });
  });
  it('keeps a withdrawal of existing troops factual', () => {
    const ex = valid('A deal would provide for the withdrawal of some 8,000 troops from the island.');
    expect(ex.troops[0]).toMatchObject({ value: 8000, hypothetical: false, qualifier: 'about' });
  });
  it('ignores casualties, money, years, percentages, battle groups, tanks and dates', () => {
    const ex = valid(
      'Since 2014 the conflict has killed over 13,000 people and cost $4 billion. Some 60 battle groups and 1,200 tanks ' +
        'were seen, 40 percent more than on January 10, when 300 people protested.',
    );
    expect(ex.troops).toEqual([]);
  });
  it('reads ranges and word numbers', () => {
    expect(valid('Between 95,000 and 100,000 troops are on the border.').troops[0]).toMatchObject({
      value: 100000,
      low: 95000,
      high: 100000,
    });
    expect(valid('A hundred thousand soldiers have gathered.').troops[0].value).toBe(100000);
    expect(valid('Tens of thousands of troops moved north.').troops[0]).toMatchObject({ low: 10000, high: 90000 });
  });
});

describe('meetings', () => {
  it('finds a scheduled in-person meeting with place and day, resolving names within the report', () => {
    const text =
      'Polish Foreign Minister Zofia Kowalska set out on Tuesday to meet her Belarusian counterpart Piotr Sauchanka in Vienna in a meeting ' +
      'scheduled for Friday. Kowalska and Sauchanka held a telephone call on Tuesday. The Foreign Minister said the call was useful.';
    const ex = valid(text);
    expect(ex.meetings).toContainEqual(
      expect.objectContaining({
        participants: ['Zofia Kowalska', 'Piotr Sauchanka'],
        place: 'Vienna',
        date: '2022-01-21',
        kind: 'in-person',
        status: 'scheduled',
      }),
    );
    expect(ex.meetings).toContainEqual(
      expect.objectContaining({ date: '2022-01-18', kind: 'call', status: 'held', place: null }),
    );
    expect(ex.meetings).toHaveLength(2);
  });
  it('marks cancelled, postponed and agreed-in-principle meetings', () => {
    expect(valid('A summit between Poland and Belarus in Warsaw on Friday was cancelled.').meetings[0].status).toBe(
      'cancelled',
    );
    expect(valid('Talks between Poland and Belarus planned for Friday were postponed.').meetings[0].status).toBe(
      'cancelled',
    );
    const ex = valid('President Anna Nowak has agreed in principle to meet President Igor Lutsk, officials said.');
    expect(ex.meetings[0]).toMatchObject({ status: 'proposed' });
  });
  it('reads faltering talks on a date as held', () => {
    const ex = valid('After negotiations on January 10 between Warsaw and Minsk faltered, both sides traded blame.');
    expect(ex.meetings[0]).toMatchObject({ participants: ['Poland', 'Belarus'], date: '2022-01-10', status: 'held' });
  });
  it('recognises video calls and multilateral formats', () => {
    expect(valid('President Anna Nowak held a video call with President Igor Lutsk on Monday.').meetings[0].kind).toBe(
      'video',
    );
    const ex = valid('Diplomats from Poland, Belarus, Germany and France met in Geneva on Monday.');
    expect(ex.meetings[0]).toMatchObject({ kind: 'multilateral', place: 'Geneva', date: '2022-01-17' });
  });
  it('dates "a day after" relative to the day just reported', () => {
    const ex = valid(
      'President Anna Nowak is visiting Minsk on January 18. She came a day after meeting in Vienna with President Igor Lutsk.',
    );
    expect(ex.meetings.find((m) => m.place === 'Vienna')?.date).toBe('2022-01-17');
  });
  it('does not count negated meetings', () => {
    expect(valid('The leaders of Poland and Belarus have not met since 2019.').meetings).toEqual([]);
  });
});

describe('tension', () => {
  it('adds escalating and de-escalating weights into delta, with evidence', () => {
    const up = valid('Belarus massed troops and threatened an invasion of Poland.');
    expect(up.tension.delta).toBeGreaterThan(0);
    const down = valid('Poland and Belarus signed an agreement and agreed a ceasefire.');
    expect(down.tension.delta).toBeLessThan(0);
    expect(down.tension.delta).toBeCloseTo(
      down.tension.signals.reduce((s, x) => s + x.weight, 0),
      5,
    );
  });
  it('ignores negated phrases ("does not expect any breakthroughs")', () => {
    const ex = valid('The envoy said he does not expect any breakthroughs.');
    expect(ex.tension.signals.map((s) => s.phrase)).not.toContain('breakthroughs');
  });
  it('attributes a signal to the actor pair the sentence shows', () => {
    const ex = valid('Belarus threatened Poland with sanctions.');
    expect(ex.tension.signals[0].actors).toEqual(['Belarus', 'Poland']);
  });
});

describe('generalisation: our own reports about other crises', () => {
  const invented = createExtractor(inventedGazetteer);
  it.each(ownReports.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    const ex = (r.id.startsWith('norland') ? invented : extract)(r.text, r.dateline);
    expect(() => extractionSchema.parse(ex)).not.toThrow();
    const pairs = new Set(ex.troops.map((t) => `${t.value}|${t.hypothetical}`));
    expect(pairs).toEqual(new Set(r.troops.map((t) => `${t.value}|${t.hypothetical}`)));
    expect(ex.meetings).toHaveLength(r.meetings.length);
    for (const want of r.meetings) {
      const surnames = want.participants.map((p) => p.split(' ').pop());
      const got = ex.meetings.find(
        (m) =>
          surnames.every((s) => m.participants.some((p) => p.endsWith(s!))) &&
          m.kind === want.kind &&
          m.place === want.place,
      );
      expect(got, JSON.stringify(want)).toMatchObject({ date: want.date, status: want.status });
    }
    expect(Math.sign(ex.tension.delta)).toBe(r.direction === 'escalating' ? 1 : -1);
  });
  it('does not know the invented countries without their data', () => {
    const r = ownReports.find((x) => x.id === 'norland-2')!;
    // A bare name at a table ("talks between Norland and Sudovia") still takes part, but only the data makes
    // it a country: an owner of troops, a place, never a listed person.
    const ex = extract(r.text, r.dateline);
    expect(ex.troops.some((t) => t.actor === 'Sudovia')).toBe(false);
    expect(ex.entities.places).not.toContain('Lindra');
    expect(ex.entities.people).not.toContain('Norland');
    expect(invented(r.text, r.dateline).troops.some((t) => t.actor === 'Sudovia')).toBe(true);
  });
});
