import { describe, expect, it } from 'vitest';
import { troopChartGeometry } from './troopChartGeometry.js';

const point = (at: string, value: number, low = value, high = value) => ({ at, value, low, high });
const EM = 20;

describe('troopChartGeometry', () => {
  const history = [
    point('2022-01-10', 100_000),
    point('2022-01-11', 110_000, 100_000, 130_000),
    point('2022-01-14', 127_000),
  ];
  const chart = troopChartGeometry(history, 800, 400, EM)!;

  it('places days by time: three days apart reads three times as far as one', () => {
    const [first, second, third] = chart.line
      .slice(1)
      .split('L')
      .map((xy) => Number(xy.split(',')[0]));
    expect(third - second).toBeCloseTo(3 * (second - first), 6);
    expect(chart.last.x).toBeCloseTo(third, 6);
  });

  it('keeps the first and last days clear of the axes and the line inside the plot', () => {
    expect(chart.xTicks[0].at).toBeGreaterThan(chart.plot.left);
    expect(chart.xTicks.at(-1)!.at).toBeLessThan(chart.plot.right);
    for (const xy of chart.line.slice(1).split('L')) {
      const [, y] = xy.split(',').map(Number);
      expect(y).toBeGreaterThanOrEqual(chart.plot.top);
      expect(y).toBeLessThanOrEqual(chart.plot.bottom);
    }
  });

  it('labels whole days and round figures', () => {
    expect(chart.xTicks.map((t) => t.label)).toContain('10 Jan');
    expect(chart.xTicks.map((t) => t.label)).toContain('14 Jan');
    expect(new Set(chart.xTicks.map((t) => t.label)).size).toBe(chart.xTicks.length);
    expect(chart.yTicks.length).toBeGreaterThanOrEqual(2);
    for (const t of chart.yTicks) expect(t.label).toMatch(/^\d+(\.\d)?k$/);
    // Higher figures sit higher on the wall (y grows downwards).
    const ys = chart.yTicks.map((t) => t.at);
    expect([...ys].sort((a, b) => b - a)).toEqual(ys);
  });

  it('spans the band from the low to the high of the range', () => {
    const yOf = (label: string) => chart.yTicks.find((t) => t.label === label)!.at;
    const bandYs = chart.band
      .slice(1)
      .replace('Z', '')
      .split('L')
      .map((xy) => Number(xy.split(',')[1]));
    // The band reaches the highest figure given (130k) and the lowest (100k).
    const span = yOf('100k') - yOf('110k');
    expect(Math.min(...bandYs)).toBeCloseTo(yOf('110k') - 2 * span, 6);
    expect(Math.max(...bandYs)).toBeCloseTo(yOf('100k'), 6);
  });

  it('labels whole days only over a short span, not noon', () => {
    const two = troopChartGeometry([point('2022-01-10', 1000), point('2022-01-11', 1200)], 1600, 400, EM)!;
    expect(two.xTicks.map((t) => t.label)).toEqual(['10 Jan', '11 Jan']);
  });

  it('draws nothing with one day, no room, or dates it cannot read', () => {
    expect(troopChartGeometry([point('2022-01-10', 1000)], 800, 400, EM)).toBeNull();
    expect(troopChartGeometry(history, 0, 0, EM)).toBeNull();
    expect(troopChartGeometry([point('nonsense', 1), point('2022-01-10', 2)], 800, 400, EM)).toBeNull();
  });
});
