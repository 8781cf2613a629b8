/**
 * The public Meeting, derived by a pure function from its mentions (never stored), so a
 * replaced or removed report changes the meeting exactly as if it had never been seen.
 *
 * Status, in dateline order (same-day mentions ordered proposed < scheduled < cancelled < held,
 * so the more definitive report of a day wins):
 *  - held is final (later "the talks scheduled for Friday" is a restatement, not news);
 *  - cancelled gives way to held, or to a new scheduled/proposed date (a rescheduling);
 *  - scheduled gives way to held or cancelled, not to a later "proposed";
 *  - proposed gives way to anything.
 * Date and place: the latest stated. moved: more than one date or place was stated.
 */
import type { MeetingStatus } from '../../shared/extraction.js';
import type { Meeting, MeetingHistoryEntry } from '../../shared/state.js';
import { canonicalName, isPlainName, participantKey } from './names.js';
import { datelineMs } from './time.js';
import type { VerificationStatus } from '../../shared/verificationStatus.js';
import type { MeetingRecord, MentionRecord } from './types.js';

const statusRank: Record<MeetingStatus, number> = { proposed: 0, scheduled: 1, cancelled: 2, held: 3 };

/** The canonical order of mentions inside a meeting. */
export function mentionOrder(a: MentionRecord, b: MentionRecord): number {
  const am = datelineMs(a.at);
  const bm = datelineMs(b.at);
  if (am !== bm) return am - bm;
  if (a.status !== b.status) return statusRank[a.status] - statusRank[b.status];
  if (a.reportId !== b.reportId) return a.reportId < b.reportId ? -1 : 1;
  return a.index - b.index;
}

type Fold = { status: MeetingStatus; date: string | null; place: string | null };

function step(cur: Fold | null, m: MentionRecord): Fold {
  const date = m.date ?? cur?.date ?? null;
  const place = m.place ?? cur?.place ?? null;
  if (!cur) return { status: m.status, date, place };
  switch (cur.status) {
    case 'held':
      return { status: 'held', date, place };
    case 'cancelled':
      if (m.status === 'held') return { status: 'held', date, place };
      if (m.date !== null && m.date !== cur.date) return { status: m.status, date, place };
      return cur;
    case 'scheduled':
      return { status: m.status === 'proposed' ? 'scheduled' : m.status, date, place };
    case 'proposed':
      return { status: m.status, date, place };
  }
}

function fold(mentions: readonly MentionRecord[]): Fold | null {
  let cur: Fold | null = null;
  for (const m of mentions) cur = step(cur, m);
  return cur;
}

function participantsOf(mentions: readonly MentionRecord[]): string[] {
  const spellings = new Map<string, Map<string, number>>();
  for (const m of mentions)
    for (const name of m.participants) {
      const key = participantKey(name);
      if (!key) continue;
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      spellings.set(key, counts);
    }
  // Per participant: a known actor's canonical name; else a plain name before "X's delegation",
  // then the spelling used most, then the fullest ("Antony Blinken" over "Blinken").
  return [...spellings.values()].map((counts) => {
    const [[best]] = [...counts].sort(
      ([a, na], [b, nb]) =>
        Number(isPlainName(b)) - Number(isPlainName(a)) || nb - na || b.length - a.length || (a < b ? -1 : 1),
    );
    return canonicalName(best);
  });
}

/**
 * Derived meetings by record. Records are never mutated (a fold makes new ones), so a
 * record's meeting never changes: a worker derives each once, not once per report that
 * compares it and again for every public view. The WeakMap lets old records be collected.
 */
const derived = new WeakMap<MeetingRecord, Meeting | null>();

/** The public meeting of a record, or null when it has no mentions left. Shared: treat as read-only. */
export function deriveMeeting(rec: MeetingRecord): Meeting | null {
  let meeting = derived.get(rec);
  if (meeting === undefined) {
    meeting = deriveFresh(rec);
    derived.set(rec, meeting);
  }
  return meeting;
}

function deriveFresh(rec: MeetingRecord): Meeting | null {
  const ms = rec.mentions;
  const state = fold(ms);
  if (!state) return null;
  const byReport = new Map<string, MentionRecord[]>();
  const dates = new Set<string>();
  const places = new Set<string>();
  for (const m of ms) {
    const own = byReport.get(m.reportId);
    if (own) own.push(m);
    else byReport.set(m.reportId, [m]);
    if (m.date !== null) dates.add(m.date);
    if (m.place !== null) places.add(m.place.trim().toLowerCase());
  }
  const history: MeetingHistoryEntry[] = [...byReport].map(([reportId, own]) => {
    const last = own[own.length - 1];
    const entry: MeetingHistoryEntry = {
      at: own[0].at,
      reportId,
      status: last.status,
      date: own.findLast((m) => m.date !== null)?.date ?? null,
      place: own.findLast((m) => m.place !== null)?.place ?? null,
    };
    // Where the report states it, so the desk can open the report at that sentence.
    if (last.span) entry.span = { start: last.span[0], end: last.span[1] };
    return entry;
  });
  return {
    id: rec.id,
    participants: participantsOf(ms),
    place: state.place,
    date: state.date,
    kind: ms[ms.length - 1].kind,
    status: state.status,
    moved: dates.size > 1 || places.size > 1,
    sources: [...byReport.keys()],
    history,
    ...meetingVerification(ms),
  };
}

/** Verdicts in the order a meeting shows the best of its mentions' (verified by any source wins). */
const VERDICT_RANK: Record<VerificationStatus, number> = {
  unverified: 0,
  'in-progress': 1,
  inconclusive: 2,
  false: 3,
  verified: 4,
};

/** The meeting's verification: the best verdict among its mentions (absent while all are unverified). */
function meetingVerification(mentions: readonly MentionRecord[]): { verification?: VerificationStatus } {
  let best: VerificationStatus = 'unverified';
  for (const m of mentions) if (m.v && VERDICT_RANK[m.v] > VERDICT_RANK[best]) best = m.v;
  return best === 'unverified' ? {} : { verification: best };
}
