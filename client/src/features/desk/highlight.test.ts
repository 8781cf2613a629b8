import { describe, expect, it } from 'vitest';
import { segment, type Span } from './highlight.js';

const span = (start: number, end: number, kind: Span['kind'] = 'troop'): Span => ({ start, end, kind, label: kind });

describe('segment', () => {
  it('covers the text exactly, highlighting the evidence', () => {
    const text = 'Russia has 100,000 troops near Ukraine.';
    const segments = segment(text, [span(11, 25)]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.span).map((s) => s.text)).toEqual(['100,000 troops']);
  });

  it('keeps markup-looking text as text (the renderer makes text nodes of it)', () => {
    const text = '<img src=x onerror=alert(1)> talks in Geneva';
    expect(segment(text, [span(0, 28, 'tension')])[0]).toEqual({
      text: '<img src=x onerror=alert(1)>',
      span: span(0, 28, 'tension'),
    });
  });

  it('cuts overlapping spans, drops empty and out-of-range ones, and orders by start', () => {
    const text = 'abcdefghij';
    const segments = segment(text, [
      span(6, 8, 'meeting'),
      span(2, 5),
      span(4, 7, 'tension'),
      span(3, 3),
      span(20, 30),
      span(-5, 1),
    ]);
    expect(segments.map((s) => [s.text, s.span?.kind ?? null])).toEqual([
      ['a', 'troop'],
      ['b', null],
      ['cde', 'troop'],
      ['fg', 'tension'],
      ['h', 'meeting'],
      ['ij', null],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('an empty text is one empty segment', () => {
    expect(segment('', [span(0, 3)])).toEqual([{ text: '' }]);
  });
});
