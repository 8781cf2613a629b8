/**
 * Step 7: the mentions of one meeting become one meeting. A report names the same meeting
 * several times ("will meet in Geneva on Friday", "the meeting", "agreed to meet in person on
 * Friday"): mentions merge when their participants overlap and nothing conflicts (day, place,
 * kind, cancellation); references back ("the talks") only fill gaps. Candidates come from an
 * index by participant, never from a comparison of every mention with every other.
 */
import type { MeetingMention, MeetingStatus } from '../../../shared/extraction.js';
import { consistentStatus } from './status.js';
import type { Mention } from './types.js';

const STATUS_RANK: Record<MeetingStatus, number> = { proposed: 0, scheduled: 1, held: 2, cancelled: 3 };

/** What merging needs to know about names. */
export interface MergeContext {
  /** Canonical actor names (kept whole as keys). */
  actors: Set<string>;
  organizations: Set<string>;
  /** Actor names lower-cased. */
  actorKeys: Set<string>;
  /** Person name → the actor they belong to, when the report says. */
  affiliation: Map<string, string>;
  text: string;
  refIso: string | null;
}

interface Keyed {
  m: Mention;
  keys: Set<string>;
  /** Sides: a person stands for their country when the report says which. */
  sides: Set<string>;
  start: number;
  end: number;
}

/** A participant's key: canonical actor names stay whole, people go by surname. */
function keyOf(name: string, ctx: MergeContext): string {
  if (ctx.actors.has(name)) return name.toLowerCase();
  const words = name.split(' ');
  return words[words.length - 1].toLowerCase();
}

function keyed(m: Mention, ctx: MergeContext, start = m.start, end = m.end): Keyed {
  return {
    m,
    keys: new Set(m.participants.map((p) => keyOf(p, ctx))),
    sides: new Set(m.participants.map((p) => (ctx.affiliation.get(p) ?? keyOf(p, ctx)).toLowerCase())),
    start,
    end,
  };
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

function subset(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function samePlace(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.includes(y) || y.includes(x);
}

const remote = (k: Keyed): boolean => k.m.kind === 'call' || k.m.kind === 'video';

function compatible(a: Keyed, b: Keyed, ctx: MergeContext): boolean {
  if (a.m.fresh || b.m.fresh) return false;
  if (a.m.date && b.m.date && a.m.date !== b.m.date) return false;
  if (!samePlace(a.m.place, b.m.place)) return false;
  if (a.m.kind !== b.m.kind && !a.m.weakKind && !b.m.weakKind) return false;
  // A meeting somewhere is no call: "met with him in Moscow" does not fold into a phone call.
  if (remote(a) !== remote(b) && (a.m.place !== null || b.m.place !== null)) return false;
  // A bilateral mention does not fold into a multilateral meeting unless it names a body or three sides.
  if (a.m.kind !== b.m.kind && (a.m.kind === 'multilateral' || b.m.kind === 'multilateral')) {
    const other = a.m.kind === 'multilateral' ? b : a;
    const countries = [...other.sides].filter((x) => ctx.actorKeys.has(x)).length;
    if (countries < 3 && !other.m.participants.some((p) => ctx.organizations.has(p))) return false;
  }
  // A cancelled meeting is not one that was held; it may be the one that had been planned.
  if ((a.m.status === 'cancelled') !== (b.m.status === 'cancelled')) {
    const other = a.m.status === 'cancelled' ? b : a;
    if (other.m.status === 'held') return false;
  }
  // Two sides and one participant in common (Blinken–Lavrov is not Biden–Putin), or one a subset of the other.
  const shared = overlap(a.keys, b.keys);
  const sides = overlap(a.sides, b.sides);
  return (
    (sides >= 2 && shared >= 1) ||
    sides >= 3 ||
    (shared >= 1 && (subset(a.keys, b.keys) || subset(b.keys, a.keys))) ||
    countriesOfPeople(a, b, ctx) ||
    countriesOfPeople(b, a, ctx)
  );
}

/** "China cancels meeting with Japan" and "a meeting between Wang Yi and Yoshimasa Hayashi": the countries are the people's. */
function countriesOfPeople(countries: Keyed, people: Keyed, ctx: MergeContext): boolean {
  if (countries.m.participants.some((p) => !ctx.actors.has(p))) return false;
  if (countries.keys.size < 2 || !subset(countries.keys, people.sides)) return false;
  return people.m.participants.some((p) => !ctx.actors.has(p));
}

function absorb(into: Keyed, from: Keyed, fillOnly: boolean, ctx: MergeContext): Keyed {
  const m = into.m;
  const kind = m.weakKind && !from.m.weakKind ? from.m.kind : m.kind;
  const merged: Mention = {
    ...m,
    participants: fillOnly
      ? m.participants
      : [...m.participants, ...from.m.participants.filter((p) => !into.keys.has(keyOf(p, ctx)))],
    place: kind === 'call' || kind === 'video' ? null : (m.place ?? from.m.place),
    date: m.date ?? from.m.date,
    kind,
    weakKind: m.weakKind && from.m.weakKind,
    status: fillOnly || STATUS_RANK[m.status] >= STATUS_RANK[from.m.status] ? m.status : from.m.status,
  };
  const dateText = m.dateText ?? from.m.dateText;
  if (dateText) merged.dateText = dateText;
  return keyed(merged, ctx, into.start, into.end);
}

/** Merges mentions into meetings, in text order. */
export function mergeMentions(mentions: Mention[], ctx: MergeContext): MeetingMention[] {
  const merged: Keyed[] = [];
  // Merged meetings by side: the only candidates a mention can merge with share a side.
  const bySide = new Map<string, Set<number>>();
  const index = (at: number): void => {
    for (const side of merged[at].sides) {
      const set = bySide.get(side) ?? new Set<number>();
      set.add(at);
      bySide.set(side, set);
    }
  };
  const candidates = (k: Keyed): number[] => {
    const at = new Set<number>();
    for (const side of k.sides) for (const x of bySide.get(side) ?? []) at.add(x);
    return [...at].sort((a, b) => a - b);
  };
  for (const m of mentions) {
    const k = keyed(m, ctx);
    const near = candidates(k);
    if (m.anaphoric) {
      // A reference back: the latest meeting sharing a side, else the latest one.
      // "the call" points back to a call, not to talks in a city.
      const sameMedium = (x: number): boolean => m.weakKind || remote(merged[x]) === remote(k);
      const target =
        [...near]
          .reverse()
          .find((x) => sameMedium(x) && (!m.date || !merged[x].m.date || merged[x].m.date === m.date)) ??
        (merged.length > 0 ? merged.length - 1 : -1);
      if (target >= 0) {
        merged[target] = absorb(merged[target], k, true, ctx);
        index(target);
        continue;
      }
    }
    const fits = near.filter((x) => compatible(merged[x], k, ctx));
    fits.sort(
      (a, b) =>
        Number(merged[b].m.kind === m.kind) - Number(merged[a].m.kind === m.kind) ||
        overlap(merged[b].sides, k.sides) - overlap(merged[a].sides, k.sides) ||
        a - b,
    );
    if (fits.length > 0) {
      merged[fits[0]] = absorb(merged[fits[0]], k, false, ctx);
      index(fits[0]);
    } else {
      merged.push(k);
      index(merged.length - 1);
    }
  }
  return merged.filter((k) => standsAlone(k, ctx)).map((k) => toMeeting(k, ctx));
}

/** Two sides meet; one side meets only as a trip to a place, or as a body in session ("G20 leaders are due to meet in Bali"). */
function standsAlone(k: Keyed, ctx: MergeContext): boolean {
  // "Ryabkov and other Russian officials arrived for a meeting": a person and his own country are one side.
  if (k.keys.size >= 2 && k.sides.size >= 2) return true;
  if (k.keys.size === 0) return false;
  if (k.m.place !== null && k.m.travel) return true;
  return k.m.kind === 'multilateral' && k.m.bodyMeets && k.m.participants.some((p) => ctx.organizations.has(p));
}

function toMeeting(k: Keyed, ctx: MergeContext): MeetingMention {
  const out: MeetingMention = {
    participants: k.m.participants,
    place: k.m.place,
    date: k.m.date,
    kind: k.m.kind,
    status: consistentStatus(k.m.status, k.m.date, ctx.refIso),
    evidence: { text: ctx.text.slice(k.start, k.end), start: k.start, end: k.end },
  };
  if (k.m.dateText) out.dateText = k.m.dateText;
  return out;
}
