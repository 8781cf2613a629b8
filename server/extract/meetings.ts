/**
 * Meeting mentions: a trigger ("talks", "met", "phone call", "travel to") in a clause,
 * its participants (people resolved in the report, countries and bodies named as
 * actors), place, day, kind and status. Mentions of one meeting are merged later
 * (meetingMerge.ts).
 */
import type { MeetingKind, MeetingStatus } from '../../shared/extraction.js';
import { CANCELLED, PROPOSED, has, tenseAround, type TenseHit } from './cues.js';
import { parseDateline, shiftIso, type DateMention } from './dates.js';
import type { GazMention } from './entities.js';
import type { Gazetteer } from './gazetteer.js';
import {
  CANCELLED_AFTER,
  DENIED_AFTER,
  NAMED_GROUP_AFTER,
  PLANNING_ASIDE,
  PROPOSED_AFTER,
  REPORTED_ON,
  ROUND_OF_BEFORE,
  SAME_DAY,
  TARGET_BEFORE,
  introducesPerson,
  namesSide,
  relativeDay,
  unknownPlace,
} from './meetingContext.js';
import terms from './meetingTerms.json' with { type: 'json' };
import type { PersonMention } from './people.js';
import { RESCHEDULE_QUICK, rescheduled } from './meetingReschedule.js';
import { splitByPlaceAndDay } from './meetingSplit.js';
import type { Mention, SentenceFacts } from './meetingTypes.js';
import { allMatches } from './matches.js';
import { clauseAround, clauseStarts } from './sentences.js';

const alt = (xs: readonly string[]): string =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
const groups = Object.entries(terms.triggers) as [string, string[]][];
// The word-boundary lookarounds stand once around the groups, not in each: the same matches (the
// groups are tried in the same order), without testing the character before a position five times.
const TRIGGER = new RegExp(
  `(?<![\\p{L}-])(?:${groups.map(([g, ws]) => `(?<${g}>${alt(ws)})`).join('|')})(?![\\p{L}-])`,
  'giu',
);
const GROUP_NAMES = groups.map(([g]) => g);
const CALL_CUE = new RegExp(`\\b(?:${alt(terms.callCues)})`, 'i');
const VIDEO_CUE = new RegExp(`\\b(?:${alt(terms.videoCues)})`, 'i');
const MULTI_CUE = new RegExp(`\\b(?:${alt(terms.multilateralCues)})\\b`, 'i');
const GENERIC = new RegExp(`\\b(?:other\\s+)?(?:${alt(terms.genericGroups)})\\b`, 'i');
const COLLECTIVE = new RegExp(`(?:^|[^\\p{L}])(?:${alt(terms.collective)})(?![\\p{L}])`, 'iu');
const ANAPHORIC_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${alt(terms.anaphoric)})\\s+(?:[\\p{L}-]+\\s+){0,3}$`, 'iu');
const COMPLEMENTIZER_BEFORE = /\bthat\s+(?:a|an|another)\s+(?:[\p{L}-]+\s+)?$/iu;
const DAYS_AFTER = /\b(a|one|two|three|\d+)\s+days?\s+(after|before)\s+$/i;
const PRONOUN_SUBJECT =
  /^(?:\s*(?:and|but|then|later|also|from there|there|afterwards|after that|next)?,?\s*)(?:he|she)\b/i;
const QUOTE = /[“"][^”"]*[”"]?/g;
// A cheap pre-check: most sentences name no meeting at all.
const QUICK_TRIGGER =
  /meet|met\b|talk|call|conversation|negotiat|dialogue|consultation|session|engagement|discussion|summit|spoke|speak|sit down|sat down|brief|host|receiv|visit|trav|trip|came to|arriv|head|fl[ey]w? to|flies to|phone|rang|video|ministerial|plenary|council|conference|conven|round|address|stop|land/i;
const POSSESSIVE_TITLE =
  /^['’]s?\s+(?:Deputy|Chief|Foreign|Defen[cs]e|Prime|Special|Senior|National|Top|Press|Spokes|Secretary|Minister|Ambassador|Envoy|Advis[eo]r|Head|Aide|Chancellor|Vice)/;
const TOPIC_BEFORE =
  /\b(?:over|about|on|regarding|against|toward|towards|into|(?:invasion|sovereignty|integrity|situation|crisis|territory|annexation|security|borders?|case)\s+of)\s+(?:the\s+)?$/i;
// Cheap pre-check for REPORTED_ON: most sentences report nothing.
const REPORTING_VERB = /\b(?:said|says|announced|confirmed|reported|stated|added|warned|declared|told)\b/i;
const NUM: Record<string, number> = { a: 1, one: 1, two: 2, three: 3 };

/** Detects meeting mentions sentence by sentence, in text order. */
export function detectMeetings(
  facts: SentenceFacts[],
  allPeople: PersonMention[],
  refIso: string | null,
  gaz?: Gazetteer,
): Mention[] {
  const out: Mention[] = [];
  let lastDay: string | null = null;
  // The place the previous sentence took someone to ("travels on to Moscow", "In Berlin, ..."): the scene of the next one.
  let scene: { place: string; opener: boolean } | null = null;
  let prevPeopleSentence: PersonMention[] = [];
  const ref = refIso ? parseDateline(refIso) : null;
  const dayAt = (place: string): string | null =>
    [...out].reverse().find((m) => m.place === place && m.date)?.date ?? null;
  for (const f of facts) {
    const s = f.sentence;
    const sentenceFirstMention = out.length;
    const opener = /^(?:In|At)\s/.test(s.text)
      ? f.gaz.find((g) => g.locative && g.place && g.start - s.start < 25)
      : undefined;
    const triggers = QUICK_TRIGGER.test(s.text) ? allMatches(TRIGGER, s.text) : [];
    // Clauses, quotes and the days of statements serve the triggers only: most sentences have none and skip them
    // (with no trigger no mention is added, so the clause loops after the triggers have nothing to do either).
    const anyTrigger = triggers.length > 0;
    // A day named only as the day of a statement ("his office said on Tuesday") is not a meeting's day.
    const reporting = anyTrigger && f.dates.length > 0 && REPORTING_VERB.test(s.text);
    const meetingDates = reporting
      ? f.dates.filter((d) => !REPORTED_ON.test(s.text.slice(Math.max(0, d.start - s.start - 40), d.start - s.start)))
      : f.dates;
    const starts = anyTrigger ? clauseStarts(s.text) : [0];
    const quotes = anyTrigger
      ? allMatches(QUOTE, s.text).map((q) => [s.start + q.index, s.start + q.index + q[0].length])
      : [];
    const inQuote = (pos: number): boolean => quotes.some(([a, b]) => pos > a && pos < b);
    const mayMove = anyTrigger && RESCHEDULE_QUICK.test(s.text);
    const tenseCache = new Map<string, TenseHit[]>();
    const withTrigger = new Set<number>();
    const sentenceFirst = out.length;
    triggers.forEach((m, ti) => {
      const g = GROUP_NAMES.find((name) => m.groups?.[name] !== undefined) ?? 'neutral';
      const idx = m.index ?? 0;
      const [cs, ce] = clauseAround(starts, s.text.length, idx);
      const clause = s.text.slice(cs, ce);
      const rel = idx - cs;
      // End-anchored patterns only ever look at a short tail: V8 would retry them from every position.
      const before = clause.slice(Math.max(0, rel - 80), rel);
      const word = m[0];
      // "have not met since 2019", "won't hold talks": no meeting.
      if (/\b(?:not|never|no)\s+(?:\w+\s+){0,2}$|n[’']t\s+(?:\w+\s+){0,2}$/i.test(before)) return;
      // "to call on Putin", "calls for restraint": verbs, not telephone calls; "a call on Ukraine" is a call.
      if (
        /^(?:call|calls)$/i.test(word) &&
        /^\s+(?:on|for|to|off|into|upon)\b/i.test(clause.slice(rel + word.length)) &&
        !/\b(?:a|the|their|his|her|this|that|phone|hourlong|[\w]+-long|brief|first|second|latest)\s+$/i.test(before)
      )
        return;
      if (/^(?:brief|host|hosted|hosts|receive|received)$/i.test(word) && !/\b(?:to|will|would)\s+$/i.test(before))
        return;
      // "would be met with force": a passive, not a meeting.
      if (/^met$/i.test(word) && /\b(?:be|been|being|was|were|is|are)\s+$/i.test(before)) return;
      const afterWord = clause.slice(rel + word.length, rel + word.length + 160);
      // "address the Security Council" is a session; "address concerns" is not.
      if (
        /^address/i.test(word) &&
        !f.gaz.some(
          (a) =>
            a.organization && a.start >= s.start + idx + word.length && a.start - (s.start + idx + word.length) < 12,
        )
      )
        return;
      // "joined ... by video link": how someone took part, not another meeting.
      if (g === 'video' && /\b(?:by|via|over)\s+$/i.test(before)) return;
      // "the envoy for the dialogue": a portfolio, not a meeting.
      if (
        /\b(?:envoy|representative|negotiator|mediator|coordinator|commissioner)\s+(?:for|to|on)\s+(?:the\s+)?$/i.test(
          before,
        )
      )
        return;
      // "Israel's war cabinet convened": a body of one government meets alone; "the Council is to convene" is a session.
      if (
        /^conven/i.test(word) &&
        !f.gaz.some((a) => a.organization && a.start >= absClauseStart(s.start, cs) && a.end <= s.start + ce)
      )
        return;
      // "X met Y in Wuzhen for a trilateral meeting": the second trigger names the same event.
      const sameEvent =
        ti > 0 &&
        (triggers[ti - 1].index ?? 0) >= cs &&
        (/\b(?:for|at|during|on the sidelines of)\s+(?:a|an|the|their|its)\s+(?:[\p{L}-]+\s+){0,3}$/iu.test(before) ||
          ROUND_OF_BEFORE.test(before));
      // "a summit ... was not on the agenda": no meeting.
      if (DENIED_AFTER.test(afterWord)) return;
      withTrigger.add(cs);
      const absCs = s.start + cs;
      const absCe = s.start + ce;
      const trigAbs = s.start + idx;
      const nextTrig = triggers[ti + 1]?.index;
      const windowEnd = nextTrig !== undefined && nextTrig < ce ? s.start + nextTrig : absCe;

      // Participants: people and actors of the clause ("between X and Y" restricts them).
      const between = /^\s*between\s+/i.exec(clause.slice(rel + word.length));
      const pStart = between ? trigAbs + word.length + between[0].length : absCs;
      const pEnd = between ? Math.min(absCe, pStart + 120) : absCe;
      // "Putin's Deputy Chief of Staff Dmitry Kozak": the deputy takes part, not Putin.
      const people = f.people.filter(
        (p) =>
          p.start >= pStart &&
          p.end <= pEnd &&
          !POSSESSIVE_TITLE.test(s.text.slice(p.end - s.start, p.end - s.start + 14)),
      );
      // "tensions over Ukraine", "invasion of Ukraine": a country as topic does not take part.
      const topic = (a: GazMention): boolean => {
        const lead = s.text.slice(Math.max(0, a.start - s.start - 30), a.start - s.start);
        return !a.organization && (TOPIC_BEFORE.test(lead) || TARGET_BEFORE.test(lead));
      };
      // A nationality counts when it names the people at the table ("talks with Russian officials"); a country
      // that only introduces its envoy ("Israel's ambassador Gilad Erdan") is the envoy's, not a side of its own.
      let actors = f.gaz.filter(
        (a) =>
          a.start >= pStart &&
          a.end <= pEnd &&
          a.actor &&
          !a.locative &&
          (!a.demonym || namesSide(s.text, s.start, a)) &&
          !inQuote(a.start) &&
          !topic(a) &&
          !people.some((p) => p.start <= a.start && p.end >= a.end) &&
          !introducesPerson(s.text, s.start, a, f.people),
      );
      // Named people carry the meeting; countries beside them are context, bodies still take part.
      const distinctPeople = new Set(people.map((p) => p.person.name));
      if (distinctPeople.size >= 2) actors = actors.filter((a) => a.organization);
      const names: string[] = [];
      const subject: string[] = [];
      const push = (n: string, subj: boolean): void => {
        if (!names.includes(n)) names.push(n);
        if (subj && !subject.includes(n)) subject.push(n);
      };
      for (const p of people) push(p.person.name, p.start < trigAbs);
      for (const a of actors) push(a.actor!, a.start < trigAbs);
      // "travel to Riga next week, where NATO ministers will gather for talks": the traveller takes part, and
      // the trip is this meeting (its day too).
      const trip = /^where\b/i.test(clause)
        ? out
            .slice(sentenceFirstMention)
            .filter((m) => m.travel)
            .pop()
        : undefined;
      for (const n of trip?.subject ?? []) push(n, false);
      if (trip) out.splice(out.indexOf(trip), 1);
      const collective = COLLECTIVE.test(clause);
      if (
        !between &&
        subject.length === 0 &&
        !NAMED_GROUP_AFTER.test(clause.slice(rel + word.length, rel + word.length + 60))
      ) {
        const earlier = f.people.filter((p) => p.end <= absCs);
        if (collective && out.length > 0 && earlier.length === 0) {
          for (const n of out[out.length - 1].participants) push(n, true);
        } else if (earlier.length > 0) {
          const plural = collective || /\b(?:their|they|both|the two)\b/i.test(clause);
          for (const p of plural ? earlier : earlier.slice(0, 1)) push(p.person.name, true);
        } else if (PRONOUN_SUBJECT.test(clause) || PRONOUN_SUBJECT.test(s.text)) {
          // "He"/"She" opening a sentence is the subject of the last sentence that named people: its first person.
          const prior = prevPeopleSentence[0] ?? allPeople.filter((p) => p.end <= absCs).pop();
          if (prior) push(prior.person.name, true);
        }
      }

      // Day: the first after the trigger (before the next one), else the nearest before it.
      const dayDates = meetingDates.filter((d) => d.precision === 'day' && d.start >= absCs && d.end <= absCe);
      const anyDates = meetingDates.filter((d) => d.start >= absCs && d.end <= absCe);
      const after = dayDates.find((d) => d.start >= trigAbs && d.start < windowEnd);
      const trigEnd = trigAbs + word.length;
      // A day after an earlier trigger of the clause is that trigger's day ("travel to Belgrade on Monday ... to revive talks").
      const ownedEarlier = (d: DateMention): boolean =>
        triggers.some((t2, k) => k < ti && (t2.index ?? 0) >= cs && s.start + (t2.index ?? 0) < d.start);
      // "Johnson, who was in Kyiv on Tuesday, is expected to speak with Putin": a day inside a closed relative clause is not the meeting's.
      const inAside = (d: DateMention): boolean =>
        /,\s+(?:who|which)\b[^,]*$/i.test(s.text.slice(cs, d.start - s.start)) &&
        s.text.slice(d.end - s.start, idx).includes(',');
      const beforeD = [...dayDates].reverse().find((d) => d.end <= trigAbs && !ownedEarlier(d) && !inAside(d));
      const afterInClause = dayDates.find((d) => d.start >= trigAbs);
      // "to host a summit in Minsk next month": the meeting's own week or month outranks a day said before it.
      const ownVague =
        !after && meetingDates.some((d) => d.precision !== 'day' && d.start >= trigEnd && d.start - trigEnd < 40);
      const chosen = after ?? (ownVague ? undefined : (afterInClause ?? beforeD));
      let date = chosen?.date ?? trip?.date ?? null;
      let dateText = chosen?.text ?? anyDates.find((d) => d.start >= trigAbs)?.text;
      const rel2 = DAYS_AFTER.exec(s.text.slice(Math.max(0, idx - 40), idx));
      if (rel2) {
        const anchor = lastDay ?? refIso;
        if (anchor) {
          const n = NUM[rel2[1].toLowerCase()] ?? Number(rel2[1]);
          date = shiftIso(anchor, rel2[2].toLowerCase() === 'after' ? -n : n);
          dateText = rel2[0].trim();
        }
      }
      // "A day earlier, ...", "Two days after Geneva, ...": counted from the day last named (or that place's day).
      if (!date && !rel2 && dayDates.length === 0) {
        const rd = relativeDay(clause, lastDay, dayAt) ?? relativeDay(s.text, lastDay, dayAt);
        if (rd) [date, dateText] = [rd.date, rd.text];
      }
      // "Earlier, both talked ...", "Earlier in the day": the same day as the last one named.
      if (!date && anyDates.length === 0 && SAME_DAY.test(s.text) && lastDay) date = lastDay;

      const places = f.gaz.filter((a) => a.locative && a.place && a.start >= absCs && a.end <= absCe);
      // After the trigger and not inside a relative clause ("meetings that ... steer Moscow away from ... in Ukraine"),
      // else a place the gazetteer does not know ("in Wuzhen"), else the clause's first place before the trigger
      // ("travel to Ukraine and Germany to meet ...": the destination).
      const placeAfter = places.find((p) => {
        const gap = s.text.slice(trigEnd - s.start, p.start - s.start);
        return (
          p.start >= trigAbs &&
          p.start < windowEnd &&
          (!/\b(?:that|which|who|whom|whose)\b/i.test(gap) ||
            PLANNING_ASIDE.test(gap.slice(gap.search(/\b(?:that|which)\b/i))))
        );
      });
      const unknownAfter =
        !placeAfter && gaz
          ? unknownPlace(
              s.text.slice(trigEnd - s.start, windowEnd - s.start),
              trigEnd,
              f.people,
              gaz.nameStop,
              gaz.surfaces,
            )
          : null;
      // "..., where NATO ministers will gather": the place the clause before named.
      const whereAntecedent = /^where\b/i.test(clause)
        ? f.gaz.filter((a) => a.locative && a.place && a.end <= absCs).pop()
        : undefined;
      const placeHit =
        placeAfter ?? (unknownAfter ? undefined : (places.find((p) => p.start < trigAbs) ?? whereAntecedent));

      const window = clause.slice(Math.max(0, rel - 40), rel + word.length + 40);
      // Countries on the table: people count through their nationality, unknown ones not at all.
      const sides = new Set([
        ...people.flatMap((p) => (p.person.affiliation ? [p.person.affiliation] : [])),
        ...actors.filter((a) => !a.organization).map((a) => a.actor!),
      ]);
      let kind: MeetingKind = 'in-person';
      let weakKind = true;
      // A body at the table makes a meeting multilateral even when someone joins it by video.
      if (g === 'video' || (VIDEO_CUE.test(window) && !actors.some((a) => a.organization)))
        [kind, weakKind] = ['video', false];
      else if (g === 'call' || CALL_CUE.test(window)) [kind, weakKind] = ['call', false];
      else if (g === 'multilateral' || MULTI_CUE.test(window) || actors.some((a) => a.organization) || sides.size >= 3)
        [kind, weakKind] = ['multilateral', false];
      else if (g === 'travel' || /face[ -]to[ -]face|in person|in-person/i.test(window)) weakKind = false;
      // "will travel to Brussels ..., and she will also meet ...": the trip's destination.
      const tripHere = PRONOUN_SUBJECT.test(clause)
        ? out
            .slice(sentenceFirstMention)
            .filter((m) => m.travel && m.place)
            .pop()?.place
        : undefined;
      // "postponed to Thursday", "moved to Vienna": the new day and place replace the planned ones.
      const moved = mayMove ? rescheduled(s.text, s.start, idx + word.length, f.dates, f.gaz, ref) : null;
      if (moved?.dateText !== undefined) [date, dateText] = [moved.date ?? null, moved.dateText];
      const place =
        kind === 'call' || kind === 'video'
          ? null
          : (moved?.place ?? placeHit?.place ?? unknownAfter ?? tripHere ?? null);

      let status: MeetingStatus;
      const near = clause.slice(Math.max(0, rel - 70), rel + word.length + 70);
      const tense = tenseAround(clause, rel, rel + word.length, 90, 70, tenseCache);
      if (has(CANCELLED, near) || CANCELLED_AFTER.test(afterWord)) status = 'cancelled';
      else if (has(PROPOSED, clause.slice(Math.max(0, rel - 70), rel)) || PROPOSED_AFTER.test(afterWord))
        status = 'proposed';
      else if (tense === 'future') status = 'scheduled';
      else if (tense === 'past') status = 'held';
      else status = date && refIso && date > refIso ? 'scheduled' : 'held';
      if (moved?.dateText !== undefined) status = 'scheduled';
      if (date && refIso && status === 'scheduled' && date < refIso) status = 'held';
      if (date && refIso && status === 'held' && date > refIso) status = 'scheduled';

      // "the talks", "their meeting": a reference back, unless the clause gives it a day of its own.
      // "and that a meeting of ...": "that" before "a" is a conjunction, and the article opens a new meeting.
      const anaphoric =
        sameEvent ||
        (g !== 'travel' &&
          ANAPHORIC_BEFORE.test(before) &&
          !COMPLEMENTIZER_BEFORE.test(before) &&
          dayDates.length === 0 &&
          !rel2);
      const base: Mention = {
        participants: names,
        subject,
        place,
        date,
        kind,
        weakKind,
        status,
        start: trigAbs,
        end: trigAbs + word.length,
        anaphoric,
        travel: g === 'travel',
        // "agreed to meet again": a new meeting, never folded into the one just reported.
        fresh: /^\s+again\b/i.test(clause.slice(rel + word.length, rel + word.length + 8)),
        bodyMeets:
          /^(?:meet|meets|meeting|met|conven\w*|gather\w*)$/i.test(word) &&
          actors.some((a) => a.organization && a.start < trigAbs),
      };
      if (dateText) base.dateText = dateText;
      out.push(...splitByPlaceAndDay(base, places, dayDates, f, pEnd));
      if (date) lastDay = date;
    });
    // "..., where Israel's ambassador Gilad Erdan and Iran's envoy ... traded accusations": the people of a
    // relative clause with no trigger of its own were at the meeting just named.
    for (const c of starts.slice(1)) {
      const prev = out[out.length - 1];
      if (!prev || out.length === sentenceFirst || withTrigger.has(c) || !/^where\b/i.test(s.text.slice(c))) continue;
      const ce = clauseAround(starts, s.text.length, c)[1];
      const extra = f.people.filter((p) => p.start >= s.start + c && p.end <= s.start + ce).map((p) => p.person.name);
      prev.participants = [...new Set([...prev.participants, ...extra])];
    }
    // "..., and with the Transatlantic Quad": a second meeting sharing the first one's subject.
    for (const c of starts.slice(1)) {
      const cont = /^(?:and,?\s+)?(?:separately,?\s+|also\s+)?(?:then\s+)?with\s+/i.exec(s.text.slice(c));
      const prev = out[out.length - 1];
      if (!cont || !prev || withTrigger.has(c) || out.length === sentenceFirst) continue;
      const ce = clauseAround(starts, s.text.length, c)[1];
      const own = [
        ...f.people.filter((p) => p.start >= s.start + c && p.end <= s.start + ce).map((p) => p.person.name),
        ...f.gaz
          .filter((a) => a.start >= s.start + c && a.end <= s.start + ce && a.actor && !a.locative && !a.demonym)
          .map((a) => a.actor!),
      ];
      const generic = GENERIC.test(s.text.slice(c, ce));
      const participants = own.length > 0 ? [...new Set([...prev.subject, ...own])] : prev.participants;
      out.push(
        // No leading spread followed by fields (README, "Objects in hot paths").
        Object.assign({}, prev, {
          participants,
          subject: prev.subject,
          kind: generic || own.length >= 2 ? ('multilateral' as const) : prev.kind,
          weakKind: false,
          anaphoric: false,
          start: s.start + c,
          end: s.start + ce,
        }),
      );
    }
    // "From there she travels on to Moscow. She will hold talks with Lavrov": the scene carries to the next sentence.
    const pronounLed = out.length > sentenceFirstMention && /^(?:[\p{L}]+\s+){0,2}?(?:he|she|they)\b/iu.test(s.text);
    for (const m of out.slice(sentenceFirstMention)) {
      if (!scene || m.place || m.travel || m.kind === 'call' || m.kind === 'video') continue;
      if (scene.opener || pronounLed) m.place = scene.place;
    }
    const trip = out
      .slice(sentenceFirstMention)
      .filter((m) => m.travel && m.place)
      .pop();
    scene = trip ? { place: trip.place!, opener: false } : opener?.place ? { place: opener.place, opener: true } : null;
    if (f.people.length > 0) prevPeopleSentence = f.people;
    const days = f.dates.filter((d) => d.precision === 'day' && d.date);
    if (days.length > 0) lastDay = days[days.length - 1].date;
  }
  return out;
}

/** The report offset of a clause start. */
function absClauseStart(sentenceStart: number, clauseStart: number): number {
  return sentenceStart + clauseStart;
}
