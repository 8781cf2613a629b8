/**
 * The ingest job: read the stored report, extract (pure), apply journalists' corrections,
 * hand the result to the fold batcher. Throws to let BullMQ retry with backoff; on the
 * last attempt the report is marked failed with the reason.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import type { IngestJob } from '../queues/names.js';
import { applyCorrections } from '../state/index.js';
import type { CorrectionStore } from '../storage/correctionStore.js';
import { summarize, type ReportStore } from '../storage/reportStore.js';
import { extractionOf, withJson, type Extractor } from './extractPool.js';
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
    const { report, corrections, extracting } = await startExtraction(deps, job);
    const extracted = await extracting;
    // Most reports have no corrections: their extraction is stored as extracted, JSON and all.
    await deps.batcher.submit({
      report,
      extracted: corrections.length > 0 ? withJson(applyCorrections(extractionOf(extracted), corrections)) : extracted,
    });
    await deps.hooks?.afterFold?.(job);
  };
}

/**
 * Reads the report and its corrections, summarises it and starts its extraction. Its own
 * function because an async function keeps every local alive across each await (V8): the
 * stored report and its text would be held until the batch commits, a few hundred ms in a
 * backlog, and copied by the young-generation GC on the way (bench ingest).
 */
async function startExtraction(deps: IngestProcessorDeps, job: Job<IngestJob>) {
  const { reportId } = job.data;
  // Both reads at once: one wait for Redis instead of two, each of which can queue behind a busy core.
  const [stored, corrections] = await Promise.all([deps.reports.get(reportId), deps.corrections.list(reportId)]);
  if (!stored) throw new UnrecoverableError(`report ${reportId} is not in the store`);
  await deps.hooks?.beforeFold?.(job);
  const { id, text, dateline } = stored.report;
  const summary = summarize({ report: stored.report, status: 'done', flags: stored.flags });
  return { report: { id, dateline, summary }, corrections, extracting: deps.extractor.extract(text, dateline) };
}
