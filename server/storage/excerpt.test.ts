import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from './reportStore.js';

/** The excerpt by definition: the whole text with white space collapsed, cut at 280 characters. */
const byDefinition = (text: string) => {
  const normalised = text.replace(/\s+/g, ' ').trim();
  return normalised.length > 280 ? `${normalised.slice(0, 279)}…` : normalised;
};

const excerpt = (text: string) =>
  summarize({ report: { id: 'r', text, dateline: '2022-01-19', receivedAt: '' }, status: 'done', flags: [] }).excerpt;

describe('report excerpt', () => {
  it('is the whole text normalised and cut, though only its head is normalised', () => {
    const piece = fc.constantFrom('word', ' ', '\n', '   ', '\t\t', 'é', '.', '\n\n\n\n\n\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 1200 }), (parts) => {
        const text = parts.join('');
        expect(excerpt(text)).toBe(byDefinition(text));
      }),
      { numRuns: 2000 },
    );
  });
});
