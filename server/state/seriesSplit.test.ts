/** The live picture and the trends' series, apart: what changes carry and what GET /api/trends gives. */
import { describe, expect, it } from 'vitest';
import { extraction, signal, troop } from './fixtures.js';
import { applyReports, emptyState, publicView, type FoldInput } from './index.js';
import { leanPicture, leanTension, leanTroops, seriesOf } from './seriesSplit.js';

const RU_UA = ['Russia', 'Ukraine'];

const inputs: FoldInput[] = [
  {
    reportId: 'a',
    dateline: '2022-01-10',
    extraction: extraction({
      signals: [signal('troops massed on the border', 6, RU_UA)],
      troops: [troop(90_000, { actor: 'Russia', location: 'Ukraine', claimedBy: 'NATO' })],
    }),
  },
  {
    reportId: 'b',
    dateline: '2022-01-12',
    extraction: extraction({
      signals: [signal('sanctions threatened', 4, ['Russia', 'United States'])],
      troops: [
        troop(100_000, { actor: 'Russia', location: 'Ukraine', claimedBy: 'Kyiv' }),
        troop(5_000, { actor: 'Belarus', location: 'Belarus', claimedBy: 'Minsk' }),
      ],
    }),
  },
];

describe('the picture apart from its series', () => {
  const { state, changes } = applyReports(emptyState(), inputs);
  const full = publicView(state);

  it('changes carry tension and troops as the full picture has them, less the series', () => {
    const tension = changes.find((c) => c.type === 'tension.updated');
    const troops = changes.find((c) => c.type === 'troops.updated');
    expect(tension && 'tension' in tension && tension.tension).toEqual(leanTension(full.tension));
    expect(troops && 'troops' in troops && troops.troops).toEqual(leanTroops(full.troops));
    const lean = leanPicture(full);
    expect(lean.tension.pairs.length).toBe(full.tension.pairs.length);
    for (const p of lean.tension.pairs) expect(p).not.toHaveProperty('history');
    for (const f of [lean.troops, ...lean.troops.others]) expect(f).not.toHaveProperty('claimants');
    expect(lean.troops.others.map((f) => f.force)).toEqual(['Belarus']);
    expect(lean.meetings).toBe(full.meetings);
  });

  it('the series hold what was left out, in the picture’s order, the headline force first', () => {
    const series = seriesOf('russia-ukraine', '5-0', full);
    expect(series).toMatchObject({ crisis: 'russia-ukraine', seq: '5-0' });
    expect(series.pairs).toEqual(full.tension.pairs.map((p) => ({ actors: p.actors, history: p.history })));
    expect(series.forces.map((f) => [f.force, f.theatre])).toEqual(
      [full.troops, ...full.troops.others].map((f) => [f.force, f.theatre]),
    );
    const headline = series.forces[0].claimants.map((c) => [c.claimedBy, c.points.map((p) => p.value)]);
    expect(headline).toEqual(
      expect.arrayContaining([
        ['NATO', [90_000]],
        ['Kyiv', [100_000]],
      ]),
    );
  });

  it('a lean picture is lean already: the same object back', () => {
    const lean = leanPicture(full);
    expect(leanTension(lean.tension)).toBe(lean.tension);
    expect(leanTroops(lean.troops)).toBe(lean.troops);
  });
});
