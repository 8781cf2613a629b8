/**
 * Step 2a of a meeting: who only speaks about it. "Price announced that Blinken will meet
 * Zelensky", "The minister, who chaired the talks, said the sides agreed to meet again": the
 * speaker of a reporting verb whose clause names its own subject before the trigger reports the
 * meeting and does not sit at it. "Blinken said he will meet Lavrov" keeps Blinken: a pronoun
 * subject points back to the speaker. A spokesperson briefs on a meeting where two others sit.
 */
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import type { PersonMention } from '../people/types.js';
import { phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';
import type { Trigger } from './types.js';

const REPORTING = new Set(terms.reportingVerbs);
const ADVERBS = new Set(terms.speakerAdverbs);
const BRIEFING_ROLES = new Set(terms.briefingRoles);
const COLLECTIVE = phraseSet(terms.collective);
const RELATIVES = new Set(['who', 'which']);
const SELF = new Set(['he', 'she', 'i', 'we', 'they', 'him', 'her', 'it']);
/** How far after the reporting verb its clause's subject may come ("said in a statement on Friday that the sides"). */
const SUBJECT_REACH = 12;

/** Whether person mention `p` only reports the meeting of trigger `t` in sentence `s`. */
export function reportsOnly(doc: Doc, s: Sentence, p: PersonMention, t: Trigger): boolean {
  const verb = reportingVerbAfter(doc, p, t.i);
  if (verb < 0) return false;
  // The trigger must be inside what was reported: a comma between closes it ("..., in a call ahead of talks").
  for (let k = verb + 1; k < t.i; k++) if (doc.tokens[k].text === ',') return false;
  return ownSubject(doc, s, p, verb + 1, t.i);
}

/** The reporting verb right after a person (across adverbs or a closed ", who ...," aside), before `end`; -1 when none. */
function reportingVerbAfter(doc: Doc, p: PersonMention, end: number): number {
  const { tokens } = doc;
  let k = p.j;
  if (tokens[k]?.text === ',' && RELATIVES.has(tokens[k + 1]?.lower ?? '')) {
    let m = k + 2;
    while (m < end && m - k < 30 && tokens[m].text !== ',') m++;
    if (m >= end || tokens[m].text !== ',') return -1;
    k = m + 1;
  }
  for (let n = 0; n < 2 && k < end && ADVERBS.has(tokens[k].lower); n++) k++;
  return k < end && REPORTING.has(tokens[k].lower) ? k : -1;
}

/**
 * The reported clause [from, to) has a subject of its own, other than the speaker: another
 * person, a country or body, or a collective ("the sides"). "told X that ..." skips X, to whom
 * it was said; a pronoun first means the speaker speaks of himself.
 */
function ownSubject(doc: Doc, s: Sentence, speaker: PersonMention, from: number, to: number): boolean {
  const { tokens } = doc;
  const people = doc.peopleIn[s.index];
  const actors = doc.gaz[s.index];
  let k = from;
  if (tokens[from - 1]?.lower === 'told') {
    const addressee = people.find((p) => p.i === k) ?? actors.find((a) => a.i === k && a.actor);
    if (addressee) k = addressee.j;
  }
  for (; k < Math.min(to, from + SUBJECT_REACH); k++) {
    const w = tokens[k].lower;
    if (SELF.has(w)) return false;
    const person = people.find((p) => p.i === k);
    if (person) return person.person !== speaker.person;
    if (actors.some((a) => a.i === k && a.actor && !a.locative)) return true;
    if (COLLECTIVE.at(tokens, k, to)) return true;
  }
  return false;
}

/** A spokesperson at a table where at least two others sit briefs on the meeting rather than attends it. */
export function briefsOnly(p: PersonMention, others: number): boolean {
  return p.person.role !== undefined && BRIEFING_ROLES.has(p.person.role) && others >= 2;
}
