/**
 * A change's `seq` is its Redis stream entry id, "ms-n": two decimal integers that may exceed
 * 2^53 (the socket schema allows 20 digits each). They are compared as digit strings, exactly,
 * without Number (which rounds) or BigInt (which allocates on a hot path).
 */

function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Orders two stream ids ("ms-n"; a missing "-n" is 0): -1, 0 or 1 like a comparator. */
export function compareSeq(a: string, b: string): number {
  const da = a.indexOf('-');
  const db = b.indexOf('-');
  const byMs = compareDigits(da < 0 ? a : a.slice(0, da), db < 0 ? b : b.slice(0, db));
  if (byMs !== 0) return byMs;
  return compareDigits(da < 0 ? '0' : a.slice(da + 1), db < 0 ? '0' : b.slice(db + 1));
}
