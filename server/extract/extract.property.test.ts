import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractionSchema } from '../../shared/extraction.js';
import { CAPS } from './budget.js';
import { createExtractor } from './index.js';

const extract = createExtractor();

/** Any input must give a schema-valid, plain-JSON extraction whose evidence points into the text. */
function check(text: string, dateline: string): void {
  const ex = extract(text, dateline);
  extractionSchema.parse(ex);
  // Plain JSON (no undefined fields, no NaN or Infinity): a worker folds the object while
  // others replay its JSON from the fold log (server/workers/foldLog.ts), and must agree.
  expect(JSON.parse(JSON.stringify(ex))).toStrictEqual(ex);
  for (const e of [
    ...ex.troops.map((t) => t.evidence),
    ...ex.meetings.map((m) => m.evidence),
    ...ex.tension.signals.map((s) => s.evidence),
  ]) {
    expect(text.slice(e.start, e.end)).toBe(e.text);
  }
}

const newsWords = fc.constantFrom(
  'troops',
  'Russia',
  'Ukraine',
  'met',
  'will meet',
  'on Friday',
  'on Tuesday',
  'in Geneva',
  '100,000',
  'over',
  'talks',
  'call',
  'President',
  'Joe Biden',
  'Mr',
  'the',
  'doubling that',
  'January 10',
  'cancelled',
  'not',
  '1e400',
  '10^100',
  'tens of thousands',
  '🙂',
  'مرحبا',
  'שלום',
  '\n',
  ', ',
  '. ',
  '“',
  '”',
  'a day after',
  'his Russian counterpart',
);

describe('extract() on any input', () => {
  it('returns a valid extraction for arbitrary strings and datelines', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.oneof(fc.constant('2022-01-19'), fc.string()),
        (text, dateline) => check(text, dateline),
      ),
      { numRuns: 300 },
    );
  });
  it('returns a valid extraction for news-like word salad', () => {
    fc.assert(
      fc.property(
        fc.array(newsWords, { maxLength: 80 }).map((ws) => ws.join(' ')),
        fc.constantFrom('2022-01-19', '2022-01-19T23:59:59Z', '0000-00-00', ''),
        (text, d) => check(text, d),
      ),
      { numRuns: 300 },
    );
  });
  it.each([
    ['empty', ''],
    ['emoji', '🙂🚀 troops 🙂 100,000 🙂'.repeat(20)],
    ['right-to-left', 'القوات الروسية 100,000 جندي على الحدود. שלום troops'],
    ['absurd powers', '10^100 troops and 1e400 soldiers, 9'.padEnd(400, '9') + ' troops'],
    ['lone surrogates', '\ud800 troops \udfff 20,000 soldiers'],
  ])('survives %s', (_name, text) => {
    check(text, '2022-01-19');
  });
  it("keeps what it finds in 1 MB of text within the caps (time is the bench's: extract.hostile_max_ms)", () => {
    const chunk = 'Over 100,000 troops massed as President Joe Biden will meet Vladimir Putin in Geneva on Friday. ';
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    check(text, '2022-01-19');
    const ex = extract(text, '2022-01-19');
    expect(ex.troops.length).toBeGreaterThan(0);
    expect(ex.troops.length).toBeLessThanOrEqual(CAPS.troops);
    expect(ex.tension.signals.length).toBeLessThanOrEqual(CAPS.tensionSignals);
    expect(ex.meetings.length).toBeLessThanOrEqual(CAPS.meetingMentions);
  });
  it('is deterministic', () => {
    const text = 'Blinken will meet Lavrov on Friday; 100,000 troops wait.';
    expect(extract(text, '2022-01-19')).toEqual(extract(text, '2022-01-19'));
  });
});
