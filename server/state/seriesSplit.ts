/**
 * The live picture and the trends' series, apart. The fold's public view holds both; every
 * change of tension or troops goes to every socket of the crisis, and the day-by-day pair
 * series and the claimants' series would be most of its bytes while only the trends page draws
 * them. So changes and snapshots carry the lean picture, and GET /api/trends the series.
 */
import type { CrisisSeries, ForceTroops, PublicTension, PublicTroops } from '../../shared/state.js';

/** Tension without each pair's day-by-day series. */
export function leanTension(tension: PublicTension): PublicTension {
  if (!tension.pairs.some((p) => p.history !== undefined)) return tension;
  return { ...tension, pairs: tension.pairs.map(({ history: _history, ...pair }) => pair) };
}

function leanForce<F extends ForceTroops>(force: F): F {
  if (force.claimants === undefined) return force;
  const { claimants: _claimants, ...rest } = force;
  return rest as F;
}

/** Troops without the claimants' series, for the headline force and every other. */
export function leanTroops(troops: PublicTroops): PublicTroops {
  if (troops.claimants === undefined && !troops.others.some((o) => o.claimants !== undefined)) return troops;
  return { ...leanForce(troops), others: troops.others.map(leanForce) };
}

/** The picture's parts that go live: tension and troops lean, the rest as it is. */
export function leanPicture<V extends { tension: PublicTension; troops: PublicTroops }>(view: V): V {
  return { ...view, tension: leanTension(view.tension), troops: leanTroops(view.troops) };
}

/** The series of a full picture, in the picture's order (headline force first). */
export function seriesOf(
  crisis: string,
  seq: string,
  view: { tension: PublicTension; troops: PublicTroops },
): CrisisSeries {
  return {
    crisis,
    seq,
    pairs: view.tension.pairs.map((p) => ({ actors: [...p.actors], history: p.history ?? [] })),
    forces: [view.troops, ...view.troops.others].map((f) => ({
      force: f.force,
      theatre: f.theatre,
      claimants: f.claimants ?? [],
    })),
  };
}
