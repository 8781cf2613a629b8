import { describe, expect, it } from 'vitest';
import { applyReport, emptyState, publicView, type FoldInput } from './index.js';
import { extraction, troop } from './fixtures.js';
import { theatreOf } from './troops.js';

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
    expect(t).toEqual({
      force: '',
      theatre: '',
      current: null,
      hypotheticals: [],
      history: [],
      claimants: [],
      others: [],
    });
  });
});

describe('troops per force and theatre', () => {
  const principal = { principal: { force: 'Russia', theatre: 'Ukraine' } };
  const fold = (...inputs: FoldInput[]) =>
    publicView(
      inputs.reduce((s, i) => applyReport(s, i, principal).state, emptyState()),
      principal,
    ).troops;

  it("keeps the principal force's figure as the headline whatever other forces are reported", () => {
    const t = fold(
      report('r1', '2022-01-18', troop(130_000, { actor: 'Russia', location: 'Ukraine' })),
      // A paramilitary deployment elsewhere, reported later: listed apart, never in the headline's range.
      report('r2', '2022-01-19', troop(10_000, { actor: 'India', location: 'Kashmir' })),
      report('r3', '2022-01-19', troop(8_500, { actor: 'United States' })),
    );
    expect(t).toMatchObject({ force: 'Russia', theatre: 'Ukraine' });
    expect(t.current).toMatchObject({ value: 130_000, low: 130_000, high: 130_000 });
    expect(t.others.map((o) => [o.force, o.theatre, o.current?.value])).toEqual([
      ['India', 'Kashmir', 10_000],
      ['United States', '', 8_500],
    ]);
  });

  it('counts a figure of the principal force with no place stated in the principal theatre, and one elsewhere apart', () => {
    const t = fold(
      report('r1', '2022-01-18', troop(100_000, { actor: 'Russia' })),
      report('r2', '2022-01-19', troop(30_000, { actor: 'Russia', location: 'Belarus' })),
    );
    expect(t.current?.value).toBe(100_000);
    expect(t.others).toHaveLength(1);
    expect(t.others[0]).toMatchObject({ force: 'Russia', theatre: 'Belarus', current: { value: 30_000 } });
  });

  it('names the principal even before any figure of it arrives', () => {
    const t = fold(report('r1', '2022-01-19', troop(5_000, { actor: 'NATO', location: 'Poland' })));
    expect(t).toMatchObject({ force: 'Russia', theatre: 'Ukraine', current: null, history: [] });
    expect(t.others.map((o) => o.force)).toEqual(['NATO']);
  });

  it('moves a figure between forces when a correction changes whose troops they are', () => {
    const before = applyReport(
      emptyState(),
      report('r1', '2022-01-19', troop(40_000, { actor: 'Belarus' })),
      principal,
    );
    const after = applyReport(
      before.state,
      report('r1', '2022-01-19', troop(40_000, { actor: 'Russia', location: 'Ukraine' })),
      principal,
    );
    const t = publicView(after.state, principal).troops;
    expect(t.current?.value).toBe(40_000);
    expect(t.others).toEqual([]);
    expect(after.changes.map((c) => c.type)).toEqual(['troops.updated']);
  });
});

describe('theatres', () => {
  const options = { principal: { force: 'Russia', theatre: 'Ukraine' }, places: ['Donbas', 'Sea of Azov'] };
  it.each([
    ['the Ukrainian border', 'Ukraine'],
    ["Ukraine's eastern frontier", 'Ukraine'],
    ['the Donbas', 'Ukraine'],
    ['the Sea of Azov coast', 'Ukraine'],
    ['the border', ''],
    ['its frontier', ''],
    ['Belarus', 'Belarus'],
    ['the Baltic states', 'Baltic states'],
  ])('reads "%s" as the theatre "%s"', (location, theatre) => {
    expect(theatreOf(location, options)).toBe(theatre);
  });

  it('reads places as themselves without a principal', () => {
    expect(theatreOf('the Donbas', {})).toBe('Donbas');
  });
});
