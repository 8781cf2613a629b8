import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSeq } from './seq.js';

/** The reference: the two parts as BigInt. */
function byBigInt(a: string, b: string): number {
  const [am, an = '0'] = a.split('-');
  const [bm, bn = '0'] = b.split('-');
  const d = BigInt(am) - BigInt(bm) || BigInt(an) - BigInt(bn);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

describe('compareSeq', () => {
  it('orders by milliseconds, then by the sequence number', () => {
    expect(compareSeq('1700000000000-5', '1700000000001-0')).toBe(-1);
    expect(compareSeq('1700000000000-10', '1700000000000-9')).toBe(1);
    expect(compareSeq('1-0', '1')).toBe(0);
  });

  it('is exact past 2^53, where Number would call two ids equal', () => {
    expect(Number('9007199254740993')).toBe(Number('9007199254740992'));
    expect(compareSeq('9007199254740993-0', '9007199254740992-0')).toBe(1);
    expect(compareSeq('5-18446744073709551615', '5-18446744073709551614')).toBe(1);
  });

  it('agrees with BigInt on any ids of up to 20 digits (leading zeros included)', () => {
    const part = fc.stringMatching(/^\d{1,20}$/);
    const id = fc.tuple(part, part).map(([ms, n]) => `${ms}-${n}`);
    fc.assert(fc.property(id, id, (a, b) => compareSeq(a, b) === byBigInt(a, b)));
  });
});
