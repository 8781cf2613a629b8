import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertRule } from '../../shared/alerts.js';
import type { Change } from '../../shared/events.js';
import { compileTerms, reportWords, WordIndex } from './mentions.js';
import { judge } from './rules.js';

afterEach(() => vi.restoreAllMocks());

describe('mention rules compiled once per subscription change (issue 26, item 2)', () => {
  const subscriptions: AlertRule[] = Array.from({ length: 100 }, (_, s) => ({
    type: 'mention',
    terms: Array.from({ length: 50 }, (_, t) => `Keyword${s}x${t}`),
  }));
  const report = (n: number) => ({
    id: `r${n}`,
    text: `Report ${n}: Keyword7x3 was said in Kyiv. ${'Filler words about the talks. '.repeat(100)}`,
    title: `Title ${n}`,
    dateline: '2022-01-19',
  });
  const added = (n: number) =>
    ({ type: 'report.added', id: `r${n}`, seq: `${n + 1}-0`, crisis: null }) as unknown as Change;

  it('200 reports judged by 100 subscriptions of 50 keywords build each pattern once, not per report', () => {
    const OriginalRegExp = globalThis.RegExp;
    let built = 0;
    vi.stubGlobal(
      'RegExp',
      new Proxy(OriginalRegExp, {
        construct(target, args: [string, string?]) {
          built++;
          return new target(...args);
        },
      }),
    );
    let alerts = 0;
    for (let n = 0; n < 200; n++) {
      const r = report(n);
      const words = reportWords(r);
      for (const rule of subscriptions) if (judge(rule, added(n), { memo: {}, report: r, words }).alert) alerts++;
    }
    expect(alerts).toBe(200); // subscription 7 heard of every report
    // Two patterns per term, each made once: 10,000 in all. Made per report, it was 200 × 5,000.
    expect(built).toBeLessThanOrEqual(100 * 50 * 2);
  });

  it('the same whole-word, any-case, Unicode-aware matches as before', () => {
    const idx = new WordIndex("Diplomats flew to Kyiv's airport. Tirana was quiet; the U.S. and #Kyiv.");
    const find = (term: string) => idx.find(compileTerms([term])[0]);
    expect(find('kyiv')).toBe(18);
    expect(find('Iran')).toBe(-1);
    expect(find('u.s.')).toBeGreaterThan(0);
    expect(find('#Kyiv')).toBeGreaterThan(0);
    expect(find('airport. Tirana')).toBe(25);
    expect(find('Kyiv airport')).toBe(-1);
    expect(new WordIndex('ÉLYSÉE talks').find(compileTerms(['élysée'])[0])).toBe(0);
  });
});
