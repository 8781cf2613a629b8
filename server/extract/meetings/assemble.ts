/**
 * Meeting mentions, sentence by sentence: each trigger (step 1) gets its seats (2), place (3),
 * day (4), kind (5) and status (6). What one sentence says carries to the next: the place a
 * trip went to ("From there she travels on to Moscow. She will hold talks ..."), the last day
 * named ("A day earlier, ..."), the people last talked about ("He will meet ...").
 */
import { CAPS } from '../budget.js';
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import type { PersonMention } from '../people/types.js';
import { clauseAround } from '../text/clauses.js';
import { anyIn } from '../text/cues.js';
import { phraseSet } from '../text/phrases.js';
import type { DateMention } from '../text/dates.js';
import type { Sentence } from '../text/sentences.js';
import { dayOf, meetingDates, type DayMemory } from './day.js';
import { splitItinerary } from './itinerary.js';
import { kindOf } from './kind.js';
import { quoteRanges, seatsAt, type Seats } from './participants.js';
import { statementDay, statementOccasion } from './occasion.js';
import { placeOf } from './place.js';
import { movedTo } from './reschedule.js';
import { consistentStatus, statusOf } from './status.js';
import { inferredSeats, pronounLed } from './subject.js';
import { findTriggers } from './triggers.js';
import type { Mention, Trigger } from './types.js';
import { continuations, whereClauses } from './continuations.js';

const ANAPHORIC = new Set(terms.anaphoric);
/** First words of triggers that are verbs ("held talks", "met"): such a trigger never points back. */
const VERBS = new Set(terms.verbStarts);
const POSSESSIVES = new Set(['their', 'his', 'her', 'its', 'our']);
const SAME_EVENT_BEFORE = phraseSet(terms.sameEventBefore);
const AGAIN = new Set(terms.againWords);
const HOST_BEFORE = phraseSet(terms.hostEventBefore);
const SOFT_DAY = phraseSet(terms.softDayCues);
const NO_SEATS: Seats = { names: [], subject: [], people: [], actors: [], between: false };
const BODY_VERBS = new Set([
  'meet',
  'meets',
  'meeting',
  'met',
  'convene',
  'convenes',
  'convened',
  'convening',
  'gather',
  'gathers',
  'gathered',
]);

/** Everything one sentence leaves to the next. */
interface Carry extends DayMemory {
  /** The place the last sentence took someone to, or opened with ("In Berlin, ..."). */
  scene: { place: string; opener: boolean } | null;
  previousPeople: PersonMention[];
  /** The day the last dated statement was made ("said Thursday"). */
  statementDay: string | null;
}

/** The meeting mentions of a report, in text order. */
export function assembleMentions(doc: Doc): Mention[] {
  const out: Mention[] = [];
  const carry: Carry = {
    lastDay: null,
    scene: null,
    previousPeople: [],
    statementDay: null,
    dayAt: (place) => {
      for (let k = out.length - 1; k >= 0; k--) if (out[k].place === place && out[k].date) return out[k].date;
      return null;
    },
  };
  for (const s of doc.sentences) {
    if (out.length >= CAPS.meetingMentions) break;
    doc.budget.check();
    const first = out.length;
    const triggers = findTriggers(doc, s).slice(0, 12);
    if (triggers.length > 0) {
      sentenceMentions(doc, s, triggers, carry, out);
      whereClauses(doc, s, triggers, out, first);
      continuations(doc, s, triggers, out, first);
    }
    carryScene(doc, s, out, first, carry);
    if (doc.peopleIn[s.index].length > 0) carry.previousPeople = doc.peopleIn[s.index];
    const days = doc.dates[s.index].filter((d) => d.precision === 'day' && d.date);
    if (days.length > 0) carry.lastDay = days[days.length - 1].date;
    carry.statementDay = statementDay(doc, s) ?? carry.statementDay;
  }
  return out.slice(0, CAPS.meetingMentions);
}

/** One mention (or one per visit of an itinerary) per trigger of a sentence. */
function sentenceMentions(doc: Doc, s: Sentence, triggers: Trigger[], carry: Carry, out: Mention[]): void {
  const { tokens } = doc;
  const starts = doc.clauses[s.index];
  const quotes = quoteRanges(tokens, s);
  const dates = meetingDates(doc, s);
  const first = out.length;
  const hosts = triggers.map((t) => hostStart(doc, t, s.t0));
  const same = triggers.map((t, k) => namesSameEvent(doc, t, triggers[k - 1], clauseAround(starts, s.t1, t.i)[0]));
  // The words of a host event ("on the sidelines of the Asean meeting") seat no one at the meeting beside it.
  const hostSpans: [number, number][] = triggers.flatMap((t, k) =>
    hosts[k] >= 0 ? [[hosts[k], t.j] as [number, number]] : [],
  );
  triggers.forEach((t, ti) => {
    const [c0, c1] = clauseAround(starts, s.t1, t.i);
    // A host event ("on the sidelines of a summit in Granada") or the same event named again does not end the window of the meeting before it.
    const next = triggers.find((o, k) => k > ti && hosts[k] < 0 && !same[k]);
    const windowEnd = next && next.i < c1 ? next.i : c1;
    if (hosts[ti] >= 0) {
      const host = hostMention(doc, s, t, hosts[ti], c0, c1, dates);
      // "a meeting due on Thursday on the sidelines of a summit": the side meeting's day is the host event's.
      const side = out.length > first ? out[out.length - 1] : undefined;
      if (host && !host.date && side?.date && !anyIn(SOFT_DAY, tokens, c0, t.i)) {
        host.date = side.date;
        host.status = consistentStatus(host.status, host.date, doc.refIso);
      }
      if (host) out.push(host);
      return;
    }
    const seats = seatsAt(doc, s, t, c0, c1, quotes, hostSpans);
    const names = [...seats.names];
    const subject = [...seats.subject];
    // "travel to Riga next week, where NATO ministers will gather": the traveller takes part, and the trip is this meeting.
    const trip = tokens[c0]?.lower === 'where' ? lastTravel(out, first) : undefined;
    if (trip) {
      for (const n of trip.subject) if (!names.includes(n)) names.push(n);
      out.splice(out.indexOf(trip), 1);
    }
    if (!seats.between && subject.length === 0)
      for (const n of inferredSeats(doc, s, t, c0, c1, { previousPeople: carry.previousPeople, mentions: out }))
        if (!names.includes(n)) {
          names.push(n);
          subject.push(n);
        }
    // "The call came a day after X told Y": counted from the day of the call pointed back to.
    const pointer = out.length > first ? out[out.length - 1] : undefined;
    carry.referentDay = pointer?.anaphoric && !pointer.date ? lastDated(out, pointer.kind, first) : null;
    const day = dayOf(doc, s, t, c0, c1, windowEnd, triggers, dates, carry);
    // "Their meeting had been expected on Thursday", "the negotiations will be back in Cairo on Thursday":
    // a meeting named again with a day of its own has the sides it had.
    if (names.length === 0 && referring(doc, s, t)) {
      const referent = lastMeeting(out, t.group === 'call' || t.group === 'video');
      // "their meeting" points at people; "the negotiations" only at sides named as countries or bodies.
      const possessive = POSSESSIVES.has(doc.tokens[t.i - 1]?.lower ?? '');
      if (referent && (possessive || referent.participants.every((p) => doc.gazetteer.actorNames.has(p))))
        for (const n of referent.participants) names.push(n);
    }
    // "said at a news conference with ...": where a statement was made, on the statement's day.
    const occasionDay =
      !day.date && !day.text && statementOccasion(doc, s, t) ? (statementDay(doc, s) ?? carry.statementDay) : null;
    let date = day.date ?? trip?.date ?? occasionDay ?? null;
    let dateText = day.text;
    // A reference back takes its kind from its own words ("the call"), not from whoever its clause names.
    const refersBack = same[ti] || (referring(doc, s, t) && !day.text);
    const { kind, weak } = kindOf(doc, t, c0, c1, refersBack ? NO_SEATS : seats);
    const moved = movedTo(doc, s, c0, t.i, t.j, dates);
    if (moved?.dateText !== undefined) [date, dateText] = [moved.date ?? null, moved.dateText];
    const tripHere = pronounLed(doc, c0) ? lastTravel(out, first)?.place : undefined;
    const place =
      kind === 'call' || kind === 'video'
        ? null
        : (moved?.place ?? placeOf(doc, s, t, c0, c1, windowEnd) ?? tripHere ?? null);
    let status = statusOf(doc, t, c0, c1, s.t1, date, doc.tense[s.index]);
    if (moved && (moved.dateText !== undefined || moved.laterSameDay)) status = 'scheduled';
    if (moved?.laterSameDay && status === 'scheduled' && date && doc.refIso && date < doc.refIso) status = 'held';
    const mention: Mention = {
      participants: names,
      subject,
      place,
      date,
      kind,
      weakKind: weak,
      status,
      start: tokens[t.i].start,
      end: tokens[t.j - 1].end,
      anaphoric: anaphoric(doc, s, t, same[ti], ownDay(dates, day, c0, c1)),
      travel: t.group === 'travel',
      fresh: AGAIN.has(tokens[t.j]?.lower ?? ''),
      bodyMeets: BODY_VERBS.has(t.words) && seats.actors.some((a) => a.organization && a.i < t.i),
    };
    if (dateText) mention.dateText = dateText;
    const days = dates.filter((d) => d.precision === 'day' && d.i >= c0 && d.j <= c1);
    out.push(...splitItinerary(doc, s, t, mention, days, windowEnd));
    if (date) carry.lastDay = date;
  });
}

/** The day was named in the trigger's own clause, not borrowed from an opening clause or the sentence before. */
function ownDay(dates: DateMention[], day: { date: string | null; text?: string }, c0: number, c1: number): boolean {
  if (day.date === null || day.text === undefined) return false;
  return dates.some((d) => d.text === day.text && d.i >= c0 && d.j <= c1);
}

/** "met ... for a trilateral meeting", "a new round of EU-mediated talks": a trigger naming the event of the one before it in its clause. */
function namesSameEvent(doc: Doc, t: Trigger, prev: Trigger | undefined, c0: number): boolean {
  if (!prev || prev.i < c0) return false;
  for (let k = Math.max(c0, prev.j, t.i - 5); k < t.i; k++) if (SAME_EVENT_BEFORE.at(doc.tokens, k, t.i)) return true;
  return false;
}

/** Where the words naming a host event start ("... on the sidelines of [a European Union] summit"), or -1. */
function hostStart(doc: Doc, t: Trigger, from: number): number {
  for (let k = Math.max(from, t.i - 7); k < t.i; k++) {
    const hit = HOST_BEFORE.at(doc.tokens, k, t.i);
    if (hit) return k + hit.length;
  }
  return -1;
}

/** The host event itself: a meeting of the bodies named between "sidelines of" and the trigger ("Asean meeting", "European Union summit"). */
function hostMention(
  doc: Doc,
  s: Sentence,
  t: Trigger,
  from: number,
  c0: number,
  c1: number,
  dates: DateMention[],
): Mention | null {
  const { tokens } = doc;
  const bodies = doc.gaz[s.index].filter((g) => g.actor && !g.locative && g.i >= from && g.j <= Math.min(c1, t.j + 3));
  if (bodies.length === 0) return null;
  const names = [...new Set(bodies.map((g) => g.actor!))];
  const day = dates.find((d) => d.precision === 'day' && d.i >= t.j && d.i < c1 && d.i - t.j <= 6);
  const date = day?.date ?? null;
  const mention: Mention = {
    participants: names,
    subject: names,
    place: placeOf(doc, s, t, t.j, c1, c1),
    date,
    kind: 'multilateral',
    weakKind: false,
    status: statusOf(doc, t, c0, c1, s.t1, date, doc.tense[s.index]),
    start: tokens[t.i].start,
    end: tokens[t.j - 1].end,
    anaphoric: false,
    travel: false,
    fresh: false,
    bodyMeets: true,
  };
  if (day) mention.dateText = day.text;
  return mention;
}

/**
 * A reference back to a meeting already mentioned ("the talks", "their meeting"), unless its
 * clause gives it a day of its own; a second trigger naming the same event ("met ... for a
 * trilateral meeting", "a new round of EU-mediated talks") always is one.
 */
function anaphoric(doc: Doc, s: Sentence, t: Trigger, sameEvent: boolean, ownDay: boolean): boolean {
  const { tokens } = doc;
  if (sameEvent) return true;
  // Only a noun points back ("the talks"); in "the official held talks" the article is the subject's.
  if (t.group === 'travel' || ownDay || VERBS.has(doc.tokens[t.i].lower)) return false;
  // "the talks", "their latest round of talks"; "that a meeting" opens a new one.
  for (let k = t.i - 1; k >= Math.max(s.t0, t.i - 4); k--) {
    const w = tokens[k].lower;
    if (ANAPHORIC.has(w)) return !(w === 'that' && (tokens[k + 1]?.lower === 'a' || tokens[k + 1]?.lower === 'an'));
    if (tokens[k].kind !== 'word' || w === 'a' || w === 'an' || w === 'another') return false;
  }
  return false;
}

/** A determiner that points back ("the", "their", "this") stands before the trigger. */
function referring(doc: Doc, s: Sentence, t: Trigger): boolean {
  for (let k = t.i - 1; k >= Math.max(s.t0, t.i - 3); k--) {
    const w = doc.tokens[k].lower;
    if (ANAPHORIC.has(w)) return true;
    if (doc.tokens[k].kind !== 'word' || w === 'a' || w === 'an') return false;
  }
  return false;
}

/** The latest meeting mention that is not a body's host event. */
function lastMeeting(out: Mention[], remote: boolean): Mention | undefined {
  for (let k = out.length - 1; k >= 0; k--) {
    const m = out[k];
    if (m.bodyMeets || m.participants.length < 2) continue;
    // Talks in a city do not point back to a phone call, nor a call to talks.
    return (m.kind === 'call' || m.kind === 'video') === remote ? m : undefined;
  }
  return undefined;
}

/** The day of the latest meeting of a kind named before this sentence. */
function lastDated(out: Mention[], kind: Mention['kind'], before: number): string | null {
  for (let k = before - 1; k >= 0; k--) if (out[k].date && out[k].kind === kind) return out[k].date;
  return null;
}

function lastTravel(out: Mention[], from: number): Mention | undefined {
  for (let k = out.length - 1; k >= from; k--) if (out[k].travel) return out[k];
  return undefined;
}

/**
 * The scene carries on: a mention with no place of its own, in a sentence led by a pronoun or
 * after "In Berlin, ...", takes the place the previous sentence set.
 */
function carryScene(doc: Doc, s: Sentence, out: Mention[], first: number, carry: Carry): void {
  const { tokens } = doc;
  const led = out.length > first && pronounLed(doc, s.t0);
  if (carry.scene)
    for (const m of out.slice(first))
      if (!m.place && !m.travel && m.kind !== 'call' && m.kind !== 'video' && (carry.scene.opener || led))
        m.place = carry.scene.place;
  const trip = lastTravel(out, first);
  const lead = tokens[s.t0].lower;
  const opener =
    lead === 'in' || lead === 'at' ? doc.gaz[s.index].find((g) => g.locative && g.place && g.i - s.t0 <= 4) : undefined;
  carry.scene = trip?.place
    ? { place: trip.place, opener: false }
    : opener?.place
      ? { place: opener.place, opener: true }
      : null;
}
