/**
 * The ingest job: read the stored report, extract (pure), apply journalists' corrections,
 * hand the result to the fold batcher. Throws to let BullMQ retry with backoff; on the
 * last attempt the report is marked failed with the reason.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import type { IngestJob } from '../queues/names.js';
import { applyCorrections } from '../state/index.js';
import type { CorrectionStore } from '../storage/correctionStore.js';
import type { ReportStore } from '../storage/reportStore.js';
import { withJson, type Extractor } from './extractPool.js';
import type { FoldBatcher } from './foldBatcher.js';

type FaultHook = (job: Job<IngestJob>) => void | Promise<void>;

export type IngestProcessorDeps = {
  reports: ReportStore;
  corrections: CorrectionStore;
  batcher: FoldBatcher;
  /** extract(), inline or on worker threads. */
  extractor: Extractor;
  /** Fault injection for tests and drills: runs before extraction / after the fold committed. */
  hooks?: { beforeFold?: FaultHook; afterFold?: FaultHook };
};

export function createIngestProcessor(deps: IngestProcessorDeps) {
  return async (job: Job<IngestJob>): Promise<void> => {
    const { reportId } = job.data;
    // Both reads at once: one wait for Redis instead of two, each of which can queue behind a busy core.
    const [stored, corrections] = await Promise.all([deps.reports.get(reportId), deps.corrections.list(reportId)]);
    if (!stored) throw new UnrecoverableError(`report ${reportId} is not in the store`);
    await deps.hooks?.beforeFold?.(job);
    const extracted = await deps.extractor.extract(stored.report.text, stored.report.dateline);
    // Most reports have no corrections: their extraction is stored as extracted, JSON and all.
    const { extraction, json } =
      corrections.length > 0 ? withJson(applyCorrections(extracted.extraction, corrections)) : extracted;
    await deps.batcher.submit({ stored, extraction, extractionJson: json });
    await deps.hooks?.afterFold?.(job);
  };
}
