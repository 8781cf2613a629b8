/**
 * Step 2 of a meeting: who sits at the table. The people and actors of the trigger's clause
 * ("between X and Y" narrows it to what follows), without the countries that are only a topic
 * ("tensions over Ukraine"), a target ("invading Ukraine"), a nationality of someone named
 * ("Russian Deputy Foreign Minister Sergei Ryabkov") or the introduction of an envoy ("Israel's
 * ambassador Gilad Erdan"). Named people carry the meeting: beside two of them, countries are
 * context, and only bodies still take part.
 */
import type { Doc } from '../doc.js';
import type { GazMention } from '../gazetteer/mentions.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import type { PersonMention } from '../people/types.js';
import { clauseAround } from '../text/clauses.js';
import { phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';
import type { Token } from '../text/tokens.js';
import { briefsOnly, reportsOnly } from './speakers.js';
import type { Trigger } from './types.js';

const TOPIC_BEFORE = phraseSet(terms.topicBefore);
const SIDE_NOUNS = phraseSet(terms.sideNouns);
const COLLECTIVE = phraseSet(terms.collective);
const SIDE_VERB_STOP = new Set(terms.sideVerbStop);
const TABLE_WORDS = new Set([
  'and',
  'with',
  'met',
  'meet',
  'talks',
  'talk',
  'called',
  'spoke',
  'between',
  'hosted',
  'told',
]);
const TITLE_AFTER_POSSESSIVE = new Set([
  'deputy',
  'chief',
  'foreign',
  'defense',
  'defence',
  'prime',
  'special',
  'senior',
  'national',
  'top',
  'press',
  'spokesman',
  'spokeswoman',
  'secretary',
  'minister',
  'ambassador',
  'envoy',
  'adviser',
  'advisor',
  'head',
  'aide',
  'chancellor',
  'vice',
  'chief-of-staff',
  'presidential',
  'diplomatic',
]);

/** The people and actors at a trigger's table. */
export interface Seats {
  /** Canonical names, people first. */
  names: string[];
  /** The names written before the trigger: the clause's subject. */
  subject: string[];
  people: PersonMention[];
  actors: GazMention[];
  /** "between X and Y": the seats were named right after the trigger. */
  between: boolean;
}

/** Token ranges [a, b) of quotations in a sentence. */
export function quoteRanges(tokens: Token[], s: Sentence): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let k = s.t0; k < s.t1; k++) {
    const t = tokens[k].text;
    if (t === '“' || (t === '"' && open < 0)) open = k;
    else if ((t === '”' || t === '"') && open >= 0) {
      out.push([open, k]);
      open = -1;
    }
  }
  if (open >= 0) out.push([open, s.t1]);
  return out;
}

/** The seats of a trigger in its clause [c0, c1). */
export function seatsAt(
  doc: Doc,
  s: Sentence,
  t: Trigger,
  c0: number,
  c1: number,
  quotes: [number, number][],
  elsewhere: [number, number][] = [],
): Seats {
  // "talks between X and Y" seats what follows; "between their military chiefs" names no one, and the clause does.
  // "between the two diplomats and their teams": a collective names no one here; context does (subject.ts).
  if (doc.tokens[t.j]?.lower === 'between' && !COLLECTIVE.at(doc.tokens, t.j + 1, c1)) {
    const seats = seatsIn(doc, s, t, t.j + 1, betweenEnd(doc, t.j + 1, c1), quotes, elsewhere);
    if (seats.names.length > 0) return { ...seats, between: true };
  }
  const seats = seatsIn(doc, s, t, c0, c1, quotes, elsewhere);
  // "During the session in Stockholm, Blinken and Lavrov differed": those of the main clause attended.
  if (c0 === s.t0 && ATTENDING.has(doc.tokens[c0].lower) && c1 < s.t1) {
    const [, m1] = clauseAround(doc.clauses[s.index], s.t1, c1);
    for (const p of doc.peopleIn[s.index])
      if (p.i >= c1 && p.j <= m1 && !seats.names.includes(p.person.name)) seats.names.push(p.person.name);
  }
  return seats;
}

/** An opening clause of these places the main clause's people at its meeting. */
const ATTENDING = new Set(['during', 'at']);

/** The people and actors of tokens [from, to) that sit at a trigger's table. */
function seatsIn(
  doc: Doc,
  s: Sentence,
  t: Trigger,
  from: number,
  to: number,
  quotes: [number, number][],
  elsewhere: [number, number][],
): Seats {
  const { tokens } = doc;
  const present = doc.peopleIn[s.index].filter(
    (p) =>
      p.i >= from &&
      p.j <= to &&
      !titledByPossessive(tokens, p.j) &&
      !inSpans(elsewhere, p.i, t) &&
      !reportsOnly(doc, s, p, t),
  );
  const distinct = new Set(present.map((p) => p.person.name)).size;
  const people = present.filter((p) => !briefsOnly(p, distinct - 1));
  let actors = doc.gaz[s.index].filter(
    (a) =>
      a.i >= from &&
      a.j <= to &&
      a.actor !== undefined &&
      !a.locative &&
      (!a.demonym || namesSide(tokens, a, to)) &&
      !inRanges(quotes, a.i) &&
      !inSpans(elsewhere, a.i, t) &&
      !(a.organization ? false : topicBefore(tokens, a, from)) &&
      !people.some((p) => p.i <= a.i && p.j >= a.j) &&
      !introducesPerson(tokens, a, doc.peopleIn[s.index]) &&
      !qualifiesPerson(doc, a, doc.peopleIn[s.index]),
  );
  if (new Set(people.map((p) => p.person.name)).size >= 2) actors = actors.filter((a) => a.organization);
  // "diplomatic advisers to Michel, Macron and Scholz": their sides are at the table, not they.
  const proxied = new Set(people.filter((p) => representedBy(tokens, p.i, from)).map((p) => p.person));
  const names: string[] = [];
  const subject: string[] = [];
  const add = (name: string, before: boolean): void => {
    if (!names.includes(name)) names.push(name);
    if (before && !subject.includes(name)) subject.push(name);
  };
  for (const p of people)
    if (!proxied.has(p.person)) add(p.person.name, p.i < t.i);
    else if (p.person.affiliation) add(p.person.affiliation, p.i < t.i);
  for (const a of actors) add(a.actor!, a.i < t.i);
  return { names, subject, people, actors, between: false };
}

/** Inside a span that belongs to another trigger (not the one being seated). */
const inSpans = (spans: [number, number][], k: number, t: Trigger): boolean =>
  spans.some(([a, b]) => k >= a && k < b && t.j !== b);
const inRanges = (ranges: [number, number][], k: number): boolean => ranges.some(([a, b]) => k > a && k < b);

/** "Putin's Deputy Chief of Staff Dmitry Kozak": the person before the possessive does not sit at the table. */
function titledByPossessive(tokens: Token[], j: number): boolean {
  return tokens[j]?.lower === "'s" && TITLE_AFTER_POSSESSIVE.has(tokens[j + 1]?.lower ?? '');
}

/** A nationality naming the people at the table: "talks with Russian officials", "Qatari and Israeli delegations". */
export function namesSide(tokens: Token[], a: GazMention, end: number): boolean {
  let k = a.j;
  // "Chinese and American defence officials": across a coordinated nationality.
  if (tokens[k]?.lower === 'and' && tokens[k + 1]?.cap) k += 2;
  for (let m = k; m < Math.min(end, k + 3); m++) {
    const side = SIDE_NOUNS.at(tokens, m, end);
    if (side) return !SIDE_VERB_STOP.has(tokens[m + side.length]?.lower ?? '');
  }
  return false;
}

/** "tensions over Ukraine", "the invasion of Ukraine", "invading Ukraine": the country is a topic or a target. */
function topicBefore(tokens: Token[], a: GazMention, from: number): boolean {
  let k = a.i;
  if (tokens[k - 1]?.lower === 'the') k--;
  for (let m = Math.max(from, k - 3); m < k; m++) {
    const hit = TOPIC_BEFORE.at(tokens, m, k);
    if (hit && m + hit.length === k) return true;
  }
  return false;
}

/** "Israel's ambassador Gilad Erdan", "The European Union's envoy for the dialogue, Miroslav Lajcak": the actor only introduces a person. */
function introducesPerson(tokens: Token[], a: GazMention, people: PersonMention[]): boolean {
  if (!a.possessive) return false;
  const p = people.find((x) => x.i > a.j && x.i - a.j <= 10);
  if (!p) return false;
  for (let k = a.j + 1; k < p.i; k++) if (TABLE_WORDS.has(tokens[k].lower)) return false;
  return true;
}

/** "their Iranian counterpart Abbas Araghchi", "UK Foreign Secretary David Lammy": the actor is the nationality of the person after it. */
function qualifiesPerson(doc: Doc, a: GazMention, people: PersonMention[]): boolean {
  const p = people.find((x) => x.i >= a.j && x.i - a.j <= 6);
  if (!p) return false;
  for (let k = a.j; k < p.i; k++) {
    const t = doc.tokens[k];
    const titleWord =
      t.cap || t.lower === 'counterpart' || t.lower === 'of' || t.text === '-' || doc.gazetteer.nameStop.has(t.lower);
    if (!titleWord || t.text === ',' || TABLE_WORDS.has(t.lower)) return false;
  }
  return true;
}

/** Words that may continue the second side of "between X and Y" ("and his Japanese counterpart"). */
const SIDE_WORDS = new Set([
  "'s",
  "'",
  '-',
  '.',
  'the',
  'his',
  'her',
  'their',
  'its',
  'counterpart',
  'counterparts',
  'of',
  'and',
]);

/**
 * The end of "between X and Y": after the "and", the second side runs while its words are
 * names, titles or possessives, and stops at the first other word ("... and his Japanese
 * counterpart on the sidelines of ...").
 */
export function betweenEnd(doc: Doc, from: number, c1: number): number {
  const { tokens } = doc;
  const limit = Math.min(c1, from + 26);
  let k = from;
  while (k < limit && tokens[k].lower !== 'and') k++;
  if (k >= limit) return limit;
  k++;
  while (k < limit) {
    const t = tokens[k];
    const nameLike =
      t.cap ||
      SIDE_WORDS.has(t.lower) ||
      doc.gazetteer.nameStop.has(t.lower) ||
      SIDE_NOUNS.at(tokens, k, limit) !== null;
    if (!nameLike || t.text === ',') break;
    k++;
  }
  return k;
}

const PROXIES = new Set([
  'advisers',
  'advisors',
  'adviser',
  'advisor',
  'aides',
  'aide',
  'representatives',
  'representative',
  'envoys',
  'envoy',
  'deputies',
  'deputy',
  'officials',
  'staff',
  'emissaries',
  'emissary',
  'sherpas',
]);

/** "advisers to Michel, Macron and Scholz", "an envoy of Putin": the person is represented, not present. */
function representedBy(tokens: Token[], i: number, from: number): boolean {
  for (let k = i - 1; k >= Math.max(from, i - 10); k--) {
    const w = tokens[k].lower;
    if ((w === 'to' || w === 'of' || w === 'for') && PROXIES.has(tokens[k - 1]?.lower ?? '')) return true;
    if (!(tokens[k].cap || w === ',' || w === 'and' || w === "'s")) return false;
  }
  return false;
}
