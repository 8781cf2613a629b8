import { describe, expect, it } from 'vitest';
import { applyReport, emptyState, publicView, type FoldInput } from './index.js';
import { MAX_MENTIONS_PER_MEETING } from './constants.js';
import { extraction, meeting } from './fixtures.js';
import { participantKeys } from './meetingMatch.js';
import type { MeetingRecord } from './types.js';

const report = (reportId: string, dateline: string, ...meetings: ReturnType<typeof meeting>[]): FoldInput => ({
  reportId,
  dateline,
  extraction: extraction({ meetings }),
});
const fold = (...inputs: FoldInput[]) => inputs.reduce((s, i) => applyReport(s, i).state, emptyState());
const meetingsOf = (...inputs: FoldInput[]) => publicView(fold(...inputs)).meetings;

const genevaPlanned = meeting(['Antony Blinken', 'Sergei Lavrov'], { date: '2022-01-21', place: 'Geneva' });
const genevaHeld = meeting(['Blinken', "Lavrov's delegation"], { date: '2022-01-21', place: 'Geneva', status: 'held' });

describe('meetings', () => {
  it('merges a scheduled meeting and the later report that it was held', () => {
    const [m, ...rest] = meetingsOf(report('r1', '2022-01-19', genevaPlanned), report('r2', '2022-01-21', genevaHeld));
    expect(rest).toEqual([]);
    expect(m).toMatchObject({
      status: 'held',
      moved: false,
      sources: ['r1', 'r2'],
      participants: ['Antony Blinken', 'Sergei Lavrov'],
    });
    expect(m.history.map((h) => [h.reportId, h.status])).toEqual([
      ['r1', 'scheduled'],
      ['r2', 'held'],
    ]);
  });

  it('gives each step of the history where its report states the meeting (offsets into its text)', () => {
    const long = 'x'.repeat(300);
    const [m] = meetingsOf(
      report('r1', '2022-01-19', {
        ...genevaPlanned,
        evidence: { text: 'Blinken will meet Lavrov', start: 4, end: 28 },
      }),
      report('r2', '2022-01-21', { ...genevaHeld, evidence: { text: long, start: 0, end: 300 } }),
    );
    expect(m.history.map((h) => h.span)).toEqual([
      { start: 4, end: 28 },
      { start: 0, end: 300 },
    ]);
  });

  it('orders history by dateline, not arrival, and lets held stand against an older "scheduled"', () => {
    const [m] = meetingsOf(report('r2', '2022-01-21', genevaHeld), report('r1', '2022-01-19', genevaPlanned));
    expect(m.status).toBe('held');
    expect(m.history.map((h) => h.reportId)).toEqual(['r1', 'r2']);
  });

  it('keeps the id of the meeting when later mentions arrive', () => {
    const first = meetingsOf(report('r1', '2022-01-19', genevaPlanned))[0];
    const later = meetingsOf(report('r1', '2022-01-19', genevaPlanned), report('r2', '2022-01-21', genevaHeld))[0];
    expect(later.id).toBe(first.id);
  });

  it('marks a postponed meeting as moved, with its new date and place', () => {
    const [m] = meetingsOf(
      report('r1', '2022-01-19', genevaPlanned),
      report('r2', '2022-01-20', meeting(['Blinken', 'Lavrov'], { date: '2022-01-24', place: 'Vienna' })),
    );
    expect(m).toMatchObject({ date: '2022-01-24', place: 'Vienna', moved: true, status: 'scheduled' });
  });

  it('lets a later cancellation win over scheduled, and a new date reschedule it', () => {
    const cancelled = report('r2', '2022-01-20', meeting(['Blinken', 'Lavrov'], { status: 'cancelled' }));
    expect(meetingsOf(report('r1', '2022-01-19', genevaPlanned), cancelled)[0].status).toBe('cancelled');
    const again = report('r3', '2022-01-22', meeting(['Blinken', 'Lavrov'], { date: '2022-01-26' }));
    expect(meetingsOf(report('r1', '2022-01-19', genevaPlanned), cancelled, again)[0]).toMatchObject({
      status: 'scheduled',
      date: '2022-01-26',
      moved: true,
    });
  });

  it('treats aliases of a country as one participant', () => {
    const ms = meetingsOf(
      report('r1', '2022-01-05', meeting(['United States', 'Russia'], { date: '2022-01-10', place: 'Geneva' })),
      report('r2', '2022-01-10', meeting(['Washington', 'Moscow'], { date: '2022-01-10', status: 'held' })),
    );
    expect(ms).toHaveLength(1);
    expect(ms[0].status).toBe('held');
  });

  it('keeps different meetings apart: other people, or a call on another day', () => {
    const ms = meetingsOf(
      report('r1', '2022-01-19', genevaPlanned),
      report('r2', '2022-01-19', meeting(['Blinken', 'Dmytro Kuleba'], { date: '2022-01-19', place: 'Kyiv' })),
      report('r3', '2022-01-19', meeting(['Blinken', 'Lavrov'], { kind: 'call', date: '2022-01-18', status: 'held' })),
      report('r4', '2022-01-25', meeting(['Blinken', 'Lavrov'], { kind: 'call', date: '2022-01-25', status: 'held' })),
    );
    expect(ms.map((m) => [m.date, m.kind])).toEqual([
      ['2022-01-18', 'call'],
      ['2022-01-19', 'in-person'],
      ['2022-01-21', 'in-person'],
      ['2022-01-25', 'call'],
    ]);
  });

  it('sorts by date with undated meetings last', () => {
    const ms = meetingsOf(
      report('r1', '2022-01-19', meeting(['Scholz', 'Macron'])),
      report('r2', '2022-01-19', genevaPlanned),
    );
    expect(ms.map((m) => m.date)).toEqual(['2022-01-21', null]);
  });

  it('announces a meeting once more with no sources when its last report is removed', () => {
    const s = fold(report('r1', '2022-01-19', genevaPlanned));
    const { changes } = applyReport(s, { reportId: 'r1', dateline: '2022-01-19', extraction: null });
    const upserts = changes.filter((c) => c.type === 'meeting.upserted');
    expect(upserts).toHaveLength(1);
    expect(upserts[0]).toMatchObject({ type: 'meeting.upserted', meeting: { sources: [], history: [] } });
  });

  it('announces only the meeting that changed', () => {
    const s = fold(
      report('r1', '2022-01-19', genevaPlanned),
      report('r2', '2022-01-19', meeting(['Scholz', 'Macron'], { date: '2022-01-25' })),
    );
    const { changes } = applyReport(s, report('r3', '2022-01-21', genevaHeld));
    const upserts = changes.flatMap((c) => (c.type === 'meeting.upserted' ? [c.meeting.status] : []));
    expect(upserts).toEqual(['held']);
  });
  it("keeps a meeting's participant keys those of its mentions, as mentions join and the oldest are dropped", () => {
    const spellings = [
      ['Blinken', 'Lavrov'],
      ['Antony Blinken', "Lavrov's delegation", 'Jake Sullivan'],
      ['Blinken', 'Sergei Lavrov', 'Wendy Sherman'],
    ];
    const inputs = Array.from({ length: MAX_MENTIONS_PER_MEETING + 12 }, (_, i) =>
      report(
        `r${String(i).padStart(3, '0')}`,
        `2022-01-${String(10 + (i % 15)).padStart(2, '0')}`,
        meeting(spellings[i % 3], { date: '2022-01-30', place: 'Geneva' }),
      ),
    );
    const keysOfMentions = (rec: MeetingRecord) =>
      [...participantKeys(rec.mentions.flatMap((m) => m.participants))].sort();
    for (const n of [3, inputs.length]) {
      const { meetings } = fold(...inputs.slice(0, n));
      expect(meetings).toHaveLength(1);
      const [rec] = meetings;
      expect(rec.mentions).toHaveLength(Math.min(n, MAX_MENTIONS_PER_MEETING));
      expect(rec.keys).toEqual(keysOfMentions(rec));
      expect(rec.keys).toContain('sherman');
    }
  });
});
