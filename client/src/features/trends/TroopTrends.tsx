/**
 * Troops over time: one force's figures by who claims them (claims side by side, hypothetical
 * ones dashed, the desk's figure and range behind them), and every force of the crisis apart.
 */
import { useMemo, useState } from 'react';
import type { TooltipContentProps } from 'recharts';
import type { PublicTroops } from '../../../../shared/state.js';
import { forceLabel } from '../../components/forceLabel.js';
import { formatCompact, formatCount } from '../wall/figures.js';
import { fullDay } from './dates.js';
import { SeriesLegend, TimeSeriesChart } from './TimeSeriesChart.js';
import { claimantChart, forceChart, forcesOf, type Chart } from './trendSeries.js';

function troopTooltip(chart: Chart) {
  const labels = new Map(chart.series.map((s) => [s.key, s.label]));
  return function TroopTooltip({ active, payload, label }: TooltipContentProps) {
    if (!active || !payload || payload.length === 0) return null;
    return (
      <div className="trend-tooltip">
        <strong>{fullDay(Number(label))}</strong>
        <ul>
          {payload
            .filter((p) => typeof p.value === 'number' && labels.has(String(p.dataKey)))
            .map((p) => (
              <li key={String(p.dataKey)}>
                <span style={{ color: p.color }}>●</span> {labels.get(String(p.dataKey))}:{' '}
                {formatCount(Number(p.value))}
              </li>
            ))}
        </ul>
      </div>
    );
  };
}

function describe(chart: Chart, what: string): string {
  if (chart.rows.length === 0) return `${what}: no figures yet`;
  const first = chart.rows[0].t;
  const last = chart.rows[chart.rows.length - 1].t;
  return `${what}, ${fullDay(first)} to ${fullDay(last)}, ${chart.series.map((s) => s.label).join(', ')}`;
}

export function TroopTrends({ troops }: { troops: PublicTroops }) {
  const forces = useMemo(() => forcesOf(troops), [troops]);
  const [picked, pick] = useState(0);
  const at = Math.min(picked, forces.length - 1);
  const force = forces[at];
  const byClaimant = useMemo(() => claimantChart(forces[at]), [forces, at]);
  const byForce = useMemo(() => forceChart(troops), [troops]);
  return (
    <section className="trend-card trend-troops" aria-labelledby="trend-troops-title" data-testid="trend-troops">
      <header className="trend-card-header">
        <h2 id="trend-troops-title">Troops by who claims them</h2>
        {forces.length > 1 && (
          <select aria-label="Force" value={picked} onChange={(e) => pick(Number(e.target.value))}>
            {forces.map((f, i) => (
              <option key={`${f.force}|${f.theatre}`} value={i}>
                {forceLabel(f.force, f.theatre)}
              </option>
            ))}
          </select>
        )}
        {forces.length === 1 && <span className="muted">{forceLabel(force.force, force.theatre)}</span>}
      </header>
      {byClaimant.rows.length === 0 ? (
        <p className="trend-empty">No troop figure reported for this force yet.</p>
      ) : (
        <>
          <TimeSeriesChart
            chart={byClaimant}
            band="range"
            description={describe(byClaimant, `Troop figures of ${forceLabel(force.force, force.theatre)} by source`)}
            yLabel={formatCompact}
            tooltip={troopTooltip(byClaimant)}
            testId="trend-troops-claimants"
          />
          <SeriesLegend chart={byClaimant} />
        </>
      )}
      {byForce.series.length > 1 && (
        <>
          <h3 className="trend-subtitle">Every force, the desk’s figure</h3>
          <TimeSeriesChart
            chart={byForce}
            description={describe(byForce, 'Troop figures by force')}
            yLabel={formatCompact}
            tooltip={troopTooltip(byForce)}
            testId="trend-troops-forces"
            firstColour={1}
          />
          <SeriesLegend chart={byForce} firstColour={1} />
        </>
      )}
    </section>
  );
}
