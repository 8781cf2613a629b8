/**
 * Step 3 of a meeting: where. The first place after the trigger ("talks in Geneva", "welcomed
 * ... to the Pentagon"), unless a relative clause took it ("meetings that ... in Ukraine"); else a
 * place the gazetteer does not know ("in Wuzhen", "on the island of St. Lucia"); else the
 * clause's place before the trigger ("In Berlin, the advisers met"); for "..., where they will
 * meet", the place the clause before named.
 */
import type { Doc } from '../doc.js';
import type { GazMention } from '../gazetteer/mentions.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import { phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';
import type { Token } from '../text/tokens.js';
import type { Trigger } from './types.js';

const RELATIVE = new Set(terms.relativeWords);
const PLANNING = phraseSet(terms.planningAside);
const PLACE_NOUNS = new Set([
  'island',
  'resort',
  'peninsula',
  'city',
  'town',
  'village',
  'port',
  'capital',
  'region',
  'province',
  'enclave',
  'county',
]);

/** The place of a trigger whose clause is [c0, c1) and whose own words end at `windowEnd` (the next trigger). */
export function placeOf(doc: Doc, s: Sentence, t: Trigger, c0: number, c1: number, windowEnd: number): string | null {
  const { tokens } = doc;
  const places = doc.gaz[s.index].filter((g) => g.locative && g.place && g.i >= c0 && g.j <= c1);
  const after = places.find((g) => g.i >= t.j && g.i < windowEnd && !takenByRelative(tokens, t.j, g.i));
  if (after) return after.place!;
  const unknown = (t.group === 'travel' ? unknownDestination(doc, s, t) : null) ?? unknownPlace(doc, s, t.j, windowEnd);
  if (unknown) return unknown;
  const before = places.find((g) => g.i < t.i);
  if (before) return before.place!;
  if (tokens[c0]?.lower === 'where') {
    let antecedent: GazMention | undefined;
    for (const g of doc.gaz[s.index]) if (g.locative && g.place && g.j <= c0) antecedent = g;
    if (antecedent) return antecedent.place!;
  }
  return null;
}

/**
 * Whether a relative word between the trigger and a place makes the place another fact's
 * ("meetings that officials hope can calm the border in Lithuania"), unless that clause only
 * says when and where the meeting was planned ("that had been planned for Friday in Vienna").
 */
function takenByRelative(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (!RELATIVE.has(tokens[k].lower)) continue;
    for (let m = k + 1; m < Math.min(to, k + 6); m++) if (PLANNING.at(tokens, m, to)) return false;
    return true;
  }
  return false;
}

/**
 * A place the gazetteer does not know, written "in Wuzhen", "at Kingstown", "on the island of
 * St. Lucia", "in the Spanish city of Granada": up to three capitalised words that are not a
 * person, not a common capitalised word (months, titles) and not a known name.
 */
function unknownPlace(doc: Doc, s: Sentence, from: number, to: number): string | null {
  const { tokens } = doc;
  for (let k = from; k < to - 1; k++) {
    const w = tokens[k].lower;
    const after = w === 'in' || w === 'at' || (w === 'of' && k >= 1 && PLACE_NOUNS.has(tokens[k - 1].lower));
    if (!after) continue;
    const name = capitalisedPlace(doc, s, k + 1, to);
    if (name) return name;
  }
  return null;
}

/** "fly to Arequipa", "visited Cusco", "arrived in Tacna": a destination the gazetteer does not know, right after a trip's words. */
export function unknownDestination(doc: Doc, s: Sentence, t: Trigger): string | null {
  const { tokens } = doc;
  let m = t.j;
  if (['to', 'in', 'at', 'for'].includes(tokens[m]?.lower ?? '')) m++;
  return capitalisedPlace(doc, s, m, s.t1);
}

/** Up to three capitalised words at token m that are no person, no common capitalised word and no known name. */
function capitalisedPlace(doc: Doc, s: Sentence, m: number, to: number): string | null {
  const { tokens, gazetteer } = doc;
  const first = tokens[m];
  if (!first || m >= to || !first.cap || first.kind !== 'word') return null;
  if (doc.peopleIn[s.index].some((p) => p.i <= m && p.j > m)) return null;
  if (gazetteer.names.at(tokens, m, to)) return null;
  const saint = first.lower === 'st' || first.lower === 'saint';
  if (gazetteer.nameStop.has(first.lower) && !saint) return null;
  let e = m + 1;
  if (saint && tokens[e]?.text === '.') e++;
  while (e < to && e - m < 4 && tokens[e].cap && tokens[e].kind === 'word' && !gazetteer.nameStop.has(tokens[e].lower))
    e++;
  if (e - m > 3 && !saint) return null;
  let name = '';
  for (let q = m; q < e; q++) name += (q > m && tokens[q].space ? ' ' : '') + tokens[q].text;
  return name;
}
