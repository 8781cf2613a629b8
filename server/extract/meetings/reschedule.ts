/**
 * A meeting moved in time or space: "postponed to Thursday", "pushed back to next Monday",
 * "rescheduled for next week", "moved to Vienna and will now be held on Thursday", "delayed
 * until Monday evening". The contract has no 'postponed' status: a meeting moved to a stated
 * time is scheduled for it (a week or a month is no day, so its date is null); one put off with
 * no new time keeps the 'cancelled' its cue gives.
 */
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import { addDays, resolveWeekday, weekdayOf, type DateMention } from '../text/dates.js';
import { phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';

const CUES = phraseSet(terms.rescheduleCues);
const LEADS = new Set(['to', 'until', 'till', 'for', 'into']);
const AT = new Set(['on', 'in', 'at']);
/** "... will now be held on Thursday", "... take place in Vienna": the verb leads to the new day or place. */
const MEETING_VERBS = new Set(['held', 'place', 'meet', 'ahead', 'convene', 'resume', 'reconvene', 'happen']);
const SKIP = new Set(['the', 'next', 'following', 'coming', 'now', 'back', 'today', "today's", ',']);
/** How far after the trigger a cue may stand ("talks ..., which had been expected on Wednesday, have been postponed"). */
const CUE_REACH = 35;

/** What a rescheduling cue after a trigger changes. */
export interface Moved {
  /** The new day (null when the new time is a week or a month); absent when the cue names no new time. */
  date?: string | null;
  dateText?: string;
  place?: string;
  /** Moved within the day ("delayed until the evening"): still on, on the day it had. */
  laterSameDay?: boolean;
}

const TIMES_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night', 'noon', 'midday', 'later', 'tonight']);

/**
 * The new time and place of a meeting whose trigger is tokens [t0, t1) in a clause starting at
 * `c0`; null when no cue stands after the trigger (or before it in its clause: "have delayed
 * until Monday evening talks between ...").
 */
export function movedTo(doc: Doc, s: Sentence, c0: number, t0: number, t1: number, dates: DateMention[]): Moved | null {
  const { tokens } = doc;
  let cueEnd = -1;
  for (let k = Math.max(c0, t0 - 10); k < Math.min(s.t1, t1 + CUE_REACH); k++) {
    if (k === t0) k = t1;
    const c = CUES.at(tokens, k, s.t1);
    if (c) {
      cueEnd = k + c.length;
      break;
    }
  }
  if (cueEnd < 0) return null;
  const out: Moved = {};
  const day = dates.find((d) => d.i >= cueEnd && d.i - cueEnd <= 12 && ledTo(doc, cueEnd, d.i));
  if (day) {
    out.dateText = day.text;
    const dow = day.j === day.i + 1 ? weekdayOf(tokens[day.i]) : undefined;
    if (day.precision !== 'day') out.date = null;
    else if (dow !== undefined && doc.ref) {
      // A meeting is put off to a later day: the weekday after the dateline, a week on when it is
      // today's, unless a time of day follows ("delayed until Monday evening" on a Monday).
      const next = resolveWeekday(dow, doc.ref, 'future');
      const laterToday = TIMES_OF_DAY.has(tokens[day.j]?.lower ?? '');
      out.date = next === doc.refIso && !laterToday ? addDays(doc.ref, 7) : next;
    } else out.date = day.date;
  }
  const place = doc.gaz[s.index].find(
    (g) => g.locative && g.place && g.i >= cueEnd && g.i - cueEnd <= 8 && ledTo(doc, cueEnd, g.i),
  );
  if (place) out.place = place.place;
  // "delayed until the evening", "delayed and now set for the evening": later the same day.
  if (!day)
    for (let k = cueEnd; k < Math.min(s.t1, cueEnd + 10); k++)
      if (TIMES_OF_DAY.has(tokens[k].lower)) out.laterSameDay = true;
  return out.dateText !== undefined || out.place !== undefined || out.laterSameDay ? out : null;
}

/**
 * The words between the cue and the new day or place lead to it: "to", "until next", "from
 * Warsaw to", or a verb of meeting right before it ("... and will now be held on Thursday").
 */
function ledTo(doc: Doc, from: number, to: number): boolean {
  const { tokens } = doc;
  let v = to - 1;
  if (v >= from && AT.has(tokens[v].lower)) v--;
  if (v >= from && MEETING_VERBS.has(tokens[v].lower)) return true;
  let lead = false;
  for (let k = from; k < to; k++) {
    const w = tokens[k].lower;
    if (LEADS.has(w)) lead = true;
    else if (w === 'from') {
      // "from Warsaw to Vienna": the old place is passed over.
      while (k + 1 < to && tokens[k + 1].lower !== 'to') k++;
    } else if (!SKIP.has(w)) return false;
  }
  return lead;
}
