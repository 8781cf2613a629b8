/**
 * Whose troops, where, and who says so: the nationality between number and noun ("8,000 North
 * Korean troops") or the actor the clause is about ("Moscow has amassed ..."); the first place
 * after the noun ("to Poland", "in Russia's Kursk region", "near Ukraine's border" → Ukraine);
 * "according to X", a person of the sentence, or "officials said".
 */
import type { TroopMention } from '../../../shared/extraction.js';
import type { Doc } from '../doc.js';
import type { GazMention } from '../gazetteer/mentions.js';
import terms from '../lexicon/troops.json' with { type: 'json' };
import { spanText } from '../people/names.js';
import { phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';

const BORDER = phraseSet(terms.borderNouns);
const SOURCES = new Set([
  'officials',
  'official',
  'intelligence',
  'estimates',
  'analysts',
  'sources',
  'ministry',
  'officers',
]);
const SAYING = new Set(['say', 'said', 'says', 'suggest', 'estimate', 'estimated', 'believe', 'show', 'told']);
const STOP = new Set([',', '.', ';', ':', '(', ')', '"', '“', '”']);

/** Fills actor, location and claimedBy of a troop mention whose number starts at `n0` and noun ends at `unitEnd`. */
export function describeTroops(
  t: TroopMention,
  doc: Doc,
  s: Sentence,
  clauseStart: number,
  n0: number,
  unitEnd: number,
): void {
  const hits = doc.gaz[s.index];
  const inside = hits.find((g) => g.i >= n0 && g.j <= unitEnd && g.actor);
  const subject = lastActorBefore(hits, clauseStart, n0) ?? lastActorBefore(hits, s.t0, n0);
  const actor = inside?.actor ?? subject?.actor;
  if (actor) t.actor = actor;
  const location = locationAfter(doc, hits, unitEnd, s.t1);
  if (location) t.location = location;
  const claim = claimOf(doc, s);
  if (claim) t.claimedBy = claim;
}

/** The nearest actor (not a place, not a body at a table) named before a token, from `from`. */
function lastActorBefore(hits: GazMention[], from: number, to: number): GazMention | undefined {
  let best: GazMention | undefined;
  for (const g of hits) if (g.i >= from && g.j <= to && g.actor && !g.locative) best = g;
  return best;
}

/**
 * The first place after the noun, within the next dozen tokens: a place name ("to Poland", "in
 * Kursk Oblast"), or a country whose border it is ("near Ukraine's border", "the Ukrainian
 * frontier", "along its border with Ukraine").
 */
function locationAfter(doc: Doc, hits: GazMention[], from: number, end: number): string | undefined {
  const { tokens } = doc;
  const limit = Math.min(end, from + 14);
  for (let k = from; k < limit; k++) {
    if (STOP.has(tokens[k].text) && k > from) break;
    const g = hits.find((h) => h.i === k);
    if (g) {
      const after = g.possessive ? g.j + 1 : g.j;
      if ((g.demonym || g.possessive) && g.actor && BORDER.at(tokens, after, end)) return g.actor;
      if (g.place && (g.locative || !g.actor)) return g.place;
      k = g.j - 1;
      continue;
    }
    const b = BORDER.at(tokens, k, end);
    if (b && tokens[k + b.length]?.lower === 'with') {
      const next = hits.find((h) => h.i === k + b.length + 1 && h.actor);
      if (next) return next.actor;
    }
  }
  return undefined;
}

/** Who the sentence says the figure comes from. */
function claimOf(doc: Doc, s: Sentence): string | undefined {
  const { tokens } = doc;
  for (let k = s.t0; k < s.t1 - 1; k++) {
    if (tokens[k].lower === 'according' && tokens[k + 1].lower === 'to') {
      let e = k + 2;
      while (e < s.t1 && e - k < 10 && !STOP.has(tokens[e].text)) e++;
      if (e > k + 2) return spanText(tokens, tokens[k + 2].lower === 'the' ? k + 3 : k + 2, e) || undefined;
    }
  }
  const person = doc.peopleIn[s.index][0];
  if (person) return person.person.name;
  for (let k = s.t0 + 1; k < s.t1; k++) {
    if (SOURCES.has(tokens[k - 1].lower) && SAYING.has(tokens[k].lower)) {
      const from = k >= s.t0 + 2 && tokens[k - 2].cap ? k - 2 : k - 1;
      return spanText(tokens, from, k);
    }
  }
  return undefined;
}
