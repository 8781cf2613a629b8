/**
 * Relevance routing: which crises a report belongs to, and why. Pure: no I/O, no clock.
 *
 * `compileRouting(crises)` is built once per set of crises (when one is made, edited or removed);
 * `router.route({text, title}, extraction)` then decides for one report, in one pass over its
 * words whatever the number of crises, so the same router can re-route every stored report when a
 * crisis' rules change.
 *
 * What a newsroom expects, and how (points and threshold in ./evidence.ts):
 * - A report belongs to a crisis when it is about the crisis, not when it names one of its sides:
 *   naming Russia, or the United States, is not a report on Russia–Ukraine. One side alone weighs
 *   little however often it is named; the sides count when both stand in the report.
 * - Prominence matters: a side or place in the title or lead (the first LEAD_CHARS characters)
 *   weighs more than a passing mention later. A report on a drill around Taiwan that compares it,
 *   late and once, with what Russia did in Ukraine stays out of Russia–Ukraine.
 * - The crisis' headline pair (its principal force and theatre) named together, one of them in
 *   the lead, weighs a little more than any two sides: a report led by Russia's diplomacy that
 *   names Ukraine is about their crisis.
 * - Several crises at once: North Korean troops sent to fight for Russia against Ukraine belong
 *   to Russia–Ukraine (both its sides are in the story) and to the Korean peninsula (a keyword of
 *   it, "North Korean troops"); a report on India and Pakistan over Kashmir is neither Ukraine's
 *   nor Taiwan's, whoever else it names.
 * - Talks between two sides of a crisis belong to it, even when the report names the sides only
 *   through their negotiators ("Russian envoy ... met his Ukrainian counterpart").
 * - A keyword of a crisis (a phrase that belongs to it alone, "Minsk agreements") is strong
 *   evidence on its own, as is a troop figure at one of its places or in its principal theatre.
 * - A crisis with no rules (`hasRules` false) gathers nothing.
 *
 * Bounds: texts are cut at MAX_TEXT_CHARS (as extraction cuts them), titles at MAX_TITLE_CHARS;
 * the extraction's lists are read up to MAX_FACTS entries; matching is a trie walk of at most
 * MAX_PHRASE_WORDS words from each word of text, with no regex built from crisis data.
 */
import { hasRules, type Crisis } from '../../shared/crisis.js';
import type { Extraction } from '../../shared/extraction.js';
import { actorLookup, gazetteerActors, type ActorNames } from './actorNames.js';
import { affiliations } from './affiliation.js';
import { assess, emptyTally, mention, THRESHOLD, type Naming, type Tally } from './evidence.js';
import { compilePhrases, scanPhrases } from './phrases.js';
import { splitWords, type Words } from './words.js';

/** What routing reads of a report. */
export interface RoutedReport {
  text: string;
  title?: string;
}

/** What routing reads of a report's extraction. */
export type RoutingFacts = Pick<Extraction, 'troops' | 'meetings' | 'entities'>;

/** One crisis a report belongs to, and the sentence that says why. */
export interface Routed {
  slug: string;
  reason: string;
}

/** A compiled set of crises. */
export interface CrisisRouter {
  /** The crises routed to, in the order given (crises without rules left out). */
  readonly slugs: readonly string[];
  /** The crises the report belongs to, in the order the crises were given; empty when none. */
  route(report: RoutedReport, facts: RoutingFacts): Routed[];
  /** Every crisis with any evidence, its points (THRESHOLD or more: it belongs) and reason. */
  explain(report: RoutedReport, facts: RoutingFacts): Explained[];
}

/** The evidence for one crisis, routed or not. */
export interface Explained extends Routed {
  points: number;
}

/** The title and this many first characters of the text are the lead. */
export const LEAD_CHARS = 400;
export const MAX_TEXT_CHARS = 200_000;
export const MAX_TITLE_CHARS = 1_000;
/** Troops, meetings, participants per meeting, entity names read from an extraction. */
export const MAX_FACTS = 50;
/** Troop locations and participant names longer than this are cut before matching. */
const MAX_NAME_CHARS = 200;

type Role =
  | { t: 'actor'; actor: string }
  | { t: 'place'; crisis: number; name: string }
  | { t: 'keyword'; crisis: number; name: string }
  /** The principal's theatre when no actor names it: read in troop locations only. */
  | { t: 'theatre'; crisis: number; name: string };

interface Compiled {
  slug: string;
  /** Canonical actor → the crisis' own spelling. */
  sides: Map<string, string>;
  theatreActor?: string;
  naming: Naming;
}

/** What one short string (a troop location, a participant) names. */
interface Named {
  actors: string[];
  /** Crisis index → the first of its places (or its theatre, when no actor names it) named. */
  places: Map<number, string>;
}

/** Compiles the routing rules of a set of crises. */
export function compileRouting(crises: readonly Crisis[]): CrisisRouter {
  const active = crises.filter(hasRules);
  const lookup = actorLookup(gazetteerActors);
  const extra = new Map<string, ActorNames>();
  /** A crisis' actor as the gazetteer knows it, or as itself when it does not. */
  const canonical = (name: string): string => {
    const known = lookup(name);
    if (known) return known.name;
    const key = name.trim().toLowerCase();
    const mine = extra.get(key) ?? { name: name.trim(), kind: 'crisis actor', names: [name.trim()], demonyms: [] };
    extra.set(key, mine);
    return mine.name;
  };
  const demonymOf = (actor: string): string | undefined => lookup(actor)?.demonyms[0];

  const roles: { phrase: string; payload: Role }[] = [];
  const sidesOf = new Map<string, number[]>();
  const compiled: Compiled[] = active.map((c, ci) => {
    const sides = new Map<string, string>();
    for (const a of c.actors) {
      const key = canonical(a);
      if (sides.has(key)) continue;
      sides.set(key, a.trim());
      sidesOf.set(key, [...(sidesOf.get(key) ?? []), ci]);
    }
    for (const p of c.places) roles.push({ phrase: p, payload: { t: 'place', crisis: ci, name: p.trim() } });
    for (const k of c.keywords) roles.push({ phrase: k, payload: { t: 'keyword', crisis: ci, name: k.trim() } });
    let theatreActor: string | undefined;
    if (c.principal) {
      const known = lookup(c.principal.theatre);
      if (known) theatreActor = known.name;
      else
        roles.push({ phrase: c.principal.theatre, payload: { t: 'theatre', crisis: ci, name: c.principal.theatre } });
    }
    const principal: [string, string] | undefined = c.principal
      ? [canonical(c.principal.force), theatreActor ?? c.principal.theatre.trim()]
      : undefined;
    const naming: Naming = { side: (a) => sides.get(a) ?? a, demonym: demonymOf, principal };
    return { slug: c.slug, sides, theatreActor, naming };
  });
  for (const a of [...gazetteerActors, ...extra.values()])
    for (const phrase of [...a.names, ...a.demonyms]) roles.push({ phrase, payload: { t: 'actor', actor: a.name } });
  const index = compilePhrases(roles);
  const placeByName = new Map<string, { crisis: number; name: string }[]>();
  for (const r of roles)
    if (r.payload.t === 'place') {
      const k = r.payload.name.toLowerCase();
      placeByName.set(k, [...(placeByName.get(k) ?? []), { crisis: r.payload.crisis, name: r.payload.name }]);
    }

  /** What a short string names: its actors, and the crises whose place or theatre it names. */
  const named = (s: string): Named => {
    const out: Named = { actors: [], places: new Map() };
    scanPhrases(index, splitWords(s.slice(0, MAX_NAME_CHARS)), (payloads) => {
      for (const r of payloads) {
        if (r.t === 'actor') out.actors.push(r.actor);
        else if (r.t === 'place' && !out.places.has(r.crisis)) out.places.set(r.crisis, r.name);
        else if (r.t === 'theatre' && !out.places.has(r.crisis)) out.places.set(r.crisis, r.name);
      }
    });
    return out;
  };

  const explain = (report: RoutedReport, facts: RoutingFacts): Explained[] => {
    if (compiled.length === 0) return [];
    const tallies: Tally[] = compiled.map(emptyTally);
    const text = typeof report.text === 'string' ? report.text.slice(0, MAX_TEXT_CHARS) : '';
    const words = splitWords(text);
    const actorEndingAt = new Map<number, string>();
    const count = (w: Words, lead: (first: number) => boolean, ends?: Map<number, string>): void =>
      scanPhrases(index, w, (payloads, first, last) => {
        const inLead = lead(first);
        let placed: number[] | undefined; // crises for which this phrase is a place: not a side too
        for (const r of payloads) {
          if (r.t === 'place') {
            mention(tallies[r.crisis].places, r.name, inLead);
            (placed ??= []).push(r.crisis);
          } else if (r.t === 'keyword') mention(tallies[r.crisis].keywords, r.name, inLead);
        }
        for (const r of payloads) {
          if (r.t !== 'actor') continue;
          ends?.set(last, r.actor);
          for (const ci of sidesOf.get(r.actor) ?? [])
            if (!placed?.includes(ci)) mention(tallies[ci].sides, r.actor, inLead);
          break;
        }
      });
    if (typeof report.title === 'string' && report.title)
      count(splitWords(report.title.slice(0, MAX_TITLE_CHARS)), () => true);
    count(words, (first) => words.starts[first] < LEAD_CHARS, actorEndingAt);

    readEntities(facts, tallies, lookup, sidesOf, placeByName);
    readTroops(facts, tallies, compiled, named);
    readTalks(facts, tallies, compiled, named, words, actorEndingAt);

    const out: Explained[] = [];
    compiled.forEach((c, ci) => {
      const { points, reason } = assess(tallies[ci], c.naming);
      if (points > 0) out.push({ slug: c.slug, points, reason });
    });
    return out;
  };
  const route = (report: RoutedReport, facts: RoutingFacts): Routed[] =>
    explain(report, facts)
      .filter((e) => e.points >= THRESHOLD)
      .map(({ slug, reason }) => ({ slug, reason }));

  return { slugs: compiled.map((c) => c.slug), route, explain };
}

const first = <T>(xs: readonly T[] | undefined): readonly T[] => (Array.isArray(xs) ? xs.slice(0, MAX_FACTS) : []);

/** Places the extraction read as locations, bodies it named: counted when the text scan missed them. */
function readEntities(
  facts: RoutingFacts,
  tallies: Tally[],
  lookup: (name: string) => ActorNames | undefined,
  sidesOf: ReadonlyMap<string, number[]>,
  placeByName: ReadonlyMap<string, { crisis: number; name: string }[]>,
): void {
  const e = facts.entities as RoutingFacts['entities'] | undefined;
  for (const name of [...first(e?.places), ...first(e?.organizations)]) {
    if (typeof name !== 'string') continue;
    for (const p of placeByName.get(name.trim().toLowerCase()) ?? [])
      if (!tallies[p.crisis].places.has(p.name)) mention(tallies[p.crisis].places, p.name, false);
    const actor = lookup(name)?.name;
    if (actor)
      for (const ci of sidesOf.get(actor) ?? [])
        if (!tallies[ci].sides.has(actor)) mention(tallies[ci].sides, actor, false);
  }
}

/** Troop figures in a crisis: at its places or theatre, or one side's troops at another side. */
function readTroops(
  facts: RoutingFacts,
  tallies: Tally[],
  compiled: readonly Compiled[],
  named: (s: string) => Named,
): void {
  for (const t of first(facts.troops)) {
    if (typeof t.location !== 'string' || !t.location) continue;
    const at = named(t.location);
    const actor = typeof t.actor === 'string' ? t.actor : undefined;
    compiled.forEach((c, ci) => {
      if (tallies[ci].troops) return;
      const own = actor !== undefined && c.sides.has(actor);
      const side = at.actors.find((a) => a === c.theatreActor || (own && a !== actor && c.sides.has(a)));
      const where = at.places.get(ci) ?? (side === undefined ? undefined : c.naming.side(side));
      if (where !== undefined) tallies[ci].troops = { actor, where };
    });
  }
}

/** Meetings whose participants (or the people's sides, as the report introduces them) hold two sides. */
function readTalks(
  facts: RoutingFacts,
  tallies: Tally[],
  compiled: readonly Compiled[],
  named: (s: string) => Named,
  words: Words,
  actorEndingAt: ReadonlyMap<number, string>,
): void {
  const meetings = first(facts.meetings).map((m) => first(m.participants).filter((p) => typeof p === 'string'));
  if (meetings.length === 0) return;
  const direct = new Map<string, string | undefined>();
  const people: string[] = [];
  for (const ps of meetings)
    for (const p of ps) {
      if (direct.has(p)) continue;
      const actors = named(p).actors;
      direct.set(p, actors[0]);
      if (actors.length === 0) people.push(p);
    }
  const sideOf = affiliations(words, actorEndingAt, people);
  for (const ps of meetings) {
    const actors = [...new Set(ps.map((p) => direct.get(p) ?? sideOf.get(p)).filter((a) => a !== undefined))];
    compiled.forEach((c, ci) => {
      if (tallies[ci].talks) return;
      const two = actors.filter((a) => c.sides.has(a));
      if (two.length >= 2) tallies[ci].talks = [two[0], two[1]];
    });
  }
}
