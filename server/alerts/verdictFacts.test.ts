import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../shared/extraction.js';
import { verdictChanges } from './verdictFacts.js';

const ev = { text: 'x', start: 0, end: 1 };
const original: Extraction = {
  troops: [
    { value: 100, qualifier: 'about', hypothetical: false, evidence: ev },
    { value: 200, qualifier: 'about', hypothetical: false, evidence: { text: 'y', start: 5, end: 6 } },
  ],
  meetings: [
    { participants: ['A', 'B'], place: 'Geneva', date: null, kind: 'in-person', status: 'scheduled', evidence: ev },
  ],
  tension: { delta: 0, signals: [] },
  entities: { people: [], places: [], organizations: [] },
};

describe('what a verdict of false withdrew', () => {
  it('names each fact as the wall showed it (sets applied), gone; leaves out facts a correction rejected', () => {
    const changes = verdictChanges(
      original,
      [
        { kind: 'troop.set', index: 1, value: 250 },
        { kind: 'troop.reject', index: 0 },
      ],
      {
        facts: [
          { kind: 'troops', index: 0 },
          { kind: 'troops', index: 1 },
          { kind: 'meetings', index: 0 },
        ],
        report: null,
      },
    );
    expect(changes.map((c) => [c.kind, (c.before as { value?: number }).value, c.after])).toEqual([
      ['troop', 250, null],
      ['meeting', undefined, null],
    ]);
  });

  it('a whole report is one change', () => {
    expect(verdictChanges(original, [], { facts: [], report: { before: 'in-progress' } })).toEqual([
      { kind: 'report', before: { verification: 'in-progress' }, after: null },
    ]);
  });
});
