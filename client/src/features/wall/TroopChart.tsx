/**
 * The troop figure over time: the range as a band, the figure as a line. The drawing (Recharts)
 * is its own chunk, loaded after the wall's first paint, so the wall's own JavaScript stays small.
 */
import { lazy, Suspense } from 'react';
import type { PublicTroops } from '../../../../shared/state.js';
import { chartHistory, formatCount, formatDay } from './figures.js';
import { useBoxSize } from './useBoxSize.js';

const TroopChartPlot = lazy(() => import('./TroopChartPlot.js').then((m) => ({ default: m.TroopChartPlot })));

export function TroopChart({ history }: { history: PublicTroops['history'] }) {
  const [ref, { width, height, em }] = useBoxSize<HTMLDivElement>();
  const enoughDays = history.length >= 2;
  const roomy = width > 8 * em && height > 4 * em;
  return (
    <div className="troop-chart" data-testid="troop-chart">
      <span className="sub-title">
        Estimate over time <span className="muted">· line: figure, band: range</span>
      </span>
      {/* Measured even while empty, so the first chart draws at once at the right size. */}
      <div
        className={enoughDays ? 'troop-chart-plot' : 'troop-chart-plot troop-chart-empty'}
        ref={ref}
        data-testid="troop-chart-plot"
        {...(enoughDays ? { role: 'img', 'aria-label': describe(history) } : {})}
      >
        {!enoughDays && 'The chart starts with a second day of figures.'}
        {enoughDays && roomy && (
          <Suspense fallback={null}>
            <TroopChartPlot history={history} width={width} height={height} em={em} />
          </Suspense>
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
