/**
 * extract(): a report's text and dateline → Extraction. Pure and deterministic:
 * no I/O, no clock; relative dates resolve against the dateline only.
 * Crisis-specific knowledge (actors, places, titles, lexicons) is data beside this
 * module; `createExtractor` takes another gazetteer for another crisis.
 */
import { emptyExtraction, type Extraction } from '../../shared/extraction.js';
import { addDays, findDates, issuedRef, parseDateline } from './dates.js';
import { findGazMentions, type GazMention } from './entities.js';
import { compileGazetteer, defaultGazetteerData, type GazetteerData } from './gazetteer.js';
import { mergeMentions } from './meetingMerge.js';
import { detectMeetings } from './meetings.js';
import { findPeople, type PersonMention } from './people.js';
import { splitSentences, type Sentence } from './sentences.js';
import { findTension } from './tension.js';
import { findTroops } from './troops.js';

export type { GazetteerData } from './gazetteer.js';

/** Texts longer than this are cut: extraction stays bounded in time on any input. */
export const MAX_TEXT_CHARS = 200_000;

/** Builds an extract() bound to a gazetteer (the default one unless given). */
export function createExtractor(
  data: GazetteerData = defaultGazetteerData,
): (text: string, dateline: string) => Extraction {
  const gaz = compileGazetteer(data);
  const actorNames = new Set(data.actors.map((a) => a.name));
  const organizations = new Set(data.actors.filter((a) => a.kind === 'organization').map((a) => a.name));
  const actorKeys = new Set(data.actors.map((a) => a.name.toLowerCase()));
  return (text: string, dateline: string): Extraction => {
    try {
      if (typeof text !== 'string' || text.length === 0) return emptyExtraction();
      const body = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
      // A republished statement speaks from the day it was issued, when it says so.
      const ref = issuedRef(body, parseDateline(dateline));
      const refIso = ref ? addDays(ref, 0) : null;
      const sentences = splitSentences(body);
      const gazBy = sentences.map((s) => findGazMentions(gaz, s.text, s.start));
      const people = findPeople(gaz, body, sentences, gazBy);
      const affiliation = new Map<string, string>();
      for (const p of people) if (p.person.affiliation) affiliation.set(p.person.name, p.person.affiliation);
      const facts = sentences.map((s, i) => ({
        sentence: s,
        gaz: gazBy[i],
        people: peopleWithin(people, s),
        dates: findDates(s.text, s.start, ref),
      }));
      const mentions = detectMeetings(facts, people, refIso, gaz);
      // A loop, not gazBy.flat(): flat() is slow in V8 and this runs on every report.
      const allGaz: GazMention[] = [];
      for (const hits of gazBy) for (const h of hits) allGaz.push(h);
      // Talks with a day but no named sides ("negotiations in Geneva on January 9") are between
      // the report's two most-named countries.
      const dyad = mainDyad(allGaz, organizations);
      for (const m of mentions) {
        if (m.date && !m.travel && !m.anaphoric && m.participants.length < 2 && dyad.length === 2)
          m.participants = [...new Set([...m.participants, ...dyad])];
      }
      const meetings = mergeMentions(mentions, actorNames, organizations, affiliation, body, refIso, actorKeys);
      const troops = findTroops(body, sentences, gazBy, people);
      const tension = findTension(body, sentences, gazBy, people, affiliation);
      const entities = {
        // A bare name at a table may be a country the gazetteer lacks: a participant, not a listed person.
        people: [...new Set(people.filter((p) => !p.person.bare || p.person.title).map((p) => p.person.name))],
        places: [...new Set(allGaz.filter((g) => g.locative && g.place).map((g) => g.place!))],
        organizations: [...new Set(allGaz.filter((g) => g.organization && g.actor).map((g) => g.actor!))],
      };
      return { troops, meetings, tension, entities };
    } catch {
      // A bug must never take the ingest worker down: an empty extraction is the safe answer.
      return emptyExtraction();
    }
  };
}

/**
 * The mentions of people inside a sentence, in their order. `people` is sorted by start, so those
 * starting in the sentence sit together: a binary search finds them instead of a pass over all.
 */
function peopleWithin(people: PersonMention[], s: Sentence): PersonMention[] {
  let lo = 0;
  let hi = people.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (people[mid].start < s.start) lo = mid + 1;
    else hi = mid;
  }
  const out: PersonMention[] = [];
  for (let k = lo; k < people.length && people[k].start <= s.end; k++) if (people[k].end <= s.end) out.push(people[k]);
  return out;
}

/** The two countries named most often as actors (not as places), or fewer when the report names fewer. */
function mainDyad(hits: GazMention[], organizations: Set<string>): string[] {
  const count = new Map<string, number>();
  for (const h of hits)
    if (h.actor && !h.locative && !organizations.has(h.actor)) count.set(h.actor, (count.get(h.actor) ?? 0) + 1);
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 2)
    .map(([a]) => a);
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
