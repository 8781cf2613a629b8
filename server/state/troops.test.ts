import { describe, expect, it } from 'vitest';
import { applyReport, emptyState, publicView, type FoldInput } from './index.js';
import { extraction, troop } from './fixtures.js';

const report = (reportId: string, dateline: string, ...troops: ReturnType<typeof troop>[]): FoldInput => ({
  reportId,
  dateline,
  extraction: extraction({ troops }),
});
const troopsOf = (...inputs: FoldInput[]) =>
  publicView(inputs.reduce((s, i) => applyReport(s, i).state, emptyState())).troops;

describe('troops', () => {
  it('keeps hypothetical figures apart from the current figure', () => {
    const t = troopsOf(
      report('r1', '2022-01-19', troop(100_000, { qualifier: 'more than' }), troop(200_000, { hypothetical: true })),
    );
    expect(t.current).toMatchObject({ value: 100_000, low: 100_000, high: 100_000, asOf: '2022-01-19' });
    expect(t.current?.claims.map((c) => c.reportId)).toEqual(['r1']);
    expect(t.hypotheticals.map((c) => c.value)).toEqual([200_000]);
    expect(t.history).toEqual([{ at: '2022-01-19', value: 100_000, low: 100_000, high: 100_000 }]);
  });

  it('takes the most-cited figure of the newest day, the range over the window', () => {
    const t = troopsOf(
      report('r1', '2022-01-05', troop(90_000, { low: 70_000, high: 94_000 })),
      report('r2', '2022-01-15', troop(127_000)),
      report('r3', '2022-01-15', troop(100_000)),
      report('r4', '2022-01-15', troop(100_000)),
    );
    expect(t.current).toMatchObject({ value: 100_000, low: 70_000, high: 127_000, asOf: '2022-01-15' });
    expect(t.current?.claims).toHaveLength(4);
  });

  it('breaks a tie on the newest day toward the lower figure', () => {
    const t = troopsOf(report('r1', '2022-01-15', troop(130_000)), report('r2', '2022-01-15', troop(100_000)));
    expect(t.current?.value).toBe(100_000);
  });

  it('leaves claims older than the window out of the current figure', () => {
    const t = troopsOf(report('r1', '2021-11-01', troop(175_000)), report('r2', '2022-01-15', troop(100_000)));
    expect(t.current).toMatchObject({ value: 100_000, low: 100_000, high: 100_000 });
    expect(t.history.map((h) => [h.at, h.value])).toEqual([
      ['2021-11-01', 175_000],
      ['2022-01-15', 100_000],
    ]);
  });

  it('recomputes the history of later days when an earlier claim arrives late', () => {
    const early = report('early', '2022-01-10', troop(80_000, { low: 60_000 }));
    const late = report('late', '2022-01-12', troop(100_000));
    expect(troopsOf(late, early)).toEqual(troopsOf(early, late));
    expect(troopsOf(late, early).history[1]).toEqual({ at: '2022-01-12', value: 100_000, low: 60_000, high: 100_000 });
  });

  it('drops a rejected figure from the history when its report is replaced', () => {
    const t = troopsOf(report('r1', '2022-01-10', troop(1_000_000)), report('r1', '2022-01-10'));
    expect(t).toEqual({ current: null, hypotheticals: [], history: [] });
  });
});
