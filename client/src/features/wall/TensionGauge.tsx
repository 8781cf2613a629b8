/** The half-circle tension gauge: faint level bands, the value's arc in its level colour, and an end mark. */
import type { TensionLevel } from '../../../../shared/state.js';
import { gaugeArc, gaugeBands, gaugePoint } from './gauge.js';

const R = 84;
const CX = 100;
const CY = 100;

export function TensionGauge({ value, level }: { value: number; level: TensionLevel }) {
  const inner = gaugePoint(value, R - 13, CX, CY);
  const outer = gaugePoint(value, R + 13, CX, CY);
  return (
    <svg
      className="tension-gauge"
      viewBox="0 0 200 108"
      role="img"
      aria-label={`Tension ${Math.round(value)} of 100, ${level}`}
    >
      {gaugeBands.map((b) => (
        <path
          key={b.level}
          d={gaugeArc(b.from + 0.5, b.to - 0.5, R, CX, CY)}
          className={`gauge-band level-${b.level}`}
        />
      ))}
      {value > 0 && <path d={gaugeArc(0, value, R, CX, CY)} className={`gauge-value level-${level}`} />}
      <line x1={inner.x} y1={inner.y} x2={outer.x} y2={outer.y} className="gauge-mark" />
    </svg>
  );
}
