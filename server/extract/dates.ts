/**
 * Dates in a sentence, resolved against the report's dateline.
 *
 * Explicit calendar dates and relative phrases go through chrono-node, but only on
 * the short phrase our own regex found: chrono on whole sentences is the slowest part
 * of extraction, and it cannot know tense. Weekday names are resolved here, by tense:
 * "held talks on Tuesday" is the last Tuesday (or today), "will meet on Friday" the next.
 */
// The English parser only (the same `parse` the package's root exports): the root module
// also loads ten other locales, which cost every server process and extraction thread
// about 0.3 s of start-up.
import * as chrono from 'chrono-node/en';
import { tenseAround, type Tense, type TenseHit } from './cues.js';

/** How precise a resolved date is; meetings only take day-precise dates. */
export type DatePrecision = 'day' | 'week' | 'month';

/** A date phrase found in a text, with offsets into the original report. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD, or null when there is no dateline to resolve against. */
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

/** Parses 'YYYY-MM-DD' or an ISO date-time into its calendar day; null when invalid. */
export function parseDateline(dateline: string): RefDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof dateline === 'string' ? dateline.trim() : '');
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return { y, m: mo, d, dow: back.getUTCDay() };
}

/** The ISO day `days` after the reference day. */
export function addDays(ref: RefDate, days: number): string {
  return new Date(Date.UTC(ref.y, ref.m - 1, ref.d + days)).toISOString().slice(0, 10);
}

/** ISO day of `iso` shifted by `days`. */
export function shiftIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const DAYNUM = '(?:[0-2]?\\d|3[01])(?:st|nd|rd|th)?';
const DATE_RE = new RegExp(
  [
    // "Tuesday, Jan. 18, 2022", "January 9–10", "Feb. 12"
    `(?:${WEEKDAY},?\\s+)?${MONTH}\\.?\\s+${DAYNUM}(?!\\d|:)(?:\\s*[–-]\\s*${DAYNUM}(?!\\d))?(?:,?\\s+\\d{4})?`,
    // "11 February 2022", "Thursday, 30 December"
    `(?:${WEEKDAY},?\\s+)?${DAYNUM}\\s+${MONTH}(?![a-z])\\.?(?:,?\\s+\\d{4})?`,
    `(?<weekday>${WEEKDAY})`,
    // "three in four days" is a rate, not a day four days on.
    `(?<day>[Tt]oday|[Tt]onight|[Tt]omorrow|[Yy]esterday|in (?<!\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\\d+)\\sin )(?:two|three|four|five|six|\\d) days)`,
    `(?<week>(?:[Ll]ater |[Ee]arlier )?(?:[Tt]his|[Nn]ext|[Ll]ast|the coming|the following) week(?:end)?|in (?:two|three|\\d) weeks)`,
    `(?<month>(?:[Ll]ater |[Ee]arlier )?(?:[Tt]his|[Nn]ext|[Ll]ast|the coming) month|(?:by |in )?the (?:middle|end) of (?:the|this|next) month)`,
  ].join('|'),
  'g',
);
const WEEKDAY_INDEX: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

// chrono results for the same phrase and day never change: memoise (bounded).
const cache = new Map<string, string | null>();

function viaChrono(phrase: string, ref: RefDate): string | null {
  const key = `${phrase}|${ref.y}-${ref.m}-${ref.d}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let out: string | null = null;
  try {
    // Noon local time keeps chrono's local-time arithmetic on the right calendar day.
    const parsed = chrono.parse(phrase, new Date(ref.y, ref.m - 1, ref.d, 12), { forwardDate: false });
    const s = parsed[0]?.start;
    if (s) {
      const y = s.get('year');
      const mo = s.get('month');
      const d = s.get('day');
      if (y !== null && mo !== null && d !== null && y > 0 && y < 10000) {
        out = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      }
    }
  } catch {
    out = null;
  }
  if (cache.size > 5000) cache.clear();
  cache.set(key, out);
  return out;
}

const ISSUED = new RegExp(
  `\\b(?:issued|released|published|posted|delivered|dated|made public|put out)\\b(?:[^.\\n]|\\.(?=\\S)|(?<=\\b[A-Z])\\.){0,120}?\\bon\\s+((?:${WEEKDAY},?\\s+)?(?:${MONTH}\\.?\\s+${DAYNUM},?\\s+\\d{4}|${DAYNUM}\\s+${MONTH}\\.?,?\\s+\\d{4}))`,
  'i',
);

/**
 * The day a republished statement speaks from: "The following readout was issued ... on May 4, 2023"
 * near the top of a report dated later. Its "Today" and "Yesterday" are that day's, not the
 * republication's. Only a full date (with its year) up to 31 days before the dateline counts.
 */
export function issuedRef(text: string, ref: RefDate | null): RefDate | null {
  if (!ref) return ref;
  const m = ISSUED.exec(text.slice(0, 600));
  if (!m) return ref;
  const iso = viaChrono(m[1], ref);
  const issued = iso ? parseDateline(iso) : null;
  if (!issued) return ref;
  const days = (Date.UTC(ref.y, ref.m - 1, ref.d) - Date.UTC(issued.y, issued.m - 1, issued.d)) / 86_400_000;
  return days > 0 && days <= 31 ? issued : ref;
}

/** Resolves a weekday name by tense: past → the latest such day up to today, future → the next from today. */
export function resolveWeekday(name: string, ref: RefDate, tense: Tense): string {
  const dow = WEEKDAY_INDEX[name.slice(0, 3).toLowerCase()] ?? 0;
  const back = (ref.dow - dow + 7) % 7;
  const ahead = (dow - ref.dow + 7) % 7;
  if (tense === 'past') return addDays(ref, -back);
  if (tense === 'future') return addDays(ref, ahead);
  return back <= ahead ? addDays(ref, -back) : addDays(ref, ahead);
}

/**
 * Finds the date phrases of one sentence.
 * @param sentence the sentence text; `offset` is its start in the report, so mentions carry report offsets.
 */
export function findDates(sentence: string, offset: number, ref: RefDate | null): DateMention[] {
  const out: DateMention[] = [];
  // A sentence's tense cues, found once however many weekdays it names.
  let tenseCache: Map<string, TenseHit[]> | undefined;
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(sentence)) !== null) {
    const text = m[0];
    const g = m.groups ?? {};
    const start = offset + m.index;
    const end = start + text.length;
    let precision: DatePrecision = 'day';
    let date: string | null = null;
    if (g.weekday) {
      tenseCache ??= new Map();
      if (ref)
        date = resolveWeekday(text, ref, tenseAround(sentence, m.index, m.index + text.length, 90, 70, tenseCache));
    } else if (g.week || g.month) {
      precision = g.week ? 'week' : 'month';
      if (ref)
        date = viaChrono(
          text
            .toLowerCase()
            .replace(/^(later|earlier|by|in) /, '')
            .replace(/the coming/, 'next'),
          ref,
        );
    } else if (ref) {
      date = viaChrono(g.day ? text.toLowerCase().replace('tonight', 'today') : text, ref);
    }
    out.push({ start, end, text, date, precision });
  }
  return out;
}
