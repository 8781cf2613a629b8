/**
 * The wall's troop chart drawn by Recharts: the range as a band, the figure as a line, the
 * newest day marked. Loaded apart from the wall (React.lazy in TroopChart.tsx), so Recharts does
 * not weigh on the wall's first load. A wall runs for days: no animation, a bounded history
 * (chartHistory), redrawn only when the history or the box changes.
 */
import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { PublicTroops } from '../../../../shared/state.js';
import { dayMs, timeAxis } from '../../components/charts/timeAxis.js';
import { valueAxis } from '../../components/charts/valueAxis.js';
import { chartHistory, formatCompact } from './figures.js';

type Row = { t: number; value: number; range: [number, number] };

/** Chart rows: one per day, the band widened to the figure should the figure fall outside its range. */
export function troopRows(history: PublicTroops['history']): Row[] {
  return chartHistory(history)
    .map((p) => ({
      t: dayMs(p.at),
      value: p.value,
      range: [Math.min(p.low, p.value), Math.max(p.high, p.value)] as [number, number],
    }))
    .filter((r) => Number.isFinite(r.t));
}

export type TroopChartPlotProps = { history: PublicTroops['history']; width: number; height: number; em: number };

export const TroopChartPlot = memo(function TroopChartPlot({ history, width, height, em }: TroopChartPlotProps) {
  const rows = useMemo(() => troopRows(history), [history]);
  const axis = useMemo(
    () =>
      timeAxis(
        rows.map((r) => r.t),
        Math.floor(width / (5 * em)),
      ),
    [rows, width, em],
  );
  const yAxis = useMemo(
    () =>
      valueAxis(
        Math.min(...rows.map((r) => r.range[0])),
        Math.max(...rows.map((r) => r.range[1])),
        Math.floor(height / (2.5 * em)),
      ),
    [rows, height, em],
  );
  const last = rows.length - 1;
  return (
    <AreaChart
      width={width}
      height={height}
      data={rows}
      margin={{ top: 0.5 * em, right: 1 * em, bottom: 0, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid className="troop-chart-grid" stroke="var(--wall-grid)" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="linear"
        domain={axis.domain}
        ticks={axis.ticks}
        tickFormatter={axis.label}
        padding={{ left: 0.8 * em, right: 0.8 * em }}
        stroke="var(--wall-muted)"
        tick={{ fill: 'var(--wall-muted)', fontSize: 0.95 * em }}
        tickMargin={0.3 * em}
        height={1.9 * em}
      />
      <YAxis
        domain={yAxis.domain}
        ticks={yAxis.ticks}
        tickFormatter={formatCompact}
        stroke="var(--wall-muted)"
        tick={{ fill: 'var(--wall-muted)', fontSize: 0.95 * em }}
        width={3.6 * em}
      />
      <Area
        className="troop-chart-band"
        dataKey="range"
        stroke="none"
        fill="var(--wall-accent)"
        fillOpacity={0.18}
        isAnimationActive={false}
        activeDot={false}
      />
      {/* The figure: an area without fill is its line, and keeps the chart to one kind of series. */}
      <Area
        className="troop-chart-line"
        dataKey="value"
        stroke="var(--wall-accent)"
        strokeWidth={0.16 * em}
        strokeLinejoin="round"
        fill="none"
        dot={(props: { index?: number; cx?: number; cy?: number }) =>
          props.index === last ? (
            <circle key="last" className="troop-chart-last" cx={props.cx} cy={props.cy} r={0.22 * em} />
          ) : (
            <g key={`d${props.index}`} />
          )
        }
        activeDot={false}
        isAnimationActive={false}
      />
    </AreaChart>
  );
});
