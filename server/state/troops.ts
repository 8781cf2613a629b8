/**
 * Troop claims side by side, per force and theatre: for each, a bounded pool of the newest
 * claims (hypotheticals apart) and a per-day history recomputed for the days a report touched.
 * One force's figures are never folded into another's range.
 */
import type { TroopMention } from '../../shared/extraction.js';
import type { ForceTroops, PublicTroops, TroopClaim } from '../../shared/state.js';
import {
  CURRENT_CLAIMS_SHOWN,
  MAX_HYPOTHETICALS,
  MAX_HYPOTHETICALS_TOTAL,
  MAX_TROOP_CLAIMS,
  MAX_TROOP_CLAIMS_TOTAL,
  MAX_TROOP_DAYS,
  MAX_TROOP_DAYS_OTHERS,
  MAX_TROOP_DAYS_UNRANKED,
  MAX_TROOP_GROUPS,
  TROOP_WINDOW_DAYS,
} from './constants.js';
import { claimantSeries } from './claimants.js';
import { storedEvidence } from './evidence.js';
import { dayOf } from './time.js';
import { figureAt } from './troopFigure.js';
import type { CrisisState, FoldOptions, StoredClaim, TroopGroup, TroopPoint } from './types.js';

type Troops = CrisisState['troops'];

/** Newest first; the same order whatever order the claims arrived in. */
function newestFirst(a: StoredClaim, b: StoredClaim): number {
  if (a.asOf !== b.asOf) return a.asOf < b.asOf ? 1 : -1;
  if (a.reportId !== b.reportId) return a.reportId < b.reportId ? -1 : 1;
  return a.index - b.index;
}

function toClaim(m: TroopMention, index: number, reportId: string, asOf: string): StoredClaim {
  const { evidence, ...rest } = m;
  // No leading spread followed by fields (docs/operations.md, "Objects in hot paths").
  return { reportId, asOf, index, ...rest, evidence: storedEvidence(evidence) };
}

/** Public form of a stored claim (without the internal index). */
export function publicClaim(c: StoredClaim): TroopClaim {
  const { index: _index, ...claim } = c;
  return { ...claim, evidence: { ...claim.evidence } };
}

function updateHistory(
  history: TroopPoint[],
  claims: StoredClaim[],
  touched: Set<string>,
  maxDays: number,
): TroopPoint[] {
  if (touched.size === 0) return history;
  const sorted = [...touched].sort();
  const first = sorted[0];
  const lastDay = dayOf(sorted[sorted.length - 1]) + TROOP_WINDOW_DAYS;
  // A claim on day d moves the points of d and of the window days after it.
  const days = new Set([...touched, ...claims.map((c) => c.asOf)].filter((d) => d >= first && dayOf(d) <= lastDay));
  const byDay = new Map(history.map((p) => [p.at, p]));
  for (const d of days) {
    const f = figureAt(claims, d);
    if (f) byDay.set(d, { at: d, value: f.value, low: f.low, high: f.high });
    else byDay.delete(d);
  }
  const next = [...byDay.values()].sort((a, b) => (a.at < b.at ? -1 : 1));
  return next.length > maxDays ? next.slice(next.length - maxDays) : next;
}

/** The group a claim belongs to: its force, and its theatre (the principal one for the principal force when unsaid). */
export function groupOf(m: Pick<TroopMention, 'actor' | 'location'>, options: FoldOptions): [string, string] {
  const force = m.actor ?? '';
  const principal = options.principal;
  const theatre = theatreOf(m.location, options);
  return [force, theatre === '' && principal && force === principal.force ? principal.theatre : theatre];
}

const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Whether the words of `name` appear, in order, among `words`. A one-word name also matches its
 * adjective ("Ukrainian border" for Ukraine, "Chinese" for China): a word that starts with the
 * name less its last letter.
 */
function names(words: readonly string[], name: string): boolean {
  const want = wordsOf(name);
  if (want.length === 0) return false;
  if (want.length === 1 && want[0].length >= 4) {
    const stem = want[0].slice(0, -1);
    return words.some((w) => w.startsWith(stem));
  }
  for (let i = 0; i + want.length <= words.length; i++) if (want.every((w, j) => words[i + j] === w)) return true;
  return false;
}

/**
 * Where a figure is, as a theatre: the principal theatre when the location names it or one of the
 * crisis' places ("the border with Ukraine", "Crimea"); "" when it names no place at all ("the
 * border", "its frontier": no capitalised word); else the location itself, without a leading "the".
 */
export function theatreOf(location: string | undefined, options: FoldOptions): string {
  const text = (location ?? '').trim().slice(0, 200);
  if (!/\p{Lu}/u.test(text.replace(/^the\s+/i, ''))) return '';
  const p = options.principal;
  if (p) {
    const words = wordsOf(text);
    if (names(words, p.theatre) || (options.places ?? []).some((place) => names(words, place))) return p.theatre;
  }
  return text.replace(/^the\s+/i, '');
}

const byGroup = (a: { force: string; theatre: string }, b: { force: string; theatre: string }) =>
  a.force !== b.force ? (a.force < b.force ? -1 : 1) : a.theatre < b.theatre ? -1 : a.theatre > b.theatre ? 1 : 0;

/** The newest claim day of a group ('' when it has none). */
const newestDay = (g: TroopGroup) =>
  (g.claims[0]?.asOf ?? '') > (g.hypotheticals[0]?.asOf ?? '') ? g.claims[0].asOf : (g.hypotheticals[0]?.asOf ?? '');

/** Replaces `reportId`'s claims by those of `mentions` (none when null), each in its force's and theatre's group. */
export function foldTroops(
  troops: Troops,
  reportId: string,
  asOf: string,
  mentions: readonly TroopMention[] | null,
  options: FoldOptions = {},
): Troops {
  const fresh = new Map<string, StoredClaim[]>();
  (mentions ?? []).forEach((m, i) => {
    const key = groupOf(m, options).join('|');
    const list = fresh.get(key);
    if (list) list.push(toClaim(m, i, reportId, asOf));
    else fresh.set(key, [toClaim(m, i, reportId, asOf)]);
  });
  const groups: TroopGroup[] = [];
  const seen = new Set<string>();
  for (const g of troops.groups) {
    const key = `${g.force}|${g.theatre}`;
    seen.add(key);
    const had = g.claims.some((c) => c.reportId === reportId) || g.hypotheticals.some((c) => c.reportId === reportId);
    const added = fresh.get(key);
    if (!had && !added) groups.push(g);
    else groups.push(foldGroup(g, reportId, added ?? [], options));
  }
  for (const [key, added] of fresh) {
    if (seen.has(key)) continue;
    const [force, theatre] = key.split('|');
    groups.push(foldGroup({ force, theatre, claims: [], hypotheticals: [], history: [] }, reportId, added, options));
  }
  const kept = boundClaims(groups).filter((g) => g.claims.length + g.hypotheticals.length > 0 || g.history.length > 0);
  if (kept.length > MAX_TROOP_GROUPS) {
    // The groups cited longest ago leave first (ties: by name, so the result never depends on order).
    kept.sort((a, b) => (newestDay(a) !== newestDay(b) ? (newestDay(a) < newestDay(b) ? 1 : -1) : byGroup(a, b)));
    kept.length = MAX_TROOP_GROUPS;
  }
  return { groups: kept.sort(byGroup) };
}

/**
 * Keeps the newest MAX_TROOP_CLAIMS_TOTAL claims (and MAX_HYPOTHETICALS_TOTAL hypotheticals) over
 * all groups, so many forces cannot blow the state's size; the order is total (day, report,
 * index), so the result never depends on the order reports arrived in. History stays.
 */
function boundClaims(groups: TroopGroup[]): TroopGroup[] {
  const cut = (pick: (g: TroopGroup) => StoredClaim[], max: number): Set<StoredClaim> | null => {
    const all = groups.flatMap(pick);
    return all.length > max ? new Set(all.sort(newestFirst).slice(0, max)) : null;
  };
  const claims = cut((g) => g.claims, MAX_TROOP_CLAIMS_TOTAL);
  const hypotheticals = cut((g) => g.hypotheticals, MAX_HYPOTHETICALS_TOTAL);
  if (!claims && !hypotheticals) return groups;
  return groups.map((g) => ({
    ...g,
    claims: claims ? g.claims.filter((c) => claims.has(c)) : g.claims,
    hypotheticals: hypotheticals ? g.hypotheticals.filter((c) => hypotheticals.has(c)) : g.hypotheticals,
  }));
}

/** Days of history a group keeps: the headline's long, the other forces' short (they are listed, not charted at length). */
function daysKept(group: TroopGroup, options: FoldOptions): number {
  const p = options.principal;
  if (!p) return MAX_TROOP_DAYS_UNRANKED;
  return group.force === p.force && group.theatre === p.theatre ? MAX_TROOP_DAYS : MAX_TROOP_DAYS_OTHERS;
}

function foldGroup(group: TroopGroup, reportId: string, fresh: StoredClaim[], options: FoldOptions): TroopGroup {
  const pool = (kept: StoredClaim[], added: StoredClaim[], max: number): StoredClaim[] =>
    [...kept.filter((c) => c.reportId !== reportId), ...added].sort(newestFirst).slice(0, max);
  const claims = pool(
    group.claims,
    fresh.filter((c) => !c.hypothetical),
    MAX_TROOP_CLAIMS,
  );
  const hypotheticals = pool(
    group.hypotheticals,
    fresh.filter((c) => c.hypothetical),
    MAX_HYPOTHETICALS,
  );
  // Only days whose pool content really changed are recomputed, so frozen history stays.
  const touched = new Set<string>();
  for (const c of group.claims) if (c.reportId === reportId) touched.add(c.asOf);
  for (const c of claims) if (c.reportId === reportId) touched.add(c.asOf);
  return {
    force: group.force,
    theatre: group.theatre,
    claims,
    hypotheticals,
    history: updateHistory(group.history, claims, touched, daysKept(group, options)),
  };
}

function publicGroup(g: TroopGroup): ForceTroops {
  const newest = g.claims[0];
  const f = newest ? figureAt(g.claims, newest.asOf) : null;
  return {
    force: g.force,
    theatre: g.theatre,
    current: f
      ? {
          value: f.value,
          low: f.low,
          high: f.high,
          asOf: f.asOf,
          claims: f.window.slice(0, CURRENT_CLAIMS_SHOWN).map(publicClaim),
        }
      : null,
    hypotheticals: g.hypotheticals.map(publicClaim),
    history: g.history.map((p) => ({ ...p })),
    claimants: claimantSeries(g.claims, g.hypotheticals),
  };
}

const NO_TROOPS: ForceTroops = {
  force: '',
  theatre: '',
  current: null,
  hypotheticals: [],
  history: [],
  claimants: [],
};

/**
 * The public troop picture of a state: the principal force in the principal theatre as the
 * headline, every other force and theatre apart (most recently cited first). Without a
 * principal, the headline is the force and theatre cited most recently (on the same day: by
 * more sources, then the larger figure).
 */
export function publicTroops(state: CrisisState, options: FoldOptions = {}): PublicTroops {
  const groups = state.troops.groups.map(publicGroup);
  const p = options.principal;
  // Most recently cited first; on the same day, the one with more claims, then the larger figure.
  const recent = (a: ForceTroops, b: ForceTroops) => {
    const [da, db] = [
      a.current?.asOf ?? a.hypotheticals[0]?.asOf ?? '',
      b.current?.asOf ?? b.hypotheticals[0]?.asOf ?? '',
    ];
    if (da !== db) return da < db ? 1 : -1;
    const [na, nb] = [a.current?.claims.length ?? 0, b.current?.claims.length ?? 0];
    if (na !== nb) return nb - na;
    const [va, vb] = [a.current?.value ?? 0, b.current?.value ?? 0];
    return va !== vb ? vb - va : byGroup(a, b);
  };
  const ordered = [...groups].sort(recent);
  const at = p
    ? ordered.findIndex((g) => g.force === p.force && g.theatre === p.theatre)
    : ordered.findIndex((g) => g.current !== null);
  const headline = at >= 0 ? ordered[at] : p ? { ...NO_TROOPS, force: p.force, theatre: p.theatre } : NO_TROOPS;
  return { ...headline, others: ordered.filter((_, i) => i !== at) };
}
