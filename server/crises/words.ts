/**
 * The words of a text, in one linear pass: maximal runs of letters, marks and digits, each with its
 * offsets and a lookup key (lower-cased, diacritics folded: "Türkiye" → "turkiye"). Punctuation,
 * apostrophes and hyphens separate words ("Ukraine's" → "ukraine", "s"); the phrase matcher looks
 * at what stands between two words when it needs to.
 */

/** The words of one text. Parallel arrays: word `i` is `text.slice(starts[i], ends[i])`. */
export interface Words {
  text: string;
  /** `text` lower-cased when that keeps every offset (almost always); null otherwise. */
  lower: string | null;
  keys: string[];
  starts: number[];
  ends: number[];
}

// A simple class under `+`: the engine cannot backtrack into it, so one exec loop is linear.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NON_ASCII = /[^\p{ASCII}]/u;
const MARKS = /\p{M}+/gu;

/** A lower-cased word without diacritics: the form words are compared by. */
export function foldKey(lowerWord: string): string {
  return NON_ASCII.test(lowerWord) ? lowerWord.normalize('NFD').replace(MARKS, '') : lowerWord;
}

/** Splits `text` into words. Linear in the length of the text. */
export function splitWords(text: string): Words {
  const lowered = text.toLowerCase();
  // A few characters change length when lower-cased ("İ"): then each word is lower-cased alone.
  const lower = lowered.length === text.length ? lowered : null;
  const src = lower ?? text;
  const fold = NON_ASCII.test(src);
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(src)) !== null) {
    const w = lower ? m[0] : m[0].toLowerCase();
    keys.push(fold ? foldKey(w) : w);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { text, lower, keys, starts, ends };
}

/** Whether word `i` begins with a capital letter ("Kyiv", "KYIV"; not "kyiv", not "2022"). */
export function isCapitalised(w: Words, i: number): boolean {
  const at = w.starts[i];
  const c = w.text[at];
  const lc = w.lower ? w.lower[at] : c.toLowerCase();
  return c !== lc;
}

/** The characters between word `i` and word `i + 1`. */
export function gapAfter(w: Words, i: number): string {
  return w.text.slice(w.ends[i], w.starts[i + 1]);
}
