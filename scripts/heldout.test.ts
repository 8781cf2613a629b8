/**
 * The held-out set (test/heldout: our own reports about other crises and dates, written after
 * the engine was tuned on the corpus) scored by the corpus scorer. The floors sit a little under
 * what extract() reaches, so a rule that only fits the corpus and breaks elsewhere fails here.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { predict, readCorpus } from './eval.js';
import { score } from './eval/score.js';

const HELDOUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'heldout');

describe('held-out reports', () => {
  const docs = readCorpus(HELDOUT);
  const result = score(docs, predict(docs));

  it('is a set of 14 to 18 reports in the corpus format, in our own words', () => {
    expect(docs.length).toBeGreaterThanOrEqual(14);
    expect(docs.length).toBeLessThanOrEqual(18);
    for (const { doc } of docs) {
      expect(doc.outlet).toBe('Crisis Desk held-out (own words)');
      expect(String(doc.dateline)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const words = String(doc.text).split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(150);
      expect(words).toBeLessThanOrEqual(450);
      expect(doc.truth).toHaveProperty('troop_counts');
      expect(doc.truth).toHaveProperty('meetings');
    }
  });

  it('keeps troop counts, meetings, dates and tension direction above their floors', () => {
    expect(result.troops.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.meetings.f1).toBeGreaterThanOrEqual(0.88);
    expect(result.attributes.date).toBeGreaterThanOrEqual(0.93);
    expect(result.direction).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the matched meetings’ place, kind and status right', () => {
    expect(result.attributes.place).toBeGreaterThanOrEqual(0.92);
    expect(result.attributes.kind).toBeGreaterThanOrEqual(0.92);
    expect(result.attributes.status).toBeGreaterThanOrEqual(0.92);
  });
});
