/**
 * The sentence around a troop figure: is it a plan or a possibility rather than a deployment
 * ("plans to send 200 troops", "could reach 175,000"), does it count the dead or the returned
 * ("the remains of 909 soldiers"), is the passage about forces at all (for "people" and
 * "members"), and can a bare number borrow the noun of a figure before it ("1,700 paratroopers
 * to Poland and 300 to Germany")?
 */
import terms from '../lexicon/troops.json' with { type: 'json' };
import { phraseSet } from '../text/phrases.js';
import type { Token } from '../text/tokens.js';
import { isQualifierWord, namesTroops } from './units.js';

const HYPOTHETICAL_BEFORE = phraseSet(terms.hypotheticalBefore);
const HYPOTHETICAL_AFTER = phraseSet(terms.hypotheticalAfter);
const FACTUAL_AFTER = phraseSet(terms.factualAfter);
const CASUALTY_BEFORE = phraseSet(terms.casualtyBefore);
const CASUALTY_AFTER = phraseSet(terms.casualtyAfter);
const MILITARY = phraseSet(terms.militaryWords);
const CIVILIAN = phraseSet(terms.civilianWords);
const CONNECTORS = phraseSet(terms.connectors);
const BARE_AFTER = phraseSet(terms.bareAfter);
const CHANGE_VERBS = new Set(terms.changeVerbs);
const MODALS = new Set(['will', 'would', 'could', 'might', 'shall', 'may', 'to']);
const MODAL_WORDS = new Set(terms.modals);
const GATHERING = phraseSet(terms.gatheringVerbs);
const MORE_OF_THE_SAME = phraseSet(['a further', 'another', 'an additional', 'an extra', 'additional', 'further']);

/** How far before a figure a plan or a modal still governs it, in tokens. */
const MODALITY_REACH = 25;

/** A sentence-level cue in tokens [from, to) of `set`. */
function anyOf(set: ReturnType<typeof phraseSet>, tokens: Token[], from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < to; k++) if (set.at(tokens, k, to)) return true;
  return false;
}

/**
 * A plan, a possibility or a capacity rather than troops in place: a plan or a modal before the
 * figure in its sentence ("Plans call for 200 troops", "could begin when forces of up to
 * 175,000 ..."), or a future passive after it ("... to be sent"), unless the words right after
 * it say the troops were deployed ("70,000 people, which were deployed in spring").
 * `from` is a change's starting figure ("... to 4,000 from 8,350"): today's strength.
 */
export function isHypothetical(
  tokens: Token[],
  clauseStart: number,
  n0: number,
  unitEnd: number,
  end: number,
): boolean {
  if (
    tokens[n0 - 1]?.lower === 'from' ||
    (isQualifierWord(tokens[n0 - 1] ?? tokens[n0]) && tokens[n0 - 2]?.lower === 'from')
  )
    return false;
  const after = Math.min(end, unitEnd + 8);
  if (anyOf(FACTUAL_AFTER, tokens, unitEnd, after)) return false;
  if (anyOf(HYPOTHETICAL_AFTER, tokens, unitEnd, Math.min(end, unitEnd + 4))) return true;
  const from = Math.max(clauseStart, n0 - MODALITY_REACH);
  return (
    anyOf(HYPOTHETICAL_BEFORE, tokens, from, n0) ||
    modalGathering(tokens, from, n0) ||
    changeTo(tokens, clauseStart, n0)
  );
}

/** "could reach", "would send", "might deploy": a modal governing a verb of gathering troops. */
function modalGathering(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (!MODAL_WORDS.has(tokens[k].lower)) continue;
    // The verb governs the figure: it stands a few words before it ("could reach up to 175,000").
    for (let m = k + 1; m < Math.min(to, k + 4); m++) {
      const verb = GATHERING.at(tokens, m, to);
      if (verb && to - (m + verb.length) <= VERB_TO_FIGURE) return true;
    }
  }
  return false;
}

/** Most words between a verb of gathering and the figure it takes ("send about 3,000 additional"). */
const VERB_TO_FIGURE = 5;

/** "would cut the number of soldiers near the line to 4,000": a change still to come whose target is the number. */
function changeTo(tokens: Token[], from: number, n0: number): boolean {
  let k = n0 - 1;
  while (k > from && isQualifierWord(tokens[k]) && tokens[k].lower !== 'to') k--;
  if (tokens[k]?.lower !== 'to') return false;
  for (let m = k - 1; m >= Math.max(from, k - 20); m--) {
    if (CHANGE_VERBS.has(tokens[m].lower) && m > from && MODALS.has(tokens[m - 1].lower)) return true;
  }
  return false;
}

/** The figure counts the dead, the wounded, prisoners or the returned. */
export function countsCasualties(
  tokens: Token[],
  clauseStart: number,
  n0: number,
  unitEnd: number,
  end: number,
): boolean {
  for (let m = Math.max(clauseStart, n0 - 4); m < n0; m++) {
    const hit = CASUALTY_BEFORE.at(tokens, m, n0);
    if (hit) return true;
  }
  return anyOf(CASUALTY_AFTER, tokens, unitEnd, Math.min(end, unitEnd + 4));
}

/** A passage about forces: a military word in tokens [from, to), and no word for civilians near the figure. */
export function aboutForces(tokens: Token[], from: number, to: number, n0: number, unitEnd: number): boolean {
  if (anyOf(CIVILIAN, tokens, Math.max(from, n0 - 6), Math.min(to, unitEnd + 6))) return false;
  return anyOf(MILITARY, tokens, from, to);
}

/** Sentences this short may lean on the one before for what they are about ("160 members in total were relocated."). */
export const SHORT_SENTENCE = 12;

/**
 * A bare number that shares the noun of the troop figure before it in the sentence: only
 * connectors stand between ("..., up from about 100,000", "(or 94,000, or more than 110,000",
 * "and a further 30,000"), or a short place phrase of a list ("1,700 paratroopers to Poland and
 * 300 to Germany"), and only a preposition or punctuation follows it. "(note 1061)" does not.
 */
export function sharesNoun(tokens: Token[], prevEnd: number, n0: number, nEnd: number, end: number): boolean {
  // "... 100,000 troops near the border, and a further 30,000 were expected": more of the same, whatever follows.
  for (let m = Math.max(prevEnd, n0 - 2); m < n0; m++) {
    const more = MORE_OF_THE_SAME.at(tokens, m, n0);
    if (more && m + more.length === n0) return true;
  }
  if (n0 - prevEnd > MAX_SHARE_GAP) return false;
  if (nEnd < end && !BARE_AFTER.at(tokens, nEnd, end)) return false;
  const before = tokens[n0 - 1];
  if (!before || !(CONNECTORS.at(tokens, n0 - 1, n0) || isQualifierWord(before))) return false;
  // Nothing between the two figures may close the first one's sentence part or count something else.
  for (let k = prevEnd; k < n0; k++) if (HARD_BREAK.has(tokens[k].text) || tokens[k].kind === 'num') return false;
  return true;
}

/** Most tokens between a troop figure and a bare figure that shares its noun. */
const MAX_SHARE_GAP = 12;
const HARD_BREAK = new Set([';', ':', '.', '"', '“', '”']);

const TAKES_FIGURE = new Set(['at', 'to', 'from', 'of', 'by']);
const FIGURE_NOUNS = phraseSet(terms.figureNouns);

/**
 * A bare number a troop noun hands over: "put the force at over 100k", "cut the number of
 * soldiers ... to 4,000 from 8,350", "on course to assemble as many as 175,000" after a troop
 * figure. The noun stands earlier in the clause (or a figure earlier in the sentence), the
 * number after a preposition or a verb of gathering.
 */
export function handedOver(
  tokens: Token[],
  clauseStart: number,
  sentenceStart: number,
  n0: number,
  nEnd: number,
  troopsBefore: boolean,
): boolean {
  // "at least 40 battalions": a figure with a noun of its own counts that noun.
  if (tokens[nEnd] && !BARE_AFTER.at(tokens, nEnd, tokens.length)) return false;
  let k = n0 - 1;
  while (k > clauseStart && isQualifierWord(tokens[k]) && !TAKES_FIGURE.has(tokens[k].lower)) k--;
  if (k < clauseStart) return false;
  if (TAKES_FIGURE.has(tokens[k].lower))
    return (
      namesTroops(tokens, clauseStart, k) ||
      (troopsBefore && anyOf(FIGURE_NOUNS, tokens, Math.max(clauseStart, k - 4), k))
    );
  for (let m = Math.max(sentenceStart, k - 1); m <= k; m++) {
    const verb = GATHERING.at(tokens, m, k + 1);
    if (verb && m + verb.length === k + 1) return troopsBefore || namesTroops(tokens, sentenceStart, m);
  }
  return false;
}
