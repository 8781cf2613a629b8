/** The series the trends page draws: tension per actor pair day by day, troop figures per claimant. */
import { describe, expect, it } from 'vitest';
import { applyReport, emptyState, indexValue, publicView, type FoldInput } from './index.js';
import { MAX_CLAIMANTS_SHOWN, PAIR_WINDOW_DAYS } from './constants.js';
import { extraction, signal, troop } from './fixtures.js';
import { decay } from './time.js';

const RU_UA = ['Russia', 'Ukraine'];
const US_RU = ['Russia', 'United States'];

const viewOf = (...inputs: FoldInput[]) => publicView(inputs.reduce((s, i) => applyReport(s, i).state, emptyState()));

const tensionReport = (reportId: string, dateline: string, ...signals: ReturnType<typeof signal>[]): FoldInput => ({
  reportId,
  dateline,
  extraction: extraction({ signals }),
});
const troopReport = (reportId: string, dateline: string, ...troops: ReturnType<typeof troop>[]): FoldInput => ({
  reportId,
  dateline,
  extraction: extraction({ troops }),
});

describe('tension per actor pair, day by day', () => {
  it('decays each pair as the index does, one point per day with reports, ending at the pair value', () => {
    const { pairs } = viewOf(
      tensionReport('a', '2022-01-10', signal('troops massed on the border', 6, RU_UA)),
      tensionReport('b', '2022-01-12', signal('sanctions threatened', 4, US_RU)),
      tensionReport('c', '2022-01-13', signal('routine statement', 0)),
    ).tension;
    const ruUa = pairs.find((p) => p.actors.join('|') === 'Russia|Ukraine');
    const usRu = pairs.find((p) => p.actors.join('|') === 'Russia|United States');
    expect(ruUa?.history?.map((p) => [p.at, p.value])).toEqual([
      ['2022-01-10', indexValue(6)],
      ['2022-01-12', indexValue(6 * decay(2))],
      ['2022-01-13', indexValue(6 * decay(3))],
    ]);
    // A pair starts on its first signal: no zeros before it.
    expect(usRu?.history?.map((p) => p.at)).toEqual(['2022-01-12', '2022-01-13']);
    for (const pair of pairs) expect(pair.history?.at(-1)?.value).toBe(pair.value);
  });

  it('names the escalating signals of the day behind each rise, none on a day it fell', () => {
    const { pairs } = viewOf(
      tensionReport('a', '2022-03-01', signal('artillery moved forward', 5, RU_UA)),
      tensionReport('b', '2022-03-02', signal('talks resumed', -2, RU_UA)),
      tensionReport('c', '2022-03-03', signal('shelling of Kharkiv', 8, RU_UA), signal('ceasefire call', -1, RU_UA)),
      tensionReport('d', '2022-03-03', signal('an unrelated quiet report', 0)),
    ).tension;
    const history = pairs[0].history ?? [];
    expect(history.map((p) => p.drivers?.map((d) => d.phrase))).toEqual([
      ['artillery moved forward'],
      undefined,
      ['shelling of Kharkiv'],
    ]);
    // What it added that day: its weight over the two reports of 3 March.
    expect(history[2].drivers?.[0]).toEqual({
      reportId: 'c',
      phrase: 'shelling of Kharkiv',
      weight: 8,
      contribution: 4,
    });
  });

  it('keeps the series within the pair window', () => {
    const reports = Array.from({ length: PAIR_WINDOW_DAYS + 10 }, (_, i) =>
      tensionReport(`r${i}`, new Date(Date.UTC(2022, 0, 1 + i)).toISOString().slice(0, 10), signal('drills', 1, RU_UA)),
    );
    const history = viewOf(...reports).tension.pairs[0].history ?? [];
    expect(history.length).toBe(PAIR_WINDOW_DAYS + 1);
    expect(history.at(-1)?.at).toBe(new Date(Date.UTC(2022, 0, PAIR_WINDOW_DAYS + 10)).toISOString().slice(0, 10));
  });

  it('starts at the pair’s first signal still counted, once a report is taken out', () => {
    const kept = tensionReport('a', '2022-01-10', signal('troops massed', 6, RU_UA));
    const gone = tensionReport('b', '2022-01-08', signal('warning issued', 2, RU_UA));
    // A report without a pair keeps the day of the one taken out.
    const quiet = tensionReport('q', '2022-01-08', signal('routine statement', 0));
    const direct = viewOf(quiet, kept).tension.pairs;
    const replayed = viewOf(quiet, gone, kept, { reportId: 'b', dateline: '2022-01-08', extraction: null }).tension
      .pairs;
    expect(replayed).toEqual(direct);
    expect(direct[0].history?.map((p) => p.at)).toEqual(['2022-01-10']);
  });

  it('does not depend on the order reports arrive in', () => {
    const inputs = [
      tensionReport('a', '2022-01-10', signal('troops massed', 6, RU_UA)),
      tensionReport('b', '2022-01-11', signal('troops massed again', 3, RU_UA)),
      tensionReport('c', '2022-01-11', signal('warning issued', 2, RU_UA)),
    ];
    expect(viewOf(...inputs).tension.pairs).toEqual(viewOf(...inputs.toReversed()).tension.pairs);
  });
});

describe('troop figures per claimant', () => {
  it('keeps each source’s figures side by side, day by day, hypotheticals apart', () => {
    const { troops } = viewOf(
      troopReport('r1', '2022-01-10', troop(100_000, { claimedBy: 'Ukraine’s defence ministry' })),
      troopReport('r2', '2022-01-10', troop(90_000, { claimedBy: 'U.S. officials', low: 85_000, high: 95_000 })),
      troopReport('r3', '2022-01-20', troop(127_000, { claimedBy: 'Ukraine’s defence ministry' })),
      troopReport('r4', '2022-01-21', troop(175_000, { claimedBy: 'U.S. officials', hypothetical: true })),
      troopReport('r5', '2022-01-21', troop(110_000)),
    );
    expect(troops.claimants).toEqual([
      {
        claimedBy: 'U.S. officials',
        points: [{ at: '2022-01-10', value: 90_000, low: 85_000, high: 95_000 }],
        hypotheticals: [{ at: '2022-01-21', value: 175_000 }],
      },
      {
        claimedBy: 'Ukraine’s defence ministry',
        points: [
          { at: '2022-01-10', value: 100_000 },
          { at: '2022-01-20', value: 127_000 },
        ],
        hypotheticals: [],
      },
      { claimedBy: '', points: [{ at: '2022-01-21', value: 110_000 }], hypotheticals: [] },
    ]);
  });

  it('takes the figure a source cited most on a day, the lower on a tie', () => {
    const { troops } = viewOf(
      troopReport('r1', '2022-02-01', troop(120_000, { claimedBy: 'NATO' }), troop(100_000, { claimedBy: 'NATO' })),
    );
    expect(troops.claimants?.[0].points).toEqual([{ at: '2022-02-01', value: 100_000 }]);
  });

  it('charts at most MAX_CLAIMANTS_SHOWN sources, those with the most claims', () => {
    const many = Array.from({ length: MAX_CLAIMANTS_SHOWN + 3 }, (_, i) =>
      troopReport(`r${i}`, '2022-02-01', troop(1000 + i, { claimedBy: `Source ${i}` })),
    );
    const busy = troopReport('busy', '2022-02-02', troop(5000, { claimedBy: 'Source 9' }));
    const claimants = viewOf(...many, busy).troops.claimants ?? [];
    expect(claimants).toHaveLength(MAX_CLAIMANTS_SHOWN);
    expect(claimants[0].claimedBy).toBe('Source 9');
  });
});
