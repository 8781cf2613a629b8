/**
 * Words as search sees them: runs of letters and digits, compared lower-cased and without
 * diacritics ("Zelenskyy's" holds "zelenskyy" and "s"; "São" is "sao"). The index, the query and
 * the highlights all split text here, so what one finds the others mark. Linear in the text.
 */
const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** The form a word is compared in. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Only a word outside ASCII can carry a diacritic: skip the decomposition for the rest.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(MARKS, '');
}

/** The folded words of a text, in order. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) out.push(foldWord(m[0]));
  return out;
}

/** Each word of a text with where it stands: `[start, end)` in the text as given. */
export function* wordSpans(text: string): Generator<{ word: string; start: number; end: number }> {
  for (const m of text.matchAll(WORD)) yield { word: foldWord(m[0]), start: m.index, end: m.index + m[0].length };
}
