/** POST /api/reports (ingest), GET /api/reports/:id, GET /api/reports. */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { crisisSlugSchema } from '../../../shared/crisis.js';
import { reportInputSchema, type ReportInput } from '../../../shared/report.js';
import { looksLikeNinjs } from '../../../shared/ninjs.js';
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

const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** A crisis' slug, or "none" for the reports in no crisis. */
  crisis: z.union([z.literal('none'), crisisSlugSchema]).optional(),
  before: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), "before must be an ISO date-time (a report's receivedAt)")
    .optional(),
});
const idSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a report id is 32 hexadecimal characters');

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
    const id = parseOrThrow(idSchema, req.params.id, 'id');
    const stored = await deps.reports.get(id);
    if (!stored) throw new NotFound(`No report with id ${id}`);
    let status = stored.status;
    if (status === 'queued' && (await deps.queue.getJobState(id)) === 'active') status = 'processing';
    const detail = toDetail(stored, status);
    res.json(req.principal?.kind === 'session' ? detail : publicDetail(detail));
  });

  router.get('/', requirePermission('read'), async (req, res) => {
    const query = parseOrThrow(listQuerySchema, req.query, 'query');
    const index = query.crisis ? await deps.indexOf(query.crisis) : undefined;
    const stored = await deps.reports.list(query.limit, query.before ? Date.parse(query.before) : undefined, index);
    const signedIn = req.principal?.kind === 'session';
    const reports = stored.map((s) => (signedIn ? toDetail(s) : publicDetail(toDetail(s))));
    const last = stored.at(-1);
    res.json({ reports, next: stored.length === query.limit && last ? last.report.receivedAt : null });
  });

  return router;
}
