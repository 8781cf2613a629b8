/** Tension per actor pair over time, with the signals behind each rise (tooltip and list). */
import { useMemo } from 'react';
import type { TooltipContentProps } from 'recharts';
import type { PublicTension } from '../../../../shared/state.js';
import { formatSigned } from '../wall/figures.js';
import { fullDay } from './dates.js';
import { SeriesLegend, TimeSeriesChart } from './TimeSeriesChart.js';
import { risesOf, tensionChart, type TensionChart } from './trendSeries.js';

const RISES_LISTED = 6;

function tensionTooltip(chart: TensionChart) {
  const labels = new Map(chart.series.map((s) => [s.key, s.label]));
  return function TensionTooltip({ active, payload, label }: TooltipContentProps) {
    if (!active || !payload || payload.length === 0) return null;
    const t = Number(label);
    return (
      <div className="trend-tooltip">
        <strong>{fullDay(t)}</strong>
        <ul>
          {payload
            .filter((p) => typeof p.value === 'number')
            .map((p) => {
              const key = String(p.dataKey);
              const drivers = chart.drivers.get(`${key}@${t}`) ?? [];
              return (
                <li key={key}>
                  <span style={{ color: p.color }}>●</span> {labels.get(key)}: {Number(p.value).toFixed(0)}
                  {drivers.length > 0 && (
                    <ul className="trend-drivers">
                      {drivers.map((d) => (
                        <li key={`${d.reportId}/${d.phrase}`}>
                          “{d.phrase}” <span className="muted">{formatSigned(d.weight)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
        </ul>
      </div>
    );
  };
}

export function TensionTrends({ tension }: { tension: PublicTension }) {
  const chart = useMemo(() => tensionChart(tension), [tension]);
  const rises = useMemo(() => risesOf(tension, RISES_LISTED), [tension]);
  const first = chart.rows[0]?.t;
  const last = chart.rows.at(-1)?.t;
  return (
    <section className="trend-card trend-tension" aria-labelledby="trend-tension-title" data-testid="trend-tension">
      <header className="trend-card-header">
        <h2 id="trend-tension-title">Tension by actor pair</h2>
        <span className="muted">index 0–100 · last 30 days of reports</span>
      </header>
      {chart.rows.length === 0 ? (
        <p className="trend-empty">No signal yet names two actors.</p>
      ) : (
        <>
          <TimeSeriesChart
            chart={chart}
            description={`Tension by actor pair, ${fullDay(first ?? 0)} to ${fullDay(last ?? 0)}: ${tension.pairs
              .map((p) => `${p.actors.join(' and ')} ${p.value.toFixed(0)}`)
              .join(', ')}`}
            yLabel={(n) => n.toFixed(0)}
            yDomain={[0, 100]}
            tooltip={tensionTooltip(chart)}
            testId="trend-tension-chart"
            firstColour={1}
          />
          <SeriesLegend chart={chart} firstColour={1} />
        </>
      )}
      {rises.length > 0 && (
        <>
          <h3 className="trend-subtitle">What drove each rise</h3>
          <ol className="trend-rises" data-testid="trend-rises">
            {rises.map((r) => (
              <li key={`${r.pair}@${r.at}`}>
                <span className="trend-rise-head">
                  {fullDay(r.at)} · {r.pair} {r.from.toFixed(0)} → {r.value.toFixed(0)}
                </span>
                <span className="trend-rise-drivers">{r.drivers.map((d) => `“${d.phrase}”`).join(' · ')}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
