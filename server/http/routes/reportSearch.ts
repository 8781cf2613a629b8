/**
 * GET /api/reports with `q` or a filter only the search index knows (flag, verification, source,
 * from, to, cursor): every report, through this node's index (search/). Answers 503 while the
 * index is still being built, and waits (briefly) for changes written before the request.
 */
import type { Response } from 'express';
import type { ReportsQuery, SearchHit } from '../../../shared/search.js';
import { AppError } from '../../errors.js';
import { publicDetail } from '../../realtime/redact.js';
import type { IndexFollower } from '../../search/indexFollower.js';
import { cursorOf } from '../../search/newest.js';
import { searchReports } from '../../search/searchReports.js';
import { toDetail, type ReportStore } from '../../storage/reportStore.js';

/** How long a search waits for this node to apply changes written before it was asked. */
const CATCH_UP_MS = 2000;

export function needsIndex(query: ReportsQuery): boolean {
  return Boolean(query.q || query.flag || query.verification || query.source || query.from || query.to || query.cursor);
}

export async function answerSearch(
  res: Response,
  deps: { follower: IndexFollower; reports: ReportStore },
  query: ReportsQuery,
  signedIn: boolean,
  maxBytes: number,
): Promise<void> {
  const status = deps.follower.status();
  if (!status.ready) {
    res.setHeader('Retry-After', '5');
    throw new AppError(
      503,
      'search_index_building',
      `Search is starting: ${status.indexed.toLocaleString('en')} of ${status.total.toLocaleString('en')} reports indexed; retry in a few seconds`,
      status,
    );
  }
  await deps.follower.caughtUp(CATCH_UP_MS);
  const { hits, next } = await searchReports(deps.follower.index, deps.reports, query);
  // A page ends at maxBytes of JSON (reports of 100,000 characters can weigh a megabyte each).
  const parts: string[] = [];
  let bytes = 0;
  for (const h of hits) {
    const detail = signedIn ? toDetail(h.stored) : publicDetail(toDetail(h.stored));
    const hit: SearchHit = h.highlights ? { ...detail, highlights: h.highlights } : detail;
    const json = JSON.stringify(hit);
    if (parts.length > 0 && bytes + json.length > maxBytes) break;
    parts.push(json);
    bytes += json.length;
  }
  const cut = parts.length < hits.length ? hits[parts.length - 1].stored.report : null;
  const nextCursor = cut ? cursorOf({ receivedAtMs: Date.parse(cut.receivedAt), id: cut.id }) : next;
  res.type('application/json').send(`{"reports":[${parts.join(',')}],"next":${JSON.stringify(nextCursor)}}`);
}
