/**
 * Feeds (editor or above): POST /api/feeds {url, intervalSeconds?} → 201 with the feed,
 * GET /api/feeds (each feed's last poll, last error and item count), GET/DELETE /api/feeds/:id.
 * The URL passes the outbound guard here and again before every poll.
 */
import { Router } from 'express';
import { z } from 'zod';
import { DEFAULT_FEED_INTERVAL_SECONDS, feedInputSchema, type Feed } from '../../../shared/feeds.js';
import { checkOutbound, type OutboundPolicy } from '../../outbound/guard.js';
import { scheduleFeed, unscheduleFeed, type FeedsQueue } from '../../queues/feedScheduler.js';
import { feedIdFor, type FeedRecord, type FeedStore } from '../../storage/feedStore.js';
import { BadRequest, Conflict, NotFound } from '../../errors.js';
import { requirePermission } from '../auth.js';
import { parseOrThrow } from '../validate.js';

export const feedIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'a feed id is 16 hexadecimal characters');

export type FeedsRouterDeps = {
  feeds: FeedStore;
  queue: FeedsQueue;
  policy: OutboundPolicy;
  /** FEED_MIN_INTERVAL_SECONDS. */
  minIntervalSeconds: number;
};

/** What editors see: the poller's validators (ETag, Last-Modified) stay inside. */
function view(feed: FeedRecord): Feed {
  const { etag: _etag, lastModified: _lastModified, ...rest } = feed;
  return rest;
}

export function feedsRouter(deps: FeedsRouterDeps): Router {
  const router = Router();
  router.use(requirePermission('edit'));

  router.post('/', async (req, res) => {
    const input = parseOrThrow(feedInputSchema, req.body);
    const intervalSeconds = input.intervalSeconds ?? Math.max(DEFAULT_FEED_INTERVAL_SECONDS, deps.minIntervalSeconds);
    if (intervalSeconds < deps.minIntervalSeconds) {
      throw new BadRequest(
        `intervalSeconds: must be at least ${deps.minIntervalSeconds} seconds`,
        undefined,
        'invalid_input',
      );
    }
    const { url } = await checkOutbound(input.url, deps.policy);
    const id = feedIdFor(url.href);
    const feed = {
      id,
      url: url.href,
      intervalSeconds,
      createdAt: new Date().toISOString(),
      createdBy: req.principal?.name ?? 'unknown',
    };
    if (!(await deps.feeds.create(feed)))
      throw new Conflict(`This feed is already polled (id ${id}); delete it first to change it`);
    try {
      await scheduleFeed(deps.queue, id, intervalSeconds);
    } catch (err) {
      await deps.feeds.delete(id).catch(() => undefined); // no feed without its scheduler
      throw err;
    }
    res.status(201).json(view((await deps.feeds.get(id)) ?? { ...feed, itemCount: 0, consecutiveFailures: 0 }));
  });

  router.get('/', async (_req, res) => {
    res.json({ feeds: (await deps.feeds.list()).map(view) });
  });

  router.get('/:id', async (req, res) => {
    const id = parseOrThrow(feedIdSchema, req.params.id, 'id');
    const feed = await deps.feeds.get(id);
    if (!feed) throw new NotFound(`No feed with id ${id}`);
    res.json(view(feed));
  });

  router.delete('/:id', async (req, res) => {
    const id = parseOrThrow(feedIdSchema, req.params.id, 'id');
    await unscheduleFeed(deps.queue, id);
    if (!(await deps.feeds.delete(id))) throw new NotFound(`No feed with id ${id}`);
    res.status(204).end();
  });

  return router;
}
