/** The troop figure over time: the range as a band, the figure as a line (Recharts). */
import { useMemo } from 'react';
import { Area, ComposedChart, Line, ResponsiveContainer, XAxis, YAxis, CartesianGrid } from 'recharts';
import { useFontSizePx } from './useFontSizePx.js';
import type { PublicTroops } from '../../../../shared/state.js';
import { chartDomain, chartHistory, formatCompact, formatDay } from './figures.js';

export function TroopChart({ history }: { history: PublicTroops['history'] }) {
  const [ref, em] = useFontSizePx<HTMLDivElement>();
  // Same array while the history is the same, so Recharts redraws (and animates) only on a real change.
  const data = useMemo(
    () => chartHistory(history).map((p) => ({ at: p.at, value: p.value, range: [p.low, p.high] as [number, number] })),
    [history],
  );
  return (
    <div className="troop-chart" data-testid="troop-chart" ref={ref}>
      <span className="sub-title">
        Estimate over time <span className="muted">· line: figure, band: range</span>
      </span>
      {data.length < 2 ? (
        <div className="troop-chart-plot troop-chart-empty">The chart starts with a second day of figures.</div>
      ) : (
        <div className="troop-chart-plot">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 0.7 * em, right: 0.8 * em, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="var(--wall-grid)" vertical={false} />
              <XAxis
                dataKey="at"
                tickFormatter={formatDay}
                stroke="var(--wall-muted)"
                minTickGap={2 * em}
                padding={{ left: 0.8 * em, right: 0.8 * em }}
                height={1.9 * em}
                tickMargin={0.3 * em}
              />
              <YAxis
                tickFormatter={formatCompact}
                stroke="var(--wall-muted)"
                width={3.6 * em}
                domain={chartDomain}
                tickMargin={0.3 * em}
              />
              <Area
                dataKey="range"
                stroke="none"
                fill="var(--wall-accent)"
                fillOpacity={0.18}
                isAnimationActive
                animationDuration={500}
              />
              <Line
                dataKey="value"
                stroke="var(--wall-accent)"
                strokeWidth={0.16 * em}
                dot={false}
                isAnimationActive
                animationDuration={500}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
    </div>
  );
}
