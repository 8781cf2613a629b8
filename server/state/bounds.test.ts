import { describe, expect, it } from 'vitest';
import { applyReport, emptyState, publicView, type CrisisState } from './index.js';
import {
  MAX_LEDGER_REPORTS,
  MAX_MEETINGS,
  MAX_MENTIONS_TOTAL,
  MAX_TENSION_DAYS,
  MAX_TROOP_CLAIMS,
  MAX_TROOP_GROUPS,
  MAX_TROOP_DAYS_UNRANKED,
} from './constants.js';
import { syntheticReport } from './fixtures.js';

describe('bounds', () => {
  it('stays small after 20,000 reports and keeps working', () => {
    let state: CrisisState = emptyState();
    for (let i = 0; i < 20_000; i++) state = applyReport(state, syntheticReport(i)).state;

    const bytes = JSON.stringify(state).length;
    expect(bytes).toBeLessThan(300_000);
    expect(state.ledger.length).toBeLessThanOrEqual(MAX_LEDGER_REPORTS);
    expect(state.tension.days.length).toBeLessThanOrEqual(MAX_TENSION_DAYS);
    expect(state.troops.groups.length).toBeLessThanOrEqual(MAX_TROOP_GROUPS);
    for (const group of state.troops.groups) {
      expect(group.claims.length).toBeLessThanOrEqual(MAX_TROOP_CLAIMS);
      expect(group.history.length).toBeLessThanOrEqual(MAX_TROOP_DAYS_UNRANKED);
    }
    expect(state.meetings.length).toBeLessThanOrEqual(MAX_MEETINGS);
    expect(state.meetings.reduce((n, m) => n + m.mentions.length, 0)).toBeLessThanOrEqual(MAX_MENTIONS_TOTAL);

    // Still idempotent and JSON-safe at full size.
    const last = syntheticReport(19_999);
    expect(applyReport(state, last).changes).toEqual([]);
    const reparsed = JSON.parse(JSON.stringify(state)) as CrisisState;
    expect(publicView(reparsed)).toEqual(publicView(state));
    const view = publicView(state);
    expect(view.tension.value).toBeGreaterThanOrEqual(0);
    expect(view.tension.value).toBeLessThanOrEqual(100);
    expect(view.troops.current).not.toBeNull();
  }, 180_000);
});
