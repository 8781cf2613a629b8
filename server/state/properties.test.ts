import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../shared/extraction.js';
import { applyReport, emptyState, publicView, type CrisisState, type FoldInput } from './index.js';
import { extraction, meeting, signal, troop } from './fixtures.js';

const actor = fc.constantFrom('Russia', 'Ukraine', 'US', 'Washington', 'NATO');
const person = fc.constantFrom('Anna Adler', 'Adler', 'Boris Brandt', 'Carla Costa', 'Costa');
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2022-02-${String(d).padStart(2, '0')}`);

const anExtraction: fc.Arbitrary<Extraction> = fc
  .record({
    signals: fc.array(
      fc.tuple(
        fc.constantFrom('massed troops', 'talks', 'threat'),
        fc.integer({ min: -50, max: 80 }),
        fc.option(fc.tuple(actor, actor)),
      ),
      { maxLength: 3 },
    ),
    troops: fc.array(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.boolean()), { maxLength: 2 }),
    meetings: fc.array(
      fc.tuple(fc.tuple(person, person), fc.option(day), fc.constantFrom('scheduled', 'held', 'cancelled', 'proposed')),
      { maxLength: 2 },
    ),
  })
  .map(({ signals, troops, meetings }) =>
    extraction({
      signals: signals.map(([p, w, pair]) => signal(p, w / 10, pair ?? undefined)),
      troops: troops.map(([v, hyp]) => troop(v * 1000, { hypothetical: hyp })),
      meetings: meetings.map(([ps, date, status]) => meeting([...ps], { date, status })),
    }),
  );

const anInput: fc.Arbitrary<FoldInput> = fc.record({
  reportId: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6'),
  dateline: day,
  extraction: fc.option(anExtraction, { freq: 4 }),
});

const fold = (inputs: readonly FoldInput[], from: CrisisState = emptyState()): CrisisState =>
  inputs.reduce((s, i) => applyReport(s, i).state, from);

/** A report id keeps its dateline (ids hash text and dateline), as in production. */
const consistent = (inputs: FoldInput[]): FoldInput[] => {
  const dateOf = new Map<string, string>();
  return inputs.map((i) => {
    const dateline = dateOf.get(i.reportId) ?? i.dateline;
    dateOf.set(i.reportId, dateline);
    return { ...i, dateline };
  });
};
const inputs = fc.array(anInput, { maxLength: 12 }).map(consistent);

describe('fold properties', () => {
  it('applying an input a second time changes nothing', () => {
    fc.assert(
      fc.property(inputs, anInput, (xs, x) => {
        const [last] = consistent([...xs, x]).slice(-1);
        const once = applyReport(fold(xs), last).state;
        const twice = applyReport(once, last);
        expect(twice.changes).toEqual([]);
        expect(twice.state).toEqual(once);
      }),
    );
  });

  it('removing every report returns the empty picture', () => {
    fc.assert(
      fc.property(inputs, (xs) => {
        const removals = xs.map((x) => ({ ...x, extraction: null }));
        const s = fold(removals, fold(xs));
        expect(publicView(s)).toEqual(publicView(emptyState()));
      }),
    );
  });

  it('the final picture of tension and troops depends only on the last version of each report', () => {
    fc.assert(
      fc.property(inputs, (xs) => {
        const lastOf = new Map(xs.map((x) => [x.reportId, x]));
        const direct = publicView(fold([...lastOf.values()]));
        const reversed = publicView(fold([...lastOf.values()].reverse()));
        const replayed = publicView(fold(xs));
        expect(replayed.tension).toEqual(direct.tension);
        expect(replayed.troops).toEqual(direct.troops);
        expect(reversed.tension).toEqual(direct.tension);
        expect(reversed.troops).toEqual(direct.troops);
        // Meetings may be merged differently by arrival order, but cite the same reports.
        const cited = (v: ReturnType<typeof publicView>) => [...new Set(v.meetings.flatMap((m) => m.sources))].sort();
        expect(cited(reversed)).toEqual(cited(direct));
      }),
    );
  });

  it('announces a change exactly when the public value changed', () => {
    fc.assert(
      fc.property(inputs, anInput, (xs, x) => {
        const [last] = consistent([...xs, x]).slice(-1);
        const before = fold(xs);
        const { state, changes } = applyReport(before, last);
        const [a, b] = [publicView(before), publicView(state)];
        expect(changes.some((c) => c.type === 'tension.updated')).toBe(
          JSON.stringify(a.tension) !== JSON.stringify(b.tension),
        );
        expect(changes.some((c) => c.type === 'troops.updated')).toBe(
          JSON.stringify(a.troops) !== JSON.stringify(b.troops),
        );
        const after = changes.flatMap((c) =>
          c.type === 'meeting.upserted' && c.meeting.sources.length > 0 ? [c.meeting] : [],
        );
        for (const m of after) expect(b.meetings).toContainEqual(m);
      }),
    );
  });

  it('stays JSON-safe', () => {
    fc.assert(
      fc.property(inputs, (xs) => {
        const s = fold(xs);
        expect(JSON.parse(JSON.stringify(s))).toEqual(s);
      }),
    );
  });
});
