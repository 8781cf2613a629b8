/** Pure: geometry of the half-circle tension gauge (SVG paths), 0..100 left to right. */

export type Point = { x: number; y: number };

/** The point at `value` (0..100, clamped) on a half circle of radius `r` centred at (cx, cy). */
export function gaugePoint(value: number, r: number, cx: number, cy: number): Point {
  const t = Math.min(100, Math.max(0, value)) / 100;
  const angle = Math.PI * (1 - t); // 180° at 0, 0° at 100
  return { x: round(cx + r * Math.cos(angle)), y: round(cy - r * Math.sin(angle)) };
}

/** An SVG arc path from value `from` to value `to` along the gauge. */
export function gaugeArc(from: number, to: number, r: number, cx: number, cy: number): string {
  const a = gaugePoint(from, r, cx, cy);
  const b = gaugePoint(Math.max(from, to), r, cx, cy);
  return `M ${a.x} ${a.y} A ${r} ${r} 0 0 1 ${b.x} ${b.y}`;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** The bands drawn under the gauge; the level itself always comes from the server. */
export const gaugeBands = [
  { from: 0, to: 25, level: 'low' },
  { from: 25, to: 50, level: 'elevated' },
  { from: 50, to: 75, level: 'high' },
  { from: 75, to: 100, level: 'severe' },
] as const;
