import { describe, expect, it } from 'vitest';
import { compilePhrases, MAX_PHRASE_WORDS, scanPhrases, type PhraseIndex } from './phrases.js';
import { splitWords } from './words.js';

function matches(index: PhraseIndex<string>, text: string): string[] {
  const out: string[] = [];
  const w = splitWords(text);
  scanPhrases(index, w, (payloads, first, last) =>
    out.push(`${payloads.join('+')}@${text.slice(w.starts[first], w.ends[last])}`),
  );
  return out;
}
const index = (...phrases: string[]) => compilePhrases(phrases.map((p) => ({ phrase: p, payload: p })));

describe('phrase matching', () => {
  it('ignores case for lower-case words and diacritics everywhere', () => {
    const ix = index('Minsk agreements', 'Türkiye');
    expect(matches(ix, 'the MINSK Agreements and Turkiye')).toEqual([
      'Minsk agreements@MINSK Agreements',
      'Türkiye@Turkiye',
    ]);
  });

  it('wants capitalised names capitalised, and short acronyms as written', () => {
    const ix = index('Turkey', 'US', 'NATO');
    expect(matches(ix, 'turkey for us, Turkey and the US, Nato and NATO')).toEqual([
      'Turkey@Turkey',
      'US@US',
      'NATO@Nato',
      'NATO@NATO',
    ]);
  });

  it('allows spaces, hyphens, apostrophes and the phrase’s own punctuation between words, nothing else', () => {
    const ix = index('U.S.', 'North Korea', 'Rostov-on-Don', "People's Liberation Army");
    expect(matches(ix, 'U.S. troops; North-Korea; Rostov on Don; People’s Liberation Army')).toEqual([
      'U.S.@U.S',
      'North Korea@North-Korea',
      'Rostov-on-Don@Rostov on Don',
      "People's Liberation Army@People’s Liberation Army",
    ]);
    expect(matches(ix, 'the North. Korea was quiet; Rostov, on Don')).toEqual([]);
  });

  it('takes the longest phrase at a word, without overlaps', () => {
    const ix = index('Minsk', 'Minsk agreements', 'agreements were');
    expect(matches(ix, 'Minsk agreements were signed in Minsk')).toEqual([
      'Minsk agreements@Minsk agreements',
      'Minsk@Minsk',
    ]);
  });

  it('gives every payload of phrases written alike', () => {
    const ix = compilePhrases([
      { phrase: 'Kyiv', payload: 'side' },
      { phrase: 'kyiv ', payload: 'other case' },
      { phrase: ' Kyiv', payload: 'place' },
    ]);
    expect(matches(ix, 'in Kyiv')).toEqual(['side+place+other case@Kyiv']);
    expect(matches(ix, 'in kyiv')).toEqual(['other case@kyiv']);
  });

  it('skips phrases with no words or too many', () => {
    const long = Array.from({ length: MAX_PHRASE_WORDS + 1 }, (_, i) => `w${i}`).join(' ');
    const ix = index('—', long, 'ok');
    expect(ix.size).toBe(1);
  });

  it('walks at most MAX_PHRASE_WORDS words from each word, whatever the text', () => {
    // Every word continues a phrase that never completes: the scan stays linear.
    const ix = index(Array.from({ length: MAX_PHRASE_WORDS }, () => 'a').join(' ') + ' b');
    const text = 'a '.repeat(50_000);
    expect(matches(ix, text)).toEqual([]);
  });
});
