import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/desk.js';
import type { ReportSummary } from '../../shared/report.js';
import { summaryAsOf } from './summaryAsOf.js';

const at = (minute: number) => `2026-12-07T14:${String(minute).padStart(2, '0')}:00.000Z`;
const ms = (minute: number) => Date.parse(at(minute));
const verdict = (status: 'verified' | 'false' | 'inconclusive', minute: number) => ({
  status,
  assignee: null,
  by: 'maria',
  at: at(minute),
});
const unverified = { status: 'unverified', assignee: null, by: null, at: null };

const entry = (minute: number, action: AuditEntry['action'], before: unknown, after: unknown, detail?: unknown) =>
  ({ at: at(minute), by: 'maria', role: 'editor', action, target: 'r1', before, after, detail }) as AuditEntry;

const now: ReportSummary = {
  id: 'r1',
  title: 'Figures revised',
  source: 'Wire',
  dateline: '2026-12-07',
  receivedAt: at(0),
  status: 'done',
  excerpt: 'Officials revised their count.',
  flags: [
    { flag: 'disputed', at: at(10) },
    { flag: 'breaking', at: at(20) },
  ],
  verification: { ...verdict('inconclusive', 15), facts: { 'troops:0': verdict('false', 25) } },
};

const trail: AuditEntry[] = [
  entry(10, 'flag.set', [], [now.flags[0]]),
  entry(12, 'correction.added', null, { kind: 'troop.set' }),
  entry(15, 'verification.set', unverified, verdict('inconclusive', 15)),
  entry(20, 'flag.set', [now.flags[0]], now.flags),
  entry(25, 'verification.set', unverified, verdict('false', 25), { fact: { kind: 'troops', index: 0 } }),
];

describe('summaryAsOf', () => {
  it('undoes, newest first, each flag and verdict given after the moment', () => {
    const at21 = summaryAsOf(now, trail, ms(21));
    expect(at21.flags.map((f) => f.flag)).toEqual(['disputed', 'breaking']);
    expect(at21.verification).toEqual(verdict('inconclusive', 15));
    const at16 = summaryAsOf(now, trail, ms(16));
    expect(at16.flags.map((f) => f.flag)).toEqual(['disputed']);
    expect(at16.verification?.status).toBe('inconclusive');
    const at11 = summaryAsOf(now, trail, ms(11));
    expect(at11.flags.map((f) => f.flag)).toEqual(['disputed']);
    expect(at11).not.toHaveProperty('verification');
    const at5 = summaryAsOf(now, trail, ms(5));
    expect(at5.flags).toEqual([]);
    expect(at5).not.toHaveProperty('verification');
    expect(at5.title).toBe(now.title);
  });

  it('an action at the very moment counts as done; other actions are not the summary’s', () => {
    expect(summaryAsOf(now, trail, ms(25))).toBe(now);
    expect(summaryAsOf(now, [entry(30, 'correction.added', null, {})], ms(26))).toBe(now);
  });

  it('a removed flag comes back for a moment before its removal', () => {
    const removedLater = [...trail, entry(40, 'flag.removed', now.flags, [now.flags[1]])];
    const today = { ...now, flags: [now.flags[1]] };
    expect(summaryAsOf(today, removedLater, ms(30)).flags.map((f) => f.flag)).toEqual(['disputed', 'breaking']);
  });
});
