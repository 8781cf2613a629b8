/**
 * Folding one report's meeting mentions in or out of the schedule, and announcing each
 * meeting whose public form changed.
 *
 * Identity: a meeting's id is a hash of the (reportId, mention index) that created it and
 * never changes while the meeting has mentions, even when that first mention is removed.
 * A meeting that loses all its mentions (its reports removed, or evicted by the bounds)
 * is announced once more as `meeting.upserted` with `sources: []` and `history: []`:
 * clients drop a meeting without sources.
 */
import type { MeetingMention } from '../../shared/extraction.js';
import type { ChangeBody } from '../../shared/events.js';
import type { Meeting } from '../../shared/state.js';
import { MAX_MEETINGS, MAX_MENTIONS_PER_MEETING, MAX_MENTIONS_TOTAL } from './constants.js';
import { deepEqual } from './equal.js';
import { stableHash } from './hash.js';
import { findMeeting, participantKeys } from './meetingMatch.js';
import { deriveMeeting, mentionOrder } from './meetingView.js';
import { datelineMs } from './time.js';
import type { MeetingRecord, MentionRecord } from './types.js';

type Report = { reportId: string; at: string };

function withMentions(rec: MeetingRecord, mentions: MentionRecord[]): MeetingRecord {
  const kept = mentions.length > MAX_MENTIONS_PER_MEETING ? mentions.slice(-MAX_MENTIONS_PER_MEETING) : mentions;
  return { id: rec.id, keys: [...participantKeys(kept.flatMap((m) => m.participants))].sort(), mentions: kept };
}

/**
 * `rec` with one more mention, in canonical order. Its keys are the record's plus the
 * mention's (the same as recomputing them) unless the bound dropped an old mention.
 */
function withMention(rec: MeetingRecord, mention: MentionRecord): MeetingRecord {
  const ms = rec.mentions;
  // New mentions are usually the newest: look for the place from the end.
  let at = ms.length;
  while (at > 0 && mentionOrder(ms[at - 1], mention) > 0) at--;
  const mentions = ms.toSpliced(at, 0, mention);
  if (mentions.length > MAX_MENTIONS_PER_MEETING) return withMentions(rec, mentions);
  const added = [...participantKeys(mention.participants)].filter((k) => !rec.keys.includes(k));
  const keys = added.length > 0 ? [...rec.keys, ...added].sort() : rec.keys;
  return { id: rec.id, keys, mentions };
}

function newId(reportId: string, index: number, taken: ReadonlySet<string>): string {
  let id = `m${stableHash(`${reportId}#${index}`)}`;
  for (let n = 1; taken.has(id); n++) id = `m${stableHash(`${reportId}#${index}#${n}`)}`;
  return id;
}

/** The reports each record's mentions come from. Records are never mutated, so this never goes stale. */
const reportsOf = new WeakMap<MeetingRecord, Set<string>>();
function mentionsReport(rec: MeetingRecord, reportId: string): boolean {
  let ids = reportsOf.get(rec);
  if (!ids) {
    ids = new Set(rec.mentions.map((m) => m.reportId));
    reportsOf.set(rec, ids);
  }
  return ids.has(reportId);
}

const lastMs = (r: MeetingRecord): number => datelineMs(r.mentions[r.mentions.length - 1].at);

/** Evicts the meetings mentioned longest ago until both meeting bounds hold. */
function enforceBounds(meetings: MeetingRecord[]): MeetingRecord[] {
  let total = meetings.reduce((n, r) => n + r.mentions.length, 0);
  if (meetings.length <= MAX_MEETINGS && total <= MAX_MENTIONS_TOTAL) return meetings;
  const oldestFirst = [...meetings].sort((a, b) => lastMs(a) - lastMs(b) || (a.id < b.id ? -1 : 1));
  const evicted = new Set<string>();
  for (const r of oldestFirst) {
    if (meetings.length - evicted.size <= MAX_MEETINGS && total <= MAX_MENTIONS_TOTAL) break;
    evicted.add(r.id);
    total -= r.mentions.length;
  }
  return meetings.filter((r) => !evicted.has(r.id));
}

/** Public form of each meeting a fold touched, as it was before the first touch (null: did not exist). */
export type MeetingsBefore = Map<string, Meeting | null>;

/**
 * Replaces `report`'s mentions by `mentions` (none when null). `hint` lists the meetings
 * the report joined before, when known, to avoid scanning all of them. Every meeting it
 * touches is entered in `before` unless already there, so a batch of reports compares each
 * meeting once, at its end (meetingChanges).
 */
export function foldMeetings(
  meetings: readonly MeetingRecord[],
  report: Report,
  mentions: readonly MeetingMention[] | null,
  hint: readonly string[] | undefined,
  before: MeetingsBefore,
): { meetings: MeetingRecord[]; joined: string[] } {
  const touched = new Set<string>();
  const touch = (rec: MeetingRecord): void => {
    touched.add(rec.id);
    if (!before.has(rec.id)) before.set(rec.id, deriveMeeting(rec));
  };

  const hinted = hint ? new Set(hint) : null;
  let next: MeetingRecord[] = [];
  for (const rec of meetings) {
    if ((hinted && !hinted.has(rec.id)) || !mentionsReport(rec, report.reportId)) {
      next.push(rec);
      continue;
    }
    touch(rec);
    const left = rec.mentions.filter((m) => m.reportId !== report.reportId);
    if (left.length > 0) next.push(withMentions(rec, left));
  }

  (mentions ?? []).forEach((mention, index) => {
    // No leading spread followed by fields (docs/operations.md, "Objects in hot paths").
    const record: MentionRecord = {
      reportId: report.reportId,
      at: report.at,
      index,
      participants: [...mention.participants],
      place: mention.place,
      date: mention.date,
      kind: mention.kind,
      status: mention.status,
      span: [mention.evidence.start, mention.evidence.end],
      ...(mention.verification ? { v: mention.verification } : {}),
    };
    const found = findMeeting(mention, next);
    if (found) {
      touch(found);
      const updated = withMention(found, record);
      next = next.map((r) => (r === found ? updated : r));
    } else {
      const id = newId(report.reportId, index, new Set(next.map((r) => r.id)));
      touched.add(id);
      if (!before.has(id)) before.set(id, null);
      next.push(withMentions({ id, keys: [], mentions: [] }, [record]));
    }
  });

  const bounded = enforceBounds(next);
  if (bounded.length < next.length) {
    const kept = new Set(bounded);
    for (const r of next) if (!kept.has(r)) touch(r);
  }
  // Every meeting the report's mentions joined was touched (or created) above.
  const joined = bounded.filter((r) => touched.has(r.id) && mentionsReport(r, report.reportId)).map((r) => r.id);
  return { meetings: bounded, joined: joined.sort() };
}

/**
 * One `meeting.upserted` per meeting in `before` whose public form is not what it was (in id
 * order); a meeting gone from `meetings` is announced with no sources, so clients drop it.
 */
export function meetingChanges(before: MeetingsBefore, meetings: readonly MeetingRecord[]): ChangeBody[] {
  if (before.size === 0) return [];
  const byId = new Map(meetings.filter((r) => before.has(r.id)).map((r) => [r.id, r]));
  const changes: ChangeBody[] = [];
  for (const [id, old] of [...before].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rec = byId.get(id);
    const now = rec ? deriveMeeting(rec) : null;
    if (now === null) {
      if (old !== null) changes.push({ type: 'meeting.upserted', meeting: { ...old, sources: [], history: [] } });
    } else if (old === null || !deepEqual(old, now)) {
      changes.push({ type: 'meeting.upserted', meeting: now });
    }
  }
  return changes;
}
