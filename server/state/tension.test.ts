import { describe, expect, it } from 'vitest';
import {
  HALF_LIFE_DAYS,
  applyReport,
  emptyState,
  indexValue,
  publicView,
  tensionLevel,
  type FoldInput,
} from './index.js';
import { extraction, signal } from './fixtures.js';
import { TENSION_SCALE } from './constants.js';

const report = (reportId: string, dateline: string, ...signals: ReturnType<typeof signal>[]): FoldInput => ({
  reportId,
  dateline,
  extraction: extraction({ signals }),
});
const tensionOf = (...inputs: FoldInput[]) =>
  publicView(inputs.reduce((s, i) => applyReport(s, i).state, emptyState())).tension;

describe('tension index', () => {
  it('maps a decayed sum through 100·tanh(sum / scale) and clips de-escalation at 0', () => {
    expect(indexValue(0)).toBe(0);
    expect(indexValue(-40)).toBe(0);
    expect(indexValue(TENSION_SCALE)).toBe(Math.round(1000 * Math.tanh(1)) / 10);
    expect(indexValue(1e9)).toBe(100);
  });

  it('has levels low < 25 ≤ elevated < 50 ≤ high < 75 ≤ severe', () => {
    expect([0, 24.9, 25, 49.9, 50, 74.9, 75, 100].map(tensionLevel)).toEqual([
      'low',
      'low',
      'elevated',
      'elevated',
      'high',
      'high',
      'severe',
      'severe',
    ]);
  });

  it('halves a signal after HALF_LIFE_DAYS of crisis time (the newest dateline, not the wall clock)', () => {
    const t = tensionOf(
      report('old', '2022-01-01', signal('artillery moved forward', 8)),
      report('later', `2022-01-0${1 + HALF_LIFE_DAYS}`, signal('routine statement', 0)),
    );
    const old = t.drivers.find((d) => d.reportId === 'old');
    expect(old?.contribution).toBe(4);
    expect(t.value).toBe(indexValue(4));
    expect(t.history).toEqual([
      { at: '2022-01-01', value: indexValue(8) },
      { at: '2022-01-04', value: indexValue(4) },
    ]);
  });

  it('averages the reports of one day, so a burst of copies does not multiply tension', () => {
    const one = tensionOf(report('r1', '2022-02-01', signal('threatened retaliation', 5)));
    const three = tensionOf(
      report('r1', '2022-02-01', signal('threatened retaliation', 5)),
      report('r2', '2022-02-01', signal('threatened retaliation', 5)),
      report('r3', '2022-02-01', signal('threatened retaliation', 5)),
    );
    expect(three.value).toBe(one.value);
    expect(three.history).toHaveLength(1);
  });

  it('traces every driver to its report, phrase and evidence; contributions add up to the sum', () => {
    const t = tensionOf(
      report('r1', '2022-02-01', signal('massed troops', 6, ['Russia', 'Ukraine']), signal('offered talks', -2)),
      report('r2', '2022-02-02', signal('sanctions threatened', 3, ['US', 'Russia'])),
    );
    expect(t.drivers.map((d) => [d.reportId, d.phrase, d.evidence.text])).toEqual([
      ['r1', 'massed troops', 'massed troops'], // 6 decayed by one day ≈ 4.76
      ['r2', 'sanctions threatened', 'sanctions threatened'],
      ['r1', 'offered talks', 'offered talks'],
    ]);
    const sum = t.drivers.reduce((s, d) => s + d.contribution, 0);
    // Contributions are rounded to thousandths, so the index they rebuild may differ in the last digit.
    expect(Math.abs(indexValue(sum) - t.value)).toBeLessThanOrEqual(0.2);
  });

  it('scores actor pairs with aliases merged, each with its own drivers', () => {
    const t = tensionOf(
      report('r1', '2022-02-01', signal('warned Moscow', 4, ['Russia', 'United States'])),
      report('r2', '2022-02-01', signal('Washington sent weapons', 2, ['Washington', 'Kremlin'])),
      report('r3', '2022-02-01', signal('shelling reported', 1, ['Russia', 'Ukraine'])),
    );
    expect(t.pairs.map((p) => p.actors)).toEqual([
      ['Russia', 'United States'],
      ['Russia', 'Ukraine'],
    ]);
    expect(t.pairs[0].value).toBe(indexValue(6 / 3));
    expect(t.pairs[0].drivers.map((d) => d.reportId)).toEqual(['r1', 'r2']);
  });

  it('keeps one history point per day, in date order whatever the arrival order', () => {
    const a = report('a', '2022-01-10', signal('drills began', 2));
    const b = report('b', '2022-01-12T18:00:00+00:00', signal('drills extended', 3));
    const c = report('c', '2022-01-11', signal('calm day', -1));
    expect(tensionOf(c, b, a)).toEqual(tensionOf(a, b, c));
    expect(tensionOf(a, b, c).history.map((h) => h.at)).toEqual(['2022-01-10', '2022-01-11', '2022-01-12']);
  });
});
