/** Pure: how troop figures and tension drivers read on the wall. */
import type { PublicTroops, TensionDriver, TroopClaim } from '../../../../shared/state.js';

/** Keeps the chart bounded whatever the server sends: a wall runs for weeks. */
export const MAX_CHART_POINTS = 200;

const numberFormat = new Intl.NumberFormat('en-US');

/** "120,000" */
export function formatCount(n: number): string {
  return numberFormat.format(Math.round(n));
}

/** "120k", for tight spots such as chart axes. */
export function formatCompact(n: number): string {
  if (Math.abs(n) >= 1_000_000) return `${trim(n / 1_000_000)}M`;
  if (Math.abs(n) >= 1_000) return `${trim(n / 1_000)}k`;
  return String(Math.round(n));
}
const trim = (n: number): string => (Math.round(n * 10) / 10).toString();

const qualifierWords: Record<TroopClaim['qualifier'], string> = {
  exact: '',
  about: 'about ',
  'more than': 'over ',
  'at least': 'at least ',
  'up to': 'up to ',
  'fewer than': 'under ',
};

/** "over 100,000", or a range "100,000–130,000" when the claim gives one. */
export function formatClaim(claim: Pick<TroopClaim, 'value' | 'low' | 'high' | 'qualifier'>): string {
  if (claim.low !== undefined && claim.high !== undefined && claim.low !== claim.high) {
    return `${formatCount(claim.low)}–${formatCount(claim.high)}`;
  }
  return `${qualifierWords[claim.qualifier]}${formatCount(claim.value)}`;
}

export type SourceClaim = { source: string; claim: TroopClaim };

/** One claim per source (its newest), newest sources first, at most `max`. */
export function claimsBySource(claims: readonly TroopClaim[], max: number): SourceClaim[] {
  const latest = new Map<string, TroopClaim>();
  for (const c of claims) {
    const source = c.claimedBy?.trim() || 'unattributed';
    const seen = latest.get(source);
    if (!seen || c.asOf >= seen.asOf) latest.set(source, c);
  }
  return [...latest.entries()]
    .map(([source, claim]) => ({ source, claim }))
    .sort((a, b) => b.claim.asOf.localeCompare(a.claim.asOf) || a.source.localeCompare(b.source))
    .slice(0, max);
}

/** The history the chart draws: the newest points only. */
export function chartHistory(history: PublicTroops['history']): PublicTroops['history'] {
  return history.length > MAX_CHART_POINTS ? history.slice(-MAX_CHART_POINTS) : history;
}

/** The drivers that count most now (by absolute contribution), at most `max`. */
export function topDrivers(drivers: readonly TensionDriver[], max: number): TensionDriver[] {
  return [...drivers]
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.phrase.localeCompare(b.phrase))
    .slice(0, max);
}

/** "+2.0" / "−1.5": a driver's weight with an explicit sign. */
export function formatSigned(n: number): string {
  const v = Math.abs(n).toFixed(1);
  return n > 0 ? `+${v}` : n < 0 ? `−${v}` : v;
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * Labels of a time axis' ticks (whole UTC days, in order): "24 Nov" within one year; across a
 * year's end, the year on the first tick and on the first of each new year ("29 Dec 2021",
 * "5 Jan 2022"); over more than a year and a half, months and years ("Mar 2022", "2023").
 */
export function dayTickLabels(days: readonly Date[]): string[] {
  if (days.length === 0) return [];
  const years = days.map((d) => d.getUTCFullYear());
  const spanDays = (days[days.length - 1].getTime() - days[0].getTime()) / 86_400_000;
  if (spanDays > 548)
    return days.map((d) =>
      d.getUTCMonth() === 0 && d.getUTCDate() === 1 ? String(d.getUTCFullYear()) : monthYear.format(d),
    );
  if (years[0] === years[years.length - 1]) return days.map((d) => dayMonth.format(d));
  return days.map((d, i) =>
    i === 0 || years[i] !== years[i - 1] ? `${dayMonth.format(d)} ${years[i]}` : dayMonth.format(d),
  );
}

/** "24 Nov" for a YYYY-MM-DD or ISO date (read in UTC, as datelines are dates). */
export function formatDay(date: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  return Number.isNaN(ms) ? date : dayMonth.format(ms);
}

/** Zooms on the figures (the change matters) with a margin, on round numbers. */
export function chartDomain([min, max]: readonly [number, number]): [number, number] {
  const pad = Math.max((max - min) * 0.15, max * 0.05, 1);
  const step = 10 ** Math.max(0, Math.floor(Math.log10(pad)));
  return [Math.max(0, Math.floor((min - pad) / step) * step), Math.ceil((max + pad) / step) * step];
}
