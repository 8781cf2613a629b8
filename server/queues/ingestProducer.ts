/**
 * Enqueues reports for extraction. Producers fail fast: while Redis is down the
 * caller gets an error within `timeoutMs` instead of waiting for a reconnect.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { INGEST_QUEUE, type IngestJob } from './names.js';
import { ServiceUnavailable } from '../errors.js';

export type IngestQueue = Queue<IngestJob>;

export function createIngestQueue(connection: Redis, prefix: string): IngestQueue {
  const queue = new Queue<IngestJob>(INGEST_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { count: 1000 },
      // Failed jobs are kept so an operator can see why; the report's own record keeps the error too.
      removeOnFail: { count: 10_000 },
    },
  });
  // The connection's own handler logs its errors (storage/redis.ts); they surface on the calls too.
  queue.on('error', () => undefined);
  return queue;
}

/** Adds the ingest job for a report; idempotent (jobId = report id). */
export async function enqueueReport(queue: IngestQueue, reportId: string, timeoutMs = 2000): Promise<void> {
  await withTimeout(queue.add('report', { reportId }, { jobId: reportId }), timeoutMs);
}

export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ServiceUnavailable('The store (Redis) did not answer in time')), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
