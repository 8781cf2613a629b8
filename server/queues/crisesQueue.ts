/**
 * The "crises" queue: after a crisis is made, changed or removed, one job re-assigns every
 * stored report to the crises as they now are (server/workers/reassignWorker.ts). One job per
 * crises version (jobId), so a change is handled once however many api nodes saw it.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { withTimeout } from './ingestProducer.js';
import { CRISES_QUEUE } from './names.js';

export type ReassignJob = {
  /** The crises version this job assigns for; a newer version supersedes it. */
  version: number;
  /** Crises whose state must be folded again from nothing (their principal changed). */
  rebuild: string[];
  /** Crises removed: their keys go. */
  removed: string[];
};
export type CrisesQueue = Queue<ReassignJob>;

export function createCrisesQueue(connection: Redis, prefix: string): CrisesQueue {
  const queue = new Queue<ReassignJob>(CRISES_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 100 },
    },
  });
  // The connection's own handler logs its errors (storage/redis.ts); they surface on the calls too.
  queue.on('error', () => undefined);
  return queue;
}

export async function enqueueReassignment(queue: CrisesQueue, job: ReassignJob, timeoutMs = 2000): Promise<void> {
  await withTimeout(queue.add('reassign', job, { jobId: `reassign-${job.version}` }), timeoutMs);
}
