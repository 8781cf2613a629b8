/**
 * Pure: the ticks of a time axis in whole UTC days, labelled as the wall labels them (the year
 * when the span crosses one; see figures.ts dayTickLabels). Recharts draws the axis; d3-time
 * picks round days so a gap of three days reads as one. d3-time's utcTicks are the ticks of
 * d3-scale's scaleUtc without its date formatting (d3-time-format), which the charts never use.
 */
import { utcTicks } from 'd3-time';
import { dayTickLabels } from '../../features/wall/figures.js';

const DAY_MS = 86_400_000;

/** A dateline or ISO date as ms since the epoch at UTC midnight of its day (NaN for garbage). */
export function dayMs(at: string): number {
  return Date.parse(`${at.slice(0, 10)}T00:00:00Z`);
}

export type TimeAxis = {
  /** [first, last] in ms, widened to at least a day so one point still sits on an axis. */
  domain: [number, number];
  ticks: number[];
  /** The label of each tick, for Recharts' tickFormatter. */
  label: (ms: number) => string;
};

/** An axis over `times` (ms) with about `count` ticks, on whole days only (a dateline never says noon). */
export function timeAxis(times: readonly number[], count: number): TimeAxis {
  const finite = times.filter(Number.isFinite);
  const first = finite.length > 0 ? Math.min(...finite) : 0;
  const last = finite.length > 0 ? Math.max(...finite) : 0;
  const domain: [number, number] = last > first ? [first, last] : [first - DAY_MS, first + DAY_MS];
  const ticks = utcTicks(new Date(domain[0]), new Date(domain[1]), Math.max(2, count))
    .map((d) => d.getTime())
    .filter((ms) => ms % DAY_MS === 0);
  const labels = new Map<number, string>();
  dayTickLabels(ticks.map((ms) => new Date(ms))).forEach((text, i) => labels.set(ticks[i], text));
  return { domain, ticks, label: (ms) => labels.get(ms) ?? '' };
}
