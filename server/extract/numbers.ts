/**
 * Number expressions in words or digits: "100,000", "100k", "1.5 million",
 * "a hundred thousand", "thirty thousand", "tens of thousands", "95,000 to 100,000".
 * Returns values with a range when the text gives one; never Infinity or NaN.
 */

/** A number expression found in a text (offsets relative to the searched string). */
export interface NumberExpr {
  start: number;
  end: number;
  value: number;
  low?: number;
  high?: number;
}

const UNITS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
const WORD = `(?:${Object.keys(UNITS).join('|')}|${Object.keys(SCALES).join('|')})`;

// Digits with optional thousands separators and decimals, an optional k/m/million scale.
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE_SUFFIX = String.raw`(?:\s*(?:k|K)\b|\s+(?:thousand|million|billion)\b)?`;
const SINGLE = `(?:(?:${DIGITS})${SCALE_SUFFIX}|${WORD}(?:[\\s-]+(?:and\\s+)?${WORD})*)`;
const VAGUE = String.raw`(?:tens|hundreds) of thousands`;

/** Matches a number, a range "X to Y" / "X-Y" / "between X and Y", or a vague amount. */
export const NUMBER_RE = new RegExp(
  String.raw`(?<![\w.,])(?:(?<vague>${VAGUE})|(?:between\s+)?(?<a>${SINGLE})(?:\s*(?:to|-|–|and)\s*(?<b>${SINGLE}))?)(?![\w])`,
  'gi',
);

/** Parses one number written in digits or words; null when it is not a number. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  const dm = /^([\d,]+(?:\.\d+)?)\s*(k|thousand|million|billion)?$/.exec(s);
  if (dm) {
    const base = Number(dm[1].replace(/,/g, ''));
    const mult =
      dm[2] === 'k' || dm[2] === 'thousand' ? 1e3 : dm[2] === 'million' ? 1e6 : dm[2] === 'billion' ? 1e9 : 1;
    const v = base * mult;
    return Number.isFinite(v) ? v : null;
  }
  const words = s.split(/[\s-]+/).filter((w) => w !== 'and');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w in UNITS) {
      current += UNITS[w];
      seen = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in SCALES) {
      total += (current || 1) * SCALES[w];
      current = 0;
      seen = true;
    } else return null;
  }
  // A lone "a"/"an"/"one" is an article, not a quantity.
  if (!seen || (words.length === 1 && UNITS[words[0]] === 1)) return null;
  const v = total + current;
  return Number.isFinite(v) ? v : null;
}

/** Finds number expressions in `text`. */
export function findNumbers(text: string): NumberExpr[] {
  const out: NumberExpr[] = [];
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(text)) !== null) {
    if (m[0].length === 0) {
      NUMBER_RE.lastIndex++;
      continue;
    }
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (g.vague) {
      const tens = g.vague.toLowerCase().startsWith('tens');
      const low = tens ? 10_000 : 100_000;
      const high = tens ? 90_000 : 900_000;
      out.push({ start, end, value: tens ? 20_000 : 200_000, low, high });
      continue;
    }
    const a = parseNumber(g.a);
    if (a === null) continue;
    const b = g.b ? parseNumber(g.b) : null;
    // "X and Y" is a range only after "between"; "X to Y" / "X-Y" always is.
    const between = /^between\s/i.test(m[0]);
    const joinedByAnd = g.b !== undefined && /\band\s*$/i.test(m[0].slice(0, m[0].lastIndexOf(g.b)));
    if (b !== null && b > a && (between || !joinedByAnd)) {
      out.push({ start, end, value: b, low: a, high: b });
    } else {
      // "X and Y" that is not a range: keep the first figure only, and let the scan continue after it.
      const aEnd = m[0].indexOf(g.a) + g.a.length;
      out.push({ start: start + m[0].indexOf(g.a), end: start + aEnd, value: a });
      if (g.b) NUMBER_RE.lastIndex = start + aEnd;
    }
  }
  return out;
}
