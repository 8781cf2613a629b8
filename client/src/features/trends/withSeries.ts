/**
 * Pure: the live picture's tension and troops with the trends' series put back in (each pair's
 * day-by-day history, each force's claimants), matched by actors and by force and theatre. The
 * picture comes live on the socket, the series from GET /api/trends: a pair or force the series
 * do not know yet is drawn without them until they come.
 */
import type { CrisisSeries, ForceTroops, PublicTension, PublicTroops } from '../../../../shared/state.js';

const pairKey = (actors: readonly string[]) => actors.join('\u0000');
const forceKey = (f: Pick<ForceTroops, 'force' | 'theatre'>) => `${f.force}\u0000${f.theatre}`;

export function withSeries(
  tension: PublicTension,
  troops: PublicTroops,
  series: CrisisSeries | null,
): { tension: PublicTension; troops: PublicTroops } {
  if (!series) return { tension, troops };
  const pairs = new Map(series.pairs.map((p) => [pairKey(p.actors), p.history]));
  const forces = new Map(series.forces.map((f) => [forceKey(f), f.claimants]));
  const force = <F extends ForceTroops>(f: F): F => {
    const claimants = forces.get(forceKey(f));
    return claimants ? { ...f, claimants } : f;
  };
  return {
    tension: {
      ...tension,
      pairs: tension.pairs.map((p) => {
        const history = pairs.get(pairKey(p.actors));
        return history ? { ...p, history } : p;
      }),
    },
    troops: { ...force(troops), others: troops.others.map(force) },
  };
}
