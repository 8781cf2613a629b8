/** POST /api/reports (ingest), GET /api/reports/:id, GET /api/reports (the list, and search: reportSearch.ts). */
import { Router, type Request } from 'express';
import { reportIdSchema, reportInputSchema, type ReportInput } from '../../../shared/report.js';
import { looksLikeNinjs } from '../../../shared/ninjs.js';
import { reportsQuerySchema } from '../../../shared/search.js';
import type { IndexFollower } from '../../search/indexFollower.js';
import { answerSearch, needsIndex } from './reportSearch.js';
import type { Ingestor } from '../../ingest/acceptReport.js';
import { acceptNinjs } from '../../ingest/acceptNinjs.js';
import type { HtmlReader } from '../../ingest/ninjs.js';
import type { UriIndex } from '../../storage/uriIndex.js';
import type { IngestQueue } from '../../queues/ingestProducer.js';
import { toDetail, type ReportStore } from '../../storage/reportStore.js';
import { AppError, NotFound } from '../../errors.js';
import { publicDetail } from '../../realtime/redact.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';

/** Most JSON one page of GET /api/reports carries (about; at least one report is always sent). */
export const MAX_LIST_BYTES = 4 * 1024 * 1024;

/** text/plain: an optional first line `date YYYY-MM-DD`, then the report. */
export function parsePlainText(body: string): ReportInput {
  const match = /^date[ \t]+(\S+)[ \t]*\r?\n/i.exec(body);
  return match ? { text: body.slice(match[0].length), dateline: match[1] } : { text: body };
}

function readInput(req: Request): unknown {
  if (req.is(['application/json', 'application/*+json'])) return req.body;
  if (req.is('text/plain')) return parsePlainText(typeof req.body === 'string' ? req.body : '');
  throw new AppError(
    415,
    'unsupported_media_type',
    'Send the report as application/json (or IPTC ninjs) or text/plain',
  );
}

export function reportsRouter(deps: {
  ingestor: Ingestor;
  reports: ReportStore;
  queue: IngestQueue;
  uris?: UriIndex;
  /** Reads a ninjs item's HTML (off this thread when it is long: ingest/markupPool.ts). */
  readHtml?: HtmlReader;
  /** The index of a crisis' reports (its slug), or of those in no crisis ("none"); NotFound for an unknown crisis. */
  indexOf: (crisis: string) => Promise<string>;
  /** This node's search index over every report (search/indexFollower.ts). */
  search?: IndexFollower;
}): Router {
  const router = Router();

  router.post('/', requirePermission('ingest'), async (req, res) => {
    const body = readInput(req);
    // IPTC ninjs (by its fields or its media type) is mapped to a report and keeps its fields as meta.
    const result = looksLikeNinjs(body, req.headers['content-type'])
      ? await acceptNinjs(body, deps)
      : await deps.ingestor.accept(parseOrThrow(reportInputSchema, body));
    res.status(result.status === 'queued' ? 202 : 200).json(result);
  });

  router.get('/:id', requirePermission('read'), async (req, res) => {
    const id = parseOrThrow(reportIdSchema, req.params.id, 'id');
    const stored = await deps.reports.get(id);
    if (!stored) throw new NotFound(`No report with id ${id}`);
    let status = stored.status;
    if (status === 'queued' && (await deps.queue.getJobState(id)) === 'active') status = 'processing';
    const detail = toDetail(stored, status);
    res.json(req.principal?.kind === 'session' ? detail : publicDetail(detail));
  });

  router.get('/', requirePermission('read'), async (req, res) => {
    const query = parseOrThrow(reportsQuerySchema, req.query, 'query');
    const index = query.crisis ? await deps.indexOf(query.crisis) : undefined;
    const signedIn = req.principal?.kind === 'session';
    if (needsIndex(query)) {
      if (!deps.search) throw new AppError(501, 'search_unavailable', 'Search is not served by this node');
      return answerSearch(res, { follower: deps.search, reports: deps.reports }, query, signedIn, MAX_LIST_BYTES);
    }
    const stored = await deps.reports.list(query.limit, query.before ? Date.parse(query.before) : undefined, index);
    // A page ends at MAX_LIST_BYTES of JSON (reports of 100,000 characters with a ninjs item kept
    // whole can weigh a megabyte each): `next` then points at the first report left out.
    const parts: string[] = [];
    let bytes = 0;
    for (const s of stored) {
      const json = JSON.stringify(signedIn ? toDetail(s) : publicDetail(toDetail(s)));
      if (parts.length > 0 && bytes + json.length > MAX_LIST_BYTES) break;
      parts.push(json);
      bytes += json.length;
    }
    const last = stored[parts.length - 1];
    const more = parts.length < stored.length || stored.length === query.limit;
    const next = more && last ? last.report.receivedAt : null;
    res.type('application/json').send(`{"reports":[${parts.join(',')}],"next":${JSON.stringify(next)}}`);
  });

  return router;
}
