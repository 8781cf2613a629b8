/**
 * The reconciler: re-enqueues any accepted report whose ingest job was lost (Redis died
 * between storing the report and adding its job, say). A report still pending is usually
 * just waiting its turn in a backlog, so only those with no job at all are added: adding one
 * that exists is a no-op for BullMQ, but it runs a script and writes a "duplicated" event,
 * up to a thousand a round in the middle of the very backlog that made them look lost.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { enqueueReport, type IngestQueue } from '../queues/ingestProducer.js';
import type { ReportStore } from '../storage/reportStore.js';

export type ReconcilerDeps = { redis: Redis; reports: ReportStore; queue: IngestQueue; log: Logger };

/** One round: re-enqueues the reports accepted before `acceptedBeforeMs` that are pending with no job; returns their ids. */
export async function reenqueueLostReports(deps: ReconcilerDeps, acceptedBeforeMs: number): Promise<string[]> {
  const pending = await deps.reports.pendingBefore(acceptedBeforeMs);
  if (pending.length === 0) return [];
  // A job's hash lives at the queue's key for its id (jobId = report id) from add until removal.
  const pipeline = deps.redis.pipeline();
  for (const id of pending) pipeline.exists(deps.queue.toKey(id));
  const results = (await pipeline.exec()) ?? [];
  const lost = pending.filter((_, i) => {
    const [err, exists] = results[i] ?? [new Error('no reply'), 0];
    if (err) throw err;
    return exists === 0;
  });
  for (const id of lost) await enqueueReport(deps.queue, id);
  if (lost.length > 0) deps.log.info({ count: lost.length }, 'reconciler re-enqueued reports that had lost their job');
  return lost;
}

/** Runs a round every `everyMs` for reports pending longer than `afterMs`; `stop()` ends it. */
export function startReconciler(deps: ReconcilerDeps, everyMs: number, afterMs: number): { stop(): void } {
  const timer = setInterval(() => {
    reenqueueLostReports(deps, Date.now() - afterMs).catch((err: unknown) =>
      deps.log.warn({ err: (err as Error).message }, 'reconciler skipped a round'),
    );
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
