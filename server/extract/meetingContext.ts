/**
 * Context rules around a meeting trigger that do not depend on one crisis: who takes part
 * when a country is named only as a modifier ("Chinese and American defence officials"),
 * when a country only introduces its envoy ("Israel's ambassador Gilad Erdan"), where a
 * meeting is when the place is not in the gazetteer ("in Wuzhen", "on the island of St.
 * Vincent"), the day of a relative adverbial ("A day earlier,", "Two days after Geneva,"),
 * and modality stated after the trigger ("was possible", "has been postponed").
 */
import { shiftIso } from './dates.js';
import type { GazMention } from './entities.js';
import type { PersonMention } from './people.js';

/** Nouns for the people who represent a side at a table: "Russian officials", "NATO foreign ministers". */
const SIDE_NOUN =
  /^(?:\s+and\s+\p{Lu}[\p{L}.]*)?\s+(?:[\p{L}-]+\s+){0,2}?(?:officials|diplomats|negotiators|delegations?|envoys?|government|authorities|leaders|ministers|counterparts|commanders|representatives|advis[eo]rs|side|team|forces)\b(?!\s+(?:said|say|says|told|confirmed|announced|added|warned))/u;

/** A country or body written as a modifier of the people who sit at the table ("Chinese and American defence officials"). */
export function namesSide(sentenceText: string, sentenceStart: number, a: GazMention): boolean {
  return SIDE_NOUN.test(sentenceText.slice(a.end - sentenceStart, a.end - sentenceStart + 60));
}

const POSSESSIVE_LEAD = /^['’]s?\s+(?:[\p{L}.-]+,?\s+){0,6}$/u;

/** "Israel's ambassador Gilad Erdan", "The European Union's envoy for the dialogue, Miroslav Lajcak": the actor only introduces a person. */
export function introducesPerson(
  sentenceText: string,
  sentenceStart: number,
  a: GazMention,
  people: PersonMention[],
): boolean {
  const p = people.find((x) => x.start > a.end && x.start - a.end < 70);
  if (!p) return false;
  const between = sentenceText.slice(a.end - sentenceStart, p.start - sentenceStart);
  return POSSESSIVE_LEAD.test(between) && !/\b(?:and|with|met|meet|talks?|called|spoke)\b/i.test(between);
}

const UNKNOWN_PLACE =
  /\b(?:in|at|on\s+the\s+(?:[\p{L}]+\s+){0,2}(?:island|resort|peninsula)\s+of|in\s+the\s+(?:[\p{Ll}]+\s+){0,2}(?:city|town|village|resort|port|capital|region)\s+of)\s+((?:\p{Lu}[\p{L}'’-]*\.?)(?:\s+\p{Lu}[\p{L}'’-]*\.?){0,2})/gu;

/**
 * A place the gazetteer does not know, written as "in Wuzhen" or "on the island of St. Vincent"
 * in `text` (the clause after a trigger): capitalised words that are not a person, not a
 * common capitalised word (months, titles, function words) and not an actor.
 * @param offset where `text` starts in the report, to compare with people's offsets
 */
export function unknownPlace(
  text: string,
  offset: number,
  people: PersonMention[],
  nameStop: Set<string>,
  known: Map<string, unknown>,
): string | null {
  UNKNOWN_PLACE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = UNKNOWN_PLACE.exec(text)) !== null) {
    const at = offset + m.index + m[0].length - m[1].length;
    if (people.some((p) => p.start <= at && p.end > at)) continue;
    const words = m[1].split(/\s+/);
    // "St. Vincent" keeps its dot; a sentence's last word does not.
    if (words.length > 1 || words[0].length > 4) words[words.length - 1] = words[words.length - 1].replace(/\.$/, '');
    const name = words.join(' ').replace(/['’]s$/, '');
    if (nameStop.has(words[0].toLowerCase().replace(/\.$/, '')) && !/^St\.?$/.test(words[0])) continue;
    if (known.has(name) || words.length > 3) continue;
    return name;
  }
  return null;
}

const REL_DAY =
  /^(?:On\s+)?(?:(a|one|two|three|four|five|\d+)\s+days?\s+(earlier|later|before|after)(?:\s+(?:that|this|the\s+\p{Ll}+|(\p{Lu}[\p{L}-]+)))?|the\s+(next|following|previous)\s+day|the\s+day\s+(before|after))\s*,/iu;
const SMALL: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5 };

/** A relative-day adverbial opening a clause: the day it names, given the last day the report named. */
export function relativeDay(
  clause: string,
  lastDay: string | null,
  dayAt: (place: string) => string | null,
): { date: string; text: string } | null {
  const m = REL_DAY.exec(clause);
  if (!m) return null;
  const anchor = (m[3] ? dayAt(m[3]) : null) ?? lastDay;
  if (!anchor) return null;
  let n = 1;
  let back = false;
  if (m[1]) {
    n = SMALL[m[1].toLowerCase()] ?? Number(m[1]);
    back = /^(?:earlier|before)$/i.test(m[2]);
  } else back = /^(?:previous|before)$/i.test(m[4] ?? m[5] ?? '');
  if (!Number.isFinite(n) || n > 60) return null;
  return { date: shiftIso(anchor, back ? -n : n), text: m[0].replace(/,\s*$/, '') };
}

/** "Earlier in the day", "Later that day", "The same day": the day last named. */
export const SAME_DAY =
  /^(?:(?:Earlier|Later)(?:\s+(?:in the day|that day|on))?\b(?!\s+(?:this|next|in\b|that\b))|(?:On\s+)?(?:that|the) same day\b)/i;

/** After the trigger: "was possible", "remains on the table" — only an idea so far. */
export const PROPOSED_AFTER =
  /^[^,;]{0,80}?\b(?:is|was|are|were|would be|remains?|remained|seems?|seemed)\s+(?:still\s+)?(?:possible|likely|under discussion|being discussed|on the table|under consideration|an option)\b/i;

/** After the trigger: "has been postponed", "were called off". */
export const CANCELLED_AFTER =
  /^[^;]{0,150}?\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:postponed|cancell?ed|called off|scrapped|put off|suspended|delayed)\b/i;

/** After the trigger: "was not on the agenda", "is not planned" — no meeting. */
export const DENIED_AFTER =
  /^[^,;]{0,50}?\b(?:is|was|are|were|been)\s+(?:still\s+)?not\s+(?:yet\s+)?(?:on the (?:agenda|cards|table)|planned|expected|scheduled|foreseen|envisaged)/i;

/** Text before a date that makes it the day of a statement, not of the meeting: "his office said on Tuesday". */
export const REPORTED_ON =
  /\b(?:said|says|announced|confirmed|reported|stated|added|warned|declared|told\s+(?:[\p{L}]+\s+){0,2}?)\s+(?:late\s+|early\s+)?(?:on\s+)?$/iu;

/** A relative clause that only says when or where the meeting was planned: "that had been planned for Thursday in Geneva". */
export const PLANNING_ASIDE =
  /^\s*(?:that|which)\s+(?:(?:had|has|have)\s+been|was|were|is|are)\s+(?:first\s+|originally\s+|initially\s+)?(?:planned|scheduled|set|due|expected|slated|pencil+ed in|to be held|to take place)\b[^,;]{0,40}$/i;

/** "a meeting of the Normandy-format advisers": a named group of its own, not the people named earlier. */
export const NAMED_GROUP_AFTER =
  /^\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*|[\p{L}]+-[\p{L}]+)\s+(?:[\p{L}-]+\s+)?(?:advis[eo]rs|ministers|leaders|envoys|officials|negotiators|delegations|heads of state)\b/u;

/** "a new round of EU-mediated talks": the second trigger names the round's own talks. */
export const ROUND_OF_BEFORE = /\b(?:round|session|series)\s+of\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/** "invading Ukraine", "attack Ukraine": the country is a target, not a side at the table. */
export const TARGET_BEFORE = /\b(?:invad(?:e|es|ed|ing)|attack(?:s|ed|ing)?|invasion of)\s+(?:the\s+)?$/i;
