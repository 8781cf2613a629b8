/**
 * extract(): a report's text and dateline → Extraction. Pure and deterministic: no I/O, no
 * clock but the optional time budget; relative dates resolve against the dateline only.
 *
 * The steps, in order (docs/extraction.md describes each):
 *   1. tokens      one pass over the characters (text/tokens.ts)
 *   2. sentences   and their clauses (text/sentences.ts, text/clauses.ts)
 *   3. names       gazetteer names per sentence: actors, places, nationalities (gazetteer/mentions.ts)
 *   4. dates       and tense cues per sentence (text/dates.ts, text/cues.ts)
 *   5. people      names of people and what refers to them (people/)
 *   6. meetings    trigger → seats → place → day → kind → status, then merged (meetings/)
 *   7. troops      numbers tied to troops (troops/)
 *   8. tension     weighted signals (tension.ts)
 * Crisis-specific knowledge (actors, places, titles, word lists) is data beside this module;
 * `createExtractor` takes another gazetteer for another crisis.
 */
import { emptyExtraction, type Extraction } from '../../shared/extraction.js';
import { budgetOf, CAPS } from './budget.js';
import type { Doc } from './doc.js';
import { compileGazetteer, defaultGazetteerData, type Gazetteer, type GazetteerData } from './gazetteer/compile.js';
import { findGazMentions } from './gazetteer/mentions.js';
import { findMeetings } from './meetings/index.js';
import { findPeople } from './people/index.js';
import type { PersonMention } from './people/types.js';
import { clauseStarts } from './text/clauses.js';
import { tenseHits } from './text/cues.js';
import { findDates, isoOf, issuedRef, parseDateline } from './text/dates.js';
import { splitSentences, type Sentence } from './text/sentences.js';
import { tokenize } from './text/tokens.js';
import { findTension } from './tension.js';
import { findTroops } from './troops/index.js';

export type { GazetteerData } from './gazetteer/compile.js';

const defaultGazetteer = compileGazetteer(defaultGazetteerData);
export { ExtractionBudgetExceeded } from './budget.js';

/** Texts longer than this are cut: extraction stays bounded on any input. */
export const MAX_TEXT_CHARS = 200_000;

/** An extraction function bound to a gazetteer; `budgetMs` bounds its time (it throws ExtractionBudgetExceeded past it). */
export type Extractor = (text: string, dateline: string, budgetMs?: number) => Extraction;

/**
 * Builds an extractor bound to a gazetteer (the default one unless given). A bug inside throws
 * like the budget does: the ingest job fails with the reason and is counted
 * (crisis_extract_errors_total), rather than folding an empty extraction nobody would notice.
 */
export function createExtractor(data: GazetteerData = defaultGazetteerData): Extractor {
  const gazetteer = data === defaultGazetteerData ? defaultGazetteer : compileGazetteer(data);
  return (text, dateline, budgetMs = Infinity) => {
    if (typeof text !== 'string' || text.length === 0) return emptyExtraction();
    return run(gazetteer, text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text, dateline, budgetMs);
  };
}

function run(gazetteer: Gazetteer, text: string, dateline: string, budgetMs: number): Extraction {
  const doc = readDoc(text, dateline, gazetteer, budgetMs);
  const affiliation = new Map<string, string>();
  for (const p of doc.people) if (p.person.affiliation) affiliation.set(p.person.name, p.person.affiliation);
  const meetings = findMeetings(doc, affiliation);
  doc.budget.check();
  const troops = findTroops(doc);
  doc.budget.check();
  const tension = findTension(doc, affiliation);
  return { troops, meetings, tension, entities: entitiesOf(doc) };
}

/** Steps 1–5: the report as every later step reads it (exported for the steps' own tests). */
export function readDoc(
  text: string,
  dateline: string,
  gazetteer: Gazetteer = defaultGazetteer,
  budgetMs = Infinity,
): Doc {
  const budget = budgetOf(budgetMs);
  const tokens = tokenize(text);
  const sentences = splitSentences(tokens);
  budget.check();
  const ref = issuedRef(tokens, parseDateline(dateline));
  const clauses: number[][] = [];
  const gaz: Doc['gaz'] = [];
  const tense: Doc['tense'] = [];
  const dates: Doc['dates'] = [];
  for (const s of sentences) {
    if (s.index % 64 === 0) budget.check();
    clauses.push(clauseStarts(tokens, s));
    gaz.push(findGazMentions(gazetteer, tokens, s));
    const hits = tenseHits(tokens, s.t0, s.t1);
    tense.push(hits);
    dates.push(findDates(text, tokens, s.t0, s.t1, ref, hits).slice(0, CAPS.datesPerSentence));
  }
  budget.check();
  const people = findPeople(gazetteer, tokens, sentences, gaz, CAPS.people);
  budget.check();
  return {
    text,
    tokens,
    sentences,
    clauses,
    gaz,
    people,
    peopleIn: bySentence(people, sentences),
    dates,
    tense,
    ref,
    refIso: ref ? isoOf(ref) : null,
    gazetteer,
    budget,
  };
}

/** The person mentions inside each sentence (mentions are sorted by token). */
function bySentence(people: PersonMention[], sentences: Sentence[]): PersonMention[][] {
  const out: PersonMention[][] = sentences.map(() => []);
  let k = 0;
  for (const s of sentences) {
    while (k < people.length && people[k].i < s.t0) k++;
    for (let m = k; m < people.length && people[m].i < s.t1; m++) if (people[m].j <= s.t1) out[s.index].push(people[m]);
  }
  return out;
}

/** The people, places and bodies the report names. */
function entitiesOf(doc: Doc): Extraction['entities'] {
  const places = new Set<string>();
  const organizations = new Set<string>();
  for (const hits of doc.gaz)
    for (const g of hits) {
      if (g.place && g.locative) places.add(g.place);
      if (g.organization && g.actor) organizations.add(g.actor);
    }
  // A bare name at a table may be a country the gazetteer lacks: a participant, not a listed person.
  const people = new Set<string>();
  for (const p of doc.people) if (!p.person.bare || p.person.title) people.add(p.person.name);
  return { people: [...people], places: [...places], organizations: [...organizations] };
}

const defaultExtractor = createExtractor();

/**
 * Extracts troop counts, meetings, tension signals and entities from one report.
 * @param text the report's text; evidence offsets index it
 * @param dateline 'YYYY-MM-DD' or an ISO date-time; relative dates resolve against it
 * @returns a valid Extraction; never throws
 */
export function extract(text: string, dateline: string): Extraction {
  return defaultExtractor(text, dateline);
}

/**
 * extract() within a time budget: throws ExtractionBudgetExceeded when the report takes longer
 * than `budgetMs` (checked between steps and inside their loops); any other failure gives an
 * empty extraction, as extract() does.
 */
export function extractWithin(text: string, dateline: string, budgetMs: number): Extraction {
  return defaultExtractor(text, dateline, budgetMs);
}
