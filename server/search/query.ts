/**
 * Reads a search box's text: words (all must be present), "quoted phrases" (their words side by
 * side, in order), and `person:` / `place:` followed by a word or a quoted name (a person or place
 * the report's extraction names). A word that punctuation splits ("100,000", "cease-fire") is a
 * phrase of its parts. One pass over at most MAX_QUERY_CHARS characters.
 */
import { MAX_QUERY_WORDS } from '../../shared/search.js';
import { BadRequest } from '../errors.js';
import { wordsOf } from './words.js';

export type ParsedQuery = {
  /** Every folded word the query needs, once each: what the index is asked for. */
  words: string[];
  /** Runs of two or more words that must stand side by side, in order. */
  phrases: string[][];
  /** Names (as folded words) the report's people, or places, must contain. */
  people: string[][];
  places: string[][];
};

const PART = /(?:(person|place):)?(?:"([^"]*)"?|(\S+))/gi;

export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = { words: [], phrases: [], people: [], places: [] };
  const seen = new Set<string>();
  let count = 0;
  for (const m of q.matchAll(PART)) {
    const words = wordsOf(m[2] ?? m[3] ?? '');
    if (words.length === 0) continue;
    count += words.length;
    if (count > MAX_QUERY_WORDS)
      throw new BadRequest(
        `q: at most ${MAX_QUERY_WORDS} words in a search`,
        [{ field: 'q', message: 'too many words' }],
        'invalid_input',
      );
    const qualifier = m[1]?.toLowerCase();
    if (qualifier === 'person') parsed.people.push(words);
    else if (qualifier === 'place') parsed.places.push(words);
    else if (words.length > 1) parsed.phrases.push(words);
    for (const w of words)
      if (!seen.has(w)) {
        seen.add(w);
        parsed.words.push(w);
      }
  }
  if (parsed.words.length === 0)
    throw new BadRequest(
      'q: give at least one word (letters or digits) to search for',
      [{ field: 'q', message: 'no words' }],
      'invalid_input',
    );
  return parsed;
}

/** Whether `words` holds `run` side by side (a phrase, or a name within a name). */
export function containsRun(words: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}
