/** The one pass over the characters, and what is read straight off its tokens. Sentences are our own. */
import { describe, expect, it } from 'vitest';
import { datesIn, numbersIn } from '../fixtures/readers.js';
import { clauseStarts } from './clauses.js';
import { parseDateline } from './dates.js';
import { MAX_SENTENCE_TOKENS, splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('tokens', () => {
  it('splits a possessive and each hyphen off as tokens of their own, glued to the word before', () => {
    const tokens = tokenize("Norway's envoy met the Vasquez-Holm team");
    expect(tokens.map((t) => t.text)).toEqual(['Norway', "'s", 'envoy', 'met', 'the', 'Vasquez', '-', 'Holm', 'team']);
    expect(tokens[1].space).toBe(false);
    expect(tokens[6].space).toBe(false);
  });
  it('keeps dotted abbreviations, decimals and digit groups whole, Indian grouping included', () => {
    expect(words('The U.S. sent 1.5 million, then 1,00,000 and 100,000 more.')).toEqual([
      'The',
      'U.S.',
      'sent',
      '1.5',
      'million',
      ',',
      'then',
      '1,00,000',
      'and',
      '100,000',
      'more',
      '.',
    ]);
  });
  it('gives offsets into the text, whatever the characters', () => {
    const text = 'Δ 🙂 “quoted” — end';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  it('stops at a limit of tokens', () => {
    expect(tokenize('a b c d e', 3)).toHaveLength(3);
  });
});

describe('sentences and clauses', () => {
  const split = (text: string) => {
    const tokens = tokenize(text);
    return splitSentences(tokens).map((s) => text.slice(s.start, s.end));
  };
  it('does not end a sentence at a title, a month or an initial', () => {
    expect(split('Gen. Ana Ruiz met Mr. Tomas R. Kral on Jan. 5 in Lima. They spoke.')).toEqual([
      'Gen. Ana Ruiz met Mr. Tomas R. Kral on Jan. 5 in Lima.',
      'They spoke.',
    ]);
  });
  it('reads a stray point after "the" and a capitals abbreviation before a title and a name as no end', () => {
    expect(split('Ruiz will talk with the UN. Envoy Tomas Kral in the coming days.')).toHaveLength(1);
    expect(split('Ruiz will talk with the UN. Envoy Tomas Kral said so.')).toHaveLength(2);
  });
  it('starts a clause at "and" before a verb of its own ("and did not rule out")', () => {
    const text = 'Ruiz would speak with Kral soon and did not rule out a trip.';
    const tokens = tokenize(text);
    const [s] = splitSentences(tokens);
    const starts = clauseStarts(tokens, s).map((k) => tokens[k].text);
    expect(starts).toEqual(['Ruiz', 'and']);
  });
  it('ends one at every line break, and at a number starting the next', () => {
    expect(split('Envoys left\nTalks ended. 160 guards stayed.')).toEqual([
      'Envoys left',
      'Talks ended.',
      '160 guards stayed.',
    ]);
  });
  it('cuts a run with no end into pieces of at most MAX_SENTENCE_TOKENS', () => {
    const sentences = splitSentences(tokenize('word '.repeat(1000)));
    expect(sentences.length).toBeGreaterThanOrEqual(1000 / MAX_SENTENCE_TOKENS);
    for (const s of sentences) expect(s.t1 - s.t0).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
  });
  it('makes no sentence of punctuation alone', () => {
    expect(split('. . . ! ? Done.')).toEqual(['Done.']);
  });
  const clauses = (text: string) => {
    const tokens = tokenize(text);
    const [s] = splitSentences(tokens);
    const starts = clauseStarts(tokens, s);
    return starts.map((c, k) => text.slice(tokens[c].start, tokens[(starts[k + 1] ?? s.t1) - 1].end));
  };
  it('ends a relative clause at its closing comma, and an opening subordinate one at its first', () => {
    expect(clauses('The envoy, who saw Ruiz in Lima on Monday, will fly to Quito.')).toEqual([
      'The envoy,',
      'who saw Ruiz in Lima on Monday,',
      'will fly to Quito.',
    ]);
    expect(clauses('Before calling Kral, Ruiz met Lund.')).toEqual(['Before calling Kral,', 'Ruiz met Lund.']);
    expect(clauses('After stops in Lima, where she held talks with Kral, Ruiz called Lund.')).toEqual([
      'After stops in Lima,',
      'where she held talks with Kral,',
      'Ruiz called Lund.',
    ]);
  });
});

describe('numbers and dates', () => {
  it('reads numbers in words, with scales, in Indian grouping and as ranges', () => {
    expect(numbersIn('twenty-five thousand').map((n) => n.value)).toEqual([25_000]);
    expect(numbersIn('1,00,000')[0].value).toBe(100_000);
    expect(numbersIn('2 lakh')[0].value).toBe(200_000);
    expect(numbersIn('between 100-200')[0]).toMatchObject({ value: 200, low: 100, high: 200 });
    expect(numbersIn('in 1994').map((n) => n.year)).toEqual([true]);
  });
  it('reads a word that names an object property ("constructor") as no number word', () => {
    expect(numbersIn('two constructor firms').map((n) => n.value)).toEqual([2]);
    expect(numbersIn('a constructor')).toEqual([]);
  });
  it('reads a weekday with its date in brackets by the date, and "delayed until Monday evening" as today', () => {
    const ref = parseDateline('2025-05-12'); // a Monday
    expect(datesIn('on Thursday (May 15) the envoys met', ref)[0]).toMatchObject({ date: '2025-05-15' });
    expect(datesIn('06.11.2021', ref)[0].date).toBe('2021-11-06');
    expect(datesIn('Monday evening', ref)[0].date).toBe('2025-05-12');
  });
  it('places a weekday by its own words before the verbs: "Earlier on", "last", "the Sunday talks"', () => {
    const ref = parseDateline('2025-05-12'); // a Monday
    expect(datesIn('Earlier on Sunday, the envoy said talks would start', ref)[0].date).toBe('2025-05-11');
    expect(datesIn('The quiet Sunday talks will lead to a wider round', ref)[0].date).toBe('2025-05-11');
    expect(datesIn('The envoys will meet Sunday to talk', ref)[0].date).toBe('2025-05-18');
    expect(datesIn('Ruiz said Thursday that the envoys would meet', ref)[0].date).toBe('2025-05-08');
  });
  it('reads the phrases that start with a common word: "the coming week", "the end of the month", "in two days", "earlier this week"', () => {
    const ref = parseDateline('2025-05-12');
    const read = (text: string) => datesIn(text, ref).map((d) => [d.text, d.precision, d.date]);
    expect(read('They meet in the coming week')).toEqual([['the coming week', 'week', null]]);
    expect(read('by the end of the month')).toEqual([['the end of the month', 'month', null]]);
    expect(read('They meet in two days')).toEqual([['in two days', 'day', '2025-05-14']]);
    expect(read('They met earlier this week')).toEqual([['earlier this week', 'week', null]]);
    expect(read('They met on 12th of May')).toEqual([['12th of May', 'day', '2025-05-12']]);
  });
  it('takes "may" and "march" for months only with their capital', () => {
    const ref = parseDateline('2025-05-12');
    expect(datesIn('they may march 5 miles', ref)).toEqual([]);
    expect(datesIn('on May 5', ref)[0].date).toBe('2025-05-05');
  });
});
