/** Pure: dates as the trends page writes them in tooltips and lists ("24 Nov 2022"). */
const withYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "24 Nov 2022" for ms since the epoch or a YYYY-MM-DD date. */
export function fullDay(at: number | string): string {
  const ms = typeof at === 'number' ? at : Date.parse(`${at.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(ms) ? withYear.format(ms) : String(at);
}
