/**
 * Meeting mentions, sentence by sentence: each trigger (step 1) gets its seats (2), place (3),
 * day (4), kind (5) and status (6), one small step after another in `triggerMentions`. What one
 * sentence says carries to the next: the place a trip went to ("From there she travels on to
 * Moscow. She will hold talks ..."), the last day named ("A day earlier, ..."), the people last
 * talked about ("He will meet ..."), the day of the last dated statement ("said Thursday").
 */
import { CAPS } from '../budget.js';
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import type { PersonMention } from '../people/types.js';
import { clauseAround } from '../text/clauses.js';
import type { DateMention } from '../text/dates.js';
import type { Sentence } from '../text/sentences.js';
import { continuations, memberClauses, whereClauses } from './continuations.js';
import { dayOf, meetingDates, type Day, type DayMemory } from './day.js';
import { hostMention, hostStart } from './host.js';
import { splitItinerary } from './itinerary.js';
import { kindOf } from './kind.js';
import { statementDay, statementOccasion } from './occasion.js';
import { quoteRanges, seatsAt, type Seats } from './participants.js';
import { placeOf } from './place.js';
import { anaphoric, lastDated, lastTravel, namesSameEvent, ownDay, referentSeats, referring } from './references.js';
import { movedTo } from './reschedule.js';
import { statusOf } from './status.js';
import { inferredSeats, pronounLed } from './subject.js';
import { findTriggers } from './triggers.js';
import type { Mention, Trigger } from './types.js';

const AGAIN = new Set(terms.againWords);
const RELATIVE = new Set(['which', 'who']);
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

/** What the steps of one sentence share. */
interface Scope {
  doc: Doc;
  s: Sentence;
  triggers: Trigger[];
  carry: Carry;
  /** The mentions of the report so far; this sentence's start at `first`. */
  out: Mention[];
  first: number;
  quotes: [number, number][];
  /** The sentence's dates that can be a meeting's day. */
  dates: DateMention[];
  /** Per trigger: where the words of its host event start, or -1 ("on the sidelines of [a NATO] summit"). */
  hosts: number[];
  /** Per trigger: it names again the event of the trigger before it ("met ... for a trilateral meeting"). */
  same: boolean[];
  /** The words of host events: they seat no one at the meeting beside them. */
  hostSpans: [number, number][];
}

type Clause = [number, number];

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
      memberClauses(doc, s, out, first);
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
  const starts = doc.clauses[s.index];
  const hosts = triggers.map((t) => hostStart(doc, t, s.t0));
  const scope: Scope = {
    doc,
    s,
    triggers,
    carry,
    out,
    first: out.length,
    quotes: quoteRanges(doc.tokens, s),
    dates: meetingDates(doc, s),
    hosts,
    same: triggers.map((t, k) => namesSameEvent(doc, t, triggers[k - 1], clauseAround(starts, s.t1, t.i)[0])),
    hostSpans: triggers.flatMap((t, k) => (hosts[k] >= 0 ? [[hosts[k], t.j] as [number, number]] : [])),
  };
  triggers.forEach((t, ti) => triggerMentions(scope, t, ti));
}

/** The steps for one trigger, in order; the mentions go to `scope.out`. */
function triggerMentions(scope: Scope, t: Trigger, ti: number): void {
  const { doc, s, out, carry } = scope;
  const clause = clauseAround(doc.clauses[s.index], s.t1, t.i) as Clause;
  const [c0, c1] = clause;
  if (scope.hosts[ti] >= 0) {
    const side = out.length > scope.first ? out[out.length - 1] : undefined;
    const host = hostMention(doc, s, t, scope.hosts[ti], clause, scope.dates, side);
    if (host) out.push(host);
    return;
  }
  const windowEnd = windowEndOf(scope, ti, c1);
  const seats = seatsAt(doc, s, t, c0, c1, scope.quotes, scope.hostSpans);
  const { names, subject, trip } = seatsInContext(scope, t, clause, seats);
  const day = dayInContext(scope, t, clause, windowEnd);
  if (names.length === 0 && referring(doc, s, t)) names.push(...referentSeats(doc, t, out));
  // A reference back takes its kind from its own words ("the call"), not from whoever its clause names.
  const refersBack = scope.same[ti] || (referring(doc, s, t) && !day.text);
  const { kind, weak } = kindOf(doc, t, c0, c1, refersBack ? NO_SEATS : seats);
  const when = dateOf(scope, t, clause, day, trip);
  const tripHere = pronounLed(doc, c0) ? lastTravel(out, scope.first)?.place : undefined;
  const remote = kind === 'call' || kind === 'video';
  const place = remote ? null : (when.moved?.place ?? placeOf(doc, s, t, c0, c1, windowEnd) ?? tripHere ?? null);
  const mention: Mention = {
    participants: names,
    subject,
    place,
    date: when.date,
    kind,
    weakKind: weak,
    status: statusInContext(scope, t, clause, when),
    start: doc.tokens[t.i].start,
    end: doc.tokens[t.j - 1].end,
    anaphoric: anaphoric(doc, s, t, scope.same[ti], ownDay(scope.dates, day, c0, c1)),
    travel: t.group === 'travel',
    fresh: AGAIN.has(doc.tokens[t.j]?.lower ?? ''),
    bodyMeets: BODY_VERBS.has(t.words) && seats.actors.some((a) => a.organization && a.i < t.i),
  };
  if (when.dateText) mention.dateText = when.dateText;
  const days = scope.dates.filter((d) => d.precision === 'day' && d.i >= c0 && d.j <= c1);
  out.push(...splitItinerary(doc, s, t, mention, days, windowEnd));
  if (when.date) carry.lastDay = when.date;
}

/**
 * Where the words of a trigger's meeting end: at the next trigger of its clause. A host event
 * ("on the sidelines of a summit in Granada") or the same event named again does not end it.
 */
function windowEndOf(scope: Scope, ti: number, c1: number): number {
  const next = scope.triggers.find((o, k) => k > ti && scope.hosts[k] < 0 && !scope.same[k]);
  return next && next.i < c1 ? next.i : c1;
}

/**
 * Step 2 with context: the seats of the clause, plus the traveller when the clause is "where"
 * after a trip ("travel to Riga next week, where NATO ministers will gather": the trip is this
 * meeting), plus whom the context names when the clause names no subject (subject.ts).
 */
function seatsInContext(
  scope: Scope,
  t: Trigger,
  [c0, c1]: Clause,
  seats: Seats,
): { names: string[]; subject: string[]; trip: Mention | undefined } {
  const { doc, s, out, carry } = scope;
  const names = [...seats.names];
  const subject = [...seats.subject];
  const trip = doc.tokens[c0]?.lower === 'where' ? lastTravel(out, scope.first) : undefined;
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
  return { names, subject, trip };
}

/** Step 4 with context: "The call came a day after X told Y" counts from the day of the call pointed back to. */
function dayInContext(scope: Scope, t: Trigger, [c0, c1]: Clause, windowEnd: number): Day {
  const { doc, s, out, carry } = scope;
  const pointer = out.length > scope.first ? out[out.length - 1] : undefined;
  carry.referentDay = pointer?.anaphoric && !pointer.date ? lastDated(out, pointer.kind, scope.first) : null;
  const day = dayOf(doc, s, t, c0, c1, windowEnd, scope.triggers, scope.dates, carry);
  return day.date || day.text ? day : (dayAfterAside(scope, t, c1) ?? day);
}

/**
 * "A session of the group, which brings together A, B and C, had been scheduled for Friday": the
 * subject's clause goes on after a relative aside, and its day is there. Only when no other
 * trigger stands between.
 */
function dayAfterAside(scope: Scope, t: Trigger, c1: number): Day | null {
  const { doc, s } = scope;
  const starts = doc.clauses[s.index];
  if (!RELATIVE.has(doc.tokens[c1]?.lower ?? '')) return null;
  const [, asideEnd] = clauseAround(starts, s.t1, c1);
  if (asideEnd >= s.t1) return null;
  const [m0, m1] = clauseAround(starts, s.t1, asideEnd);
  if (scope.triggers.some((o) => o !== t && o.i > t.i && o.i < m1)) return null;
  const d = scope.dates.find((x) => x.precision === 'day' && x.i >= m0 && x.j <= m1);
  return d ? { date: d.date, text: d.text } : null;
}

interface When {
  date: string | null;
  dateText?: string;
  moved: ReturnType<typeof movedTo>;
}

/**
 * The meeting's date: its own day, else the trip's it continues, else the day of the statement
 * it was the occasion of ("said at a news conference with ..."); a meeting "moved to Thursday"
 * takes the day it was moved to.
 */
function dateOf(scope: Scope, t: Trigger, [c0]: Clause, day: Day, trip: Mention | undefined): When {
  const { doc, s, carry } = scope;
  const occasionDay =
    !day.date && !day.text && statementOccasion(doc, s, t) ? (statementDay(doc, s) ?? carry.statementDay) : null;
  const moved = movedTo(doc, s, c0, t.i, t.j, scope.dates);
  if (moved?.dateText !== undefined) return { date: moved.date ?? null, dateText: moved.dateText, moved };
  return { date: day.date ?? trip?.date ?? occasionDay ?? null, dateText: day.text, moved };
}

/** Step 6 with context: a meeting moved to another day is scheduled, or held if that day is past. */
function statusInContext(scope: Scope, t: Trigger, [c0, c1]: Clause, { date, moved }: When): Mention['status'] {
  const { doc, s } = scope;
  let status = statusOf(doc, t, c0, c1, s.t1, date, doc.tense[s.index]);
  if (moved && (moved.dateText !== undefined || moved.laterSameDay)) status = 'scheduled';
  if (moved?.laterSameDay && status === 'scheduled' && date && doc.refIso && date < doc.refIso) status = 'held';
  return status;
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
