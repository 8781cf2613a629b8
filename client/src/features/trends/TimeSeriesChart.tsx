/**
 * A Recharts line chart over days: one line per series (dashed ones for hypotheticals), an
 * optional range band, ticks on whole days labelled with the year when the span crosses one.
 * Sized in the page's type (`em`), so it reads the same at 1080p and 4K; no animation, as
 * live updates redraw it.
 */
import { useMemo, type ReactNode } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { colourOf } from '../../components/charts/palette.js';
import { timeAxis } from '../../components/charts/timeAxis.js';
import { valueAxis, type ValueAxis } from '../../components/charts/valueAxis.js';
import { useBoxSize } from '../wall/useBoxSize.js';
import type { Chart } from './trendSeries.js';

export type TimeSeriesChartProps = {
  chart: Chart;
  /** What a screen reader hears instead of the drawing. */
  description: string;
  yLabel: (n: number) => string;
  yDomain?: [number, number];
  /** The key of a [low, high] band drawn under the lines, if any. */
  band?: string;
  tooltip: (props: TooltipContentProps) => ReactNode;
  testId: string;
  /** Colour offset of the series: 0 when the first series is the desk's own figure. */
  firstColour?: number;
};

export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { chart, description, yLabel, yDomain, band, tooltip, testId, firstColour = 0 } = props;
  const [ref, { width, height, em }] = useBoxSize<HTMLDivElement>(16);
  // Round figures with room above and below, so a ring at the top (a hypothetical) is not cut.
  const yAxis = useMemo(
    () => (yDomain ? fixedAxis(yDomain) : paddedAxis(chart, Math.floor(height / (4.5 * em)))),
    [yDomain, chart, height, em],
  );
  const axis = useMemo(
    () =>
      timeAxis(
        chart.rows.map((r) => r.t),
        Math.floor(width / (7 * em)),
      ),
    [chart.rows, width, em],
  );
  return (
    <div className="trend-plot" ref={ref} data-testid={testId} role="img" aria-label={description}>
      {width > 0 && height > 0 && chart.rows.length > 0 && (
        <ComposedChart
          width={width}
          height={height}
          data={chart.rows}
          margin={{ top: 0.6 * em, right: 1.2 * em, bottom: 0.2 * em, left: 0.2 * em }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="linear"
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={axis.label}
            stroke="var(--muted)"
            tick={{ fill: 'var(--muted)', fontSize: 0.85 * em }}
            tickMargin={0.4 * em}
            height={2 * em}
          />
          <YAxis
            tickFormatter={yLabel}
            domain={yDomain ?? yAxis.domain}
            ticks={yAxis.ticks}
            stroke="var(--muted)"
            tick={{ fill: 'var(--muted)', fontSize: 0.85 * em }}
            width={4 * em}
          />
          <Tooltip content={tooltip} isAnimationActive={false} cursor={{ stroke: 'var(--muted)' }} />
          {band && (
            <Area
              dataKey={band}
              stroke="none"
              fill={colourOf(firstColour)}
              fillOpacity={0.12}
              isAnimationActive={false}
              connectNulls
              activeDot={false}
              legendType="none"
            />
          )}
          {chart.series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={colourOf(s.colour + firstColour)}
              strokeWidth={(s.key === 'figure' ? 0.22 : 0.14) * em}
              strokeDasharray={s.dashed ? `${0.5 * em} ${0.35 * em}` : undefined}
              // A hypothetical figure is a ring: often a single point, it must not read as a stated one.
              dot={
                s.dashed
                  ? {
                      strokeDasharray: 'none',
                      r: 0.32 * em,
                      strokeWidth: 0.12 * em,
                      stroke: colourOf(s.colour + firstColour),
                      fill: 'var(--panel)',
                    }
                  : { r: 0.22 * em, strokeWidth: 0, fill: colourOf(s.colour + firstColour) }
              }
              activeDot={{ r: 0.35 * em }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      )}
    </div>
  );
}

/** A fixed scale such as the tension index' 0–100, in quarters. */
function fixedAxis([low, high]: [number, number]): ValueAxis {
  return { domain: [low, high], ticks: [0, 1, 2, 3, 4].map((i) => low + ((high - low) * i) / 4) };
}

function paddedAxis(chart: Chart, count: number): ValueAxis {
  let [min, max] = [Infinity, -Infinity];
  for (const row of chart.rows)
    for (const [key, v] of Object.entries(row)) {
      if (key === 't' || v === undefined) continue;
      for (const n of typeof v === 'number' ? [v] : v) [min, max] = [Math.min(min, n), Math.max(max, n)];
    }
  return valueAxis(min, max, count);
}

/** The legend as HTML (wraps, reads, and is the same for every chart of the page). */
export function SeriesLegend({ chart, firstColour = 0 }: { chart: Chart; firstColour?: number }) {
  return (
    <ul className="trend-legend" aria-label="Lines">
      {chart.series.map((s) => (
        <li key={s.key}>
          <svg className="trend-swatch" viewBox="0 0 24 8" overflow="visible" aria-hidden="true">
            <line
              x1="1"
              x2="23"
              y1="4"
              y2="4"
              stroke={colourOf(s.colour + firstColour)}
              strokeWidth="3"
              strokeDasharray={s.dashed ? '5 3' : undefined}
            />
            {s.dashed && (
              <circle
                cx="12"
                cy="4"
                r="3"
                fill="var(--panel)"
                stroke={colourOf(s.colour + firstColour)}
                strokeWidth="1.5"
              />
            )}
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
