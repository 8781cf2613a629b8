/**
 * Where the figures of a crisis come from: each cited report's source, title and dateline, and
 * the tier editors gave the source (GET /api/sources/of-reports). With a wall's display token as
 * a bearer (read-only), or the session cookie on the desk.
 */
import { createContext, useContext, useEffect, useRef, useState, useLayoutEffect } from 'react';
import { MAX_PROVENANCE_IDS, type ReportProvenance, type SourceTier } from '../../../shared/sources.js';
import type { PublicState } from '../../../shared/state.js';
import { readApi } from './read.js';

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
    const body = await readApi<{ reports: ReportProvenance[] }>(
      `/api/sources/of-reports?ids=${chunk.join(',')}`,
      token,
    );
    out.push(...body.reports);
  }
  return out;
}

/**
 * The provenance of the reports a picture cites: fetched for the ids not known yet as new ones are
 * cited (a busy crisis cites a new report every few seconds), and all again every REFRESH_MS for
 * tiers editors changed. An empty map until known.
 */
export function useProvenance(
  state: Pick<PublicState, 'troops' | 'tension' | 'meetings'> | null,
  token?: string,
): ProvenanceMap {
  const key = citedReportIds(state).join(',');
  const [map, setMap] = useState<ProvenanceMap>(new Map());
  const known = useRef<ProvenanceMap>(map);
  useLayoutEffect(() => {
    known.current = map;
  });
  const [refreshes, setRefreshes] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setRefreshes((n) => n + 1), REFRESH_MS);
    return () => clearInterval(t);
  }, []);
  const lastRefresh = useRef(refreshes);
  const cited = useRef(new Set<string>());
  useEffect(() => {
    if (key === '') return;
    const all = key.split(',');
    cited.current = new Set(all);
    const everything = lastRefresh.current !== refreshes;
    lastRefresh.current = refreshes;
    const wanted = everything ? all : all.filter((id) => !known.current.has(id));
    if (wanted.length === 0) return;
    let live = true;
    fetchProvenance(wanted, token).then(
      (reports) => {
        if (!live) return;
        setMap((before) => {
          const next = new Map(before);
          for (const r of reports) next.set(r.id, r);
          // Reports no longer cited leave, so a wall running for weeks keeps a bounded map.
          for (const id of next.keys()) if (!cited.current.has(id)) next.delete(id);
          return next;
        });
      },
      () => undefined, // the figures still show; their sources come with the next change or refresh
    );
    return () => {
      live = false;
    };
  }, [key, token, refreshes]);
  return map;
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
