/**
 * Numbers over tokens, in digits or words: "100,000", "1,00,000" (Indian grouping), "100k",
 * "1.5 million", "three hundred", "a hundred thousand", "twenty-five thousand", ranges ("95,000
 * to 100,000", "between 100 and 200", "100-200") and vague amounts ("tens of thousands").
 * Values are finite; a number never spans more than a few tokens.
 */
import type { Token } from './tokens.js';

/** A number expression: tokens [i, j) of the report. */
export interface NumberExpr {
  i: number;
  j: number;
  value: number;
  low?: number;
  high?: number;
  /** Four digits between 1800 and 2100 with no separator: most likely a year. */
  year: boolean;
}

// Maps, not objects: a token's text looked up as an object key is slow (V8 cannot cache the
// lookup of a fresh string), and an object answers inherited names ("constructor") too.
const UNITS = new Map<string, number>(
  Object.entries({
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
    dozen: 12,
  }),
);
const SCALES = new Map<string, number>(
  Object.entries({
    hundred: 100,
    thousand: 1_000,
    lakh: 100_000,
    lakhs: 100_000,
    million: 1_000_000,
    crore: 10_000_000,
    billion: 1_000_000_000,
  }),
);
const SUFFIX_SCALE = new Map<string, number>(
  Object.entries({ k: 1_000, m: 1_000_000, mn: 1_000_000, bn: 1_000_000_000 }),
);
const RANGE_JOIN = new Set(['to', '-', '–', '—']);
const DIGITS = /^\d+(?:[.,]\d+)*$/;
const DIGITS_SUFFIX = /^(\d+(?:[.,]\d+)*)(k|m|mn|bn)$/i;

/** A single number at token i: its value and end, or null. */
function single(tokens: Token[], i: number, to: number): { value: number; j: number } | null {
  const t = tokens[i];
  let value: number;
  let j = i + 1;
  if (t.kind === 'num') {
    const suffixed = DIGITS_SUFFIX.exec(t.text);
    if (suffixed) return finite(digitsValue(suffixed[1]) * SUFFIX_SCALE.get(suffixed[2].toLowerCase())!, j);
    if (!DIGITS.test(t.text)) return null;
    value = digitsValue(t.text);
    // "1.5 million", "300 thousand"
    const scale = j < to ? SCALES.get(tokens[j].lower) : undefined;
    if (scale && scale >= 1000) return finite(value * scale, j + 1);
    return finite(value, j);
  }
  if (t.kind !== 'word') return null;
  // "a hundred", "an estimated" (not a number), "a dozen": the article counts only before a scale.
  let total = 0;
  let current = 0;
  let seen = false;
  j = i;
  if (
    (t.lower === 'a' || t.lower === 'an') &&
    j + 1 < to &&
    (SCALES.get(tokens[j + 1].lower) || tokens[j + 1].lower === 'dozen')
  ) {
    current = 1;
    j++;
  }
  while (j < to) {
    const w = tokens[j].lower;
    const unit = UNITS.get(w);
    if (unit !== undefined) {
      if (seen && current % 10 !== 0 && unit < 10) break; // "two three" is not a number
      current += unit;
    } else if (w === 'hundred') current = (current || 1) * 100;
    else if (SCALES.has(w)) {
      total += (current || 1) * SCALES.get(w)!;
      current = 0;
    } else if ((w === '-' || w === 'and') && seen && j + 1 < to && UNITS.has(tokens[j + 1].lower)) {
      j++;
      continue;
    } else break;
    seen = true;
    j++;
  }
  if (!seen) return null;
  // A lone "one" is a pronoun or an article more often than a quantity.
  if (j === i + 1 && t.lower === 'one') return null;
  return finite(total + current, j);
}

function digitsValue(s: string): number {
  // "1,00,000" and "100,000" alike: commas group digits; a point is a decimal point
  // unless several points group the digits ("100.000.000").
  const points = s.split('.').length - 1;
  if (points > 1) return Number(s.replace(/[.,]/g, ''));
  return Number(s.replace(/,/g, ''));
}

function finite(value: number, j: number): { value: number; j: number } | null {
  return Number.isFinite(value) && value >= 0 ? { value, j } : null;
}

/** Every number expression in tokens [from, to), left to right. */
export function findNumbers(tokens: Token[], from: number, to: number): NumberExpr[] {
  const out: NumberExpr[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === 'punct') continue;
    // "tens of thousands", "hundreds of thousands"
    if (
      (t.lower === 'tens' || t.lower === 'hundreds') &&
      tokens[i + 1]?.lower === 'of' &&
      tokens[i + 2]?.lower === 'thousands'
    ) {
      const tens = t.lower === 'tens';
      out.push({
        i,
        j: i + 3,
        value: tens ? 20_000 : 200_000,
        low: tens ? 10_000 : 100_000,
        high: tens ? 90_000 : 900_000,
        year: false,
      });
      i += 2;
      continue;
    }
    const between = t.lower === 'between';
    const a = single(tokens, between ? i + 1 : i, to);
    if (!a) continue;
    const start = between ? i + 1 : i;
    // "95,000 to 100,000", "100-200", "between 100 and 200"
    const join = tokens[a.j];
    if (join && a.j + 1 < to && (RANGE_JOIN.has(join.lower) || (between && join.lower === 'and'))) {
      const b = single(tokens, a.j + 1, to);
      if (b && b.value > a.value) {
        out.push({ i: start, j: b.j, value: b.value, low: a.value, high: b.value, year: false });
        i = b.j - 1;
        continue;
      }
    }
    const raw = tokens[start].text;
    const year = a.j === start + 1 && /^\d{4}$/.test(raw) && a.value >= 1800 && a.value <= 2100;
    out.push({ i: start, j: a.j, value: a.value, year });
    i = a.j - 1;
  }
  return out;
}
