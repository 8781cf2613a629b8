/**
 * Crisis time: whole UTC days derived from report datelines, never from the wall clock,
 * so folding the same reports gives the same state on any machine at any hour.
 */
import { HALF_LIFE_DAYS, MS_PER_DAY } from './constants.js';

// Datelines are parsed again on every sort of a meeting's mentions; Date.parse is slow enough to matter.
const msOfDateline = new Map<string, number>();

/** Milliseconds since the epoch of a dateline (`YYYY-MM-DD` is UTC midnight). Throws on garbage. */
export function datelineMs(dateline: string): number {
  let ms = msOfDateline.get(dateline);
  if (ms === undefined) {
    ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(dateline) ? `${dateline}T00:00:00Z` : dateline);
    if (Number.isNaN(ms)) throw new RangeError(`invalid dateline: ${JSON.stringify(dateline)}`);
    if (msOfDateline.size > 20_000) msOfDateline.clear();
    msOfDateline.set(dateline, ms);
  }
  return ms;
}

/** The UTC day number (days since 1970-01-01) of a dateline. */
export function datelineDay(dateline: string): number {
  return Math.floor(datelineMs(dateline) / MS_PER_DAY);
}

// Day numbers and strings convert back and forth on every view; Date is slow enough to matter.
const stringOfDay = new Map<number, string>();
const dayOfString = new Map<string, number>();

/** `YYYY-MM-DD` of a UTC day number. */
export function dayString(day: number): string {
  let s = stringOfDay.get(day);
  if (s === undefined) {
    if (stringOfDay.size > 20_000) stringOfDay.clear();
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    stringOfDay.set(day, s);
  }
  return s;
}

/** UTC day number of a `YYYY-MM-DD` string. */
export function dayOf(isoDate: string): number {
  let d = dayOfString.get(isoDate);
  if (d === undefined) {
    if (dayOfString.size > 20_000) dayOfString.clear();
    d = Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
    dayOfString.set(isoDate, d);
  }
  return d;
}

/** Weight left after `ageDays` of exponential decay with HALF_LIFE_DAYS. */
export function decay(ageDays: number): number {
  return Math.pow(2, -ageDays / HALF_LIFE_DAYS);
}
