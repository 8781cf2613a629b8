/**
 * What a number counts: a troop noun after it ("100,000 Russian troops", "1,700 service
 * members"), a force around it ("a 40,000-strong force", "a force of 40,000", "forces of up to
 * 175,000 people"), or a noun that counts troops only in a passage about forces ("175,000
 * people", "160 members"). Anything else ("60 battle groups", "1,200 tanks", "$4 billion")
 * counts something else.
 */
import terms from '../lexicon/troops.json' with { type: 'json' };
import { PhraseIndex, phraseSet } from '../text/phrases.js';
import type { Token } from '../text/tokens.js';

const UNITS = phraseSet(terms.units);
const CONTEXT_UNITS = phraseSet(terms.contextUnits);
const FORCES = phraseSet(terms.forceNouns);
const STOP = phraseSet(terms.modifierStop);
const QUALIFIERS = new PhraseIndex<string>(
  Object.entries(terms.qualifiers).flatMap(([q, ws]) => ws.map((w) => [w, q] as [string, string])),
);
const QUALIFIER_WORDS = new Set(Object.values(terms.qualifiers).flatMap((ws) => ws.flatMap((w) => w.split(' '))));

/** How a number is tied to troops. */
export type UnitKind = 'troops' | 'force' | 'context';

/** The noun a number counts: it ends before token `j`. */
export interface Unit {
  kind: UnitKind;
  j: number;
}

/** Most words allowed between a number and its noun ("8,000 North Korean troops", "3,000 additional U.S. troops"). */
const MAX_MODIFIERS = 3;

/**
 * The troop noun after a number ending at token `n`, across up to three modifiers; null when the
 * number counts something else.
 */
export function unitAfter(tokens: Token[], n: number, end: number): Unit | null {
  // "40,000-strong rapid reaction force"
  let k = n;
  if (tokens[k]?.text === '-' && !tokens[k].space) k++;
  if (tokens[k]?.lower === 'strong') {
    for (let m = k + 1; m < Math.min(end, k + 5); m++) {
      const f = FORCES.at(tokens, m, end);
      if (f) return { kind: 'force', j: m + f.length };
    }
    return null;
  }
  k = n;
  if (tokens[k]?.lower === 'of' && tokens[k + 1]?.lower !== 'the') k++;
  let words = 0;
  while (k < end && words <= MAX_MODIFIERS) {
    const unit = UNITS.at(tokens, k, end);
    if (unit) return { kind: 'troops', j: k + unit.length };
    const weak = CONTEXT_UNITS.at(tokens, k, end);
    if (weak) return { kind: 'context', j: k + weak.length };
    const t = tokens[k];
    if (t.kind === 'punct' && !(t.text === '-' && !t.space) && !(t.text === '.' && !t.space)) return null;
    if (STOP.at(tokens, k, end) || t.kind === 'num') return null;
    if (t.text !== '-' && t.text !== '.') words++;
    k++;
  }
  return null;
}

/** "a force of 40,000", "forces of up to 175,000": a force noun and "of" right before the number (and its qualifier). */
export function forceBefore(tokens: Token[], n: number, from: number): boolean {
  let k = n - 1;
  while (k > from && QUALIFIER_WORDS.has(tokens[k].lower)) k--;
  if (k <= from || tokens[k].lower !== 'of') return false;
  for (let m = Math.max(from, k - 2); m < k; m++) {
    const f = FORCES.at(tokens, m, k);
    if (f && m + f.length === k) return true;
  }
  return false;
}

/** The qualifier written right before a number ("more than", "about"), 'exact' when none. */
export function qualifierBefore(tokens: Token[], n: number, from: number): string {
  for (let m = Math.max(from, n - 4); m < n; m++) {
    const q = QUALIFIERS.at(tokens, m, n);
    if (q && m + q.length === n) return q.value;
  }
  return 'exact';
}

/** Whether token k is a qualifier word ("about", "more", "than"). */
export const isQualifierWord = (t: Token): boolean => QUALIFIER_WORDS.has(t.lower);

/** Whether tokens [from, to) name troops or a force ("the number of soldiers", "the force"). */
export function namesTroops(tokens: Token[], from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < to; k++) if (UNITS.at(tokens, k, to) || FORCES.at(tokens, k, to)) return true;
  return false;
}
