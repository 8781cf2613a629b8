/**
 * The BullMQ worker for the "ingest" queue, set up as BullMQ's authors advise:
 * a blocking connection with maxRetriesPerRequest null, an error listener, and a
 * short lock so a killed worker's jobs are taken up again within seconds.
 */
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { INGEST_QUEUE, type IngestJob } from '../queues/names.js';
import type { ReportStore } from '../storage/reportStore.js';
import { createIngestProcessor, type IngestProcessorDeps } from './ingestProcessor.js';

export type IngestWorkerOptions = {
  connection: Redis;
  prefix: string;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  log: Logger;
};

export function createIngestWorker(deps: IngestProcessorDeps, options: IngestWorkerOptions): Worker<IngestJob> {
  const worker = new Worker<IngestJob>(INGEST_QUEUE, createIngestProcessor(deps), {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    maxStalledCount: 5,
  });
  worker.on('error', (err) => options.log.error({ err }, 'ingest worker error'));
  worker.on('failed', (job, err) => {
    if (job) void markIfFinal(job, err, deps.reports, options.log);
  });
  return worker;
}

async function markIfFinal(job: Job<IngestJob>, err: Error, reports: ReportStore, log: Logger): Promise<void> {
  const attempts = job.opts.attempts ?? 1;
  const final = job.attemptsMade >= attempts || err.name === 'UnrecoverableError';
  log.warn({ reportId: job.data.reportId, attempt: job.attemptsMade, final, err: err.message }, 'ingest job failed');
  if (!final) return;
  try {
    await reports.markFailed(job.data.reportId, err.message);
  } catch (markErr) {
    log.error({ err: markErr }, 'could not mark report failed');
  }
}
