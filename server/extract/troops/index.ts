/**
 * Troop strengths: a number tied to troops (units.ts), neither the dead nor a passage about
 * civilians (context.ts), with its qualifier, whether it is a plan rather than a deployment,
 * whose troops, where, and who says so (attributes.ts). "Doubling that" adds a hypothetical
 * multiple of the figure before it.
 */
import type { TroopMention } from '../../../shared/extraction.js';
import { CAPS } from '../budget.js';
import type { Doc } from '../doc.js';
import terms from '../lexicon/troops.json' with { type: 'json' };
import { clauseAround } from '../text/clauses.js';
import { findNumbers, type NumberExpr } from '../text/numbers.js';
import { PhraseIndex, phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';
import { describeTroops } from './attributes.js';
import { aboutForces, countsCasualties, handedOver, isHypothetical, sharesNoun, SHORT_SENTENCE } from './context.js';
import { forceBefore, namesTroops, qualifierBefore, unitAfter, type Unit } from './units.js';

type Qualifier = TroopMention['qualifier'];

const MULTIPLIERS = new PhraseIndex<number>(Object.entries(terms.multipliers));
const MULTIPLY_OBJECTS = phraseSet(terms.multiplyObjects);
const NOT_COUNTS = new Set(['%', 'percent', 'per']);
const MONEY = new Set(['$', '€', '£', '¥', '₹']);
/** Smallest and largest troop strengths taken: squads are not strengths, and no army is larger. */
const MIN_TROOPS = 10;
const MAX_TROOPS = 10_000_000;

/** Finds the troop strengths of a report. */
export function findTroops(doc: Doc): TroopMention[] {
  const out: TroopMention[] = [];
  // Whose troops the last sentences spoke of ("Thousands of Russian troops ... More than 10,000 soldiers ...").
  let owner: { actor: string; sentence: number } | undefined;
  for (const s of doc.sentences) {
    if (out.length >= CAPS.troops) break;
    doc.budget.check();
    const named = troopOwnerIn(doc, s);
    if (named) owner = { actor: named, sentence: s.index };
    const numbers = findNumbers(doc.tokens, s.t0, s.t1).slice(0, CAPS.numbersPerSentence);
    let prevEnd = -1;
    let prevMention: TroopMention | undefined;
    for (const n of numbers) {
      const found = troopFigure(doc, s, n, prevEnd);
      if (!found) continue;
      const [mention, unitEnd] = found;
      if (found[2] && prevMention) {
        // A bare figure shares the noun, and the owner, of the figure before it.
        if (prevMention.actor && !mention.actor) mention.actor = prevMention.actor;
      }
      if (!mention.actor && owner && s.index - owner.sentence <= OWNER_REACH) mention.actor = owner.actor;
      if (mention.actor) owner = { actor: mention.actor, sentence: s.index };
      out.push(mention);
      prevEnd = unitEnd;
      prevMention = mention;
    }
    multiples(doc, s, out);
  }
  return out.slice(0, CAPS.troops);
}

/** How many sentences on a troop figure with no owner of its own takes the last one named. */
const OWNER_REACH = 2;

/** "Russian troops", "the Kremlin's forces": an actor right before a troop noun, with or without a number. */
function troopOwnerIn(doc: Doc, s: Sentence): string | undefined {
  let found: string | undefined;
  for (const g of doc.gaz[s.index]) {
    if (!g.actor || g.locative || g.organization) continue;
    const after = g.possessive ? g.j + 1 : g.j;
    if (namesTroops(doc.tokens, after, Math.min(s.t1, after + 2))) found = g.actor;
  }
  return found;
}

/** The troop mention a number makes, with the end of its noun and whether it borrowed the noun; null if none. */
function troopFigure(doc: Doc, s: Sentence, n: NumberExpr, prevEnd: number): [TroopMention, number, boolean] | null {
  const { tokens, text } = doc;
  if (n.year || n.value < MIN_TROOPS || n.value > MAX_TROOPS || !Number.isInteger(n.value)) return null;
  if (NOT_COUNTS.has(tokens[n.j]?.lower ?? '') || MONEY.has(tokens[n.i - 1]?.text ?? '')) return null;
  const [c0] = clauseAround(doc.clauses[s.index], s.t1, n.i);
  let unit: Unit | null = unitAfter(tokens, n.j, s.t1);
  if (!unit && forceBefore(tokens, n.i, s.t0)) unit = { kind: 'force', j: n.j };
  let borrowed = false;
  if (!unit && prevEnd >= 0 && sharesNoun(tokens, prevEnd, n.i, n.j, s.t1)) {
    unit = { kind: 'troops', j: n.j };
    borrowed = true;
  }
  if (!unit && handedOver(tokens, c0, s.t0, n.i, n.j, prevEnd >= 0)) unit = { kind: 'troops', j: n.j };
  if (!unit) return null;
  if (unit.kind === 'context') {
    // A short sentence leans on the one before ("The troops were ordered out. 160 members in total were relocated.").
    const prev = doc.sentences[s.index - 1];
    const from = prev && s.t1 - s.t0 <= SHORT_SENTENCE ? prev.t0 : s.t0;
    if (!aboutForces(tokens, from, s.t1, n.i, unit.j)) return null;
  }
  if (countsCasualties(tokens, c0, n.i, unit.j, s.t1)) return null;
  const start = tokens[n.i].start;
  const end = tokens[unit.j - 1].end;
  const mention: TroopMention = {
    value: n.value,
    qualifier: (n.low !== undefined ? 'about' : qualifierBefore(tokens, n.i, s.t0)) as Qualifier,
    hypothetical: isHypothetical(tokens, c0, n.i, unit.j, s.t1),
    evidence: { text: text.slice(start, end), start, end },
  };
  if (n.low !== undefined && n.high !== undefined) {
    mention.low = n.low;
    mention.high = n.high;
  }
  describeTroops(mention, doc, s, c0, n.i, unit.j);
  return [mention, unit.j, borrowed];
}

/** "the possibility of doubling that": a hypothetical multiple of the latest factual figure. */
function multiples(doc: Doc, s: Sentence, out: TroopMention[]): void {
  const { tokens, text } = doc;
  for (let k = s.t0; k < s.t1; k++) {
    const m = MULTIPLIERS.at(tokens, k, s.t1);
    if (!m) continue;
    const obj = MULTIPLY_OBJECTS.at(tokens, k + m.length, s.t1);
    if (!obj) continue;
    const at = tokens[k].start;
    let prev: TroopMention | undefined;
    for (let q = out.length - 1; q >= 0 && !prev; q--)
      if (out[q].evidence.start < at && !out[q].hypothetical) prev = out[q];
    if (!prev || prev.evidence.start < s.start - 600) continue;
    const end = tokens[k + m.length + obj.length - 1].end;
    const multiple: TroopMention = {
      value: prev.value * m.value,
      qualifier: 'up to',
      hypothetical: true,
      evidence: { text: text.slice(at, end), start: at, end },
    };
    if (prev.actor) multiple.actor = prev.actor;
    if (prev.location) multiple.location = prev.location;
    if (prev.claimedBy) multiple.claimedBy = prev.claimedBy;
    out.push(multiple);
  }
}
