/**
 * One trip to several places on several days ("travel to Kyiv on Wednesday and Berlin on
 * Thursday") is one visit per (place, day) pair; each visit keeps the traveller and whoever the
 * text names between its place and the next.
 */
import type { Doc } from '../doc.js';
import type { DateMention } from '../text/dates.js';
import type { Sentence } from '../text/sentences.js';
import type { Mention, Trigger } from './types.js';

/** The visits of a mention whose trigger is `t`, or the mention alone. */
export function splitItinerary(
  doc: Doc,
  s: Sentence,
  t: Trigger,
  base: Mention,
  days: DateMention[],
  end: number,
): Mention[] {
  const places = doc.gaz[s.index].filter((g) => g.locative && g.place && g.i >= t.i && g.j <= end);
  if (places.length < 2) return [base];
  const pairs = places.map((p, k) => {
    const next = places[k + 1]?.i ?? Infinity;
    const d = days.find((x) => x.i >= p.j && x.i < next && x.i - p.j <= 6);
    return { p, d };
  });
  if (pairs.filter((x) => x.d).length < 2) return [base];
  // Each visit owns the tokens from the previous visit's day to its own day.
  let from = t.i;
  return pairs.map(({ p, d }) => {
    const to = Math.min(d ? d.j : p.j, end);
    const own = doc.gaz[s.index]
      .filter((a) => a.i >= from && a.j <= to && a.actor && !a.locative && !a.demonym)
      .map((a) => a.actor!);
    const body = doc.gaz[s.index].some((a) => a.organization && a.i >= from && a.j <= to);
    from = to;
    const visit: Mention = {
      ...base,
      participants: [...new Set([...base.subject, ...own])],
      place: p.place ?? null,
      date: d?.date ?? null,
      kind: body ? 'multilateral' : base.kind,
      weakKind: body ? false : base.weakKind,
      start: p.start,
      end: p.end,
    };
    if (d) visit.dateText = d.text;
    else delete visit.dateText;
    return visit;
  });
}
