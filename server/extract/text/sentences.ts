/**
 * Sentences over tokens. A sentence ends at ".", "!" or "?" (with any closing quotes or brackets)
 * before a capital, a digit, an opening quote or a line break, unless the word before the point
 * is an abbreviation ("Mr.", "Jan.") or an initial ("Wendy R. Sherman"); a line break always
 * ends one (headlines, captions, datelines). A run of text with no end in sight is cut every
 * MAX_SENTENCE_TOKENS tokens, so that work done per sentence stays bounded on any input.
 */
import words from '../lexicon/text.json' with { type: 'json' };
import type { Token } from './tokens.js';

/** One sentence: tokens [t0, t1) of the report, and the offsets they span. */
export interface Sentence {
  index: number;
  t0: number;
  t1: number;
  start: number;
  end: number;
}

/** Longer runs without an end are cut: no real sentence comes near it. */
export const MAX_SENTENCE_TOKENS = 160;

const ABBREVIATIONS = new Set(words.abbreviations);
const ENDERS = new Set(['.', '!', '?', '...', '…']);
const CLOSERS = new Set(['"', '”', "'", '’', ')', ']', '»']);
const OPENERS = new Set(['"', '“', "'", '‘', '(', '[', '«']);
/** After a point these continue the sentence: "approx. 5", "etc., and". */
const CONTINUERS = new Set([',', ';', ':']);
/** After "U.S." a capitalised function word starts a new sentence ("... in the U.S. The talks ..."). */
const SENTENCE_OPENERS = new Set(words.sentenceOpeners);

/** Splits tokens into sentences; a run of punctuation with no word is no sentence. */
export function splitSentences(tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let t0 = 0;
  let words = false;
  const close = (t1: number): void => {
    if (t1 > t0 && words) out.push({ index: out.length, t0, t1, start: tokens[t0].start, end: tokens[t1 - 1].end });
    t0 = t1;
    words = false;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (i > t0 && (tokens[i].nl || i - t0 >= MAX_SENTENCE_TOKENS)) close(i);
    const t = tokens[i];
    if (t.kind !== 'punct') words = true;
    // An ender is a punctuation token ("..." is one); a word ending in a point is an abbreviation ("U.S.").
    if (
      (t.kind === 'punct' && ENDERS.has(t.text)) ||
      (t.kind === 'word' && t.text.length > 1 && t.lower.endsWith('.'))
    ) {
      let j = i + 1;
      while (j < tokens.length && !tokens[j].space && CLOSERS.has(tokens[j].text)) j++;
      if (endsHere(tokens, i, j)) {
        close(j);
        i = j - 1;
      }
    }
  }
  close(tokens.length);
  return out;
}

const STRAY_TITLES = new Set(words.strayPointTitles);
const STRAY_CONTINUERS = new Set(words.strayPointContinuers);

/**
 * "... with the US. President Ana Ruiz in the coming days": a point after "the" and an
 * abbreviation in capitals, before a title and a name that a preposition or "and" continues
 * (no verb of its own), is a stray point inside one sentence.
 */
function strayPoint(tokens: Token[], i: number, next: number): boolean {
  const abbr = tokens[i - 1];
  if (tokens[i - 2]?.lower !== 'the' || !/^\p{Lu}{2,3}$/u.test(abbr.text)) return false;
  if (!STRAY_TITLES.has(tokens[next]?.text ?? '')) return false;
  let k = next + 1;
  while (k < tokens.length && k - next <= 5 && tokens[k].cap && tokens[k].kind === 'word') k++;
  return k > next + 1 && STRAY_CONTINUERS.has(tokens[k]?.text ?? '');
}

/** Whether the sentence ends with token `i` (closers up to `next`). */
function endsHere(tokens: Token[], i: number, next: number): boolean {
  const after = tokens[next];
  if (!after) return true;
  if (after.nl) return true;
  if (!after.space) return false;
  const t = tokens[i];
  // "U.S." carries its own point: it ends a sentence only before an obvious opener.
  if (t.kind === 'word') return SENTENCE_OPENERS.has(after.text);
  if (t.text === '.' && i > 0 && !t.space) {
    const word = tokens[i - 1];
    if (word.kind === 'word' && ABBREVIATIONS.has(word.lower)) return false;
    if (word.kind === 'word' && word.text.length === 1 && word.cap) return false;
    if (strayPoint(tokens, i, next)) return false;
  }
  return OPENERS.has(after.text) || !(CONTINUERS.has(after.text) || /\p{Ll}/u.test(after.text[0]));
}
