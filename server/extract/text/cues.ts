/**
 * Grammatical cues over tokens (lexicon/cues.json): tense, modality, cancellation, negation.
 * Each list is a phrase index; a sentence's tense cues are found once and then looked up.
 */
import cues from '../lexicon/cues.json' with { type: 'json' };
import { phraseSet, type PhraseIndex } from './phrases.js';
import type { Token } from './tokens.js';

export const FUTURE = phraseSet(cues.future);
export const PAST = phraseSet(cues.past);
export const PROPOSED = phraseSet(cues.proposed);
export const CANCELLED = phraseSet(cues.cancelled);
export const NEGATION = phraseSet(cues.negation);
export const HYPOTHETICAL = phraseSet(cues.hypothetical);

/** "don't", "won't", "isn't": a negation written into the word. */
export const negatedWord = (t: Token): boolean => t.lower.endsWith("n't");

/** Whether a phrase of `set` starts anywhere in tokens [from, to). */
export function anyIn(set: PhraseIndex<true>, tokens: Token[], from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to; i++) if (set.at(tokens, i, to)) return true;
  return false;
}

/** The first token index in [from, to) where a phrase of `set` starts, or -1. */
export function firstIn(set: PhraseIndex<true>, tokens: Token[], from: number, to: number): number {
  for (let i = Math.max(0, from); i < to; i++) if (set.at(tokens, i, to)) return i;
  return -1;
}

/** Whether a negation stands in tokens [from, to). */
export function negatedIn(tokens: Token[], from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to; i++) if (negatedWord(tokens[i]) || NEGATION.at(tokens, i, to)) return true;
  return false;
}

export type Tense = 'future' | 'past' | null;

/** A tense cue: tokens [i, j). */
export interface TenseHit {
  i: number;
  j: number;
  tense: 'future' | 'past';
}

/** The tense cues of tokens [from, to), in order. */
export function tenseHits(tokens: Token[], from: number, to: number): TenseHit[] {
  const out: TenseHit[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.lower.endsWith("'ll") || t.lower === "won't") {
      out.push({ i, j: i + 1, tense: 'future' });
      continue;
    }
    const f = FUTURE.at(tokens, i, to);
    const p = PAST.at(tokens, i, to);
    // Overlapping cues ("set out to meet"): the longer phrase at a token wins.
    if (f && (!p || f.length >= p.length)) out.push({ i, j: i + f.length, tense: 'future' });
    else if (p) out.push({ i, j: i + p.length, tense: 'past' });
  }
  return out;
}

/**
 * The tense that governs tokens [from, to): the nearest cue ending before it within `back`
 * tokens, else the nearest starting after it within `ahead` tokens; null when none says.
 */
export function tenseAround(hits: TenseHit[], from: number, to: number, back = 16, ahead = 12): Tense {
  let best: TenseHit | null = null;
  for (const h of hits) {
    if (h.j > from || from - h.j > back) continue;
    if (best === null || h.j > best.j || (h.j === best.j && h.i < best.i)) best = h;
  }
  if (best) return best.tense;
  for (const h of hits) {
    if (h.i < to || h.i - to > ahead) continue;
    if (best === null || h.i < best.i) best = h;
  }
  return best ? best.tense : null;
}
