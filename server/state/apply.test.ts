import { describe, expect, it } from 'vitest';
import { applyReport, applyReports, emptyState, publicView, type CrisisState, type FoldInput } from './index.js';
import { extraction, meeting, signal, troop } from './fixtures.js';

const reportA: FoldInput = {
  reportId: 'rep-a',
  dateline: '2022-01-19',
  extraction: extraction({
    signals: [signal('armoured columns moved toward the frontier', 4, ['Russia', 'Ukraine'])],
    troops: [troop(100_000, { qualifier: 'more than', actor: 'Russia' })],
    meetings: [meeting(['Antony Blinken', 'Sergei Lavrov'], { date: '2022-01-21', place: 'Geneva' })],
  }),
};
const reportB: FoldInput = {
  reportId: 'rep-b',
  dateline: '2022-01-20T09:30:00Z',
  extraction: extraction({
    signals: [signal('foreign ministers agreed to keep talking', -2, ['United States', 'Russia'])],
    troops: [troop(127_000, { claimedBy: 'Ukrainian intelligence' })],
  }),
};

const fold = (inputs: FoldInput[], from: CrisisState = emptyState()): CrisisState =>
  inputs.reduce((s, i) => applyReport(s, i).state, from);

describe('applyReport', () => {
  it('announces what changed, and nothing when the same report comes again', () => {
    const first = applyReport(emptyState(), reportA);
    expect(first.changes.map((c) => c.type)).toEqual(['tension.updated', 'troops.updated', 'meeting.upserted']);
    const again = applyReport(first.state, reportA);
    expect(again.changes).toEqual([]);
    expect(again.state).toEqual(first.state);
  });

  it('does not mutate the state it is given', () => {
    const s = fold([reportA]);
    const copy = JSON.parse(JSON.stringify(s)) as CrisisState;
    applyReport(s, reportB);
    applyReport(s, { ...reportA, extraction: null });
    expect(s).toEqual(copy);
  });

  it('replaces a report: the corrected extraction stands alone', () => {
    const corrected: FoldInput = { ...reportA, extraction: extraction({ troops: [troop(90_000)] }) };
    const s = fold([reportA, corrected]);
    expect(s).toEqual(fold([corrected]));
    const view = publicView(s);
    expect(view.troops.current?.value).toBe(90_000);
    expect(view.meetings).toEqual([]);
    expect(view.tension.drivers).toEqual([]);
  });

  it('removes a report with extraction null and announces the withdrawn meeting', () => {
    const s = fold([reportA, reportB]);
    const { state, changes } = applyReport(s, { ...reportA, extraction: null });
    expect(publicView(state)).toEqual(publicView(fold([reportB])));
    const withdrawn = changes.find((c) => c.type === 'meeting.upserted');
    expect(withdrawn?.type === 'meeting.upserted' && withdrawn.meeting.sources).toEqual([]);
  });

  it('removing every report gives the empty picture back', () => {
    const s = fold([reportA, reportB, { ...reportA, extraction: null }, { ...reportB, extraction: null }]);
    expect(publicView(s)).toEqual(publicView(emptyState()));
    expect(s).toEqual(emptyState());
  });

  it('removing an unknown report changes nothing', () => {
    const s = fold([reportA]);
    expect(applyReport(s, { reportId: 'nope', dateline: '2022-01-19', extraction: null })).toEqual({
      state: s,
      changes: [],
    });
  });

  it('does not depend on arrival order for tension and troops', () => {
    const ab = publicView(fold([reportA, reportB]));
    const ba = publicView(fold([reportB, reportA]));
    expect(ab.tension).toEqual(ba.tension);
    expect(ab.troops).toEqual(ba.troops);
  });

  it('round-trips through JSON', () => {
    const s = fold([reportA, reportB]);
    const parsed = JSON.parse(JSON.stringify(s)) as CrisisState;
    expect(parsed).toEqual(s);
    expect(applyReport(parsed, reportB).changes).toEqual([]);
  });

  it('rejects an unreadable dateline', () => {
    expect(() => applyReport(emptyState(), { ...reportA, dateline: 'last Tuesday' })).toThrow(RangeError);
  });
});

describe("applyReports (a worker's batch)", () => {
  it('ends in the same state as folding one by one, announcing each value once in its final form', () => {
    const moved: FoldInput = {
      reportId: 'rep-c',
      dateline: '2022-01-21',
      extraction: extraction({
        meetings: [
          meeting(['Antony Blinken', 'Sergei Lavrov'], { date: '2022-01-24', place: 'Geneva', status: 'scheduled' }),
        ],
      }),
    };
    const batch = applyReports(emptyState(), [reportA, reportB, moved]);
    expect(batch.state).toEqual(fold([reportA, reportB, moved]));
    const types = batch.changes.map((c) => c.type);
    expect(types.filter((t) => t === 'tension.updated')).toHaveLength(1);
    expect(types.filter((t) => t === 'troops.updated')).toHaveLength(1);
    const meetings = batch.changes.filter((c) => c.type === 'meeting.upserted');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toEqual({ type: 'meeting.upserted', meeting: publicView(batch.state).meetings[0] });
    expect(applyReports(batch.state, [reportA, reportB, moved]).changes).toEqual([]);
  });

  it('announces nothing for a meeting the batch creates and takes out again', () => {
    const scholz: FoldInput = {
      reportId: 'rep-s',
      dateline: '2022-01-20',
      extraction: extraction({ meetings: [meeting(['Olaf Scholz', 'Emmanuel Macron'], { place: 'Berlin' })] }),
    };
    const s = fold([reportA]);
    const batch = applyReports(s, [scholz, reportB, { ...scholz, extraction: null }]);
    expect(batch.changes.filter((c) => c.type === 'meeting.upserted')).toEqual([]);
    expect(publicView(batch.state).meetings).toEqual(publicView(s).meetings);
    // One by one, the same reports announce the meeting and then its removal.
    const one = applyReport(s, scholz);
    expect(one.changes.filter((c) => c.type === 'meeting.upserted')).toHaveLength(1);
  });
});
