/**
 * Pure: the public state as rows Recharts draws, one row per day (ms at UTC midnight, `t`), one
 * key per line. Series come from the server's fold (troop history and claimants, pair history);
 * nothing is recomputed here, only laid out side by side. Each chart is bounded whatever the
 * server sends, so a page left open for days does not grow.
 */
import type { ForceTroops, Meeting, PublicTension, PublicTroops, TensionRiseDriver } from '../../../../shared/state.js';
import { dayMs } from '../../components/charts/timeAxis.js';
import { forceLabel } from '../../components/forceLabel.js';
import { meetingHeadings } from '../wall/meetingSchedule.js';

/** Days drawn per chart at most (the fold keeps 300 for the headline force). */
export const MAX_ROWS = 400;

export type Row = { t: number } & Record<string, number | [number, number] | undefined>;

/** One line of a chart: the key of its values in the rows, what the legend says, dashed or not. */
export type Series = { key: string; label: string; dashed: boolean; colour: number };

export type Chart = { rows: Row[]; series: Series[] };

/** Rows sorted by day, the newest MAX_ROWS; `cells` gives [day, key, value] triples. */
function rowsOf(cells: Iterable<[at: string, key: string, value: number | [number, number]]>): Row[] {
  const byDay = new Map<number, Row>();
  for (const [at, key, value] of cells) {
    const t = dayMs(at);
    if (!Number.isFinite(t)) continue;
    let row = byDay.get(t);
    if (!row) byDay.set(t, (row = { t }));
    row[key] = value;
  }
  return [...byDay.values()].sort((a, b) => a.t - b.t).slice(-MAX_ROWS);
}

/** A claimant's name in a legend. */
export const claimantLabel = (claimedBy: string): string => claimedBy || 'Unattributed';

/**
 * One force's figures by who claims them: the desk's figure (`figure`) and its range (`range`),
 * then each claimant's stated figures (`c0`, `c1`…) and, dashed, its hypothetical ones (`h0`…).
 */
export function claimantChart(force: ForceTroops): Chart {
  const series: Series[] = [{ key: 'figure', label: 'Desk figure (most cited)', dashed: false, colour: 0 }];
  const cells: [string, string, number | [number, number]][] = [];
  for (const p of force.history) {
    cells.push([p.at, 'figure', p.value]);
    cells.push([p.at, 'range', [Math.min(p.low, p.value), Math.max(p.high, p.value)]]);
  }
  (force.claimants ?? []).forEach((c, i) => {
    const name = claimantLabel(c.claimedBy);
    if (c.points.length > 0) series.push({ key: `c${i}`, label: name, dashed: false, colour: i + 1 });
    if (c.hypotheticals.length > 0)
      series.push({ key: `h${i}`, label: `${name} (hypothetical)`, dashed: true, colour: i + 1 });
    for (const p of c.points) cells.push([p.at, `c${i}`, p.value]);
    for (const p of c.hypotheticals) cells.push([p.at, `h${i}`, p.value]);
  });
  return { rows: rowsOf(cells), series };
}

/** Every force of the crisis: the headline first, then the others, one line each (`f0`, `f1`…). */
export function forceChart(troops: PublicTroops): Chart {
  const forces = [troops, ...(troops.others ?? [])].filter((f) => f.history.length > 0);
  return {
    series: forces.map((f, i) => ({ key: `f${i}`, label: forceLabel(f.force, f.theatre), dashed: false, colour: i })),
    rows: rowsOf(forces.flatMap((f, i) => f.history.map((p): [string, string, number] => [p.at, `f${i}`, p.value]))),
  };
}

/** The forces a reader can pick for the claimant chart, the headline first. */
export function forcesOf(troops: PublicTroops): ForceTroops[] {
  return [troops, ...(troops.others ?? [])];
}

export type TensionChart = Chart & {
  /** The signals behind each rise, by `${seriesKey}@${t}`. */
  drivers: Map<string, TensionRiseDriver[]>;
};

/** Tension per actor pair (`p0`, `p1`…), day by day, and the drivers behind each rise. */
export function tensionChart(tension: PublicTension): TensionChart {
  const pairs = tension.pairs.filter((p) => (p.history ?? []).length > 0);
  const drivers = new Map<string, TensionRiseDriver[]>();
  const cells: [string, string, number][] = [];
  pairs.forEach((pair, i) => {
    for (const p of pair.history ?? []) {
      cells.push([p.at, `p${i}`, p.value]);
      if (p.drivers && p.drivers.length > 0) drivers.set(`p${i}@${dayMs(p.at)}`, p.drivers);
    }
  });
  return {
    rows: rowsOf(cells),
    series: pairs.map((p, i) => ({ key: `p${i}`, label: p.actors.join(' – '), dashed: false, colour: i })),
    drivers,
  };
}

/** A rise of one pair on one day, with what drove it: the list under the tension chart. */
export type Rise = { pair: string; at: string; value: number; from: number; drivers: TensionRiseDriver[] };

/** The rises that name their drivers, newest first, at most `max`. */
export function risesOf(tension: PublicTension, max: number): Rise[] {
  const rises: Rise[] = [];
  for (const pair of tension.pairs) {
    const history = pair.history ?? [];
    history.forEach((p, i) => {
      if (!p.drivers || p.drivers.length === 0) return;
      rises.push({
        pair: pair.actors.join(' – '),
        at: p.at,
        value: p.value,
        from: history[i - 1]?.value ?? 0,
        drivers: p.drivers,
      });
    });
  }
  return rises.sort((a, b) => b.at.localeCompare(a.at) || b.value - b.from - (a.value - a.from)).slice(0, max);
}

export const meetingLanes = ['Held', 'Cancelled', 'Passed, not reported held', 'Coming'] as const;
export type MeetingLane = (typeof meetingLanes)[number];

/** A dated meeting on the timeline: its day, its lane (0 held … 3 coming) and what a tooltip says. */
export type MeetingPoint = {
  t: number;
  lane: number;
  laneName: MeetingLane;
  title: string;
  line: string;
  meeting: Meeting;
};

/** Which lane a meeting goes in, on `todayMs` (UTC midnight of today). */
export function laneOf(m: Meeting, todayMs: number): MeetingLane {
  if (m.status === 'held') return 'Held';
  if (m.status === 'cancelled') return 'Cancelled';
  return m.date !== null && dayMs(m.date) < todayMs ? 'Passed, not reported held' : 'Coming';
}

/** The dated meetings as points (at most MAX_ROWS, the latest), and how many have no date yet. */
export function meetingTimeline(
  meetings: readonly Meeting[],
  todayMs: number,
): { points: MeetingPoint[]; undated: Meeting[] } {
  const points: MeetingPoint[] = [];
  const undated: Meeting[] = [];
  for (const m of meetings) {
    const t = m.date === null ? NaN : dayMs(m.date);
    if (!Number.isFinite(t)) {
      undated.push(m);
      continue;
    }
    const laneName = laneOf(m, todayMs);
    const { title, line } = meetingHeadings(m);
    points.push({ t, lane: meetingLanes.indexOf(laneName), laneName, title, line, meeting: m });
  }
  return { points: points.sort((a, b) => a.t - b.t).slice(-MAX_ROWS), undated };
}
