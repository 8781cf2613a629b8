/**
 * Pure: where the troop chart's line, band and axis labels go in a box of pixels. d3-scale picks
 * round ticks and places days by time (a gap of three days reads as one); d3-shape draws the paths.
 * Everything is sized from the wall's type (`em`), so the chart reads the same at 1080p and 4K.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { PublicTroops } from '../../../../shared/state.js';
import { chartDomain, chartHistory, dayTickLabels, formatCompact } from './figures.js';

type Point = PublicTroops['history'][number];

export type Tick = { at: number; label: string };

export type TroopChartGeometry = {
  /** The plot area, inside the axes. */
  plot: { left: number; right: number; top: number; bottom: number };
  /** The figure day by day. */
  line: string;
  /** The range (low to high) day by day. */
  band: string;
  /** The newest day's figure, marked on the line. */
  last: { x: number; y: number };
  /** y positions of round figures ("100k"). */
  yTicks: Tick[];
  /** x positions of whole days ("24 Nov"). */
  xTicks: Tick[];
};

const DAY_MS = 86_400_000;

/** The band's edges: a day's range, widened to its figure should the figure fall outside it. */
const lowOf = (p: Point): number => Math.min(p.low, p.value);
const highOf = (p: Point): number => Math.max(p.high, p.value);

/** A dateline (YYYY-MM-DD) as a UTC instant. */
const dayOf = (at: string): Date => new Date(`${at.slice(0, 10)}T00:00:00Z`);

/**
 * The chart's geometry for `history` in a `width`×`height` box with type of `em` pixels; null
 * when there is not enough to draw (fewer than two days, or no room).
 */
export function troopChartGeometry(
  history: PublicTroops['history'],
  width: number,
  height: number,
  em: number,
): TroopChartGeometry | null {
  const points = chartHistory(history).filter((p) => !Number.isNaN(dayOf(p.at).getTime()));
  const plot = { left: 3.6 * em, right: width - 0.8 * em, top: 0.7 * em, bottom: height - 1.9 * em };
  if (points.length < 2 || plot.right - plot.left < 4 * em || plot.bottom - plot.top < 2 * em) return null;

  const first = dayOf(points[0].at);
  const last = dayOf(points[points.length - 1].at);
  // The first and last days stand clear of the axes, as their labels are centred under them.
  const x = scaleUtc()
    .domain([first, last])
    .range([plot.left + 0.8 * em, plot.right - 0.8 * em]);
  const yTickCount = Math.max(2, Math.floor((plot.bottom - plot.top) / (2.5 * em)));
  const y = scaleLinear()
    .domain(chartDomain([Math.min(...points.map(lowOf)), Math.max(...points.map(highOf))]))
    .nice(yTickCount)
    .range([plot.bottom, plot.top]);

  const xOf = (p: Point): number => x(dayOf(p.at));
  const lineOf = line<Point>()
    .x(xOf)
    .y((p) => y(p.value));
  const bandOf = area<Point>()
    .x(xOf)
    .y0((p) => y(lowOf(p)))
    .y1((p) => y(highOf(p)));

  const xTickCount = Math.max(2, Math.floor((plot.right - plot.left) / (5 * em)));
  // Ticks on whole days only: over two days d3 would also mark noon, which a dateline never is.
  const days = x.ticks(xTickCount).filter((t) => t.getTime() % DAY_MS === 0);
  const newest = points[points.length - 1];
  return {
    plot,
    line: lineOf(points) ?? '',
    band: bandOf(points) ?? '',
    last: { x: xOf(newest), y: y(newest.value) },
    yTicks: y.ticks(yTickCount).map((v) => ({ at: y(v), label: formatCompact(v) })),
    xTicks: dayTickLabels(days).map((label, i) => ({ at: x(days[i]), label })),
  };
}
