/**
 * Crisis time: whole UTC days derived from report datelines, never from the wall clock,
 * so folding the same reports gives the same state on any machine at any hour.
 */
import { HALF_LIFE_DAYS, MS_PER_DAY } from './constants.js';

/** Milliseconds since the epoch of a dateline (`YYYY-MM-DD` is UTC midnight). Throws on garbage. */
export function datelineMs(dateline: string): number {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(dateline) ? `${dateline}T00:00:00Z` : dateline);
  if (Number.isNaN(ms)) throw new RangeError(`invalid dateline: ${JSON.stringify(dateline)}`);
  return ms;
}

/** The UTC day number (days since 1970-01-01) of a dateline. */
export function datelineDay(dateline: string): number {
  return Math.floor(datelineMs(dateline) / MS_PER_DAY);
}

/** `YYYY-MM-DD` of a UTC day number. */
export function dayString(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** UTC day number of a `YYYY-MM-DD` string. */
export function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

/** Weight left after `ageDays` of exponential decay with HALF_LIFE_DAYS. */
export function decay(ageDays: number): number {
  return Math.pow(2, -ageDays / HALF_LIFE_DAYS);
}
