import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightsOf, markRanges } from './highlight.js';
import { newerFirst, newestK } from './newest.js';
import { parseQuery } from './query.js';
import { ReportIndex } from './reportIndex.js';
import { wordsOf } from './words.js';

describe('parseQuery', () => {
  it('reads words, quoted phrases, people and places', () => {
    expect(parseQuery('troops "Foreign Minister" person:"Sergei Lavrov" place:Kyiv')).toEqual({
      words: ['troops', 'foreign', 'minister', 'sergei', 'lavrov', 'kyiv'],
      phrases: [['foreign', 'minister']],
      people: [['sergei', 'lavrov']],
      places: [['kyiv']],
    });
  });
  it('folds case and diacritics; punctuation inside a word makes a phrase; an open quote runs to the end', () => {
    expect(parseQuery('São cease-fire "open quote')).toMatchObject({
      words: ['sao', 'cease', 'fire', 'open', 'quote'],
      phrases: [
        ['cease', 'fire'],
        ['open', 'quote'],
      ],
    });
  });
  it('refuses a query with no words', () => {
    expect(() => parseQuery('"" -- ...')).toThrow(/at least one word/);
  });
});

describe('highlights', () => {
  const q = parseQuery('"foreign minister" lavrov');
  it('marks phrases whole and words alone, as offsets into the text', () => {
    const text = 'The Foreign Minister, Sergei Lavrov, met the foreign press; minister Lavrov left.';
    const marks = markRanges(text, q).map(([s, e]) => text.slice(s, e));
    expect(marks).toEqual(['Foreign Minister', 'Lavrov', 'Lavrov']);
  });
  it('snippets are slices of the text, their marks relative to the slice', () => {
    const text = `${'filler '.repeat(100)}Lavrov spoke. ${'more '.repeat(100)}foreign minister`;
    const h = highlightsOf('Lavrov', text, q);
    expect(h.title).toEqual({ text: 'Lavrov', marks: [[0, 6]], at: 0 });
    for (const s of h.snippets) {
      expect(text.slice(s.at, s.at + s.text.length)).toBe(s.text);
      for (const [a, b] of s.marks) expect(wordsOf(s.text.slice(a, b))[0]).toMatch(/lavrov|foreign/);
    }
    expect(h.snippets).toHaveLength(2);
  });
});

describe('newestK', () => {
  it('gives the same as sorting everything and taking the first k', () => {
    const item = fc.record({
      receivedAtMs: fc.integer({ min: 0, max: 20 }),
      id: fc.stringMatching(/^[0-9a-f]{1,3}$/),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (items, k) => {
        const unique = [...new Map(items.map((i) => [i.id, i])).values()];
        expect(newestK(unique, k)).toEqual([...unique].sort(newerFirst).slice(0, k));
      }),
    );
  });
});

describe('ReportIndex', () => {
  const base = {
    dateline: '2022-01-19',
    people: [],
    places: [],
    flags: [],
    verification: 'unverified',
    contentKey: 'a',
  };
  it('finds by every word, follows updates of words and filters, forgets removed reports', () => {
    const index = new ReportIndex();
    index.upsert({ ...base, id: 'a', text: 'Troops near Kyiv', receivedAtMs: 1 });
    index.upsert({ ...base, id: 'b', text: 'Talks in Geneva', receivedAtMs: 2, crises: ['x'] });
    const ids = (words: string[]) => [...index.matching(words)].map((e) => e.id).sort();
    expect(ids(['kyiv'])).toEqual(['a']);
    expect(ids(['talks', 'geneva'])).toEqual(['b']);
    index.upsert({ ...base, id: 'b', text: 'Talks in Vienna', receivedAtMs: 2, contentKey: 'b2', crises: ['y'] });
    expect(ids(['geneva'])).toEqual([]);
    expect([...index.matching(['vienna'])][0].crises).toEqual(['y']);
    index.remove('a');
    expect(ids(['kyiv'])).toEqual([]);
    expect(ids([])).toEqual(['b']);
  });
});

describe('ReportIndex.newest', () => {
  const base = {
    dateline: '2022-01-19',
    people: [],
    places: [],
    flags: [],
    verification: 'unverified',
    contentKey: 'a',
  };
  it('gives the newest k matches whatever order reports were numbered in, and says when more remain', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 30 }),
        (arrivals, k) => {
          const index = new ReportIndex();
          arrivals.forEach((ms, i) =>
            index.upsert({
              ...base,
              id: String(i).padStart(3, '0'),
              text: i % 3 ? 'troops' : 'talks',
              receivedAtMs: ms,
            }),
          );
          const keep = (e: { id: string }) => Number(e.id) % 2 === 0;
          const expected = index.matching(['troops']).filter(keep).sort(newerFirst);
          const { top, more } = index.newest(['troops'], keep, k);
          expect(top.map((e) => e.id)).toEqual(expected.slice(0, k).map((e) => e.id));
          if (expected.length > k) expect(more).toBe(true);
        },
      ),
    );
  });
});
