/**
 * The desk's search box asks the server (GET /api/reports?q=…), which searches every report, not
 * only those this page loaded: debounced while typing, the request before cancelled when the
 * text or a filter changes, further pages on "load more" with the server's cursor.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Flag } from '../../../../shared/report.js';
import type { SearchHit, SearchPage } from '../../../../shared/search.js';
import type { DeskFilters } from './filters.js';

const DEBOUNCE_MS = 250;
const PAGE = 50;

export type ServerSearch = {
  /** The query the results are for ('' when the box is empty). */
  query: string;
  hits: SearchHit[];
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  loadMore(): void;
  /** A report's flags as just set on this desk (the results are a snapshot, not live). */
  setFlags(id: string, flags: Flag[]): void;
};

/** The query string for the box's text and the filters the server knows. */
export function searchParams(f: DeskFilters, cursor?: string): URLSearchParams {
  const p = new URLSearchParams({ q: f.search.trim(), limit: String(PAGE) });
  if (f.crisis) p.set('crisis', f.crisis);
  if (f.flag !== 'any') p.set('flag', f.flag);
  if (f.source) p.set('source', f.source);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (cursor) p.set('cursor', cursor);
  return p;
}

async function fetchPage(params: URLSearchParams, signal: AbortSignal): Promise<SearchPage> {
  const res = await fetch(`/api/reports?${params.toString()}`, { credentials: 'same-origin', signal });
  const body = (await res.json().catch(() => null)) as (SearchPage & { error?: { message: string } }) | null;
  if (!res.ok || !body) throw new Error(body?.error?.message ?? `The server answered ${res.status}`);
  return body;
}

export function useServerSearch(filters: DeskFilters): ServerSearch {
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const inFlight = useRef<AbortController | null>(null);
  const key = searchParams(filters).toString();

  const run = useCallback((params: URLSearchParams, append: boolean) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    setError(null);
    fetchPage(params, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setHits((h) => (append ? [...h, ...page.reports.filter((r) => !h.some((x) => x.id === r.id))] : page.reports));
        setNext(page.next);
        setQuery(params.get('q') ?? '');
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError((err as Error).message);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    const params = new URLSearchParams(key);
    if (!params.get('q')) {
      // An empty box shows no results (derived below), so nothing is set here.
      inFlight.current?.abort();
      return;
    }
    const timer = setTimeout(() => run(params, false), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, run]);

  useEffect(() => () => inFlight.current?.abort(), []);

  const loadMore = useCallback(() => {
    if (next && !loading) run(new URLSearchParams(`${key}&cursor=${encodeURIComponent(next)}`), true);
  }, [key, next, loading, run]);

  const setFlags = useCallback((id: string, flags: Flag[]) => {
    setHits((h) => h.map((r) => (r.id === id ? { ...r, flags } : r)));
  }, []);

  if (!new URLSearchParams(key).get('q')) {
    return { query: '', hits: [], loading: false, error: null, hasMore: false, loadMore, setFlags };
  }
  return { query, hits, loading, error, hasMore: next !== null, loadMore, setFlags };
}
