/**
 * Pure: the other forces of a crisis as rows of their own on the wall. Each force keeps its own
 * figure and range: nothing is summed or merged across forces.
 */
import type { ForceTroops } from '../../../../shared/state.js';
import { forceLabel } from '../../components/forceLabel.js';
import { formatClaim, formatCount, formatDay } from './figures.js';

export type OtherForceRow = {
  key: string;
  label: string;
  /**
   * The force's current figure ("8,500"), or its own range when its sources differ
   * ("25,000–35,000": short enough for a row, and honest about the spread); null when it has none.
   */
  figure: string | null;
  asOf: string | null;
  /** Only a projection is known ("30,000", shown as a hypothetical), when there is no current figure. */
  projection: string | null;
  /** The report behind the figure (its newest claim) or the projection, to name its source. */
  reportId: string | null;
};

/** The newest claim (the last of the newest day, as the fold lists them oldest first). */
function newestReport(g: ForceTroops): string | null {
  const claims = g.current?.claims ?? [];
  let best: (typeof claims)[number] | null = null;
  for (const c of claims) if (!best || c.asOf >= best.asOf) best = c;
  return best?.reportId ?? null;
}

/** The other forces as rows (the server lists them most recently cited first), at most `max`; `hidden` counts the rest. */
export function otherForceRows(others: readonly ForceTroops[], max: number): { rows: OtherForceRow[]; hidden: number } {
  const rows = others.slice(0, max).map((g) => {
    const c = g.current;
    const projected = c ? null : (g.hypotheticals[0] ?? null);
    return {
      key: `${g.force}|${g.theatre}`,
      label: forceLabel(g.force, g.theatre),
      figure: c ? (c.low !== c.high ? `${formatCount(c.low)}–${formatCount(c.high)}` : formatCount(c.value)) : null,
      asOf: c ? formatDay(c.asOf) : projected ? formatDay(projected.asOf) : null,
      projection: projected ? formatClaim(projected) : null,
      reportId: c ? newestReport(g) : (projected?.reportId ?? null),
    };
  });
  return { rows, hidden: Math.max(0, others.length - max) };
}
