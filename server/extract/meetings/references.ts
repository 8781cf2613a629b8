/**
 * References back: a trigger that names a meeting already mentioned ("the talks", "their
 * meeting", "the call"), and the earlier mentions such a trigger or a clause points at (the last
 * meeting of a medium, the last dated one, the last trip).
 */
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import type { DateMention } from '../text/dates.js';
import { phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';
import type { Day } from './day.js';
import type { Mention, Trigger } from './types.js';

const ANAPHORIC = new Set(terms.anaphoric);
/** First words of triggers that are verbs ("held talks", "met"): such a trigger never points back. */
const VERBS = new Set(terms.verbStarts);
const POSSESSIVES = new Set(['their', 'his', 'her', 'its', 'our']);
const SAME_EVENT_BEFORE = phraseSet(terms.sameEventBefore);

/** "met ... for a trilateral meeting", "a new round of EU-mediated talks": a trigger naming the event of the one before it in its clause. */
export function namesSameEvent(doc: Doc, t: Trigger, prev: Trigger | undefined, c0: number): boolean {
  if (!prev || prev.i < c0) return false;
  for (let k = Math.max(c0, prev.j, t.i - 5); k < t.i; k++) if (SAME_EVENT_BEFORE.at(doc.tokens, k, t.i)) return true;
  return false;
}

/** The day was named in the trigger's own clause, not borrowed from an opening clause or the sentence before. */
export function ownDay(dates: DateMention[], day: Day, c0: number, c1: number): boolean {
  if (day.date === null || day.text === undefined) return false;
  return dates.some((d) => d.text === day.text && d.i >= c0 && d.j <= c1);
}

/**
 * A reference back to a meeting already mentioned ("the talks", "their meeting"), unless its
 * clause gives it a day of its own; a second trigger naming the same event ("met ... for a
 * trilateral meeting", "a new round of EU-mediated talks") always is one.
 */
export function anaphoric(doc: Doc, s: Sentence, t: Trigger, sameEvent: boolean, ownDay: boolean): boolean {
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
export function referring(doc: Doc, s: Sentence, t: Trigger): boolean {
  for (let k = t.i - 1; k >= Math.max(s.t0, t.i - 3); k--) {
    const w = doc.tokens[k].lower;
    if (ANAPHORIC.has(w)) return true;
    if (doc.tokens[k].kind !== 'word' || w === 'a' || w === 'an') return false;
  }
  return false;
}

/**
 * "Their meeting had been expected on Thursday", "the negotiations will be back in Cairo": a
 * meeting named again with no one in its clause has the sides it had. "their meeting" points at
 * people; "the negotiations" only at sides named as countries or bodies.
 */
export function referentSeats(doc: Doc, t: Trigger, out: Mention[]): string[] {
  const referent = lastMeeting(out, t.group === 'call' || t.group === 'video');
  if (!referent) return [];
  const possessive = POSSESSIVES.has(doc.tokens[t.i - 1]?.lower ?? '');
  return possessive || referent.participants.every((p) => doc.gazetteer.actorNames.has(p)) ? referent.participants : [];
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
export function lastDated(out: Mention[], kind: Mention['kind'], before: number): string | null {
  for (let k = before - 1; k >= 0; k--) if (out[k].date && out[k].kind === kind) return out[k].date;
  return null;
}

/** The latest trip among the mentions from index `from` on. */
export function lastTravel(out: Mention[], from: number): Mention | undefined {
  for (let k = out.length - 1; k >= from; k--) if (out[k].travel) return out[k];
  return undefined;
}
