/**
 * Clauses that add to the meetings of their sentence without a trigger of their own:
 * "..., where Israel's ambassador Dan Levi and Iran's envoy Ali Karimi traded charges" (more
 * people at the meeting just named), "... and, separately, with Minister Dan Munteanu" (a second
 * meeting with the same subject), and "X spoke with A, B and C" (one conversation each).
 */
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import { clauseAround } from '../text/clauses.js';
import { phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';
import type { Mention, Trigger } from './types.js';

const GENERIC = phraseSet(terms.genericGroups);
const MEMBER_VERBS = phraseSet(terms.memberVerbs);
const LEAD = new Set(['and', 'separately', 'also', 'then', ',']);
/** Verbs of talking to someone: a list of people after them is a round of conversations, one each. */
const ROUND_VERBS = new Set([
  'spoke',
  'spoken',
  'talked',
  'phoned',
  'called',
  'telephoned',
  'dialled',
  'dialed',
  'held',
]);

export function whereClauses(doc: Doc, s: Sentence, triggers: Trigger[], out: Mention[], first: number): void {
  const starts = doc.clauses[s.index];
  const withTrigger = new Set(triggers.map((t) => clauseAround(starts, s.t1, t.i)[0]));
  for (const c of starts.slice(1)) {
    const prev = out[out.length - 1];
    if (!prev || out.length === first || withTrigger.has(c) || doc.tokens[c].lower !== 'where') continue;
    const ce = clauseAround(starts, s.t1, c)[1];
    for (const p of doc.peopleIn[s.index])
      if (p.i >= c && p.j <= ce && !prev.participants.includes(p.person.name)) prev.participants.push(p.person.name);
  }
}

/**
 * "..., and with the Quad, which includes Peru and Chile": the members of a group at the table, or
 * of the meeting just named ("the meeting, which included X and Y"), sit at it too.
 */
export function memberClauses(doc: Doc, s: Sentence, out: Mention[], first: number): void {
  const { tokens } = doc;
  const starts = doc.clauses[s.index];
  for (const c of starts.slice(1)) {
    if (tokens[c].lower !== 'which' || tokens[c - 1]?.text !== ',') continue;
    const verb = MEMBER_VERBS.at(tokens, c + 1, s.t1);
    if (!verb) continue;
    const before = tokens[c - 2];
    const group = doc.gaz[s.index].find((a) => a.j === c - 1 && a.actor);
    const target = [...out.slice(first)]
      .reverse()
      .find((m) => (group && m.participants.includes(group.actor!)) || m.end === before?.end);
    if (!target) continue;
    const from = c + 1 + verb.length;
    const ce = listEnd(doc, from, s.t1);
    const members = [
      ...doc.peopleIn[s.index].filter((p) => p.i >= from && p.j <= ce).map((p) => p.person.name),
      ...doc.gaz[s.index]
        .filter((a) => a.i >= from && a.j <= ce && a.actor && !a.locative && !a.demonym)
        .map((a) => a.actor!),
    ];
    for (const n of members) if (!target.participants.includes(n)) target.participants.push(n);
  }
}

/** Words that continue a list of names ("Peru, Chile and the OAS"). */
const LIST_WORDS = new Set([',', 'and', 'the', "'s", '-']);

/** Where a list of names starting at `from` ends: at the first word that is neither a name nor a list word. */
function listEnd(doc: Doc, from: number, end: number): number {
  let k = from;
  while (k < Math.min(end, from + 40) && (doc.tokens[k].cap || LIST_WORDS.has(doc.tokens[k].lower))) k++;
  return k;
}

export function continuations(doc: Doc, s: Sentence, triggers: Trigger[], out: Mention[], first: number): void {
  const { tokens } = doc;
  const starts = doc.clauses[s.index];
  const withTrigger = new Set(triggers.map((t) => clauseAround(starts, s.t1, t.i)[0]));
  for (const c of starts.slice(1)) {
    const prev = out[out.length - 1];
    if (!prev || out.length === first || withTrigger.has(c)) continue;
    let k = c;
    while (k < s.t1 && LEAD.has(tokens[k].lower)) k++;
    if (tokens[k]?.lower !== 'with') continue;
    const ce = clauseAround(starts, s.t1, c)[1];
    const own = [
      ...doc.peopleIn[s.index].filter((p) => p.i >= c && p.j <= ce).map((p) => p.person.name),
      ...doc.gaz[s.index]
        .filter((a) => a.i >= c && a.j <= ce && a.actor && !a.locative && !a.demonym)
        .map((a) => a.actor!),
    ];
    const generic = GENERIC.all(tokens, c, ce).length > 0;
    out.push({
      ...prev,
      participants: own.length > 0 ? [...new Set([...prev.subject, ...own])] : prev.participants,
      kind: generic || own.length >= 2 ? 'multilateral' : prev.kind,
      weakKind: false,
      anaphoric: false,
      start: tokens[c].start,
      end: tokens[ce - 1].end,
    });
  }
  roundOfConversations(doc, s, triggers, out, first);
  thenClauses(doc, s, triggers, out, first);
}

/**
 * "... would take place first in Geneva on January 9 and then as part of the NATO-Russia Council in
 * Brussels on January 12": a clause with no trigger of its own, led by "then", that names a place
 * and a day is the next stop of the meeting before it (with any body it names at the table).
 */
function thenClauses(doc: Doc, s: Sentence, triggers: Trigger[], out: Mention[], first: number): void {
  const { tokens } = doc;
  const starts = doc.clauses[s.index];
  const withTrigger = new Set(triggers.map((t) => clauseAround(starts, s.t1, t.i)[0]));
  for (const c of starts.slice(1)) {
    const prev = out[out.length - 1];
    if (!prev || out.length === first || withTrigger.has(c)) continue;
    const lead = tokens[c].lower === 'then' || (tokens[c].lower === 'and' && tokens[c + 1]?.lower === 'then');
    if (!lead) continue;
    const ce = clauseAround(starts, s.t1, c)[1];
    const place = doc.gaz[s.index].find((g) => g.i >= c && g.j <= ce && g.locative && g.place);
    const day = doc.dates[s.index].find((d) => d.i >= c && d.j <= ce && d.precision === 'day');
    if (!place || !day) continue;
    const bodies = doc.gaz[s.index]
      .filter((g) => g.i >= c && g.j <= ce && g.organization && g.actor)
      .map((g) => g.actor!);
    out.push({
      ...prev,
      participants: [...new Set([...prev.participants, ...bodies])],
      place: place.place!,
      date: day.date,
      dateText: day.text,
      kind: bodies.length > 0 ? 'multilateral' : prev.kind,
      weakKind: bodies.length > 0 ? false : prev.weakKind,
      anaphoric: false,
      start: tokens[c].start,
      end: tokens[ce - 1].end,
    });
  }
}

/**
 * "Rubio spoke with Barrot, Lammy, Tajani and Wong": one person talking to several people of
 * different countries, listed after a verb of talking, is a conversation with each of them.
 */
function roundOfConversations(doc: Doc, s: Sentence, triggers: Trigger[], out: Mention[], first: number): void {
  for (const t of triggers) {
    if (!ROUND_VERBS.has(t.words.split(' ')[0]) || !['call', 'callVerb', 'neutral'].includes(t.group)) continue;
    const m = out.slice(first).find((x) => x.start === doc.tokens[t.i].start);
    if (!m || m.subject.length !== 1) continue;
    const [, c1] = clauseAround(doc.clauses[s.index], s.t1, t.i);
    const listed = doc.peopleIn[s.index].filter((p) => p.i >= t.j && p.j <= c1 && !m.subject.includes(p.person.name));
    const names = [...new Set(listed.map((p) => p.person.name))];
    const countries = new Set(listed.map((p) => p.person.affiliation).filter((a) => a !== undefined));
    if (names.length < 2 || countries.size < names.length) continue;
    const at = out.indexOf(m);
    const kind = m.kind === 'video' ? 'video' : 'call';
    const each = names.map((n): Mention => ({ ...m, participants: [m.subject[0], n], kind, weakKind: false }));
    out.splice(at, 1, ...each);
  }
}
