/**
 * Step 1 of a meeting: its trigger, a word or phrase that introduces one ("talks", "met", "phone
 * call", "travel to", "hosted"), kept only when the words around it make it a meeting: not
 * negated ("have not met since 2019"), not a verb of another sense ("calls for restraint",
 * "would be met with force", "address concerns"), not a portfolio ("the envoy for the
 * dialogue"), not denied after it ("a summit ... was not on the agenda").
 */
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import { anyIn, NEGATION, negatedWord } from '../text/cues.js';
import { PhraseIndex, phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';
import { unknownDestination } from './place.js';
import type { Trigger, TriggerGroup } from './types.js';

const TRIGGERS = new PhraseIndex<TriggerGroup>(
  Object.entries(terms.triggers).flatMap(([g, ws]) => ws.map((w) => [w, g as TriggerGroup] as [string, TriggerGroup])),
);
const VERB_CALL_AFTER = new Set(terms.verbCallAfter);
const CALL_NOUN_BEFORE = new Set(terms.callNounBefore);
const PORTFOLIO = new Set(terms.portfolioNouns);
const DENIED_AFTER = phraseSet(terms.deniedAfter);
const BE = new Set(['be', 'been', 'being', 'was', 'were', 'is', 'are']);
const FUTURE_BEFORE = new Set(['to', 'will', 'would', "'ll"]);
const DETERMINERS = new Set(['the', 'his', 'her', 'their', 'its', 'a', 'an']);
const TRAVEL_NOUNS = new Set(['visit', 'visits', 'trip', 'tour']);
/** Before these, "visit" and "trip" are nouns ("a visit to", "Pelosi's trip"), not verbs ("will visit"). */
const NOUN_LEAD = new Set([
  'a',
  'an',
  'the',
  'his',
  'her',
  'their',
  'its',
  'this',
  'that',
  "'s",
  "'",
  'official',
  'first',
  'state',
  'surprise',
  'recent',
  'planned',
  'upcoming',
  'last',
  'previous',
  'latest',
]);
const AUDIENCE = phraseSet(terms.audienceWords);
const AUDIENCE_LEAD = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'state']);
const TOPIC_VERBS = new Set(terms.topicVerbsBefore);
const STANCES = phraseSet(terms.stanceBefore);
const STANCE_NOUNS = new Set(['dialogue', 'diplomacy', 'engagement']);
const APPEAL_VERBS = new Set(terms.appealVerbsBefore);
const SERIES = new Set(terms.seriesBefore);
const NOT_RULED_OUT = phraseSet(['rule out', 'ruled out', 'ruling out', 'exclude', 'excluded', 'excluding', 'only']);

/** The triggers of a sentence that introduce meetings, in order. */
export function findTriggers(doc: Doc, s: Sentence): Trigger[] {
  const { tokens } = doc;
  const out: Trigger[] = [];
  for (let k = s.t0; k < s.t1; k++) {
    if (tokens[k].kind === 'punct') continue;
    const hit = TRIGGERS.at(tokens, k, s.t1);
    if (!hit) continue;
    const j = k + hit.length;
    // "pre-talks", "talks-related": part of a longer word.
    const glued =
      (k > 0 && !tokens[k].space && tokens[k - 1].text === '-') || (tokens[j]?.text === '-' && !tokens[j].space);
    const trigger: Trigger = {
      i: k,
      j,
      group: hit.value,
      words: tokens
        .slice(k, j)
        .map((t) => t.lower)
        .join(' '),
    };
    if (!glued && introducesMeeting(doc, s, trigger)) out.push(trigger);
    k = j - 1;
  }
  return out;
}

function introducesMeeting(doc: Doc, s: Sentence, t: Trigger): boolean {
  const { tokens } = doc;
  const before = (n: number): string => tokens[t.i - n]?.lower ?? '';
  const after = (n: number): string => (t.j + n - 1 < s.t1 ? tokens[t.j + n - 1].lower : '');
  if (negatedBefore(doc, s, t.i)) return false;
  // "open to dialogue", "committed to diplomacy": a stance, not a meeting.
  if (STANCE_NOUNS.has(t.words) && anyIn(STANCES, tokens, Math.max(s.t0, t.i - 4), t.i)) return false;
  // "an assault that threatened truce talks": the talks are what is at stake, not an event.
  for (let m = Math.max(s.t0, t.i - 3); m < t.i; m++) if (TOPIC_VERBS.has(tokens[m].lower)) return false;
  // "spoke to reporters", "told the BBC": a statement, not a meeting.
  const lead = AUDIENCE_LEAD.has(after(1)) ? 1 : 0;
  if (t.group !== 'travel' && AUDIENCE.at(tokens, t.j + lead, s.t1)) return false;
  // "to call on Putin", "calls for restraint": verbs, not telephone calls; "a call on Ukraine" is a call.
  if ((t.words === 'call' || t.words === 'calls') && VERB_CALL_AFTER.has(after(1)) && !CALL_NOUN_BEFORE.has(before(1)))
    return false;
  // "a week of intensive talks", "a string of meetings": a summary of several meetings, not one.
  if (seriesBefore(doc, s, t.i)) return false;
  // "rebuffed those calls", "amid growing calls": appeals, not telephone calls.
  if ((t.words === 'calls' || t.words === 'call') && appealBefore(doc, s, t.i)) return false;
  // "would be met with force": a passive, not a meeting.
  if (t.words === 'met' && BE.has(before(1))) return false;
  // "joined ... by video link": how someone took part in another meeting.
  if (t.group === 'video' && ['by', 'via', 'over'].includes(before(1))) return false;
  // "the envoy for the dialogue": a portfolio.
  const k = before(1) === 'the' ? 2 : 1;
  if (['for', 'to', 'on'].includes(before(k)) && PORTFOLIO.has(before(k + 1))) return false;
  if (DENIED_AFTER.at(tokens, t.j, s.t1) || (after(1) !== '' && DENIED_AFTER.at(tokens, t.j + 1, s.t1))) return false;
  for (let m = t.j; m < Math.min(s.t1, t.j + 8); m++) if (DENIED_AFTER.at(tokens, m, s.t1)) return false;
  const guestAfter = (): boolean => {
    let m = t.j;
    if (DETERMINERS.has(tokens[m]?.lower ?? '')) m++;
    // "welcomed Minister Tomas Kral": across a title.
    const title = doc.gazetteer.titles.at(tokens, m, s.t1);
    if (title && tokens[m].cap) m += title.length;
    return (
      doc.peopleIn[s.index].some((p) => p.i === m) ||
      doc.gaz[s.index].some((g) => g.i === m && g.actor !== undefined && !g.locative)
    );
  };
  switch (t.group) {
    case 'callVerb': {
      // "called on the West", "called for calm", "called off": other verbs.
      if (VERB_CALL_AFTER.has(after(1))) return false;
      // "called [Ukrainian President Vladimir] Zelensky": a person or a country, across a title or brackets.
      const callee = doc.peopleIn[s.index].find((p) => p.i >= t.j && p.i - t.j <= 6);
      // "called Pelosi's visit a provocation": a thing of hers, not her, was called something.
      if (callee && tokens[callee.j]?.lower === "'s") return false;
      // "what he called Russia's provocations", "what Lima called a bluff": naming, not phoning.
      if (before(1) === 'what' || before(2) === 'what') return false;
      const named = doc.gaz[s.index].find((g) => g.i === t.j && g.actor);
      if (named && tokens[named.j]?.lower === "'s") return false;
      if (callee && tokens.slice(t.j, callee.i).every((x) => x.cap || x.text === '[' || x.text === ']')) return true;
      return guestAfter();
    }
    case 'receive':
      // "hosted Dan Levi", "will host the talks"; not "welcomed the decision".
      return guestAfter() || FUTURE_BEFORE.has(before(1)) || before(1).endsWith("'ll");
    case 'address': {
      // "address the Security Council" is a session; "address concerns" is not.
      return doc.gaz[s.index].some((g) => g.organization && g.i >= t.j && g.i - t.j <= 3);
    }
    case 'conversation':
      // "told Minister Dan Munteanu": a person right after, across a title.
      if (t.words === 'told' || t.words === 'tells')
        return doc.peopleIn[s.index].some(
          (p) => p.i >= t.j && p.i - t.j <= 4 && tokens.slice(t.j, p.i).every((x) => x.cap),
        );
      return withSomeone(doc, s, t.j);
    case 'travel':
      return travelsSomewhere(doc, s, t);
    default:
      if (t.words.startsWith('conven')) return doc.gaz[s.index].some((g) => g.organization);
      return true;
  }
}

/** "have not met since 2019", "won't hold talks", "no meeting": a negation within the three tokens before. */
function negatedBefore(doc: Doc, s: Sentence, i: number): boolean {
  const { tokens } = doc;
  for (let m = Math.max(s.t0, i - 3); m < i; m++) {
    if (!(negatedWord(tokens[m]) || NEGATION.at(tokens, m, i))) continue;
    // "did not rule out travelling to Moscow": not a negation of the meeting.
    if (NOT_RULED_OUT.at(tokens, m + 1, i + 1) || NOT_RULED_OUT.at(tokens, m + 2, i + 1)) return false;
    return true;
  }
  return false;
}

/** "discussed the crisis with Biden": "with" and a person or an actor within a few tokens. */
function withSomeone(doc: Doc, s: Sentence, from: number): boolean {
  const { tokens } = doc;
  for (let m = from; m < Math.min(s.t1, from + 8); m++) {
    if (tokens[m].lower !== 'with') continue;
    let n = m + 1;
    if (DETERMINERS.has(tokens[n]?.lower ?? '')) n++;
    return (
      doc.peopleIn[s.index].some((p) => p.i >= n && p.i <= n + 3) ||
      doc.gaz[s.index].some((g) => g.i >= n && g.i <= n + 1 && g.actor !== undefined)
    );
  }
  return false;
}

/**
 * A trip names where it goes ("travel to Riga", "visited Moscow", "arrived in Doha"); a visit
 * named as a noun ("Pelosi's visit to Taiwan") is a meeting only when the sentence gives its day.
 */
function travelsSomewhere(doc: Doc, s: Sentence, t: Trigger): boolean {
  const place =
    doc.gaz[s.index].some(
      (g) => g.place && g.i >= t.j && g.i - t.j <= 4 && (g.locative || t.words.startsWith('visit')),
    ) || unknownDestination(doc, s, t) !== null;
  if (!place) return false;
  const prev = doc.tokens[t.i - 1]?.lower ?? '';
  const noun =
    TRAVEL_NOUNS.has(doc.tokens[t.i].lower) && (NOUN_LEAD.has(prev) || prev.endsWith("'s") || prev.endsWith('-day'));
  return !noun || doc.dates[s.index].some((d) => d.precision === 'day' && d.i >= t.j);
}

/** "rebuffed those calls", "amid growing calls": a verb of answering an appeal right before (across a determiner). */
function appealBefore(doc: Doc, s: Sentence, i: number): boolean {
  for (let k = i - 1; k >= Math.max(s.t0, i - 3); k--) {
    const w = doc.tokens[k].lower;
    if (APPEAL_VERBS.has(w)) return true;
    if (!['those', 'these', 'the', 'such', 'their', 'its', 'his', 'her', 'repeated', 'international'].includes(w))
      return false;
  }
  return false;
}

/** "a week of intensive diplomatic talks": a word of series, then "of", then at most three lower-case words before the trigger. */
function seriesBefore(doc: Doc, s: Sentence, i: number): boolean {
  for (let k = i - 1; k >= Math.max(s.t0 + 1, i - 4); k--) {
    const t = doc.tokens[k];
    if (t.lower === 'of') return SERIES.has(doc.tokens[k - 1].lower);
    if (t.kind !== 'word' || t.cap) return false;
  }
  return false;
}
