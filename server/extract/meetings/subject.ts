/**
 * Step 2b of a meeting: seats the clause leaves to context. "The two leaders spoke" (the people
 * named before), "He will meet ..." (the person the sentence before was about), "..., who met
 * with him in Moscow" (the person before "who", and the other one for "him"), "Before talking
 * to Biden, Putin ..." (the subject of the clause after the opener).
 */
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import type { PersonMention } from '../people/types.js';
import { namesSide } from './participants.js';
import { clauseAround } from '../text/clauses.js';
import { phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';
import { reportsOnly } from './speakers.js';
import type { Mention, Trigger } from './types.js';

const COLLECTIVE = phraseSet(terms.collective);
const PLURAL = new Set(['their', 'they', 'both', 'them']);
const PRONOUNS = new Set(terms.pronounSubjects);
const OBJECT_PRONOUNS = new Set(['him', 'her']);
const NAMED_GROUP_NOUNS = phraseSet(terms.namedGroupNouns);
const SUBORDINATE = new Set(['after', 'following', 'before', 'during', 'ahead']);
const LEAD_WORDS = new Set([
  'and',
  'but',
  'then',
  'later',
  'also',
  'there',
  'afterwards',
  'next',
  'from',
  ',',
  'meanwhile',
]);

/** What the sentences before say about who is talked about. */
export interface SubjectMemory {
  /** The people of the last sentence that named any. */
  previousPeople: PersonMention[];
  /** The meetings found so far. */
  mentions: Mention[];
}

/** Names to seat when a clause [c0, c1) names no one before its trigger. */
export function inferredSeats(
  doc: Doc,
  s: Sentence,
  t: Trigger,
  c0: number,
  c1: number,
  memory: SubjectMemory,
): string[] {
  const { tokens } = doc;
  const people = doc.peopleIn[s.index];
  // "a meeting of the Normandy-format advisers": a named group of its own.
  if (tokens[t.j]?.lower === 'of') {
    for (let k = t.j + 1; k < Math.min(c1, t.j + 6); k++) if (NAMED_GROUP_NOUNS.at(tokens, k, c1)) return [];
  }
  const out: string[] = [];
  // "..., who met with him in Moscow": the person right before "who".
  if (tokens[c0]?.lower === 'who') {
    const antecedent = people.filter((p) => p.j <= c0).pop();
    if (antecedent) out.push(antecedent.person.name);
    // "him": the subject of the clause the antecedent stands in ("Putin is to call Macron, who met him ...").
    const him = tokens.slice(t.j, Math.min(c1, t.j + 3)).some((x) => OBJECT_PRONOUNS.has(x.lower));
    const [a0] = antecedent ? clauseAround(doc.clauses[s.index], s.t1, antecedent.i) : [s.t0];
    const other =
      people.find((p) => p.i >= a0 && p.j <= c0 && p.person !== antecedent?.person) ??
      people.find((p) => p.j <= c0 && p.person !== antecedent?.person) ??
      memory.previousPeople[0];
    if (him && other && other.person !== antecedent?.person) out.push(other.person.name);
    return out;
  }
  // "The five leaders met": as many people as the sentence before named.
  const counted = countedGroup(doc, c0, c1);
  if (counted > 1) {
    const named = [...new Set(memory.previousPeople.map((p) => p.person.name))];
    if (named.length === counted) return named;
  }
  const earlier = people.filter((p) => p.j <= c0 && !reportsOnly(doc, s, p, t));
  const collective = collectiveAt(doc, c0, c1);
  if (collective && earlier.length === 0) {
    // "both sides", "the two leaders": the sides of the last meeting that seated two of that kind.
    for (let k = memory.mentions.length - 1; k >= 0; k--) {
      // "the sides agreed to meet again": sides that have met, not those of a meeting only proposed.
      if (SIDES.has(collective) && memory.mentions[k].status === 'proposed') continue;
      const all = memory.mentions[k].participants;
      // "both politicians", "the two leaders": the people of that meeting, not the bodies beside them.
      const people = all.filter((n) => !doc.gazetteer.actorNames.has(n));
      const seats = PERSONS.has(collective) && people.length >= 2 ? people : all;
      if (seats.length < 2) continue;
      if (!seats.every((n) => fits(doc, n, collective))) return [];
      // "the sides", "the parties": the countries behind the people, where the report names them.
      return SIDES.has(collective) ? [...new Set(seats.map((n) => affiliationOf(doc, n) ?? n))] : [...seats];
    }
  }
  if (earlier.length > 0) {
    const plural = collective !== null || tokens.slice(c0, c1).some((x) => PLURAL.has(x.lower));
    return (plural ? earlier : earlier.slice(0, 1)).map((p) => p.person.name);
  }
  // "Ethiopia and the TPLF agreed ... after ten days of talks": the sides of the main clause before.
  const sides = doc.gaz[s.index].filter(
    (g) => g.j <= c0 && g.actor && !g.locative && (!g.demonym || namesSide(doc.tokens, g, c0)),
  );
  if (sides.length >= 2 && tokens[c0] && SUBORDINATE.has(tokens[c0].lower))
    return [...new Set(sides.map((g) => g.actor!))];
  // "Before talking to Biden, Putin is to ...": the subject of the next clause.
  if (c0 === s.t0 && t.i <= c0 + 2) {
    const next = people.find((p) => p.i >= c1 && p.i <= c1 + 2);
    if (next) return [next.person.name];
  }
  if (pronounLed(doc, c0) || pronounLed(doc, s.t0)) {
    const prior = memory.previousPeople[0] ?? doc.people.filter((p) => p.j <= c0).pop();
    if (prior) return [prior.person.name];
  }
  return out;
}

const COUNTS = new Map(Object.entries({ two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 }));
const GROUP_NOUNS = new Set([
  'leaders',
  'ministers',
  'presidents',
  'men',
  'women',
  'officials',
  'sides',
  'diplomats',
  'envoys',
  'heads',
  'countries',
  'delegations',
  'negotiators',
]);

/** "the five leaders": how many people a counted group names (0 when none). */
function countedGroup(doc: Doc, from: number, to: number): number {
  const { tokens } = doc;
  for (let k = from; k < Math.min(to, from + 6); k++) {
    const n = COUNTS.get(tokens[k].lower);
    if (n !== undefined && tokens[k - 1]?.lower === 'the' && GROUP_NOUNS.has(tokens[k + 1]?.lower ?? '')) return n;
  }
  return 0;
}

/** The collective phrase of a clause ("the two foreign ministers"), as its last word; null when none. */
function collectiveAt(doc: Doc, from: number, to: number): string | null {
  for (let k = from; k < to; k++) {
    const hit = COLLECTIVE.at(doc.tokens, k, to);
    if (hit) return doc.tokens[k + hit.length - 1].lower;
  }
  return null;
}

const PERSONS = new Set([
  'politicians',
  'leaders',
  'presidents',
  'ministers',
  'men',
  'women',
  'diplomats',
  'negotiators',
  'envoys',
  'two',
]);
const SIDES = new Set(['sides', 'parties', 'countries', 'governments', 'delegations', 'states']);

function affiliationOf(doc: Doc, name: string): string | undefined {
  return doc.people.find((p) => p.person.name === name)?.person.affiliation;
}

/** The role a collective noun asks for: "the two foreign ministers" are not the two presidents met before. */
const COLLECTIVE_ROLES: Record<string, string[]> = {
  leaders: ['leader'],
  presidents: ['leader'],
  ministers: ['foreign', 'defense', 'deputy-foreign', 'deputy-defense', 'other'],
};

/** Whether a seat can be one of a collective: a person whose known role is another's cannot ("the two ministers" are not two presidents). */
function fits(doc: Doc, name: string, collective: string): boolean {
  const roles = COLLECTIVE_ROLES[collective];
  const role = doc.people.find((p) => p.person.name === name)?.person.role;
  return !roles || role === undefined || roles.includes(role);
}

/** "He ...", "And then she ...", "From there, he ...": a sentence or clause led by a personal pronoun. */
export function pronounLed(doc: Doc, from: number): boolean {
  for (let k = from; k < Math.min(doc.tokens.length, from + 4); k++) {
    const w = doc.tokens[k].lower;
    if (PRONOUNS.has(w)) return true;
    if (!LEAD_WORDS.has(w)) return false;
  }
  return false;
}
