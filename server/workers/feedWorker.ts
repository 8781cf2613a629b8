/**
 * The feed poller of the worker role: a BullMQ worker on the "feeds" queue (whose jobs come
 * from one scheduler per feed) that polls each feed and takes its new items through the
 * ingestor, like any other source. Set up as BullMQ's authors advise (blocking connection,
 * error listener, close on shutdown).
 */
import { Worker } from 'bullmq';
import { createIngestor } from '../ingest/acceptReport.js';
import { markupPool } from '../ingest/markupPool.js';
import { outboundPolicy } from '../outbound/guard.js';
import { pollFeed, type PollOutcome } from '../feeds/pollFeed.js';
import { createIngestQueue } from '../queues/ingestProducer.js';
import type { FeedPollJob } from '../queues/feedScheduler.js';
import { FEEDS_QUEUE } from '../queues/names.js';
import type { RoleContext, RunningRole } from '../roles/context.js';
import { FeedStore } from '../storage/feedStore.js';
import { ReportStore } from '../storage/reportStore.js';

/** Feeds polled at once by one worker process (polls are mostly waiting on the network). */
export const FEED_POLL_CONCURRENCY = 4;

export type FeedPolling = RunningRole & { worker: Worker<FeedPollJob, PollOutcome> };

/** Starts polling feeds in this process; close() stops taking polls and waits for those in hand. */
export async function startFeedPolling(ctx: RoleContext): Promise<FeedPolling> {
  const { config, keys, log } = ctx;
  const command = ctx.connect('command', 'worker-feeds');
  const ingestQueue = createIngestQueue(command, keys.queuePrefix);
  // A feed of megabytes is parsed on a thread of its own: this event loop runs the queue, the fold and alerting.
  const markup = markupPool();
  const deps = {
    feeds: new FeedStore(command, keys),
    ingestor: createIngestor(new ReportStore(command, keys), ingestQueue),
    policy: outboundPolicy(config.OUTBOUND_ALLOWLIST),
    log,
    parse: (xml: string) => markup.parseFeed(xml),
  };
  const worker = new Worker<FeedPollJob, PollOutcome>(FEEDS_QUEUE, async (job) => pollFeed(job.data.feedId, deps), {
    connection: ctx.connect('blocking', 'worker-feeds-blocking'),
    prefix: keys.queuePrefix,
    concurrency: FEED_POLL_CONCURRENCY,
    lockDuration: 60_000, // a poll may wait on a slow feed; its own lock already prevents overlap
  });
  worker.on('error', (err) => log.error({ err }, 'feed worker error'));
  worker.on('completed', (job, outcome) => {
    if (outcome.kind === 'polled' && outcome.newItems > 0)
      log.info({ feedId: job.data.feedId, newItems: outcome.newItems }, 'feed polled');
  });
  await worker.waitUntilReady();
  return {
    worker,
    async close() {
      await worker.close();
      await ingestQueue.close();
      await markup.close();
    },
  };
}
