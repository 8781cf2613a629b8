/**
 * The desk's reports: pages of GET /api/reports (full text, extraction, flags, crises), all of
 * them or one crisis' (`crisis`: a slug, "none" for the reports in no crisis), kept live by the
 * desk stream. flag.changed and verification.changed update a report in place; report.added / report.updated fetch that
 * one report when it belongs to the list, and take it out when it no longer does (assigned to a
 * crisis, say); a resync reloads the newest page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Change } from '../../../../shared/events.js';
import type { Flag, ReportDetail } from '../../../../shared/report.js';
import type { ReportVerification } from '../../../../shared/verification.js';
import { api } from '../../api/http.js';
import { inCrisisFilter, type CrisisFilter } from './filters.js';
import { useDeskListener, type DeskStream } from './useDeskStream.js';

const PAGE = 200;

type Page = { reports: ReportDetail[]; next: string | null };

export type DeskFeed = {
  reports: ReportDetail[];
  loading: boolean;
  hasMore: boolean;
  error: string | null;
  /** Bumped whenever a report changes (flags, corrections, crises): views of it refresh. */
  revision: Record<string, number>;
  loadMore(): void;
  setFlags(id: string, flags: Flag[]): void;
  setVerification(id: string, verification: ReportVerification): void;
};

function merge(current: ReportDetail[], incoming: ReportDetail[]): ReportDetail[] {
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const r of incoming) byId.set(r.id, r);
  return [...byId.values()].sort(
    (a, b) => b.report.receivedAt.localeCompare(a.report.receivedAt) || a.id.localeCompare(b.id),
  );
}

export function useDeskFeed(stream: DeskStream, crisis: CrisisFilter = ''): DeskFeed {
  const [reports, setReports] = useState<ReportDetail[]>([]);
  const [loading, setLoading] = useState(true);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState<Record<string, number>>({});
  // Answers for a list asked before the filter changed are dropped.
  const generation = useRef(0);
  const loadingRef = useRef(false);

  const bump = (id: string) => setRevision((r) => ({ ...r, [id]: (r[id] ?? 0) + 1 }));

  /** Asks for a page; state changes only when the answer comes (so an effect may call it). */
  const request = useCallback(
    (before?: string): Promise<void> => {
      const gen = generation.current;
      const query = new URLSearchParams({ limit: String(PAGE) });
      if (crisis) query.set('crisis', crisis);
      if (before) query.set('before', before);
      return api<Page>('GET', `/api/reports?${query}`)
        .then(
          (page) => {
            if (gen !== generation.current) return;
            setReports((cur) => merge(cur, page.reports));
            // The newest page says where the next one starts only for a list read from the top.
            setNext((cur) => (before !== undefined || cur === null ? page.next : cur));
            setError(null);
          },
          (err: unknown) => {
            if (gen === generation.current) setError((err as Error).message);
          },
        )
        .finally(() => {
          if (gen === generation.current) {
            loadingRef.current = false;
            setLoading(false);
          }
        });
    },
    [crisis],
  );
  /** The next page, asked for by scrolling: at most one at a time. */
  const fetchPage = useCallback(
    (before?: string) => {
      if (loadingRef.current && before !== undefined) return;
      loadingRef.current = true;
      setLoading(true);
      void request(before);
    },
    [request],
  );

  const fetchOne = useCallback(
    async (id: string) => {
      const gen = generation.current;
      try {
        const one = await api<ReportDetail>('GET', `/api/reports/${id}`);
        if (gen !== generation.current) return;
        // Read after the change: its crises are the ones that decide.
        if (inCrisisFilter(one.crises, crisis)) setReports((cur) => merge(cur, [one]));
        else setReports((cur) => cur.filter((r) => r.id !== id));
        bump(id);
      } catch {
        // The next change or reload brings it.
      }
    },
    [crisis],
  );

  // Another filter: the list starts again (set during render, React's "adjusting state" pattern),
  // and the effect asks for its first page; answers for the old filter are dropped (generation).
  const [listedFor, setListedFor] = useState(crisis);
  if (listedFor !== crisis) {
    setListedFor(crisis);
    setReports([]);
    setNext(null);
    setLoading(true);
  }
  useEffect(() => {
    generation.current++;
    loadingRef.current = true;
    void request();
  }, [request]);

  useDeskListener(stream, {
    onChange: (change: Change) => {
      if (change.type === 'flag.changed') {
        setReports((cur) => cur.map((r) => (r.id === change.id ? { ...r, flags: change.flags } : r)));
        bump(change.id);
      } else if (change.type === 'verification.changed') {
        setReports((cur) => cur.map((r) => (r.id === change.id ? { ...r, verification: change.verification } : r)));
        bump(change.id);
      } else if (change.type === 'report.added' || change.type === 'report.updated') {
        if (inCrisisFilter(change.report.crises, crisis)) void fetchOne(change.id);
        else setReports((cur) => cur.filter((r) => r.id !== change.id));
      }
    },
    onResync: () => void fetchPage(),
  });

  return {
    reports,
    loading,
    hasMore: typeof next === 'string',
    error,
    revision,
    loadMore: () => {
      if (typeof next === 'string') void fetchPage(next);
    },
    setFlags: (id, flags) => {
      setReports((cur) => cur.map((r) => (r.id === id ? { ...r, flags } : r)));
      bump(id);
    },
    setVerification: (id, verification) => {
      setReports((cur) => cur.map((r) => (r.id === id ? { ...r, verification } : r)));
      bump(id);
    },
  };
}
