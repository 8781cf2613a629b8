/**
 * Step 6 of a meeting: its status. Cancelled when a cue near the trigger or a verb after it says
 * so ("called off", "has been postponed"); proposed when an offer or a possibility governs it
 * ("offered to host", "agreed in principle to meet", "was possible"); otherwise the tense around
 * the trigger decides between held and scheduled, and the day settles what tense leaves open.
 * A meeting dated after the dateline was not held yet, one dated before it is no longer ahead.
 */
import type { MeetingStatus } from '../../../shared/extraction.js';
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import { anyIn, CANCELLED, PAST, PROPOSED, tenseAround, type TenseHit } from '../text/cues.js';
import { phraseSet } from '../text/phrases.js';
import type { Trigger } from './types.js';

const CANCELLED_AFTER = phraseSet(terms.cancelledAfter);
const PROPOSED_AFTER = phraseSet(terms.proposedAfter);
const NOT_RULED_OUT = phraseSet([
  'not rule out',
  'not ruling out',
  'did not rule out',
  "didn't rule out",
  'not exclude',
]);

/**
 * The status of a trigger's meeting in clause [c0, c1) of a sentence ending at `end`; `hits` are
 * the sentence's tense cues.
 */
export function statusOf(
  doc: Doc,
  t: Trigger,
  c0: number,
  c1: number,
  end: number,
  date: string | null,
  hits: TenseHit[],
): MeetingStatus {
  const { tokens } = doc;
  if (
    anyIn(CANCELLED, tokens, Math.max(c0, t.i - 12), Math.min(c1, t.j + 12)) ||
    anyIn(CANCELLED_AFTER, tokens, t.j, Math.min(end, t.j + 25))
  )
    return 'cancelled';
  if (
    anyIn(PROPOSED, tokens, Math.max(c0, t.i - 12), t.i) ||
    anyIn(NOT_RULED_OUT, tokens, Math.max(c0, t.i - 8), t.i) ||
    anyIn(PROPOSED_AFTER, tokens, t.j, Math.min(c1, t.j + 15))
  )
    return 'proposed';
  // A verb in the past ("met", "told", "spoke") says so itself, unless a future stands right before it ("will have met").
  const ownPast =
    PAST.at(tokens, t.i, t.j)?.length === t.j - t.i && !['will', 'to', 'would'].includes(tokens[t.i - 1]?.lower ?? '');
  const clauseHits = hits.filter((h) => h.i >= c0 && h.j <= c1);
  // "Before talking to Biden, Putin is to ...": a clause with no tense of its own takes its sentence's.
  const tense = ownPast ? 'past' : (tenseAround(clauseHits, t.i, t.j, 16, 12) ?? tenseAround(hits, t.i, t.j, 16, 16));
  let status: MeetingStatus =
    tense === 'future'
      ? 'scheduled'
      : tense === 'past'
        ? 'held'
        : date && doc.refIso && date > doc.refIso
          ? 'scheduled'
          : 'held';
  status = consistentStatus(status, date, doc.refIso);
  return status;
}

/**
 * A meeting's status must agree with its day: one dated after the report cannot have been
 * held yet, one dated before it is no longer ahead. Cancelled and proposed meetings keep theirs.
 */
export function consistentStatus(status: MeetingStatus, date: string | null, refIso: string | null): MeetingStatus {
  if (!date || !refIso) return status;
  if (status === 'held' && date > refIso) return 'scheduled';
  if (status === 'scheduled' && date < refIso) return 'held';
  return status;
}
