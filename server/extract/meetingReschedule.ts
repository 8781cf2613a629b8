/**
 * A meeting moved in time or space: "postponed to Thursday", "pushed back to next Monday",
 * "rescheduled for next week", "moved to Vienna and will now be held on Thursday".
 * The contract has no 'postponed' status: a meeting postponed to a stated time is
 * scheduled for that new time (a week or a month is not a day, so its date is null);
 * one postponed with no new time keeps the 'cancelled' the cue lexicon gives it
 * (it is not going ahead as planned, and nothing says when it will).
 */
import { resolveWeekday, type DateMention, type RefDate } from './dates.js';
import type { GazMention } from './entities.js';

/** Cheap pre-check: most sentences move no meeting. */
export const RESCHEDULE_QUICK =
  /postpon|moved|reschedul|pushed back|put back|put off|delayed|brought forward|shifted|slip|deferred|relocated/i;
const CUE =
  /\b(?:postponed|postpones?|moved|rescheduled|pushed back|put back|put off|delayed|brought forward|shifted|slips|slipped|deferred|relocated)\b/gi;
/** Between the cue and the new day: "to", "until", "for next", "to Vienna and will now be held on". */
const LEAD_TO_DAY =
  /^(?:\s+(?:back\s+)?(?:from\s+[^,;]{1,30}?\s+)?(?:to|until|till|for|into)\s+(?:the\s+)?(?:(?:following|next|coming)\s+)?|[^;:()]{0,45}?\b(?:now\s+)?(?:be\s+held|take\s+place|meet|go ahead|convene)\s+(?:on\s+|in\s+)?(?:(?:following|next|coming)\s+)?)$/i;
/** Between the cue and the new place: "to", "from Warsaw to". */
const LEAD_TO_PLACE = /^\s+(?:from\s+[^,;]{1,30}?\s+)?to\s+(?:the\s+)?$/i;
/** How far after the trigger the cue may stand ("talks ..., which had been expected on Wednesday, have been postponed"). */
const CUE_REACH = 200;

/** What a rescheduling cue after a trigger changes. */
export interface Rescheduled {
  /** The new day (null when the new time is a week or a month); absent when the cue names no new time. */
  date?: string | null;
  dateText?: string;
  /** The new place, when the meeting was moved to one. */
  place?: string;
}

/**
 * The new time and place of a meeting whose trigger ends at `fromRel` in `sentence`.
 * @param sentenceStart report offset of the sentence (dates and gazetteer hits carry report offsets)
 * @param ref the report's reference day, to resolve a new weekday forwards
 * @returns null when no rescheduling cue follows the trigger
 */
export function rescheduled(
  sentence: string,
  sentenceStart: number,
  fromRel: number,
  dates: DateMention[],
  gaz: GazMention[],
  ref: RefDate | null,
): Rescheduled | null {
  const tail = sentence.slice(fromRel, fromRel + CUE_REACH);
  CUE.lastIndex = 0;
  const cue = CUE.exec(tail);
  if (!cue) return null;
  const cueEnd = sentenceStart + fromRel + cue.index + cue[0].length;
  const out: Rescheduled = {};
  const lead = (at: number): string => sentence.slice(cueEnd - sentenceStart, at - sentenceStart);
  const day = dates.find((d) => d.start >= cueEnd && d.start - cueEnd <= 70 && LEAD_TO_DAY.test(lead(d.start)));
  if (day) {
    out.dateText = day.text;
    if (day.precision !== 'day') out.date = null;
    else if (/^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/.test(day.text) && ref) {
      // A meeting is put off to a later day: the weekday comes after the dateline, a week on when it is today's.
      const next = resolveWeekday(day.text, ref, 'future');
      out.date =
        next === isoOf(ref)
          ? resolveWeekday(day.text, { ...ref, dow: (ref.dow + 1) % 7, d: ref.d + 1 }, 'future')
          : next;
    } else out.date = day.date;
  }
  const place = gaz.find(
    (g) => g.locative && g.place && g.start >= cueEnd && g.start - cueEnd <= 40 && LEAD_TO_PLACE.test(lead(g.start)),
  );
  if (place?.place) out.place = place.place;
  return out.dateText !== undefined || out.place !== undefined ? out : null;
}

function isoOf(ref: RefDate): string {
  return new Date(Date.UTC(ref.y, ref.m - 1, ref.d)).toISOString().slice(0, 10);
}
