import { describe, expect, it } from 'vitest';
import { foldKey, gapAfter, isCapitalised, splitWords } from './words.js';

describe('splitWords', () => {
  it('splits on punctuation, apostrophes and hyphens, keeping offsets into the text', () => {
    const w = splitWords('Kyiv’s mayor met Rostov-on-Don officials.');
    expect(w.keys).toEqual(['kyiv', 's', 'mayor', 'met', 'rostov', 'on', 'don', 'officials']);
    expect(w.keys.map((_, i) => w.text.slice(w.starts[i], w.ends[i]))[0]).toBe('Kyiv');
    expect(gapAfter(w, 0)).toBe('’');
    expect(gapAfter(w, 4)).toBe('-');
  });

  it('folds case and diacritics into the key', () => {
    expect(splitWords('TÜRKIYE and Élysée').keys).toEqual(['turkiye', 'and', 'elysee']);
    expect(foldKey('plötner')).toBe('plotner');
  });

  it('tells capitalised words from others', () => {
    const w = splitWords('Georgia georgia GEORGIA 2022');
    expect([0, 1, 2, 3].map((i) => isCapitalised(w, i))).toEqual([true, false, true, false]);
  });

  it('keeps offsets right when lower-casing would change the length', () => {
    const w = splitWords('İstanbul talks in Geneva');
    expect(w.lower).toBeNull();
    expect(w.text.slice(w.starts[3], w.ends[3])).toBe('Geneva');
    expect(isCapitalised(w, 3)).toBe(true);
  });

  it('gives no words for an empty or wordless text', () => {
    expect(splitWords('').keys).toEqual([]);
    expect(splitWords(' — , . ').keys).toEqual([]);
  });
});
