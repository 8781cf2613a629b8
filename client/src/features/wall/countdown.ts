/**
 * Pure: how far away a meeting is, in words a room can read ("in 2 d 03 h").
 * Meetings carry a calendar date (YYYY-MM-DD) or, when a report gave one, an ISO date-time.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Countdown = {
  /** e.g. "in 2 d 03 h", "in 3 h 05 min", "today", "2 d ago", "date to be set". */
  text: string;
  phase: 'future' | 'today' | 'past' | 'undated';
};

/** A YYYY-MM-DD date is taken as the start of that day in UTC (no place-to-zone guessing). */
export function meetingStartMs(date: string): number | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Formats a positive span: days and hours, or hours and minutes, or minutes. */
export function formatSpan(ms: number): string {
  const span = Math.max(0, ms);
  if (span >= DAY) return `${Math.floor(span / DAY)} d ${pad2(Math.floor((span % DAY) / HOUR))} h`;
  if (span >= HOUR) return `${Math.floor(span / HOUR)} h ${pad2(Math.floor((span % HOUR) / MINUTE))} min`;
  return `${Math.max(1, Math.ceil(span / MINUTE))} min`;
}

/**
 * The countdown to a meeting at `nowMs`. A date-only meeting counts as "today" for the whole
 * of its (UTC) day; after that it is "N d ago".
 */
export function formatCountdown(date: string | null, nowMs: number): Countdown {
  if (date === null) return { text: 'date to be set', phase: 'undated' };
  const start = meetingStartMs(date);
  if (start === null) return { text: date, phase: 'undated' };
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const end = dateOnly ? start + DAY : start + 2 * HOUR;
  if (nowMs < start) return { text: `in ${formatSpan(start - nowMs)}`, phase: 'future' };
  if (nowMs < end) return { text: dateOnly ? 'today' : 'now', phase: 'today' };
  const ago = nowMs - end;
  if (ago < DAY) return { text: dateOnly ? 'yesterday' : `${formatSpan(nowMs - start)} ago`, phase: 'past' };
  return { text: `${Math.floor((nowMs - start) / DAY)} d ago`, phase: 'past' };
}
