/**
 * Pure: how the wall names whose troops a figure counts and where, and the other forces of a
 * crisis as rows of their own. Names come from the data (the crisis' principal and the reports'
 * actors and places); nothing here knows any crisis. Each force keeps its own figure and range:
 * nothing is summed or merged across forces.
 */
import type { ForceTroops } from '../../../../shared/state.js';
import { formatClaim, formatCount, formatDay } from './figures.js';

/** "Russia's forces", "the side's forces" in plain English from an actor's name ("" = not stated). */
export function forcesOf(force: string): string {
  const name = force.trim();
  if (name === '') return 'Forces (side not stated)';
  return `${name}${/s$/i.test(name) ? '’' : '’s'} forces`;
}

/** "Russia's forces · Ukraine": whose troops, and where (left out when the reports do not say). */
export function forceLabel(force: string, theatre: string): string {
  const where = theatre.trim();
  return where === '' ? forcesOf(force) : `${forcesOf(force)} · ${where}`;
}

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
};

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
    };
  });
  return { rows, hidden: Math.max(0, others.length - max) };
}
