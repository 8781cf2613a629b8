/**
 * GET /api/reports with a query or filters: the index narrows every report to those holding the
 * query's words and passing the filters, newest first; their records are then read from Redis a
 * few at a time (and, for a phrase, its words checked side by side in the text) until the page
 * is full. A page looks at most MAX_EXAMINED candidates: past that it ends early
 * and `next` continues from where it stopped, so every request does bounded work.
 */
import type { ReportsQuery, SearchHighlights } from '../../shared/search.js';
import type { ReportStore, StoredReport } from '../storage/reportStore.js';
import { holdsPhrases, highlightsOf } from './highlight.js';
import { cursorOf, isAfter, parseCursor, type Ordered } from './newest.js';
import { containsRun, parseQuery, type ParsedQuery } from './query.js';
import type { IndexEntry, ReportIndex } from './reportIndex.js';
import { dayNumber } from './reportIndex.js';

const MAX_EXAMINED = 1000;
const CHUNK = 50;

export type SearchResult = { hits: { stored: StoredReport; highlights?: SearchHighlights }[]; next: string | null };

function filterOf(query: ReportsQuery, parsed: ParsedQuery | null): (e: IndexEntry) => boolean {
  const position: Ordered | null = query.cursor
    ? parseCursor(query.cursor)
    : query.before
      ? { receivedAtMs: Date.parse(query.before), id: '' }
      : null;
  const source = query.source?.toLowerCase();
  const from = query.from ? dayNumber(query.from) : 0;
  const to = query.to ? dayNumber(query.to) : Infinity;
  const names = (have: string[][], wanted: string[][]) => wanted.every((w) => have.some((h) => containsRun(h, w)));
  return (e) => {
    if (position && !isAfter(e, position)) return false;
    if (query.crisis === 'none' ? e.crises?.length !== 0 : query.crisis && !e.crises?.includes(query.crisis))
      return false;
    if (query.flag === 'none' ? e.flags.length > 0 : query.flag && !e.flags.includes(query.flag)) return false;
    if (query.verification && e.verification !== query.verification) return false;
    if (source !== undefined && e.source !== source) return false;
    if (e.day < from || e.day > to) return false;
    if (parsed && !(names(e.people, parsed.people) && names(e.places, parsed.places))) return false;
    return true;
  };
}

/** The record holds the query's phrases, each side by side (the index knows words, not their order). */
function confirms(stored: StoredReport, parsed: ParsedQuery): boolean {
  return holdsPhrases(stored.report.title ?? '', stored.report.text, parsed);
}

export async function searchReports(
  index: ReportIndex,
  reports: ReportStore,
  query: ReportsQuery,
): Promise<SearchResult> {
  const parsed = query.q ? parseQuery(query.q) : null;
  const want = query.limit + 1;
  // The index matches words exactly (search/reportIndex.ts): only phrases need the text read.
  const checkText = parsed !== null && parsed.phrases.length > 0;
  const { top, more } = index.newest(
    parsed?.words ?? [],
    filterOf(query, parsed),
    checkText ? Math.max(want, MAX_EXAMINED) : want,
  );
  const hits: SearchResult['hits'] = [];
  let examined = 0;
  while (examined < top.length && hits.length < want) {
    const chunk = top.slice(examined, examined + Math.max(CHUNK, want - hits.length));
    examined += chunk.length;
    const stored = await reports.getMany(chunk.map((e) => e.id));
    for (const s of stored) {
      if (!s || (checkText && parsed && !confirms(s, parsed))) continue;
      hits.push({ stored: s, ...(parsed ? { highlights: highlightsOf(s.report.title, s.report.text, parsed) } : {}) });
      if (hits.length === want) break;
    }
  }
  if (hits.length > query.limit) {
    hits.length = query.limit;
    const last = hits[hits.length - 1].stored.report;
    return { hits, next: cursorOf({ receivedAtMs: Date.parse(last.receivedAt), id: last.id }) };
  }
  // Candidates remain that this page did not look at: the next page starts after the last one looked at.
  const unexamined = more || examined < top.length;
  return { hits, next: unexamined && examined > 0 ? cursorOf(top[examined - 1]) : null };
}
