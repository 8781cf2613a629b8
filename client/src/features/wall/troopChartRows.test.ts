import { describe, expect, it } from 'vitest';
import { MAX_CHART_POINTS } from './figures.js';
import { troopRows } from './TroopChartPlot.js';

describe('troopRows (the wall chart’s data)', () => {
  it('stays bounded however long the history: a wall runs for days', () => {
    const history = Array.from({ length: MAX_CHART_POINTS * 3 }, (_, i) => {
      const at = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
      return { at, value: 1000 + i, low: 900 + i, high: 1100 + i };
    });
    const rows = troopRows(history);
    expect(rows).toHaveLength(MAX_CHART_POINTS);
    expect(rows.at(-1)).toEqual({ t: Date.parse(`${history.at(-1)!.at}T00:00:00Z`), value: 1599, range: [1499, 1699] });
  });

  it('widens a day’s band to its figure when the figure falls outside its range', () => {
    expect(troopRows([{ at: '2022-01-10', value: 150, low: 100, high: 120 }])[0].range).toEqual([100, 150]);
  });
});
