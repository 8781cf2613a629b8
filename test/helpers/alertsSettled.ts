/**
 * Waits until alerting has nothing left to do: every change on every stream was read and
 * acknowledged by the evaluators' consumer group, and the deliver queue holds no alert waiting,
 * running or waiting for a retry. From then on nothing more can be sent without a new change
 * (but for digests that throttling holds back, by design), so a test can assert what did NOT
 * happen without sleeping.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ALERTS_GROUP } from '../../server/alerts/evaluator.js';
import { DELIVER_QUEUE } from '../../server/queues/names.js';
import { waitFor } from './app.js';

type GroupInfo = { name: string; pending: number; lastDelivered: string };

async function groupsCaughtUp(redis: Redis, prefix: string): Promise<boolean> {
  const streams = (await redis.keys(`{${prefix}*:changes`)).filter((k) => k.endsWith(':changes'));
  for (const key of streams) {
    const last = ((await redis.xinfo('STREAM', key)) as unknown[]) ?? [];
    const lastId = String(last[last.indexOf('last-generated-id') + 1]);
    const groups = ((await redis.xinfo('GROUPS', key)) as unknown[][]).map((g): GroupInfo => {
      const field = (name: string) => g[g.indexOf(name) + 1];
      return {
        name: String(field('name')),
        pending: Number(field('pending')),
        lastDelivered: String(field('last-delivered-id')),
      };
    });
    const alerts = groups.find((g) => g.name === ALERTS_GROUP);
    if (!alerts || alerts.pending > 0 || alerts.lastDelivered !== lastId) return false;
  }
  return true;
}

export async function alertsSettled(redisUrl: string, prefix: string, timeoutMs = 15_000): Promise<void> {
  const redis = new Redis(redisUrl);
  const queue = new Queue(DELIVER_QUEUE, { connection: redis, prefix: `{${prefix}}` });
  try {
    await waitFor(
      async () => {
        if (!(await groupsCaughtUp(redis, prefix))) return false;
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
        if (!Object.values(counts).every((n) => n === 0)) return false;
        // Delayed: retries of alerts (not settled) and throttled digests (held back for their window).
        const delayed = await queue.getJobs(['delayed'], 0, 1000);
        return delayed.every((job) => (job.data as { kind?: string }).kind === 'digest');
      },
      timeoutMs,
      'alerting settled',
    );
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
