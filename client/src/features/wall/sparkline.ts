/** Pure: an SVG polyline for a small trend line, scaled into a box. */

/** `points` as "x,y x,y …" for an SVG polyline in a `width`×`height` box; y grows downwards. */
export function sparklinePoints(
  values: readonly number[],
  width: number,
  height: number,
  range: [number, number] = [0, 100],
): string {
  if (values.length === 0) return '';
  const [lo, hi] = range;
  const span = hi - lo || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const clamped = Math.min(hi, Math.max(lo, v));
      const x = values.length > 1 ? i * step : width;
      const y = height - ((clamped - lo) / span) * height;
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** The trend over the last points: the change from the first to the last value. */
export function trend(values: readonly number[]): number {
  return values.length < 2 ? 0 : values[values.length - 1] - values[0];
}
