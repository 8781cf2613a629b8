/**
 * The one pass over a report's characters: tokens with their offsets. Everything after this
 * step looks tokens up (in maps and sets) instead of scanning the text again, so the cost of
 * extraction grows with the number of tokens, never with the square of a run of characters.
 *
 * A token is a word ("Lavrov", "U.S.", "don't", "Jean"), a number ("100,000", "1,00,000", "1.5",
 * "100k", "82nd"), or one punctuation character. A possessive "'s" is a token of its own
 * ("Russia" "'s"), and so is each hyphen ("Macron" "-" "Putin"): the `space` flag tells a glued
 * token from one that follows whitespace.
 */
import { NO_WORD, vocabularySize, wordId } from './vocabulary.js';

export type TokenKind = 'word' | 'num' | 'punct';

export interface Token {
  /** Offsets into the original text: `text.slice(start, end)` is the token. */
  start: number;
  end: number;
  text: string;
  /** Lower-cased, with typographic apostrophes made plain (’ → '). */
  lower: string;
  kind: TokenKind;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Whitespace stands before it (false: glued to the token before, as "-" in "Macron-Putin"). */
  space: boolean;
  /** A line break stands before it. */
  nl: boolean;
  /** Word ids (text/vocabulary.ts) of `lower` and of `text` with plain apostrophes; NO_WORD when no phrase list holds it. */
  lowerId: number;
  textId: number;
  /** The vocabulary's size when the ids were read: a list compiled since may know the word (readWordIds). */
  idsAt: number;
}

const SPACE = 1;
const NEWLINE = 2;
const LETTER = 4;
const DIGIT = 8;
const UPPER = 16;

/** Character classes of the ASCII range, looked up instead of tested. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v') ASCII[c] = SPACE;
  else if (ch === '\n' || ch === '\r') ASCII[c] = SPACE | NEWLINE;
  else if (ch >= '0' && ch <= '9') ASCII[c] = DIGIT;
  else if (ch >= 'a' && ch <= 'z') ASCII[c] = LETTER;
  else if (ch >= 'A' && ch <= 'Z') ASCII[c] = LETTER | UPPER;
}
const UNICODE_LETTER = /[\p{L}\p{M}]/u;
const UNICODE_UPPER = /\p{Lu}/u;
const UNICODE_SPACE = /[\s\u200b\u2060\ufeff]/u;
const LINE_SEPARATOR = /[\u2028\u2029\u0085]/;

function classOf(code: number): number {
  if (code < 128) return ASCII[code];
  const ch = String.fromCharCode(code);
  if (UNICODE_SPACE.test(ch)) return LINE_SEPARATOR.test(ch) ? SPACE | NEWLINE : SPACE;
  if (UNICODE_LETTER.test(ch)) return UNICODE_UPPER.test(ch) ? LETTER | UPPER : LETTER;
  if (code >= 0x660 && code <= 0x669) return DIGIT;
  return 0;
}

const isApostrophe = (ch: string): boolean => ch === "'" || ch === '’';

/**
 * Splits a text into tokens in one left-to-right pass.
 * @param limit most tokens made; the rest of the text is left out (bounded work on any input)
 */
export function tokenize(text: string, limit = Infinity): Token[] {
  const out: Token[] = [];
  const n = text.length;
  // The class of each position is computed once: the word loop peeks ahead by a character or two.
  const cls = new Uint8Array(n + 2);
  for (let k = 0; k < n; k++) cls[k] = classOf(text.charCodeAt(k));
  let space = true;
  let nl = true;
  let i = 0;
  while (i < n && out.length < limit) {
    const c = cls[i];
    if (c & SPACE) {
      space = true;
      if (c & NEWLINE) nl = true;
      i++;
      continue;
    }
    let j = i + 1;
    let kind: TokenKind = 'punct';
    if (c & (LETTER | DIGIT)) {
      kind = c & DIGIT ? 'num' : 'word';
      j = wordEnd(text, cls, i, kind === 'num');
    } else if (text[i] === '.' && text[i + 1] === '.' && text[i + 2] === '.') j = i + 3;
    else if (text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff && i + 1 < n) j = i + 2;
    let end = j;
    // "Russia's", "allies’s": the possessive is a token of its own.
    let possessive = false;
    if (
      kind === 'word' &&
      end - i > 2 &&
      (text[end - 1] === 's' || text[end - 1] === 'S') &&
      isApostrophe(text[end - 2])
    ) {
      end -= 2;
      possessive = true;
    }
    push(out, text, i, end, kind, space, nl);
    if (possessive) push(out, text, end, j, 'punct', false, false);
    space = false;
    nl = false;
    i = j;
  }
  return out;
}

function push(out: Token[], text: string, start: number, end: number, kind: TokenKind, space: boolean, nl: boolean) {
  const t = text.slice(start, end);
  const lower = t.toLowerCase();
  const code = t.charCodeAt(0);
  const token: Token = {
    start,
    end,
    text: t,
    lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower,
    kind,
    cap: code < 128 ? (ASCII[code] & UPPER) !== 0 : UNICODE_UPPER.test(t[0]),
    space,
    nl,
    lowerId: NO_WORD,
    textId: NO_WORD,
    idsAt: -1,
  };
  readWordIds(token);
  out.push(token);
}

/** Reads a token's word ids from the vocabulary as it is now. */
export function readWordIds(t: Token): void {
  t.lowerId = wordId(t.lower);
  // Lists as written hold their words lower-cased too (phrases.ts): unknown lower-cased, unknown as written.
  if (t.lowerId === NO_WORD) t.textId = NO_WORD;
  else {
    const written = plainApostrophes(t.text);
    t.textId = written === t.lower ? t.lowerId : wordId(written);
  }
  t.idsAt = vocabularySize();
}

const plainApostrophes = (s: string): string => (s.includes('’') ? s.replace(/’/g, "'") : s);

/**
 * The end of a word or number starting at `i`: letters and digits, an apostrophe between
 * letters ("O'Brien", "don't"), a comma or point between digits ("100,000", "1,00,000", "1.5"),
 * and the dotted capitals of an abbreviation ("U.S.", "D.C.").
 */
function wordEnd(text: string, cls: Uint8Array, i: number, numeric: boolean): number {
  const n = text.length;
  let j = i + 1;
  for (;;) {
    while (j < n && cls[j] & (LETTER | DIGIT)) j++;
    const ch = text[j];
    if (j + 1 >= n) break;
    const next = cls[j + 1];
    if (isApostrophe(ch) && next & LETTER && cls[j - 1] & LETTER) j++;
    else if ((ch === ',' || ch === '.') && next & DIGIT && cls[j - 1] & DIGIT) j++;
    else if (ch === '.' && !numeric && j - i === 1 && next & LETTER && !(cls[j + 2] & (LETTER | DIGIT))) {
      // "U.S.", "U.N.", "a.m.": single letters each followed by a point.
      j += 2;
      while (text[j] === '.' && cls[j + 1] & LETTER && !(cls[j + 2] & (LETTER | DIGIT))) j += 2;
      if (text[j] === '.') j++;
      return j;
    } else break;
  }
  return j;
}

/** The tokens of a short phrase (a word list entry), as keys: lower-cased unless `exact`. */
export function phraseKeys(phrase: string, exact = false): string[] {
  return tokenize(phrase).map((t) => (exact ? plainApostrophes(t.text) : t.lower));
}
