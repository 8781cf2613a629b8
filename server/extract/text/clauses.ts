/**
 * Clauses: where one fact of a sentence usually ends and the next begins. A clause starts after
 * ";", ":" or a spaced dash, after a comma before "but", "while", "where", "after" and the like,
 * at "after", "before", "when" even without a comma, and at "and" before a lower-case word
 * after a comma ("..., and the talks ended"). Boundaries are token indexes.
 */
import words from '../lexicon/text.json' with { type: 'json' };
import { phraseSet } from './phrases.js';
import type { Sentence } from './sentences.js';
import type { Token } from './tokens.js';

const AFTER_COMMA = phraseSet(words.clauseAfterComma);
const OPENERS = phraseSet(words.clauseOpeners);
const DASHES = new Set(['-', '–', '—']);
/** Dashes are punctuation tokens: a word is told apart by its kind, without a look-up. */
const isDash = (t: Token | undefined): boolean => t !== undefined && t.kind === 'punct' && DASHES.has(t.text);
const INTRODUCERS = new Set(words.clauseIntroducers);
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'where']);

/** The token indexes where the clauses of a sentence start; the first is the sentence's own start. */
export function clauseStarts(tokens: Token[], s: Sentence): number[] {
  const starts = [s.t0];
  // "Before talking to Biden, Putin ...": an opening subordinate phrase ends at its comma.
  let opening = OPENERS.at(tokens, s.t0, s.t1) !== null || INTRODUCERS.has(tokens[s.t0].lower);
  // ", who met Biden on Monday, will travel ...": a relative clause ends at its closing comma.
  let relative = false;
  for (let i = s.t0 + 1; i < s.t1; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    if ((opening || relative) && prev.text === ',') {
      opening = false;
      relative = false;
      starts.push(i);
      if (RELATIVES.has(t.lower)) relative = true;
    } else if (prev.text === ';' || (prev.text === ':' && t.space)) starts.push(i);
    else if (isDash(prev) && t.space && (prev.space || isDash(tokens[i - 2]))) starts.push(i);
    else if (prev.text === ',' && (AFTER_COMMA.at(tokens, i, s.t1) || (t.lower === 'and' && !tokens[i + 1]?.cap))) {
      starts.push(i);
      relative = RELATIVES.has(t.lower);
    } else if (prev.text !== ',' && OPENERS.at(tokens, i, s.t1) && i > s.t0 + 1) starts.push(i);
    else if (t.lower === 'and' && andWith(tokens, i + 1, s.t1)) starts.push(i);
  }
  return starts;
}

/** The [start, end) token range of the clause around token `i`. */
export function clauseAround(starts: number[], sentenceEnd: number, i: number): [number, number] {
  let a = starts[0];
  let b = sentenceEnd;
  for (const c of starts) {
    if (c <= i) a = c;
    else {
      b = c;
      break;
    }
  }
  return [a, b];
}

const ASIDE = new Set([',', 'separately', 'also', 'then']);

/** "... and, separately, with X": a second meeting of the same subject. */
function andWith(tokens: Token[], from: number, end: number): boolean {
  let k = from;
  while (k < end && k - from < 4 && ASIDE.has(tokens[k].lower)) k++;
  return k > from && tokens[k]?.lower === 'with';
}
