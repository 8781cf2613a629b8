/**
 * The facts an alert rests on, and the facts a correction (or a verdict of `false`) changes: the
 * two ends that make a follow-up. Pure. A fact is named the way both ends can name it without
 * reading the fold's internal state:
 * - a troop figure by its report and the span of its evidence in the report's text (a correction
 *   never moves the evidence, and the span survives other items of the report being rejected,
 *   which shifts indexes);
 * - a meeting by its id, with the reports it rested on and what the subscriber was told of it
 *   (which of a report's mentions joined which meeting is the fold's business; what matters to
 *   the subscriber is whether the meeting they were told of is still as told);
 * - a whole report (tension drivers, mentions, flags), for verdicts on a report.
 */
import type { Correction } from '../../shared/corrections.js';
import type { Extraction, MeetingMention, TroopMention } from '../../shared/extraction.js';
import type { Meeting, PublicTroops } from '../../shared/state.js';
import { applyCorrections } from '../state/index.js';

/** What a subscriber was told of a meeting. */
export type MeetingSnapshot = Pick<Meeting, 'participants' | 'date' | 'place' | 'kind' | 'status'>;

export type AlertFact =
  | { kind: 'troop'; reportId: string; span: [start: number, end: number] }
  | { kind: 'meeting'; meetingId: string; reports: string[]; meeting: MeetingSnapshot }
  | { kind: 'report'; reportId: string };

/**
 * One fact changed or removed (`after: null`). Troop figures and meetings are the items of a
 * report's extraction (as on the wall before and after); `report` is the report as a whole (a
 * verdict of `false` on it), its before/after given by the caller.
 */
export type FactChange =
  | { kind: 'troop'; before: TroopMention; after: TroopMention | null }
  | { kind: 'meeting'; before: MeetingMention; after: MeetingMention | null }
  | { kind: 'report'; before: unknown; after: unknown };

/** Claims of a figure an alert names: the newest ones, which are the ones that make its value. */
const MAX_TROOP_FACTS = 20;
/** Reports of a meeting an alert names: the newest ones. */
const MAX_MEETING_REPORTS = 20;

/** The troop claims behind a troop alert: every claim of the headline's current figure. */
export function troopFacts(troops: PublicTroops): AlertFact[] {
  return (troops.current?.claims ?? []).slice(0, MAX_TROOP_FACTS).map((c) => ({
    kind: 'troop' as const,
    reportId: c.reportId,
    span: [c.evidence.start, c.evidence.end] as [number, number],
  }));
}

export function meetingSnapshot(
  m: Pick<Meeting, 'participants' | 'date' | 'place' | 'kind' | 'status'>,
): MeetingSnapshot {
  return { participants: [...m.participants], date: m.date, place: m.place, kind: m.kind, status: m.status };
}

/** The meeting behind a meeting alert, as the subscriber is told of it. */
export function meetingFact(meeting: Meeting): AlertFact {
  return {
    kind: 'meeting',
    meetingId: meeting.id,
    reports: meeting.sources.slice(-MAX_MEETING_REPORTS),
    meeting: meetingSnapshot(meeting),
  };
}

export const reportFact = (reportId: string): AlertFact => ({ kind: 'report', reportId });

/**
 * The index entries a fact is found by: a troop claim by its span, a meeting by each of its
 * reports, and every fact also by its report(s) as a whole (what a report-level verdict looks up).
 */
export function factIndexIds(fact: AlertFact): string[] {
  switch (fact.kind) {
    case 'troop':
      return [troopIndexId(fact.reportId, fact.span), reportIndexId(fact.reportId)];
    case 'meeting':
      return fact.reports.flatMap((r) => [meetingIndexId(r), reportIndexId(r)]);
    case 'report':
      return [reportIndexId(fact.reportId)];
  }
}

export const troopIndexId = (reportId: string, span: readonly [number, number]) =>
  `t|${reportId}|${span[0]}-${span[1]}`;
export const meetingIndexId = (reportId: string) => `m|${reportId}`;
export const reportIndexId = (reportId: string) => `r|${reportId}`;

/** Where a changed fact is looked up. */
export function changeIndexId(reportId: string, change: FactChange): string {
  switch (change.kind) {
    case 'troop':
      return troopIndexId(reportId, [change.before.evidence.start, change.before.evidence.end]);
    case 'meeting':
      return meetingIndexId(reportId);
    case 'report':
      return reportIndexId(reportId);
  }
}

/** Whether an alert fact is the one a change is about (the index may hold several of a report). */
export function factMatches(fact: AlertFact, reportId: string, change: FactChange): boolean {
  switch (change.kind) {
    case 'troop':
      return (
        fact.kind === 'troop' &&
        fact.reportId === reportId &&
        fact.span[0] === change.before.evidence.start &&
        fact.span[1] === change.before.evidence.end
      );
    case 'meeting':
      return fact.kind === 'meeting' && fact.reports.includes(reportId);
    case 'report':
      return fact.kind === 'meeting' ? fact.reports.includes(reportId) : fact.reportId === reportId;
  }
}

/** A troop figure as a follow-up shows it: the figure and who says it, without offsets. */
export function troopView(t: TroopMention | null): Record<string, unknown> | null {
  if (!t) return null;
  const { evidence, ...figure } = t;
  return { ...figure, quote: evidence.text };
}

/** Same JSON, same value (key order is fixed by the objects' makers). */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const isReject = (c: Correction) => c.kind === 'troop.reject' || c.kind === 'meeting.reject';

/** Which array a correction of an existing item is about (additions are about none). */
function itemOf(c: Correction): { list: 'troops' | 'meetings'; index: number } | null {
  if (c.kind === 'troop.set' || c.kind === 'troop.reject') return { list: 'troops', index: c.index };
  if (c.kind === 'meeting.set' || c.kind === 'meeting.reject') return { list: 'meetings', index: c.index };
  return null;
}

/**
 * What the `n`-th correction (1-based) of a report's list did to a fact as the wall showed it:
 * the item before (earlier sets applied) and after (null when rejected). Null when it changed
 * nothing on the wall: an addition (no alert can rest on a fact that did not exist), a set to the
 * values it had, an item an earlier correction already rejected. Indexes stay those of the
 * original extraction: rejections are left out of both sides and only decide `after`.
 */
export function correctionChange(
  original: Extraction,
  corrections: readonly Correction[],
  n: number,
): FactChange | null {
  const correction = corrections[n - 1];
  const item = correction ? itemOf(correction) : null;
  if (!item) return null;
  const earlier = corrections.slice(0, n - 1);
  const sameItem = (c: Correction) => {
    const other = itemOf(c);
    return other !== null && other.list === item.list && other.index === item.index;
  };
  if (earlier.some((c) => isReject(c) && sameItem(c))) return null;
  const withSets = (list: readonly Correction[]) =>
    applyCorrections(
      original,
      list.filter((c) => !isReject(c)),
    );
  const was = withSets(earlier)[item.list][item.index];
  const now = isReject(correction) ? null : withSets([...earlier, correction])[item.list][item.index];
  if (!was || same(was, now)) return null;
  return item.list === 'troops'
    ? { kind: 'troop', before: was as TroopMention, after: now as TroopMention | null }
    : { kind: 'meeting', before: was as MeetingMention, after: now as MeetingMention | null };
}
