/**
 * Pure: the wall's view of the desk's verdicts. Claims and meetings carry the status the fold
 * gave them (absent: unverified); `?verified=1` keeps only the verified ones, and the headline
 * figure is then worked out from the verified claims alone, by the fold's rule (the figure cited
 * most on the newest claim day, a tie to the lower; the range spans the claims kept).
 */
import type { ForceTroops, Meeting, PublicTroops, TroopClaim, TroopFigure } from '../../../../shared/state.js';

export const isVerified = (item: { verification?: string }): boolean => item.verification === 'verified';

/** The figure of a set of claims, as the fold computes it; null when there are none. */
export function figureOf(claims: readonly TroopClaim[]): TroopFigure | null {
  if (claims.length === 0) return null;
  const asOf = claims.reduce((d, c) => (c.asOf > d ? c.asOf : d), claims[0].asOf);
  const counts = new Map<number, number>();
  for (const c of claims) if (c.asOf === asOf) counts.set(c.value, (counts.get(c.value) ?? 0) + 1);
  const [value] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const low = Math.min(...claims.map((c) => c.low ?? c.value));
  const high = Math.max(...claims.map((c) => c.high ?? c.value));
  return { value, low, high, asOf, claims: [...claims] };
}

function verifiedForce<T extends ForceTroops>(force: T): T {
  return {
    ...force,
    current: figureOf((force.current?.claims ?? []).filter(isVerified)),
    hypotheticals: force.hypotheticals.filter(isVerified),
  };
}

/** The troop picture with only verified claims (history stays: it is the fold's, of every claim). */
export function verifiedTroops(troops: PublicTroops): PublicTroops {
  return { ...verifiedForce(troops), others: troops.others.map(verifiedForce).filter((o) => o.current !== null) };
}

export function verifiedMeetings(meetings: readonly Meeting[]): Meeting[] {
  return meetings.filter(isVerified);
}
