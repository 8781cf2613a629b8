/** Pure: time in a zone through Intl (no hand-made zone arithmetic). */

export type ZoneClock = {
  /** "14:03" */
  time(ms: number): string;
  /** "Thu" */
  weekday(ms: number): string;
};

/** A clock for an IANA zone, or null when the browser does not know the zone. */
export function zoneClock(zone: string, locale = 'en-GB'): ZoneClock | null {
  try {
    const time = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const weekday = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short' });
    return { time: (ms) => time.format(ms), weekday: (ms) => weekday.format(ms) };
  } catch {
    return null; // RangeError: invalid time zone
  }
}
