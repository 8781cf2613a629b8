/**
 * The desk's reports: pages of GET /api/reports (full text, extraction, flags), kept live by
 * the change stream. flag.changed updates a report in place; report.added / report.updated
 * fetch that one report; a snapshot after a gap reloads the newest page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Change } from '../../../../shared/events.js';
import type { Flag, ReportDetail } from '../../../../shared/report.js';
import { connect, type ConnectionStatus } from '../../realtime/connection.js';
import { api } from '../../api/http.js';

const PAGE = 200;

type Page = { reports: ReportDetail[]; next: string | null };

export type DeskFeed = {
  reports: ReportDetail[];
  status: ConnectionStatus;
  loading: boolean;
  hasMore: boolean;
  error: string | null;
  /** Bumped whenever a report changes (flags, corrections): views of it refresh. */
  revision: Record<string, number>;
  loadMore(): void;
  setFlags(id: string, flags: Flag[]): void;
};

function merge(current: ReportDetail[], incoming: ReportDetail[]): ReportDetail[] {
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const r of incoming) byId.set(r.id, r);
  return [...byId.values()].sort(
    (a, b) => b.report.receivedAt.localeCompare(a.report.receivedAt) || a.id.localeCompare(b.id),
  );
}

export function useDeskFeed(enabled: boolean): DeskFeed {
  const [reports, setReports] = useState<ReportDetail[]>([]);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [loading, setLoading] = useState(false);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState<Record<string, number>>({});
  const loadingRef = useRef(false);
  const snapshots = useRef(0);

  const bump = (id: string) => setRevision((r) => ({ ...r, [id]: (r[id] ?? 0) + 1 }));

  const fetchPage = useCallback(
    async (before?: string) => {
      if (loadingRef.current) return;
      loadingRef.current = true;
      setLoading(true);
      try {
        const page = await api<Page>(
          'GET',
          `/api/reports?limit=${PAGE}${before ? `&before=${encodeURIComponent(before)}` : ''}`,
        );
        setReports((cur) => merge(cur, page.reports));
        if (before !== undefined || next === undefined) setNext(page.next);
        setError(null);
      } catch (err) {
        setError((err as Error).message);
      } finally {
        loadingRef.current = false;
        setLoading(false);
      }
    },
    [next],
  );

  const fetchOne = useCallback(async (id: string) => {
    try {
      const one = await api<ReportDetail>('GET', `/api/reports/${id}`);
      setReports((cur) => merge(cur, [one]));
      bump(id);
    } catch {
      // The next change or reload brings it.
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    void fetchPage();
    const connection = connect(
      undefined,
      { desk: true },
      {
        onSnapshot: () => {
          // The first snapshot comes with connecting; a later one means we missed changes.
          if (snapshots.current++ > 0) void fetchPage();
        },
        onChange: (change: Change) => {
          if (change.type === 'flag.changed') {
            setReports((cur) => cur.map((r) => (r.id === change.id ? { ...r, flags: change.flags } : r)));
            bump(change.id);
          } else if (change.type === 'report.added' || change.type === 'report.updated') {
            void fetchOne(change.id);
          }
        },
        onStatus: (s) => setStatus(s),
      },
    );
    return () => connection.close();
    // fetchPage's identity changes with the cursor; the connection must not, so it is not a dependency.
  }, [enabled, fetchOne]);

  return {
    reports,
    status,
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
  };
}
