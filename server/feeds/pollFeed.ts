/**
 * One poll of one feed: under the feed's lock, unless backing off — guard, conditional GET,
 * parse, take each item not seen before through the ingestor, record the outcome. Every
 * failure is recorded on the feed (error, failures in a row, next attempt) and never thrown:
 * a broken feed must not crash or stall a worker.
 */
import type { Logger } from 'pino';
import type { Ingestor } from '../ingest/acceptReport.js';
import type { OutboundPolicy } from '../outbound/guard.js';
import type { FeedRecord, FeedStore } from '../storage/feedStore.js';
import { fetchFeed } from './fetchFeed.js';
import { toCandidate, type FeedCandidate } from './feedItems.js';
import { parseFeed, type ParsedFeed } from './parseFeed.js';

export type PollDeps = {
  feeds: FeedStore;
  ingestor: Ingestor;
  policy: OutboundPolicy;
  log: Logger;
  /** Reports accepted at once per poll. Default 8. */
  acceptConcurrency?: number;
  fetchTimeoutMs?: number;
  /** Parses a fetched feed; default on this thread (the worker passes ingest/markupPool.ts's thread). */
  parse?: (xml: string) => Promise<ParsedFeed>;
};

export type PollOutcome =
  | { kind: 'skipped'; reason: 'gone' | 'backoff' | 'busy' }
  | { kind: 'not-modified' }
  | { kind: 'polled'; items: number; newItems: number }
  | { kind: 'failed'; error: string };

/** Longest wait between attempts at a failing feed (or its interval, if longer). */
export const MAX_BACKOFF_MS = 60 * 60 * 1000;
const LOCK_TTL_MS = 120_000;

/** Wait after `failures` failed polls in a row: twice the interval, then doubling, capped. */
export function backoffMs(intervalSeconds: number, failures: number): number {
  const intervalMs = intervalSeconds * 1000;
  return Math.min(intervalMs * 2 ** Math.min(failures, 20), Math.max(MAX_BACKOFF_MS, intervalMs));
}

/** Runs `task` over `items` with at most `limit` in flight; returns each result or error. */
async function settleAll<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await task(items[i]) };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** Candidates whose keys were never seen, first occurrence only (a feed may list an item twice). */
async function unseen(feeds: FeedStore, feedId: string, candidates: FeedCandidate[]): Promise<FeedCandidate[]> {
  const flags = await feeds.seen(
    feedId,
    candidates.flatMap((c) => c.seenKeys),
  );
  const inBatch = new Set<string>();
  let k = 0;
  return candidates.filter((c) => {
    const taken = c.seenKeys.some((key, j) => flags[k + j] || inBatch.has(key));
    k += c.seenKeys.length;
    for (const key of c.seenKeys) inBatch.add(key);
    return !taken;
  });
}

async function pollLocked(feed: FeedRecord, deps: PollDeps): Promise<PollOutcome> {
  const now = () => new Date().toISOString();
  try {
    const fetched = await fetchFeed(feed.url, {
      policy: deps.policy,
      etag: feed.etag,
      lastModified: feed.lastModified,
      timeoutMs: deps.fetchTimeoutMs,
    });
    if (fetched.notModified) {
      await deps.feeds.record(feed.id, success(now(), 0, []));
      return { kind: 'not-modified' };
    }
    const parsed = deps.parse ? await deps.parse(fetched.body) : parseFeed(fetched.body);
    const candidates = parsed.items
      .map((item) =>
        toCandidate(item, {
          id: feed.id,
          url: fetched.finalUrl,
          title: parsed.title,
          updated: parsed.updated ?? fetched.lastModified,
        }),
      )
      .filter((c): c is FeedCandidate => c !== null)
      .reverse(); // feeds list newest first; reports arrive oldest first
    const fresh = await unseen(deps.feeds, feed.id, candidates);
    const results = await settleAll(fresh, deps.acceptConcurrency ?? 8, (c) => deps.ingestor.accept(c.input, c.meta));
    const taken = fresh.filter((_, i) => results[i].status === 'fulfilled');
    const seen = taken.flatMap((c) => c.seenKeys);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) {
      // Keep what was taken, and not the validators: the next poll must fetch the items that failed again.
      const error = `${fresh.length - taken.length} of ${fresh.length} new items could not be stored: ${(failure.reason as Error).message}`;
      await deps.feeds.record(feed.id, { ...failed(feed, now(), error), newItems: taken.length, seen });
      return { kind: 'failed', error };
    }
    const update = success(now(), taken.length, seen);
    if (fetched.etag) update.set.etag = fetched.etag;
    else update.clear.push('etag');
    if (fetched.lastModified) update.set.lastModified = fetched.lastModified;
    else update.clear.push('lastModified');
    await deps.feeds.record(feed.id, update);
    return { kind: 'polled', items: parsed.items.length, newItems: taken.length };
  } catch (err) {
    const error = (err as Error).message || String(err);
    deps.log.warn({ feedId: feed.id, url: feed.url, err: error }, 'feed poll failed');
    await deps.feeds.record(feed.id, failed(feed, now(), error)).catch(() => undefined);
    return { kind: 'failed', error };
  }
}

function success(at: string, newItems: number, seen: string[]) {
  return {
    set: { lastPollAt: at, lastSuccessAt: at, consecutiveFailures: '0', lastNewItems: String(newItems) } as Record<
      string,
      string
    >,
    clear: ['lastError', 'nextPollAfter'],
    newItems,
    seen,
  };
}

function failed(feed: FeedRecord, at: string, error: string) {
  const failures = feed.consecutiveFailures + 1;
  const nextPollAfter = new Date(Date.parse(at) + backoffMs(feed.intervalSeconds, failures)).toISOString();
  return {
    set: { lastPollAt: at, lastError: error.slice(0, 500), consecutiveFailures: String(failures), nextPollAfter },
    clear: [],
    newItems: 0,
    seen: [],
  };
}

/** Polls the feed `feedId` once (see the module comment). Never throws for a feed's own faults. */
export async function pollFeed(feedId: string, deps: PollDeps): Promise<PollOutcome> {
  const feed = await deps.feeds.get(feedId);
  if (!feed) return { kind: 'skipped', reason: 'gone' };
  if (feed.nextPollAfter && Date.parse(feed.nextPollAfter) > Date.now()) return { kind: 'skipped', reason: 'backoff' };
  const token = await deps.feeds.lock(feedId, LOCK_TTL_MS);
  if (!token) return { kind: 'skipped', reason: 'busy' };
  try {
    // Read again under the lock: a poll that just finished may have moved the validators on.
    const current = await deps.feeds.get(feedId);
    return current ? await pollLocked(current, deps) : { kind: 'skipped', reason: 'gone' };
  } finally {
    await deps.feeds.unlock(feedId, token).catch(() => undefined);
  }
}
