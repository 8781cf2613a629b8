/** Tension: the gauge with its level, the trend and the phrases that drive it now. */
import { memo } from 'react';
import type { PublicTension } from '../../../../shared/state.js';
import { FlashOnChange } from '../../components/FlashOnChange.js';
import { CitedSource } from '../../components/SourceMark.js';
import { formatSigned, MAX_CHART_POINTS, topDrivers } from './figures.js';
import { Sparkline } from './Sparkline.js';
import { trend } from './sparkline.js';
import { TensionGauge } from './TensionGauge.js';
import './tension.css';

const TREND_POINTS = 30;

export const TensionPanel = memo(function TensionPanel({ tension }: { tension: PublicTension }) {
  const values = tension.history.slice(-Math.min(TREND_POINTS, MAX_CHART_POINTS)).map((p) => p.value);
  const change = trend(values);
  const drivers = topDrivers(tension.drivers, 3);
  return (
    <section className="wall-panel tension-panel" aria-labelledby="tension-title" data-testid="tension-panel">
      <h2 id="tension-title" className="panel-title">
        Tension
      </h2>
      <div className="tension-main">
        <TensionGauge value={tension.value} level={tension.level} />
        <div className="tension-reading">
          <FlashOnChange value={tension.value} className="tension-value figure">
            {Math.round(tension.value)}
          </FlashOnChange>
          <FlashOnChange value={tension.level} className={`tension-level level-${tension.level}`}>
            {tension.level}
          </FlashOnChange>
        </div>
      </div>
      <div className="tension-trend">
        <span className="sub-title">
          Trend
          <span className={`trend-delta ${change > 0 ? 'up' : change < 0 ? 'down' : ''}`}>
            {change > 0 ? '▲' : change < 0 ? '▼' : '±'} {formatSigned(change)}
          </span>
          <span className="muted">
            {' '}
            over {values.length} {values.length === 1 ? 'day' : 'days'}
          </span>
        </span>
        <Sparkline values={values} label={`Tension over the last ${values.length} days`} />
      </div>
      <span className="sub-title">Driven by</span>
      <p className="tension-drivers" data-testid="tension-drivers">
        {drivers.length === 0 ? (
          <span className="muted">No signals yet</span>
        ) : (
          drivers.map((d, i) => (
            <span key={`${d.reportId}-${d.phrase}-${i}`} className="driver">
              <span className="driver-phrase">{d.phrase}</span>{' '}
              <span className={`driver-weight ${d.contribution > 0 ? 'up' : 'down'}`}>
                {formatSigned(d.contribution)}
              </span>{' '}
              <CitedSource reportId={d.reportId} compact />
            </span>
          ))
        )}
      </p>
    </section>
  );
});
