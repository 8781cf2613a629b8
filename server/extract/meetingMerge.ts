/**
 * Merging the mentions of one meeting: a report names the same meeting several
 * times ("will meet in Geneva on Friday", "the meeting", "agreed to meet in person
 * on Friday"). Mentions merge when their participants overlap and nothing conflicts
 * (day, place, kind); references back ("the talks") only fill gaps.
 */
import type { MeetingMention, MeetingStatus } from '../../shared/extraction.js';
import type { Mention } from './meetingTypes.js';

const STATUS_RANK: Record<MeetingStatus, number> = { proposed: 0, scheduled: 1, held: 2, cancelled: 3 };

/** Participant key: canonical actor names stay whole; people by surname. */
function key(name: string, actors: Set<string>): string {
  if (actors.has(name)) return name.toLowerCase();
  const words = name.split(/\s+/);
  return words[words.length - 1].toLowerCase();
}

interface Keyed {
  m: Mention;
  keys: Set<string>;
  expanded: Set<string>;
}

function keyed(m: Mention, actors: Set<string>, affiliation: Map<string, string>): Keyed {
  const keys = new Set(m.participants.map((p) => key(p, actors)));
  // Sides: a person stands for their country when the report says which; else for themself.
  const expanded = new Set(m.participants.map((p) => (affiliation.get(p) ?? key(p, actors)).toLowerCase()));
  return { m, keys, expanded };
}

// Loops, not [...a].filter: these run for every pair of mentions and should not allocate.
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

function placeOk(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.includes(y) || y.includes(x);
}

function compatible(a: Keyed, b: Keyed, organizations: Set<string>, actorKeys: Set<string>): boolean {
  if (a.m.fresh || b.m.fresh) return false;
  if (a.m.date && b.m.date && a.m.date !== b.m.date) return false;
  if (!placeOk(a.m.place, b.m.place)) return false;
  if (a.m.kind !== b.m.kind && !a.m.weakKind && !b.m.weakKind) return false;
  // A plain bilateral mention does not fold into a multilateral meeting unless it names a body or 3+ sides.
  if (a.m.kind !== b.m.kind && (a.m.kind === 'multilateral' || b.m.kind === 'multilateral')) {
    const other = a.m.kind === 'multilateral' ? b : a;
    const countries = [...other.expanded].filter((x) => actorKeys.has(x)).length;
    if (countries < 3 && !other.m.participants.some((p) => organizations.has(p))) return false;
  }
  if ((a.m.status === 'cancelled') !== (b.m.status === 'cancelled')) return false;
  // Two sides in common and one participant in common (Blinken–Lavrov is not Biden–Putin), or one a subset of the other.
  const shared = overlap(a.keys, b.keys);
  return (
    (overlap(a.expanded, b.expanded) >= 2 && shared >= 1) ||
    overlap(a.expanded, b.expanded) >= 3 ||
    (shared >= 1 && (subset(a.keys, b.keys) || subset(b.keys, a.keys)))
  );
}

function absorb(
  into: Keyed,
  from: Keyed,
  fillOnly: boolean,
  actors: Set<string>,
  affiliation: Map<string, string>,
): Keyed {
  const m = into.m;
  // No leading spread followed by fields (README, "Objects in hot paths").
  const merged: Mention = Object.assign({}, m, {
    participants: fillOnly
      ? m.participants
      : [...m.participants, ...from.m.participants.filter((p) => !into.keys.has(key(p, actors)))],
    place: m.kind === 'call' || m.kind === 'video' ? null : (m.place ?? from.m.place),
    date: m.date ?? from.m.date,
    dateText: m.dateText ?? from.m.dateText,
    kind: m.weakKind && !from.m.weakKind ? from.m.kind : m.kind,
    weakKind: m.weakKind && from.m.weakKind,
    status: fillOnly || STATUS_RANK[m.status] >= STATUS_RANK[from.m.status] ? m.status : from.m.status,
  });
  return keyed(merged, actors, affiliation);
}

/**
 * Merges mentions into meetings, in text order.
 * @param actors canonical actor names (kept whole as keys)
 * @param affiliation person name → the actor they belong to, when the report says
 * @param actorKeys the actor names lower-cased (the extractor computes them once, not per report)
 */
export function mergeMentions(
  mentions: Mention[],
  actors: Set<string>,
  organizations: Set<string>,
  affiliation: Map<string, string>,
  text: string,
  refIso: string | null = null,
  actorKeys: Set<string> = new Set([...actors].map((a) => a.toLowerCase())),
): MeetingMention[] {
  const merged: { k: Keyed; start: number; end: number }[] = [];
  for (const m of mentions) {
    const k = keyed(m, actors, affiliation);
    if (m.anaphoric) {
      // A reference back: the latest meeting sharing a participant, else the latest one.
      // "The meeting comes after ..." never opens a new meeting once one is known.
      const target =
        [...merged]
          .reverse()
          .find((x) => overlap(x.k.expanded, k.expanded) > 0 && (!m.date || !x.k.m.date || x.k.m.date === m.date)) ??
        merged[merged.length - 1];
      if (target) {
        target.k = absorb(target.k, k, true, actors, affiliation);
        continue;
      }
    }
    const cands = merged.filter((x) => compatible(x.k, k, organizations, actorKeys));
    cands.sort(
      (a, b) =>
        Number(b.k.m.kind === m.kind) - Number(a.k.m.kind === m.kind) ||
        overlap(b.k.expanded, k.expanded) - overlap(a.k.expanded, k.expanded),
    );
    if (cands.length > 0) cands[0].k = absorb(cands[0].k, k, false, actors, affiliation);
    else merged.push({ k, start: m.start, end: m.end });
  }
  return (
    merged
      // One side meets only as a trip to a place, or as a body in session ("G20 leaders are due to meet in Bali").
      .filter(
        ({ k }) =>
          k.keys.size >= 2 ||
          (k.keys.size === 1 &&
            ((k.m.place !== null && k.m.travel) ||
              (k.m.kind === 'multilateral' &&
                k.m.bodyMeets === true &&
                k.m.participants.some((p) => organizations.has(p))))),
      )
      .map(({ k, start, end }) => {
        const out: MeetingMention = {
          participants: k.m.participants,
          place: k.m.place,
          date: k.m.date,
          kind: k.m.kind,
          status: consistentStatus(k.m.status, k.m.date, refIso),
          evidence: { text: text.slice(start, end), start, end },
        };
        if (k.m.dateText) out.dateText = k.m.dateText;
        return out;
      })
  );
}

/**
 * A meeting's status must agree with its day: one dated after the report cannot have been
 * held yet ("set out on Tuesday to meet ... on Friday"), one dated before it is no longer ahead.
 * Cancelled and proposed meetings keep their status.
 */
export function consistentStatus(status: MeetingStatus, date: string | null, refIso: string | null): MeetingStatus {
  if (!date || !refIso) return status;
  if (status === 'held' && date > refIso) return 'scheduled';
  if (status === 'scheduled' && date < refIso) return 'held';
  return status;
}
