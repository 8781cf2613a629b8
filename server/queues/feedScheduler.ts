/**
 * The "feeds" queue: one BullMQ job scheduler per feed (scheduler id = feed id), so each feed
 * is polled once per interval across the whole cluster however many workers run.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { FEEDS_QUEUE } from './names.js';

/** A poll job carries only the feed id; the feed itself (url, validators, status) is in Redis. */
export type FeedPollJob = { feedId: string };
export type FeedsQueue = Queue<FeedPollJob>;

export function createFeedsQueue(connection: Redis, prefix: string): FeedsQueue {
  const queue = new Queue<FeedPollJob>(FEEDS_QUEUE, { connection, prefix });
  // The connection's own handler logs its errors (storage/redis.ts); they surface on the calls too.
  queue.on('error', () => undefined);
  return queue;
}

/** Creates or updates the feed's scheduler; the first poll runs at once. */
export async function scheduleFeed(queue: FeedsQueue, feedId: string, intervalSeconds: number): Promise<void> {
  await queue.upsertJobScheduler(
    feedId,
    { every: intervalSeconds * 1000 },
    {
      name: 'poll',
      data: { feedId },
      // A poll records its own outcome on the feed; the jobs themselves are not worth keeping.
      opts: { removeOnComplete: true, removeOnFail: { count: 100 }, attempts: 1 },
    },
  );
}

export async function unscheduleFeed(queue: FeedsQueue, feedId: string): Promise<void> {
  await queue.removeJobScheduler(feedId);
}
