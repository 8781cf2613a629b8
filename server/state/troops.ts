/**
 * Troop claims side by side: a bounded pool of the newest claims (hypotheticals apart),
 * and a per-day history recomputed for the days a report touched.
 */
import type { TroopMention } from '../../shared/extraction.js';
import type { PublicTroops, TroopClaim } from '../../shared/state.js';
import {
  CURRENT_CLAIMS_SHOWN,
  MAX_HYPOTHETICALS,
  MAX_TROOP_CLAIMS,
  MAX_TROOP_DAYS,
  TROOP_WINDOW_DAYS,
} from './constants.js';
import { storedEvidence } from './evidence.js';
import { dayOf } from './time.js';
import { figureAt } from './troopFigure.js';
import type { CrisisState, StoredClaim, TroopPoint } from './types.js';

type Troops = CrisisState['troops'];

/** Newest first; the same order whatever order the claims arrived in. */
function newestFirst(a: StoredClaim, b: StoredClaim): number {
  if (a.asOf !== b.asOf) return a.asOf < b.asOf ? 1 : -1;
  if (a.reportId !== b.reportId) return a.reportId < b.reportId ? -1 : 1;
  return a.index - b.index;
}

function toClaim(m: TroopMention, index: number, reportId: string, asOf: string): StoredClaim {
  const { evidence, ...rest } = m;
  // No leading spread followed by fields (README, "Objects in hot paths").
  return { reportId, asOf, index, ...rest, evidence: storedEvidence(evidence) };
}

/** Public form of a stored claim (without the internal index). */
export function publicClaim(c: StoredClaim): TroopClaim {
  const { index: _index, ...claim } = c;
  return { ...claim, evidence: { ...claim.evidence } };
}

function updateHistory(history: TroopPoint[], claims: StoredClaim[], touched: Set<string>): TroopPoint[] {
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
  return next.length > MAX_TROOP_DAYS ? next.slice(next.length - MAX_TROOP_DAYS) : next;
}

/** Replaces `reportId`'s claims by those of `mentions` (none when null). */
export function foldTroops(
  troops: Troops,
  reportId: string,
  asOf: string,
  mentions: readonly TroopMention[] | null,
): Troops {
  const fresh = (mentions ?? []).map((m, i) => toClaim(m, i, reportId, asOf));
  const pool = (kept: StoredClaim[], added: StoredClaim[], max: number): StoredClaim[] =>
    [...kept.filter((c) => c.reportId !== reportId), ...added].sort(newestFirst).slice(0, max);
  const claims = pool(
    troops.claims,
    fresh.filter((c) => !c.hypothetical),
    MAX_TROOP_CLAIMS,
  );
  const hypotheticals = pool(
    troops.hypotheticals,
    fresh.filter((c) => c.hypothetical),
    MAX_HYPOTHETICALS,
  );

  // Only days whose pool content really changed are recomputed, so frozen history stays.
  const touched = new Set<string>();
  for (const c of troops.claims) if (c.reportId === reportId) touched.add(c.asOf);
  for (const c of claims) if (c.reportId === reportId) touched.add(c.asOf);
  return { claims, hypotheticals, history: updateHistory(troops.history, claims, touched) };
}

/** The public troop picture of a state. */
export function publicTroops(state: CrisisState): PublicTroops {
  const { claims, hypotheticals, history } = state.troops;
  const newest = claims[0];
  const f = newest ? figureAt(claims, newest.asOf) : null;
  return {
    current: f
      ? {
          value: f.value,
          low: f.low,
          high: f.high,
          asOf: f.asOf,
          claims: f.window.slice(0, CURRENT_CLAIMS_SHOWN).map(publicClaim),
        }
      : null,
    hypotheticals: hypotheticals.map(publicClaim),
    history: history.map((p) => ({ ...p })),
  };
}
