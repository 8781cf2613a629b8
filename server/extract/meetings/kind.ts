/**
 * Step 5 of a meeting: its kind. A call or a video link when the trigger or the words near it
 * say so ("phone call", "spoke by telephone", "video conference"); multilateral when a body sits
 * at the table, when the words say so ("ministerial", "trilateral", "the Normandy format"), or
 * when three or more countries do; in person otherwise. A body at the table keeps a meeting
 * multilateral even when someone joins it by video.
 */
import type { MeetingKind } from '../../../shared/extraction.js';
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import { anyIn } from '../text/cues.js';
import { phraseSet } from '../text/phrases.js';
import type { Seats } from './participants.js';
import type { Trigger } from './types.js';

const CALL = phraseSet(terms.callCues);
const VIDEO = phraseSet(terms.videoCues);
const MULTI = phraseSet(terms.multilateralCues);
const IN_PERSON = phraseSet(terms.inPersonCues);
/** How far around the trigger a cue of kind counts, in tokens. */
const REACH = 8;

/** The kind, and whether it was only the default (no cue said). */
export function kindOf(
  doc: Doc,
  t: Trigger,
  c0: number,
  c1: number,
  seats: Seats,
): { kind: MeetingKind; weak: boolean } {
  const { tokens } = doc;
  const a = Math.max(c0, t.i - REACH);
  const b = Math.min(c1, t.j + REACH);
  const body = seats.actors.some((x) => x.organization);
  const sides = new Set([
    ...seats.people.flatMap((p) => (p.person.affiliation ? [p.person.affiliation] : [])),
    ...seats.actors.filter((x) => !x.organization).map((x) => x.actor!),
  ]);
  if (t.group === 'video' || (!body && anyIn(VIDEO, tokens, a, b))) return { kind: 'video', weak: false };
  if (t.group === 'call' || t.group === 'callVerb' || anyIn(CALL, tokens, a, b)) return { kind: 'call', weak: false };
  if (t.group === 'multilateral' || body || sides.size >= 3 || anyIn(MULTI, tokens, a, b))
    return { kind: 'multilateral', weak: false };
  if (t.group === 'travel' || anyIn(IN_PERSON, tokens, a, b)) return { kind: 'in-person', weak: false };
  return { kind: 'in-person', weak: true };
}
