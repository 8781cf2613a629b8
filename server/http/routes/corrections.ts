/**
 * GET /api/reports/:id/corrections → {original, corrections, extraction}: the machine's own
 * extraction (whose indexes corrections refer to), the corrections made so far, and the result.
 * Both extractions are read as the worker stored them when it folded the report: no request
 * runs extraction on an api node. A report not yet extracted cannot be corrected (409).
 * POST /api/reports/:id/corrections {correction, note?} (journalist or above) → 202: the
 * correction and its audit entry are stored together, then the report is re-folded by the
 * ingest worker, which announces report.updated and any tension/troops/meeting change.
 */
import { Router } from 'express';
import { correctionInputSchema } from '../../../shared/desk.js';
import { actorOf, auditEntry } from '../../auth/actor.js';
import { AppError, BadRequest, NotFound } from '../../errors.js';
import { withTimeout, type IngestQueue } from '../../queues/ingestProducer.js';
import type { CorrectionLog } from '../../storage/correctionLog.js';
import type { CorrectionStore } from '../../storage/correctionStore.js';
import type { ReportStore } from '../../storage/reportStore.js';
import { reportIdSchema } from '../../../shared/report.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';
import { correctionEffect } from './corrections.effect.js';

export type CorrectionsDeps = {
  reports: ReportStore;
  corrections: CorrectionStore;
  log: CorrectionLog;
  queue: IngestQueue;
};

export function correctionsRouter(deps: CorrectionsDeps): Router {
  const router = Router({ mergeParams: true });

  async function load(rawId: unknown) {
    const id = parseOrThrow(reportIdSchema, rawId, 'id');
    const stored = await deps.reports.get(id);
    if (!stored) throw new NotFound(`No report with id ${id}`);
    const original = stored.original ?? stored.extraction;
    if (!original)
      throw new AppError(
        409,
        'not_extracted',
        `Report ${id} is ${stored.status}: it can be corrected once it has been extracted`,
      );
    const corrections = await deps.corrections.list(id);
    return { id, stored, corrections, original };
  }

  router.get('/corrections', requirePermission('read'), async (req, res) => {
    const { original, corrections, stored } = await load((req.params as { id?: string }).id);
    res.json({ original, corrections, extraction: stored.extraction ?? null });
  });

  router.post('/corrections', requirePermission('flag'), async (req, res) => {
    const input = parseOrThrow(correctionInputSchema, req.body);
    const { id, original, corrections } = await load((req.params as { id?: string }).id);
    const effect = correctionEffect(original, corrections, input.correction);
    if ('error' in effect) throw new BadRequest(effect.error, undefined, 'invalid_correction');
    const audit = auditEntry(
      actorOf(req),
      'correction.added',
      id,
      effect.before,
      effect.after,
      input.note || undefined,
    );
    const n = await deps.log.append(id, input.correction, { ...audit, detail: input.correction });
    // A distinct job id per correction (BullMQ keeps one job per id, and ids may not contain ":").
    await withTimeout(deps.queue.add('correction', { reportId: id, correction: n }, { jobId: `${id}-fix-${n}` }), 2000);
    res.status(202).json({ id, n, status: 'queued', before: effect.before, after: effect.after });
  });

  return router;
}
