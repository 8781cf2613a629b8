import { describe, expect, it } from 'vitest';
import { primeExtraction } from './prime.js';

describe('primeExtraction', () => {
  // Priming only helps where its text reaches: each part of extraction must find something in it.
  it('runs every part of extraction on its built-in text', () => {
    const x = primeExtraction();
    expect(x.troops.length).toBeGreaterThanOrEqual(2);
    expect(x.tension.signals.length).toBeGreaterThanOrEqual(5);
    expect(x.meetings.map((m) => m.status)).toEqual(expect.arrayContaining(['scheduled', 'held', 'cancelled']));
    expect(x.meetings.some((m) => m.date === '2022-01-21' && m.place === 'Geneva')).toBe(true);
    expect(x.entities.people).toContain('Anna Nowak');
  });
});
