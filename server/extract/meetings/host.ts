/**
 * The host event of a side meeting: "a meeting ... on the sidelines of a European Union summit
 * in Granada" names two meetings, the side meeting and the summit itself, a meeting of the bodies
 * named between "sidelines of" and the trigger. The words of the host event seat no one at the
 * side meeting; the host takes the side meeting's firm day when it names none of its own.
 */
import type { Doc } from '../doc.js';
import terms from '../lexicon/meetings.json' with { type: 'json' };
import { anyIn } from '../text/cues.js';
import type { DateMention } from '../text/dates.js';
import { phraseSet } from '../text/phrases.js';
import type { Sentence } from '../text/sentences.js';
import { placeOf } from './place.js';
import { consistentStatus, statusOf } from './status.js';
import type { Mention, Trigger } from './types.js';

const HOST_BEFORE = phraseSet(terms.hostEventBefore);
const SOFT_DAY = phraseSet(terms.softDayCues);

/** Where the words naming a host event start ("... on the sidelines of [a European Union] summit"), or -1. */
export function hostStart(doc: Doc, t: Trigger, from: number): number {
  for (let k = Math.max(from, t.i - 7); k < t.i; k++) {
    const hit = HOST_BEFORE.at(doc.tokens, k, t.i);
    if (hit) return k + hit.length;
  }
  return -1;
}

/**
 * The host event of trigger `t` (its bodies named from token `from`), in clause [c0, c1); `side`
 * is the side meeting it hosts. Null when no body is named.
 */
export function hostMention(
  doc: Doc,
  s: Sentence,
  t: Trigger,
  from: number,
  [c0, c1]: [number, number],
  dates: DateMention[],
  side: Mention | undefined,
): Mention | null {
  const { tokens } = doc;
  const bodies = doc.gaz[s.index].filter((g) => g.actor && !g.locative && g.i >= from && g.j <= Math.min(c1, t.j + 3));
  if (bodies.length === 0) return null;
  const names = [...new Set(bodies.map((g) => g.actor!))];
  const day = dates.find((d) => d.precision === 'day' && d.i >= t.j && d.i < c1 && d.i - t.j <= 6);
  // "a meeting due on Thursday on the sidelines of a summit": the side meeting's day is the host's,
  // unless it was only the earliest possible ("expected as early as Thursday").
  const sideDay = side?.date && !anyIn(SOFT_DAY, tokens, c0, t.i) ? side.date : null;
  const date = day?.date ?? sideDay;
  const mention: Mention = {
    participants: names,
    subject: names,
    place: placeOf(doc, s, t, t.j, c1, c1),
    date,
    kind: 'multilateral',
    weakKind: false,
    status: consistentStatus(statusOf(doc, t, c0, c1, s.t1, date, doc.tense[s.index]), date, doc.refIso),
    start: tokens[t.i].start,
    end: tokens[t.j - 1].end,
    anaphoric: false,
    travel: false,
    fresh: false,
    bodyMeets: true,
  };
  if (day) mention.dateText = day.text;
  return mention;
}
