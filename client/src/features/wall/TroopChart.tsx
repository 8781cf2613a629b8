/** The troop figure over time: the range as a band, the figure as a line (Recharts). */
import { Area, ComposedChart, Line, ResponsiveContainer, XAxis, YAxis, CartesianGrid } from 'recharts';
import type { PublicTroops } from '../../../../shared/state.js';
import { chartDomain, chartHistory, formatCompact, formatDay } from './figures.js';

export function TroopChart({ history }: { history: PublicTroops['history'] }) {
  const data = chartHistory(history).map((p) => ({
    at: p.at,
    value: p.value,
    range: [p.low, p.high] as [number, number],
  }));
  if (data.length < 2)
    return <div className="troop-chart troop-chart-empty">The chart starts with a second figure.</div>;
  return (
    <div className="troop-chart" data-testid="troop-chart">
      <span className="sub-title">
        Estimate over time <span className="muted">· line: figure, band: range</span>
      </span>
      <div className="troop-chart-plot">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--wall-grid)" vertical={false} />
            <XAxis dataKey="at" tickFormatter={formatDay} stroke="var(--wall-muted)" minTickGap={24} />
            <YAxis tickFormatter={formatCompact} stroke="var(--wall-muted)" width={64} domain={chartDomain} />
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
              strokeWidth={3}
              dot={false}
              isAnimationActive
              animationDuration={500}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
