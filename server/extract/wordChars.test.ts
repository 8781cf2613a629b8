import { describe, expect, it } from 'vitest';
import { WORD_CHARS, isWordChar } from './gazetteer.js';

describe('isWordChar', () => {
  it('agrees with the WORD_CHARS class on every UTF-16 code unit', () => {
    const re = new RegExp(`[${WORD_CHARS}]`);
    const disagree: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isWordChar(c) !== re.test(String.fromCharCode(c))) disagree.push(c);
    expect(disagree).toEqual([]);
  });
});
