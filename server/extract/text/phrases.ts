/**
 * Multi-word phrase lookup over tokens: a word list compiled into a table from a phrase's first
 * word to the phrases that start with it, longest first. Words are compared by their ids
 * (text/vocabulary.ts), which each token carries: finding the phrase at a token costs one array
 * read and a comparison of a few integers; no text is scanned or hashed.
 */
import { phraseKeys, readWordIds, type Token } from './tokens.js';
import { addWord, vocabularySize } from './vocabulary.js';

/** A phrase found at a token: how many tokens it spans and what it stands for. */
export interface PhraseHit<V> {
  length: number;
  value: V;
}

interface Entry<V> {
  keys: string[];
  ids: number[];
  value: V;
}

export class PhraseIndex<V> {
  /** Indexed by the id of a phrase's first word; dense up to the largest such id. */
  private readonly byFirst: (Entry<V>[] | undefined)[];

  /**
   * @param entries each phrase with its value; a later duplicate does not replace an earlier one
   * @param exact match the tokens' text as written (gazetteer names: "US" is not "us"), else lower-cased
   */
  constructor(
    entries: Iterable<[string, V]>,
    readonly exact = false,
  ) {
    const byFirst = new Map<number, Entry<V>[]>();
    for (const [phrase, value] of entries) {
      const keys = phraseKeys(phrase, exact);
      if (keys.length === 0) continue;
      const ids = keys.map(addWord);
      // A list as written holds each word's lower-cased form too: a token whose lower-cased form
      // no list holds then needs no look-up as written (readWordIds).
      if (exact) phraseKeys(phrase).forEach(addWord);
      const list = byFirst.get(ids[0]) ?? [];
      if (list.some((e) => e.keys.join(' ') === keys.join(' '))) continue;
      list.push({ keys, ids, value });
      list.sort((a, b) => b.keys.length - a.keys.length);
      byFirst.set(ids[0], list);
    }
    // A dense array: a sparse one would fall back to a slow dictionary of its elements.
    let size = 1;
    for (const id of byFirst.keys()) size = Math.max(size, id + 1);
    this.byFirst = Array.from({ length: size }, (_, id) => byFirst.get(id));
  }

  private id(t: Token): number {
    if (t.idsAt !== vocabularySize()) readWordIds(t);
    return this.exact ? t.textId : t.lowerId;
  }

  /** The longest phrase starting at token `i` and ending before token `end`, or null. */
  at(tokens: Token[], i: number, end = tokens.length): PhraseHit<V> | null {
    if (i < 0 || i >= end || i >= tokens.length) return null;
    const list = this.byFirst[this.id(tokens[i])];
    if (list === undefined) return null;
    for (const e of list) {
      if (i + e.ids.length > end) continue;
      let ok = true;
      for (let k = 1; k < e.ids.length && ok; k++) ok = this.id(tokens[i + k]) === e.ids[k];
      if (ok) return { length: e.ids.length, value: e.value };
    }
    return null;
  }

  /** Whether any phrase starts with this token (a cheap pre-check). */
  starts(t: Token): boolean {
    return this.byFirst[this.id(t)] !== undefined;
  }

  /** Every phrase in tokens [from, to), left to right, not overlapping (the longest wins at each start). */
  all(tokens: Token[], from: number, to: number): { at: number; length: number; value: V }[] {
    const out: { at: number; length: number; value: V }[] = [];
    for (let i = from; i < to; i++) {
      const hit = this.at(tokens, i, to);
      if (!hit) continue;
      out.push({ at: i, length: hit.length, value: hit.value });
      i += hit.length - 1;
    }
    return out;
  }
}

/** A set of phrases (no values): `phraseSet(['will', 'is to'])`. */
export function phraseSet(phrases: readonly string[]): PhraseIndex<true> {
  return new PhraseIndex(phrases.map((p) => [p, true] as [string, true]));
}
