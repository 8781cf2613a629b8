/** The troop figure over time: the range as a band, the figure as a line (SVG; geometry from d3). */
import { useMemo } from 'react';
import type { PublicTroops } from '../../../../shared/state.js';
import { chartHistory, formatCount, formatDay } from './figures.js';
import { troopChartGeometry } from './troopChartGeometry.js';
import { useBoxSize } from './useBoxSize.js';

export function TroopChart({ history }: { history: PublicTroops['history'] }) {
  const [ref, { width, height, em }] = useBoxSize<HTMLDivElement>();
  // Recomputed only when the history or the box changes: a wall redraws a chart, not every second.
  const chart = useMemo(() => troopChartGeometry(history, width, height, em), [history, width, height, em]);
  const enoughDays = history.length >= 2;
  return (
    <div className="troop-chart" data-testid="troop-chart">
      <span className="sub-title">
        Estimate over time <span className="muted">· line: figure, band: range</span>
      </span>
      {/* Measured even while empty, so the first chart draws at once at the right size. */}
      <div className={enoughDays ? 'troop-chart-plot' : 'troop-chart-plot troop-chart-empty'} ref={ref}>
        {!enoughDays && 'The chart starts with a second day of figures.'}
        {enoughDays && chart && (
          <svg width={width} height={height} role="img" aria-label={describe(history)}>
            {chart.yTicks.map((t) => (
              <g key={`y${t.label}`} className="troop-chart-tick">
                <line className="troop-chart-grid" x1={chart.plot.left} x2={chart.plot.right} y1={t.at} y2={t.at} />
                <text x={chart.plot.left - 0.3 * em} y={t.at} textAnchor="end" dominantBaseline="middle">
                  {t.label}
                </text>
              </g>
            ))}
            <path className="troop-chart-band" d={chart.band} />
            <path className="troop-chart-line" d={chart.line} strokeWidth={0.16 * em} />
            <circle className="troop-chart-last" cx={chart.last.x} cy={chart.last.y} r={0.22 * em} />
            <line
              className="troop-chart-axis"
              x1={chart.plot.left}
              x2={chart.plot.right}
              y1={chart.plot.bottom}
              y2={chart.plot.bottom}
            />
            {chart.xTicks.map((t) => (
              <text
                key={`x${t.label}`}
                className="troop-chart-tick"
                x={t.at}
                y={chart.plot.bottom + 0.3 * em}
                textAnchor="middle"
                dominantBaseline="hanging"
              >
                {t.label}
              </text>
            ))}
          </svg>
        )}
      </div>
    </div>
  );
}

/** What the chart shows, for a screen reader: the span of days and the first and newest figures. */
function describe(history: PublicTroops['history']): string {
  const drawn = chartHistory(history);
  const first = drawn[0];
  const last = drawn[drawn.length - 1];
  return (
    `Troop estimate from ${formatDay(first.at)} to ${formatDay(last.at)}: ` +
    `${formatCount(first.value)} then ${formatCount(last.value)}`
  );
}
