/**
 * Step 4 of a meeting: its day. The first day after the trigger (before the next trigger), else
 * the nearest day before it in the clause; never the day of a statement ("his office said on
 * Tuesday"), nor a day inside a closed aside ("who was in Kyiv on Tuesday,"), nor a day an
 * earlier trigger of the clause took. A week or a month of its own ("to host a summit next
 * month") leaves the meeting without a day. Days counted from another: "a day after meeting",
 * "A day earlier,", "Two days after Geneva,", "Earlier in the day".
 */
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import words from '../lexicon/dates.json' with { type: 'json' };
import { shiftIso, type DateMention } from '../text/dates.js';
import { phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';
import type { Token } from '../text/tokens.js';
import type { Trigger } from './types.js';

const REPORTING = new Set(terms.reportingVerbs);
const SMALL = new Map<string, number>(Object.entries(words.smallNumbers));
const SAME_DAY = phraseSet(terms.sameDayOpeners);

/** The day a trigger's meeting is on. */
export interface Day {
  date: string | null;
  text?: string;
}

/** What the report said before this sentence: the last day named, and the day of each place. */
export interface DayMemory {
  lastDay: string | null;
  dayAt(place: string): string | null;
  /** The day of the meeting an earlier trigger of the sentence pointed back to ("The call came a day after ..."). */
  referentDay?: string | null;
}

/** The dates of a sentence that can be a meeting's day: not the day of a statement. */
export function meetingDates(doc: Doc, s: Sentence): DateMention[] {
  const { tokens } = doc;
  return doc.dates[s.index].filter((d) => {
    // "BRUSSELS, Feb 9 -", "Brussels 06.11.2021 ...": the report's own dateline, no event's day.
    if (d.i >= 1 && d.i < 6 && datelinePlace(doc) && tokens.slice(0, d.i).every((x) => x.cap || x.kind === 'punct'))
      return false;
    for (let k = d.i - 1; k >= Math.max(s.t0, d.i - 5); k--) {
      const w = tokens[k].lower;
      if (REPORTING.has(w)) return false;
      if (!['on', 'late', 'early', 'reporters', 'journalists', 'the', 'press', 'a', 'statement', 'in'].includes(w))
        break;
    }
    return true;
  });
}

/** The report opens with a place, as a dateline does ("BRUSSELS, Feb 9 -", "Brussels 06.11.2021"). */
function datelinePlace(doc: Doc): boolean {
  const first = doc.gaz[0]?.[0];
  return first !== undefined && first.i === 0 && first.place !== undefined;
}

/** The day of a trigger in clause [c0, c1); `triggers` are the sentence's, `dates` its meeting dates. */
export function dayOf(
  doc: Doc,
  s: Sentence,
  t: Trigger,
  c0: number,
  c1: number,
  windowEnd: number,
  triggers: Trigger[],
  dates: DateMention[],
  memory: DayMemory,
): Day {
  const { tokens } = doc;
  const inClause = dates.filter((d) => d.i >= c0 && d.j <= c1);
  const days = inClause.filter((d) => d.precision === 'day');
  const after = days.find((d) => d.i >= t.i && d.i < windowEnd);
  const ownedEarlier = (d: DateMention): boolean => triggers.some((o) => o.i < t.i && o.i >= c0 && o.i < d.i);
  const before = [...days].reverse().find((d) => d.j <= t.i && !ownedEarlier(d) && !inAside(tokens, c0, d, t));
  const ownVague = !after && inClause.some((d) => d.precision !== 'day' && d.i >= t.j && d.i - t.j < 8);
  const chosen = after ?? (ownVague ? undefined : before);
  if (chosen) return { date: chosen.date, text: chosen.text };
  if (days.length === 0) {
    const opener = relativeOpener(tokens, c0, c1, memory) ?? relativeOpener(tokens, s.t0, s.t1, memory);
    if (opener) return opener;
  }
  const anchor = memory.referentDay ?? memory.lastDay ?? doc.refIso;
  const counted = daysBeforeTrigger(tokens, Math.max(s.t0, Math.min(c0 - 3, t.i - 5)), t, anchor);
  if (counted) return counted;
  if (days.length === 0) {
    if (inClause.length === 0 && memory.lastDay && SAME_DAY.at(tokens, s.t0, s.t1)) return { date: memory.lastDay };
  }
  const vague = inClause.find((d) => d.i >= t.i);
  if (vague) return { date: null, text: vague.text };
  // "After the conversation with Putin on Sunday, Macron went on to talk with Zelensky": the opening clause's day.
  if (inClause.length === 0 && c0 > s.t0 && OPENING.has(tokens[s.t0].lower)) {
    const opening = dates.find((d) => d.precision === 'day' && d.j <= c0 && d.i >= s.t0);
    if (opening) return { date: opening.date, text: opening.text };
  }
  // "X and Y agreed on Wednesday after ten days of talks": the talks ended on the day of the main clause.
  if (inClause.length === 0 && SUBORDINATE.has(tokens[c0]?.lower ?? '') && c0 > s.t0) {
    const main = [...dates]
      .reverse()
      .find((d) => d.precision === 'day' && d.j <= c0 && !triggers.some((o) => o.i < d.i && o.i >= s.t0 && o !== t));
    if (main) return { date: main.date, text: main.text };
  }
  return { date: null };
}

const SUBORDINATE = new Set(['after', 'following']);
const OPENING = new Set(['after', 'following', 'before', 'ahead']);

/** "Johnson, who was in Kyiv on Tuesday, is expected to ...": a day inside a closed relative clause before the trigger. */
function inAside(tokens: Token[], c0: number, d: DateMention, t: Trigger): boolean {
  let relative = false;
  for (let k = c0; k < d.i; k++) {
    if (tokens[k].text === ',') relative = tokens[k + 1]?.lower === 'who' || tokens[k + 1]?.lower === 'which';
  }
  if (!relative) return false;
  for (let k = d.j; k < t.i; k++) if (tokens[k].text === ',') return true;
  return false;
}

/**
 * "came a day after meeting", "The call came a day after X told Y": counted from the day last
 * named; `from` is where to look (the clause's head, a few tokens before the trigger).
 */
function daysBeforeTrigger(tokens: Token[], from: number, t: Trigger, anchor: string | null): Day | null {
  if (!anchor) return null;
  for (let k = from; k < t.i - 2; k++) {
    const n = SMALL.get(tokens[k].lower);
    const unit = tokens[k + 1]?.lower;
    const dir = tokens[k + 2]?.lower;
    if (n === undefined || (unit !== 'day' && unit !== 'days') || (dir !== 'after' && dir !== 'before')) continue;
    // "Two days after Geneva, ...": an opening adverbial, not the day of the trigger's own event.
    if (tokens.slice(k + 3, t.i).some((x) => x.text === ',')) continue;
    return {
      date: shiftIso(anchor, dir === 'after' ? -n : n),
      text: `${tokens[k].text} ${tokens[k + 1].text} ${tokens[k + 2].text}`,
    };
  }
  return null;
}

/**
 * A relative day opening the clause: "A day earlier,", "Two days after Geneva,", "The next
 * day,", "The day before,": counted from the day last named (or from that place's day).
 */
function relativeOpener(tokens: Token[], c0: number, c1: number, memory: DayMemory): Day | null {
  let k = c0;
  if (tokens[k]?.lower === 'on') k++;
  let n = 1;
  let back: boolean | null = null;
  let anchor = memory.lastDay;
  const w = (m: number): string => (m < c1 ? tokens[m].lower : '');
  if (SMALL.has(w(k)) && (w(k + 1) === 'day' || w(k + 1) === 'days')) {
    n = SMALL.get(w(k))!;
    const dir = w(k + 2);
    if (dir === 'earlier' || dir === 'before') back = true;
    else if (dir === 'later' || dir === 'after') back = false;
    const place = tokens[k + 3];
    if (back !== null && place?.cap && tokens[k + 4]?.text === ',') anchor = memory.dayAt(place.text) ?? anchor;
  } else if (w(k) === 'the' && ['next', 'following', 'previous'].includes(w(k + 1)) && w(k + 2) === 'day') {
    back = w(k + 1) === 'previous';
  } else if (w(k) === 'the' && w(k + 1) === 'day' && (w(k + 2) === 'before' || w(k + 2) === 'after')) {
    back = w(k + 2) === 'before';
  }
  if (back === null || !anchor || n > 60) return null;
  let e = k;
  while (e < c1 && tokens[e].text !== ',') e++;
  if (tokens[e]?.text !== ',') return null;
  const text = tokens
    .slice(c0, e)
    .map((x, q) => (q > 0 && x.space ? ' ' : '') + x.text)
    .join('');
  return { date: shiftIso(anchor, back ? -n : n), text };
}
