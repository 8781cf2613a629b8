import { describe, expect, it } from 'vitest';
import { provenanceParts, sentenceAround } from './sentence.js';

const text = 'Officials spoke on Monday. Russia has massed about 90,000 troops near the border. Talks follow.';
const figure = text.indexOf('about 90,000 troops');

describe('the sentence around evidence', () => {
  it('widens a figure to its whole sentence, full stop included', () => {
    const s = sentenceAround(text, figure, figure + 'about 90,000 troops'.length);
    expect(text.slice(s.start, s.end)).toBe('Russia has massed about 90,000 troops near the border.');
  });

  it('takes the first sentence from the start of the text, and a line as a sentence', () => {
    const s = sentenceAround(text, 0, 9);
    expect(text.slice(s.start, s.end)).toBe('Officials spoke on Monday.');
    const lines = 'GENEVA\nBlinken and Lavrov will meet on Friday';
    const m = sentenceAround(lines, lines.indexOf('Blinken'), lines.indexOf('Blinken') + 7);
    expect(lines.slice(m.start, m.end)).toBe('Blinken and Lavrov will meet on Friday');
  });

  it('keeps a decimal or an abbreviation inside a figure, and survives offsets past the end', () => {
    const t = 'About 1.5 million troops.';
    expect(sentenceAround(t, 6, 17)).toEqual({ start: 0, end: t.length });
    expect(sentenceAround(t, 100, 200)).toEqual({ start: t.length, end: t.length });
  });

  it('cuts the text in five parts that put it back together', () => {
    const parts = provenanceParts(text, figure, figure + 'about 90,000 troops'.length);
    expect(parts.evidence).toBe('about 90,000 troops');
    expect(parts.lead).toBe('Russia has massed ');
    expect(parts.tail).toBe(' near the border.');
    expect(Object.values(parts).join('')).toBe(text);
  });
});
