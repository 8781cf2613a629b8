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
import { NEGATION, negatedWord } from './text/cues.js';
import { PhraseIndex } from './text/phrases.js';
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

/** The tension signals of a report; `delta` is their weight sum, rounded to two decimals. */
export function findTension(doc: Doc, affiliation: Map<string, string>): { delta: number; signals: TensionSignal[] } {
  const { tokens, text } = doc;
  const signals: TensionSignal[] = [];
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
        const signal: TensionSignal = {
          phrase: text.slice(start, end),
          weight: hedged(doc, s, k) ? hit.value.weight / 2 : hit.value.weight,
          category: hit.value.category,
          evidence: { text: text.slice(start, end), start, end },
        };
        const pair = nearestPair(actors, k);
        if (pair) signal.actors = pair;
        signals.push(signal);
      }
      k = j - 1;
    }
  }
  const delta = Math.round(signals.reduce((sum, x) => sum + x.weight, 0) * 100) / 100;
  return { delta: Number.isFinite(delta) ? delta : 0, signals };
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
