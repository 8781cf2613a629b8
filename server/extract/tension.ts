/**
 * Tension signals from a weighted lexicon (lexicon/tension.json), Goldstein-style: positive
 * weights escalate, negative ones de-escalate. A negated phrase ("doesn't expect any
 * breakthroughs", "not planning an invasion") is no signal; a hedged one ("could invade")
 * counts half. A signal is attributed to the actor pair its sentence shows.
 */
import type { TensionSignal } from '../../shared/extraction.js';
import { CAPS } from './budget.js';
import type { Doc } from './doc.js';
import lexicon from './lexicon/tension.json' with { type: 'json' };
import { clauseAround } from './text/clauses.js';
import { anyIn, CANCELLED, NEGATION, negatedWord } from './text/cues.js';
import { PhraseIndex, phraseSet } from './text/phrases.js';
import type { Sentence } from './text/sentences.js';

interface Entry {
  weight: number;
  category: string;
}

const LEXICON = new PhraseIndex<Entry>(
  lexicon.entries.flatMap((e) =>
    e.phrases.map((p) => [p, { weight: e.weight, category: e.category }] as [string, Entry]),
  ),
);
const NOT_HELD = phraseSet([
  'will not take place',
  'would not take place',
  'not take place',
  'not go ahead',
  'will not go ahead',
  'was not held',
  'were not held',
]);
const HEDGES = new Set([
  'could',
  'might',
  'may',
  'would',
  'possible',
  'possibility',
  'potential',
  'if',
  'whether',
  'fear',
  'fears',
  'risk',
  'feared',
  'warned',
  'warns',
]);
const CLAUSE_BREAK = new Set([',', ';', ':', 'but', 'and', 'while', 'whereas', 'as', 'that', '(', ')']);
/** How far back a negation or a hedge reaches, in tokens. */
const NEGATION_REACH = 6;
const HEDGE_REACH = 8;

/** The lead (the first sentences) states the news; what follows is background, often earlier threats. */
const LEAD_SENTENCES = 2;
const LEAD_WEIGHT = 2;
/** A quotation is a view, not an event: half weight. */
const QUOTED_WEIGHT = 0.5;

/**
 * The tension signals of a report, each weighted by where it stands (the lead doubled, a
 * quotation halved); `delta` is their sum, rounded to two decimals.
 */
export function findTension(doc: Doc, affiliation: Map<string, string>): { delta: number; signals: TensionSignal[] } {
  const { tokens, text } = doc;
  const signals: TensionSignal[] = [];
  let delta = 0;
  const quoted = quotedTokens(doc);
  for (const s of doc.sentences) {
    if (signals.length >= CAPS.tensionSignals) break;
    const actors = actorPositions(doc, s, affiliation);
    for (let k = s.t0; k < s.t1 && signals.length < CAPS.tensionSignals; k++) {
      if (tokens[k].kind === 'punct' || !LEXICON.starts(tokens[k])) continue;
      const hit = LEXICON.at(tokens, k, s.t1);
      if (!hit) continue;
      const j = k + hit.length;
      if (!negated(doc, s, k)) {
        const start = tokens[k].start;
        const end = tokens[j - 1].end;
        // Talks that are called off ("the meeting will not take place") are no sign of calm.
        const off = hit.value.category === 'talks' && calledOff(doc, s, k);
        const base = off ? CALLED_OFF_WEIGHT : hit.value.weight;
        const place = (s.index < LEAD_SENTENCES ? LEAD_WEIGHT : 1) * (quoted[k] ? QUOTED_WEIGHT : 1);
        const signal: TensionSignal = {
          phrase: text.slice(start, end),
          weight: (hedged(doc, s, k) ? base / 2 : base) * place,
          category: off ? 'talks failing' : hit.value.category,
          evidence: { text: text.slice(start, end), start, end },
        };
        const pair = nearestPair(actors, k);
        if (pair) signal.actors = pair;
        signals.push(signal);
        delta += signal.weight;
      }
      k = j - 1;
    }
  }
  const rounded = Math.round(delta * 100) / 100;
  return { delta: Number.isFinite(rounded) ? rounded : 0, signals };
}

const CALLED_OFF_WEIGHT = 1;

/** A cancellation in the clause of a talks phrase ("cancelled the meeting", "the meeting will not take place"). */
function calledOff(doc: Doc, s: Sentence, k: number): boolean {
  const [c0, c1] = clauseAround(doc.clauses[s.index], s.t1, k);
  return anyIn(CANCELLED, doc.tokens, c0, c1) || anyIn(NOT_HELD, doc.tokens, c0, c1);
}

/** A negation among the few tokens before the phrase, in its clause. */
function negated(doc: Doc, s: Sentence, k: number): boolean {
  const { tokens } = doc;
  for (let m = k - 1; m >= Math.max(s.t0, k - NEGATION_REACH); m--) {
    if (CLAUSE_BREAK.has(tokens[m].lower)) return false;
    if (negatedWord(tokens[m]) || NEGATION.at(tokens, m, k)) return true;
  }
  return false;
}

/** A modal or a fear before the phrase, in its clause: the signal counts half. */
function hedged(doc: Doc, s: Sentence, k: number): boolean {
  const { tokens } = doc;
  for (let m = k - 1; m >= Math.max(s.t0, k - HEDGE_REACH); m--) {
    if (tokens[m].text === ';' || tokens[m].text === '.') return false;
    if (HEDGES.has(tokens[m].lower)) return true;
  }
  return false;
}

function actorPositions(doc: Doc, s: Sentence, affiliation: Map<string, string>): { at: number; actor: string }[] {
  const out: { at: number; actor: string }[] = [];
  for (const g of doc.gaz[s.index]) if (g.actor && !g.locative) out.push({ at: g.i, actor: g.actor });
  for (const p of doc.peopleIn[s.index]) {
    const a = affiliation.get(p.person.name);
    if (a) out.push({ at: p.i, actor: a });
  }
  return out;
}

/** The two distinct actors nearest a token, sorted; undefined when the sentence shows fewer. */
function nearestPair(actors: { at: number; actor: string }[], pos: number): string[] | undefined {
  const first = nearest(actors, pos, undefined);
  const second = first && nearest(actors, pos, first.actor);
  return second ? [first.actor, second.actor].sort() : undefined;
}

function nearest(actors: { at: number; actor: string }[], pos: number, other: string | undefined) {
  let best: { at: number; actor: string } | undefined;
  let bestDistance = Infinity;
  for (const a of actors) {
    const d = Math.abs(a.at - pos);
    if (a.actor !== other && d < bestDistance) [best, bestDistance] = [a, d];
  }
  return best;
}

/** For each token, whether it stands inside a quotation (“...” or "..."), found in one pass. */
function quotedTokens(doc: Doc): Uint8Array {
  const out = new Uint8Array(doc.tokens.length);
  let inside = false;
  for (let k = 0; k < doc.tokens.length; k++) {
    const t = doc.tokens[k].text;
    if (t === '“') inside = true;
    else if (t === '”') inside = false;
    else if (t === '"') inside = !inside;
    else if (doc.tokens[k].nl) inside = false;
    out[k] = inside ? 1 : 0;
  }
  return out;
}
