/**
 * A compiled set of phrases (names, places, keywords), matched over a text's words in one pass:
 * a trie keyed by word, walked from each word at most MAX_PHRASE_WORDS deep, so the cost is linear
 * in the text whatever the phrases are. No regex is built from the phrases.
 *
 * How a phrase matches:
 * - word by word, ignoring case and diacritics ("Turkiye" matches "Türkiye");
 * - a capitalised word of the phrase must be capitalised in the text ("Georgia" is not "georgia",
 *   "Turkey" is not "turkey"); a lower-case word matches any case ("Minsk agreements" matches
 *   "Minsk Agreements");
 * - a short acronym (one or two capitals: "US", "UK", "EU") must be written exactly so, because its
 *   lower-case form is a common word ("us"); longer acronyms may be capitalised only ("Nato");
 * - between two words of the phrase only spaces, hyphens, apostrophes and the phrase's own
 *   punctuation may stand ("U.S." matches "U.S.", "Rostov-on-Don" matches "Rostov on Don");
 * - at each word the longest phrase wins, and matches do not overlap ("Minsk agreements" hides the
 *   "Minsk" inside it).
 */
import { foldKey, isCapitalised, splitWords, type Words } from './words.js';

/** Phrases longer than this many words are not compiled (crisis terms are at most 80 characters). */
export const MAX_PHRASE_WORDS = 12;
/** The most characters that may separate two words of one phrase. */
const MAX_GAP = 3;
const SEPARATORS = " \u00a0\t\r\n-\u2010\u2011\u2013'\u2019";

const ANY = 0;
const CAPITAL = 1;
const EXACT = 2;

interface Phrase<P> {
  /** The words as written in the phrase (EXACT words compare to these). */
  forms: string[];
  cases: number[];
  /** Per gap between word j and j+1: the characters allowed there. */
  gaps: string[];
  payloads: P[];
}

interface Node<P> {
  next: Map<string, Node<P>> | null;
  phrases: Phrase<P>[];
}

/** A compiled phrase set; build with `compilePhrases`, match with `scanPhrases`. */
export interface PhraseIndex<P> {
  root: Node<P>;
  size: number;
}

function caseOf(word: string): number {
  const upper = word.toUpperCase();
  const lower = word.toLowerCase();
  if (upper === lower) return ANY; // digits
  if (word === upper) return word.length <= 2 ? EXACT : CAPITAL;
  return word[0] !== word[0].toLowerCase() ? CAPITAL : ANY;
}

/** Compiles phrases with their payloads; phrases written alike share one entry with every payload. */
export function compilePhrases<P>(entries: Iterable<{ phrase: string; payload: P }>): PhraseIndex<P> {
  const root: Node<P> = { next: null, phrases: [] };
  const bySignature = new Map<string, Phrase<P>>();
  let size = 0;
  for (const { phrase, payload } of entries) {
    const w = splitWords(phrase);
    const n = w.keys.length;
    if (n === 0 || n > MAX_PHRASE_WORDS) continue;
    const forms: string[] = [];
    const cases: number[] = [];
    const gaps: string[] = [];
    for (let i = 0; i < n; i++) {
      forms.push(phrase.slice(w.starts[i], w.ends[i]));
      cases.push(caseOf(forms[i]));
      if (i + 1 < n) gaps.push(SEPARATORS + phrase.slice(w.ends[i], w.starts[i + 1]));
    }
    const signature = `${w.keys.join(' ')}\u0000${cases.map((c, i) => (c === EXACT ? forms[i] : c)).join(' ')}`;
    const known = bySignature.get(signature);
    if (known) {
      known.payloads.push(payload);
      continue;
    }
    const p: Phrase<P> = { forms, cases, gaps, payloads: [payload] };
    bySignature.set(signature, p);
    let node = root;
    for (const key of w.keys) {
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) {
        child = { next: null, phrases: [] };
        node.next.set(key, child);
      }
      node = child;
    }
    node.phrases.push(p);
    size++;
  }
  return { root, size };
}

function fits<P>(p: Phrase<P>, w: Words, first: number): boolean {
  for (let j = 0; j < p.cases.length; j++) {
    const i = first + j;
    const c = p.cases[j];
    if (c === CAPITAL && !isCapitalised(w, i)) return false;
    if (c === EXACT && w.text.slice(w.starts[i], w.ends[i]) !== p.forms[j]) return false;
    if (j + 1 < p.cases.length) {
      const allowed = p.gaps[j];
      for (let k = w.ends[i]; k < w.starts[i + 1]; k++) if (!allowed.includes(w.text[k])) return false;
    }
  }
  return true;
}

/**
 * Calls `onMatch(payloads, first, last)` for each match, left to right: `first` and `last` are
 * word indexes in `w`. Linear: at most MAX_PHRASE_WORDS trie steps per word.
 */
export function scanPhrases<P>(
  index: PhraseIndex<P>,
  w: Words,
  onMatch: (payloads: readonly P[], first: number, last: number) => void,
): void {
  const top = index.root.next;
  if (!top) return;
  const n = w.keys.length;
  const found: P[] = [];
  let i = 0;
  while (i < n) {
    let node = top.get(w.keys[i]);
    let last = -1;
    let j = i;
    while (node) {
      let hit = false;
      for (const p of node.phrases) {
        if (!fits(p, w, i)) continue;
        if (!hit) found.length = 0;
        hit = true;
        for (const x of p.payloads) found.push(x);
      }
      if (hit) last = j;
      if (!node.next || j + 1 >= n || j + 1 - i >= MAX_PHRASE_WORDS) break;
      if (w.starts[j + 1] - w.ends[j] > MAX_GAP) break;
      j++;
      node = node.next.get(w.keys[j]);
    }
    if (last >= 0) {
      onMatch(found, i, last);
      i = last + 1;
    } else i++;
  }
}

/** The key a single word is looked up by (for callers that compare words, e.g. surnames). */
export const wordKey = (word: string): string => foldKey(word.toLowerCase());
