/**
 * The blind set (test/blind: 12 reports in our own words, written before the engine was read)
 * scored by the corpus scorer. Its first score is the honest generalisation figure (see
 * test/blind/README.md); it has since been used to find rules, so the floors sit a little under
 * what extract() reaches now and catch a rule that breaks these styles of report.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { predict, readCorpus } from './eval.js';
import { score } from './eval/score.js';

const BLIND = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'blind');

describe('blind-set reports', () => {
  const docs = readCorpus(BLIND);
  const result = score(docs, predict(docs));

  it('is a set of 12 reports in the corpus format, in our own words', () => {
    expect(docs).toHaveLength(12);
    for (const { doc } of docs) {
      expect(doc.outlet).toBe('Crisis Desk blind set (own words)');
      expect(String(doc.dateline)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const words = String(doc.text).split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(150);
      expect(words).toBeLessThanOrEqual(350);
    }
  });

  it('keeps troop counts, meetings, dates and tension direction above their floors', () => {
    expect(result.troops.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.meetings.f1).toBeGreaterThanOrEqual(0.9);
    expect(result.attributes.date).toBeGreaterThanOrEqual(0.87);
    expect(result.direction).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps the matched meetings’ place, kind and status right', () => {
    expect(result.attributes.place).toBeGreaterThanOrEqual(0.95);
    expect(result.attributes.kind).toBeGreaterThanOrEqual(0.88);
    expect(result.attributes.status).toBeGreaterThanOrEqual(0.93);
  });
});
