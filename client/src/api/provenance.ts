/**
 * Where the figures of a crisis come from: each cited report's source, title and dateline, and
 * the tier editors gave the source (GET /api/sources/of-reports). With a wall's display token as
 * a bearer (read-only), or the session cookie on the desk.
 */
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { MAX_PROVENANCE_IDS, type ReportProvenance, type SourceTier } from '../../../shared/sources.js';
import type { PublicState } from '../../../shared/state.js';

/** Re-read tiers this often: editors change them rarely, and a wall runs for days. */
const REFRESH_MS = 120_000;

export type ProvenanceMap = ReadonlyMap<string, ReportProvenance>;

/** Every report id a picture cites: troop claims (all forces), meetings' history, tension drivers. */
export function citedReportIds(state: Pick<PublicState, 'troops' | 'tension' | 'meetings'> | null): string[] {
  if (!state) return [];
  const ids = new Set<string>();
  for (const group of [state.troops, ...state.troops.others]) {
    for (const c of group.current?.claims ?? []) ids.add(c.reportId);
    for (const c of group.hypotheticals) ids.add(c.reportId);
  }
  for (const d of state.tension.drivers) ids.add(d.reportId);
  for (const p of state.tension.pairs) for (const d of p.drivers) ids.add(d.reportId);
  for (const m of state.meetings) for (const h of m.history) ids.add(h.reportId);
  return [...ids].sort();
}

async function fetchProvenance(ids: readonly string[], token?: string): Promise<ReportProvenance[]> {
  const out: ReportProvenance[] = [];
  for (let i = 0; i < ids.length; i += MAX_PROVENANCE_IDS) {
    const chunk = ids.slice(i, i + MAX_PROVENANCE_IDS);
    const res = await fetch(`/api/sources/of-reports?ids=${chunk.join(',')}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
    });
    if (!res.ok) throw new Error(`GET /api/sources/of-reports answered ${res.status}`);
    out.push(...((await res.json()) as { reports: ReportProvenance[] }).reports);
  }
  return out;
}

/** The provenance of the reports a picture cites, fetched as new ones are cited; an empty map until known. */
export function useProvenance(
  state: Pick<PublicState, 'troops' | 'tension' | 'meetings'> | null,
  token?: string,
): ProvenanceMap {
  const key = citedReportIds(state).join(',');
  const [map, setMap] = useState<ProvenanceMap>(new Map());
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (key === '') return;
    let live = true;
    fetchProvenance(key.split(','), token).then(
      (reports) => {
        if (live) setMap(new Map(reports.map((r) => [r.id, r])));
      },
      () => undefined, // the figures still show; their sources come with the next refresh
    );
    return () => {
      live = false;
    };
  }, [key, token, tick]);
  return useMemo(() => map, [map]);
}

export const tierLabels: Record<SourceTier, string> = {
  wire: 'Wire',
  official: 'Official',
  'own-correspondent': 'Own correspondent',
  'unconfirmed-social': 'Unconfirmed social',
};

/** One or two letters for the wall's compact mark. */
export const tierMarks: Record<SourceTier, string> = {
  wire: 'W',
  official: 'O',
  'own-correspondent': 'C',
  'unconfirmed-social': 'S?',
};

/** The provenance a page fetched, for any component under it (the wall's panels are memoised). */
export const ProvenanceContext = createContext<ProvenanceMap>(new Map());

export function useSourceOf(reportId: string | null | undefined): ReportProvenance | undefined {
  const map = useContext(ProvenanceContext);
  return reportId ? map.get(reportId) : undefined;
}
