/**
 * Dates over tokens, resolved against the report's dateline: calendar dates ("January 9",
 * "Feb. 10", "11 February 2022", "Sunday (February 20)", "06.11.2021", "2022-01-10"), weekdays
 * (by tense: "held talks on Tuesday" is the last Tuesday, "will meet on Friday" the next), days
 * relative to the dateline ("today", "tomorrow", "in two days") and vaguer weeks and months
 * ("next week", "later this month"), which meetings never take as their day.
 */
import words from '../lexicon/dates.json' with { type: 'json' };
import { tenseAround, type Tense, type TenseHit } from './cues.js';
import type { Token } from './tokens.js';

export type DatePrecision = 'day' | 'week' | 'month';

/** A date phrase: tokens [i, j). */
export interface DateMention {
  i: number;
  j: number;
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD, or null when there is no dateline to resolve against (or the phrase is vaguer than a day). */
  date: string | null;
  precision: DatePrecision;
}

/** The report's reference day (UTC calendar day of its dateline). */
export interface RefDate {
  y: number;
  m: number;
  d: number;
  /** 0 = Sunday. */
  dow: number;
}

const MONTHS = new Map<string, number>(Object.entries(words.months));
const WEEKDAYS = new Map<string, number>(Object.entries(words.weekdays));
const PAST_BEFORE = new Set(words.pastBeforeWeekday);
const FUTURE_BEFORE = new Set(words.futureBeforeWeekday);
const RELATIVE_DAYS = new Map<string, number>(Object.entries(words.relativeDays));
const SMALL = new Map<string, number>(Object.entries(words.smallNumbers));
const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Parses 'YYYY-MM-DD' or an ISO date-time into its calendar day; null when invalid. */
export function parseDateline(dateline: string): RefDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof dateline === 'string' ? dateline.trim() : '');
  if (!m) return null;
  return refOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

function refOf(y: number, m: number, d: number): RefDate | null {
  const back = new Date(Date.UTC(y, m - 1, d));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return { y, m, d, dow: back.getUTCDay() };
}

/** The ISO day `days` after the reference day. */
export function addDays(ref: RefDate, days: number): string {
  return new Date(Date.UTC(ref.y, ref.m - 1, ref.d + days)).toISOString().slice(0, 10);
}

/** The ISO day of `iso` shifted by `days`. */
export function shiftIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The reference day as ISO. */
export const isoOf = (ref: RefDate): string => addDays(ref, 0);

/** A day of a month with no year: the year that puts it nearest the dateline. */
function nearestYear(month: number, day: number, ref: RefDate | null): string | null {
  if (!ref) return null;
  const target = Date.UTC(ref.y, ref.m - 1, ref.d);
  let best: string | null = null;
  let bestGap = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    const r = refOf(y, month, day);
    if (!r) continue;
    const gap = Math.abs(Date.UTC(y, month - 1, day) - target);
    if (gap < bestGap) [best, bestGap] = [isoOf(r), gap];
  }
  return best;
}

/** Resolves a weekday by tense: past → the latest such day up to today, future → the next from today. */
export function resolveWeekday(dow: number, ref: RefDate, tense: Tense): string {
  const back = (ref.dow - dow + 7) % 7;
  const ahead = (dow - ref.dow + 7) % 7;
  if (tense === 'past') return addDays(ref, -back);
  if (tense === 'future') return addDays(ref, ahead);
  return back <= ahead ? addDays(ref, -back) : addDays(ref, ahead);
}

/**
 * The tense that places a weekday: "Earlier on Sunday", "last Friday", "said Thursday" are past and "next Monday"
 * future whatever the verbs say; "the Sunday talks" names an event by its day, the nearest one;
 * otherwise the verbs around it decide.
 */
function weekdayTense(tokens: Token[], i: number, hits: TenseHit[]): Tense {
  const k = tokens[i - 1]?.lower === 'on' ? i - 2 : i - 1;
  const w = tokens[k]?.lower;
  if (PAST_BEFORE.has(w ?? '')) return 'past';
  if (FUTURE_BEFORE.has(w ?? '')) return 'future';
  const next = tokens[i + 1];
  if (next?.kind === 'word' && !next.cap && next.space && determinedBefore(tokens, i, hits)) return null;
  return tenseAround(hits, i, i + 1);
}

/** "the Sunday talks", "the less formal Sunday talks": a determiner a few lower-case words before, with no verb between. */
function determinedBefore(tokens: Token[], i: number, hits: TenseHit[]): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = tokens[k];
    if (DETERMINERS.has(t.lower)) return true;
    if (t.kind !== 'word' || t.cap || hits.some((h) => h.i <= k && h.j > k)) return false;
  }
  return false;
}
const DETERMINERS = new Set(['the', 'this', 'that']);

/** The weekday (0 = Sunday) a token names, or undefined. */
export const weekdayOf = (t: Token | undefined): number | undefined => (t ? WEEKDAYS.get(t.lower) : undefined);

interface Found {
  j: number;
  date: string | null;
  precision: DatePrecision;
}

/** A calendar date at token i: "January 9", "Feb. 10, 2022", "11 February", "06.11.2021". */
function calendar(tokens: Token[], i: number, to: number, ref: RefDate | null): Found | null {
  const t = tokens[i];
  // Every form below starts with digits or a month: other words are turned away before any pattern runs.
  if (t.kind !== 'num' && !MONTHS.has(t.lower)) return null;
  const dotted = DOTTED.exec(t.text);
  if (dotted) {
    const r = refOf(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
    return r ? { j: i + 1, date: isoOf(r), precision: 'day' } : null;
  }
  // 2022-01-10
  if (/^\d{4}$/.test(t.text) && tokens[i + 1]?.text === '-' && tokens[i + 3]?.text === '-' && i + 4 < to) {
    const r = refOf(Number(t.text), Number(tokens[i + 2].text), Number(tokens[i + 4].text));
    if (r && !tokens[i + 1].space) return { j: i + 5, date: isoOf(r), precision: 'day' };
  }
  let month = MONTHS.get(t.lower);
  let day: number | undefined;
  let j = i + 1;
  if (month !== undefined) {
    // "may" and "march" are verbs too: a month is written with its capital.
    if (!t.cap) return null;
    if (tokens[j]?.text === '.' && !tokens[j].space) j++;
    const d = j < to ? ORDINAL.exec(tokens[j].text) : null;
    if (!d) return t.lower.length > 3 && month ? { j: i + 1, date: null, precision: 'month' } : null;
    day = Number(d[1]);
    j++;
    // "January 9–10": the first day.
    if (j + 1 < to && (tokens[j].text === '–' || tokens[j].text === '-') && ORDINAL.test(tokens[j + 1].text)) j += 2;
  } else {
    const d = ORDINAL.exec(t.text);
    if (!d || t.kind !== 'num') return null;
    let k = i + 1;
    if (tokens[k]?.lower === 'of') k++;
    month = k < to && tokens[k].cap ? MONTHS.get(tokens[k].lower) : undefined;
    if (month === undefined) return null;
    day = Number(d[1]);
    j = k + 1;
    if (tokens[j]?.text === '.' && !tokens[j].space) j++;
  }
  let k = j;
  if (tokens[k]?.text === ',') k++;
  const year = k < to && /^\d{4}$/.test(tokens[k].text) ? Number(tokens[k].text) : undefined;
  if (year !== undefined) {
    const r = refOf(year, month, day);
    return r ? { j: k + 1, date: isoOf(r), precision: 'day' } : null;
  }
  if (day < 1 || day > 31) return null;
  return { j, date: nearestYear(month, day, ref), precision: 'day' };
}

/** The words a relative phrase starts with (relative() below). */
const RELATIVE_FIRST_WORDS = new Set(['later', 'earlier', 'the', 'this', 'next', 'last', 'coming', 'following', 'in']);
const NEARBY = ['this', 'next', 'last', 'coming', 'following'];

/** "this week", "next month", "later this month", "the end of the month", "in two days". */
function relative(tokens: Token[], i: number, to: number, ref: RefDate | null): Found | null {
  if (i >= to || !RELATIVE_FIRST_WORDS.has(tokens[i].lower)) return null;
  const w = (k: number): string => (k < to ? tokens[k].lower : '');
  let k = i;
  if (w(k) === 'later' || w(k) === 'earlier') k++;
  if (w(k) === 'the' && (w(k + 1) === 'coming' || w(k + 1) === 'following')) k++;
  if (NEARBY.includes(w(k))) {
    const unit = w(k + 1);
    if (unit === 'week' || unit === 'weekend') return { j: k + 2, date: null, precision: 'week' };
    if (unit === 'month') return { j: k + 2, date: null, precision: 'month' };
    return null;
  }
  if (w(i) === 'the' && (w(i + 1) === 'end' || w(i + 1) === 'middle') && w(i + 2) === 'of' && w(i + 4) === 'month')
    return { j: i + 5, date: null, precision: 'month' };
  if (w(i) === 'in' && SMALL.has(w(i + 1))) {
    // "three in four days" is a rate, not a day four days on.
    if (i > 0 && SMALL.has(tokens[i - 1].lower)) return null;
    const n = SMALL.get(w(i + 1))!;
    if (w(i + 2) === 'days' || w(i + 2) === 'day')
      return { j: i + 3, date: ref ? addDays(ref, n) : null, precision: 'day' };
    if (w(i + 2) === 'weeks') return { j: i + 3, date: null, precision: 'week' };
  }
  return null;
}

/** A date phrase starts with digits or one of these words: findDates skips any other token with one look-up. */
const FIRST_WORDS = new Set([...WEEKDAYS.keys(), ...RELATIVE_DAYS.keys(), ...MONTHS.keys(), ...RELATIVE_FIRST_WORDS]);

/**
 * The date phrases of tokens [from, to) (one sentence).
 * @param hits the sentence's tense cues, to resolve weekdays
 */
export function findDates(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  ref: RefDate | null,
  hits: TenseHit[],
): DateMention[] {
  const out: DateMention[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' || (t.kind !== 'num' && !FIRST_WORDS.has(t.lower))) continue;
    let found: Found | null = null;
    const dow = WEEKDAYS.get(t.lower);
    if (dow !== undefined) {
      // "Tuesday, Jan. 18", "Sunday (February 20)", "Thursday (Aug 4)": the calendar date decides.
      let k = i + 1;
      if (tokens[k]?.text === ',' || tokens[k]?.text === '(') k++;
      const cal = k < to ? calendar(tokens, k, to, ref) : null;
      if (cal && cal.precision === 'day') {
        found = { ...cal, j: tokens[cal.j]?.text === ')' ? cal.j + 1 : cal.j };
      } else {
        const date = ref ? resolveWeekday(dow, ref, weekdayTense(tokens, i, hits)) : null;
        found = { j: i + 1, date, precision: 'day' };
      }
    } else if (RELATIVE_DAYS.has(t.lower)) {
      found = { j: i + 1, date: ref ? addDays(ref, RELATIVE_DAYS.get(t.lower)!) : null, precision: 'day' };
    } else found = calendar(tokens, i, to, ref) ?? relative(tokens, i, to, ref);
    if (!found) continue;
    const start = t.start;
    const end = tokens[found.j - 1].end;
    out.push({ i, j: found.j, start, end, text: text.slice(start, end), date: found.date, precision: found.precision });
    i = found.j - 1;
  }
  return out;
}

const ISSUE_VERBS = new Set(words.issueVerbs.map((w) => w.split(' ')[0]));

/**
 * The day a republished statement speaks from: "The following readout was issued ... on May 4,
 * 2023" near the top of a report dated later. Its "today" and "yesterday" are that day's. Only a
 * full date (with its year) up to 31 days before the dateline counts.
 */
export function issuedRef(tokens: Token[], ref: RefDate | null): RefDate | null {
  if (!ref) return ref;
  const end = Math.min(tokens.length, 120);
  for (let i = 0; i < end; i++) {
    if (!ISSUE_VERBS.has(tokens[i].lower)) continue;
    for (let k = i + 1; k < Math.min(end, i + 25); k++) {
      if (tokens[k].lower !== 'on') continue;
      let c = k + 1;
      if (WEEKDAYS.has(tokens[c]?.lower ?? '')) c += tokens[c + 1]?.text === ',' ? 2 : 1;
      const cal = c < end ? calendar(tokens, c, end, null) : null;
      const issued = cal?.date ? parseDateline(cal.date) : null;
      if (!issued) continue;
      const days = (Date.UTC(ref.y, ref.m - 1, ref.d) - Date.UTC(issued.y, issued.m - 1, issued.d)) / 86_400_000;
      return days > 0 && days <= 31 ? issued : ref;
    }
  }
  return ref;
}
