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
const HARD_STOP = new Set(['.', ';', ':', '(', ')', '"', '“', '”']);

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
  // Whose: a nationality inside the figure, the actor before a verb of having or sending, the
  // clause's first actor; else the owner the sentences before named (troops/index.ts).
  const subject = ownerBefore(doc, hits, clauseStart, n0) ?? firstActor(doc, hits, clauseStart, n0);
  const actor = inside?.actor ?? subject?.actor;
  if (actor) t.actor = actor;
  const location = locationAfter(doc, hits, unitEnd, s.t1);
  if (location) t.location = location;
  const claim = claimOf(doc, s);
  if (claim) t.claimedBy = claim;
}

const OWNER_VERBS = phraseSet(terms.ownerVerbs);
const ADVERBS = new Set([
  'also',
  'now',
  'reportedly',
  'already',
  'still',
  'allegedly',
  'since',
  'so',
  'far',
  'recently',
]);

/** "Moscow has amassed ...", "The United States will send ...": the actor right before a verb of having or sending. */
function ownerBefore(doc: Doc, hits: GazMention[], from: number, n0: number): GazMention | undefined {
  const { tokens } = doc;
  for (let k = n0 - 1; k >= from; k--) {
    const verb = OWNER_VERBS.at(tokens, k, n0);
    if (!verb) continue;
    let m = k - 1;
    while (m >= from && ADVERBS.has(tokens[m].lower)) m--;
    const owner = hits.find((g) => g.j === m + 1 && g.actor && !g.locative);
    if (owner) return owner;
  }
  return undefined;
}

/** The first actor of the clause before the number that no preposition governs: what the clause is about ("war with Ukraine" is not). */
function firstActor(doc: Doc, hits: GazMention[], from: number, to: number): GazMention | undefined {
  return hits.find(
    (g) =>
      g.i >= from &&
      g.j <= to &&
      g.actor &&
      !g.locative &&
      !g.organization &&
      !PREPOSITIONS.has(doc.tokens[g.i - 1]?.lower ?? '') &&
      !(doc.tokens[g.i - 1]?.lower === 'the' && PREPOSITIONS.has(doc.tokens[g.i - 2]?.lower ?? '')),
  );
}

const PREPOSITIONS = new Set([
  'with',
  'against',
  'toward',
  'towards',
  'into',
  'of',
  'on',
  'over',
  'at',
  'to',
  'for',
  'from',
  'about',
  'near',
  'by',
]);

/**
 * The first place after the noun, within the next dozen tokens: a place name ("to Poland", "in
 * Kursk Oblast"), or a country whose border it is ("near Ukraine's border", "the Ukrainian
 * frontier", "along its border with Ukraine").
 */
function locationAfter(doc: Doc, hits: GazMention[], from: number, end: number): string | undefined {
  const { tokens } = doc;
  const limit = Math.min(end, from + 20);
  // "from Fort Bragg to Poland", "mostly from bases in Okinawa, will go to Taiwan": where they
  // come from is not where they are; a from-phrase runs to a comma or to "to".
  let origin = false;
  for (let k = from; k < limit; k++) {
    if (HARD_STOP.has(tokens[k].text) && k > from) break;
    const w = tokens[k].lower;
    if (w === 'from') origin = true;
    else if (w === ',' || w === 'to' || w === 'into') origin = false;
    const g = hits.find((h) => h.i === k);
    if (g && origin) {
      k = g.j - 1;
      continue;
    }
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
