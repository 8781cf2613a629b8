/**
 * Multi-word phrase lookup over tokens: a word list compiled into a map from a phrase's first
 * token to the phrases that start with it, longest first. Finding the phrase at a token costs
 * one map lookup and a comparison of a few tokens; no text is scanned.
 */
import { phraseKeys, type Token } from './tokens.js';

/** A phrase found at a token: how many tokens it spans and what it stands for. */
export interface PhraseHit<V> {
  length: number;
  value: V;
}

interface Entry<V> {
  keys: string[];
  value: V;
}

export class PhraseIndex<V> {
  private readonly byFirst = new Map<string, Entry<V>[]>();

  /**
   * @param entries each phrase with its value; a later duplicate does not replace an earlier one
   * @param exact match the tokens' text as written (gazetteer names: "US" is not "us"), else lower-cased
   */
  constructor(
    entries: Iterable<[string, V]>,
    readonly exact = false,
  ) {
    for (const [phrase, value] of entries) {
      const keys = phraseKeys(phrase, exact);
      if (keys.length === 0) continue;
      const list = this.byFirst.get(keys[0]) ?? [];
      if (list.some((e) => e.keys.join(' ') === keys.join(' '))) continue;
      list.push({ keys, value });
      list.sort((a, b) => b.keys.length - a.keys.length);
      this.byFirst.set(keys[0], list);
    }
  }

  private key(t: Token): string {
    return this.exact ? (t.text.includes('’') ? t.text.replace(/’/g, "'") : t.text) : t.lower;
  }

  /** The longest phrase starting at token `i` and ending before token `end`, or null. */
  at(tokens: Token[], i: number, end = tokens.length): PhraseHit<V> | null {
    if (i < 0 || i >= end || i >= tokens.length) return null;
    const list = this.byFirst.get(this.key(tokens[i]));
    if (!list) return null;
    for (const e of list) {
      if (i + e.keys.length > end) continue;
      let ok = true;
      for (let k = 1; k < e.keys.length && ok; k++) ok = this.key(tokens[i + k]) === e.keys[k];
      if (ok) return { length: e.keys.length, value: e.value };
    }
    return null;
  }

  /** Whether any phrase starts with this token (a cheap pre-check). */
  starts(t: Token): boolean {
    return this.byFirst.has(this.key(t));
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
