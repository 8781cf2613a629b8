/**
 * Pure: a value axis on round figures ("100k", "125k"), with room above and below the data, so a
 * chart zooms on the change that matters without odd ticks such as "93k" or "137k".
 */
import { scaleLinear } from 'd3-scale';
import { chartDomain } from '../../features/wall/figures.js';

export type ValueAxis = { domain: [number, number]; ticks: number[] };

/** An axis over [min, max] with about `count` round ticks; the domain ends on ticks. */
export function valueAxis(min: number, max: number, count: number): ValueAxis {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: [0, 1], ticks: [0, 1] };
  const scale = scaleLinear()
    .domain(chartDomain([min, max]))
    .nice(Math.max(2, count));
  const [low, high] = scale.domain();
  return { domain: [low, high], ticks: scale.ticks(Math.max(2, count)) };
}
