/**
 * One trip to several places on several days ("travel to Kyiv on Wednesday and Berlin on
 * Thursday") is one visit per (place, day) pair.
 */
import type { DateMention } from './dates.js';
import type { GazMention } from './entities.js';
import type { Mention, SentenceFacts } from './meetingTypes.js';

/** "travel to Kyiv on Wednesday and Berlin on Thursday": one visit per (place, day) pair. */
export function splitByPlaceAndDay(
  base: Mention,
  places: GazMention[],
  days: DateMention[],
  f: SentenceFacts,
  pEnd: number,
): Mention[] {
  const after = places.filter((p) => p.start >= base.start);
  if (after.length < 2 || base.participants.length === 0) return [base];
  const pairs = after.map((p, i) => {
    const next = after[i + 1]?.start ?? Infinity;
    const d = days.find((x) => x.start >= p.end && x.start < next && x.start - p.end < 40);
    return { p, d };
  });
  if (pairs.filter((x) => x.d).length < 2) return [base];
  // Each visit owns the text from the previous visit's day to its own day.
  let segStart = base.start;
  return pairs.map(({ p, d }) => {
    const segEnd = Math.min(d ? d.end : p.end, pEnd);
    const from = segStart;
    segStart = segEnd;
    const own = f.gaz
      .filter((a) => a.start >= from && a.end <= segEnd && a.actor && !a.locative && !a.demonym)
      .map((a) => a.actor!);
    const participants = [...new Set([...base.subject, ...own])];
    const multi = f.gaz.some((a) => a.organization && a.start >= from && a.end <= segEnd);
    // No leading spread followed by fields (README, "Objects in hot paths").
    return Object.assign({}, base, {
      participants,
      place: p.place ?? null,
      date: d?.date ?? null,
      dateText: d?.text,
      kind: multi ? ('multilateral' as const) : base.kind,
      weakKind: multi ? false : base.weakKind,
      start: p.start,
      end: p.end,
    });
  });
}
