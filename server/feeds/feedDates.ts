/**
 * A feed item's date → a report dateline. The item's own UTC offset is kept, so the dateline's
 * calendar day is the day where it was filed (extraction reads "Friday" against that day).
 */
import { datelineSchema } from '../../shared/report.js';

/** RFC 822 zone names feeds still use, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

function offsetMinutes(raw: string): number | undefined {
  const m = /(?:\s|\d)([+-])(\d{2}):?(\d{2})$|\s([A-Z]{1,3})$/.exec(raw.trim());
  if (!m) return undefined;
  if (m[4] !== undefined) return ZONES[m[4]];
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The dateline for a feed date (RSS `pubDate` in RFC 822, Atom and `dc:date` in RFC 3339), or
 * undefined when it is missing or unreadable (the report then takes its arrival date).
 */
export function datelineFromFeedDate(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (datelineSchema.safeParse(value).success) return value; // already ISO 8601 (Atom, dc:date)
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  const offset = offsetMinutes(value) ?? 0;
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${formatOffset(offset)}`;
}
