/**
 * Which existing meeting a new mention belongs to. Same meeting when the participants
 * overlap (by normalised key: at least two shared, or all of the smaller side), the kinds
 * are compatible (in person/multilateral vs call/video), and the dates are compatible
 * (unknown, or within MEETING_DATE_TOLERANCE_DAYS for in-person meetings, which get
 * postponed; the same day for calls, which recur). A mention naming nobody joins only a
 * meeting with the same place and date.
 */
import type { MeetingKind, MeetingMention } from '../../shared/extraction.js';
import { MEETING_DATE_TOLERANCE_DAYS } from './constants.js';
import { participantKey } from './names.js';
import { datelineMs, dayOf } from './time.js';
import type { MeetingRecord } from './types.js';

const remote = (k: MeetingKind): boolean => k === 'call' || k === 'video';

/** Distinct non-empty participant keys. */
export function participantKeys(names: readonly string[]): Set<string> {
  return new Set(names.map(participantKey).filter(Boolean));
}

const samePlace = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/** A score > 0 when `mention` fits `rec` (higher is a better fit), 0 when it does not. */
export function matchScore(mention: MeetingMention, keys: ReadonlySet<string>, rec: MeetingRecord): number {
  const ms = rec.mentions;
  if (ms.length === 0 || remote(mention.kind) !== remote(ms[ms.length - 1].kind)) return 0;
  // Cheap participant test first: most meetings share nobody with the mention.
  let shared = 0;
  for (const k of rec.keys) if (keys.has(k)) shared++;
  if (keys.size > 0 && (shared === 0 || shared < Math.min(2, keys.size, rec.keys.length))) return 0;

  // Loops, not filter/some: this runs for every meeting on every mention folded.
  let dated = false;
  let sameDate = false;
  let place = false;
  for (const m of ms) {
    if (m.date !== null) {
      dated = true;
      if (m.date === mention.date) sameDate = true;
    }
    if (!place && samePlace(m.place, mention.place)) place = true;
  }
  if (keys.size === 0) return sameDate && place ? 1 : 0;

  if (mention.date !== null && dated && !sameDate) {
    const tolerance = remote(mention.kind) ? 0 : MEETING_DATE_TOLERANCE_DAYS;
    const day = dayOf(mention.date);
    if (!ms.some((m) => m.date !== null && Math.abs(dayOf(m.date) - day) <= tolerance)) return 0;
  }
  return shared * 4 + (sameDate ? 2 : 0) + (place ? 1 : 0);
}

/** The best-fitting meeting for a mention (ties: the most recently mentioned, then the smaller id), or null. */
export function findMeeting(mention: MeetingMention, meetings: readonly MeetingRecord[]): MeetingRecord | null {
  const keys = participantKeys(mention.participants);
  let best: MeetingRecord | null = null;
  let bestScore = 0;
  let bestMs = -Infinity;
  for (const rec of meetings) {
    const score = matchScore(mention, keys, rec);
    if (score === 0) continue;
    const lastMs = datelineMs(rec.mentions[rec.mentions.length - 1].at);
    if (
      score > bestScore ||
      (score === bestScore && (lastMs > bestMs || (lastMs === bestMs && best !== null && rec.id < best.id)))
    ) {
      best = rec;
      bestScore = score;
      bestMs = lastMs;
    }
  }
  return best;
}
