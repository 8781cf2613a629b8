/** A small trend line (own SVG: a polyline needs no chart library). */
import { sparklinePoints } from './sparkline.js';

const W = 300;
const H = 100;

export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const points = sparklinePoints(values, W, H);
  return (
    <svg
      className="sparkline"
      viewBox={`-4 -4 ${W + 8} ${H + 8}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      {[25, 50, 75].map((v) => (
        <line key={v} x1={0} y1={H - v} x2={W} y2={H - v} className="sparkline-grid" />
      ))}
      {values.length > 1 && <polygon points={`0,${H} ${points} ${W},${H}`} className="sparkline-fill" />}
      {points && <polyline points={points} className="sparkline-line" vectorEffect="non-scaling-stroke" />}
    </svg>
  );
}
