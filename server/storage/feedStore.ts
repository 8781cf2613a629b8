/**
 * Feeds in Redis: one hash per feed (settings and poll status), an index of all feeds, and a
 * per-feed sorted set of the items already taken (by guid, link and content), so an item is
 * never taken twice even if it is edited upstream under the same guid.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Feed } from '../../shared/feeds.js';
import type { Keys } from './keys.js';

/** Seen items kept per feed (newest by first sight); far more than any feed carries at once. */
export const MAX_SEEN_PER_FEED = 20_000;

/** A feed with what only the poller needs (validators of the last response). */
export type FeedRecord = Feed & { etag?: string; lastModified?: string };

const CREATE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(cjson.decode(ARGV[1])))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1`;

/** Applies a poll's outcome unless the feed was deleted meanwhile (never resurrects a partial hash). */
const RECORD_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local u = cjson.decode(ARGV[1])
if #u.set > 0 then redis.call('HSET', KEYS[1], unpack(u.set)) end
if #u.del > 0 then redis.call('HDEL', KEYS[1], unpack(u.del)) end
if u.incr > 0 then redis.call('HINCRBY', KEYS[1], 'itemCount', u.incr) end
for i = 1, #u.seen do redis.call('ZADD', KEYS[2], u.now, u.seen[i]) end
if #u.seen > 0 then redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(u.maxSeen + 1)) end
return 1`;

const UNLOCK_LUA = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** A feed's id: derived from its URL, so the same feed cannot be added twice. */
export function feedIdFor(url: string): string {
  return createHash('sha256').update(new URL(url).href).digest('hex').slice(0, 16);
}

function parseFeed(id: string, f: Record<string, string>): FeedRecord | null {
  if (!f.url) return null;
  const opt = (k: string) => (f[k] ? f[k] : undefined);
  return {
    id,
    url: f.url,
    intervalSeconds: Number(f.intervalSeconds),
    createdAt: f.createdAt,
    createdBy: f.createdBy,
    lastPollAt: opt('lastPollAt'),
    lastSuccessAt: opt('lastSuccessAt'),
    lastError: opt('lastError'),
    consecutiveFailures: Number(f.consecutiveFailures ?? 0),
    nextPollAfter: opt('nextPollAfter'),
    itemCount: Number(f.itemCount ?? 0),
    lastNewItems: f.lastNewItems === undefined ? undefined : Number(f.lastNewItems),
    etag: opt('etag'),
    lastModified: opt('lastModified'),
  };
}

/** What one poll changes: fields to set or clear, items newly taken and their seen-keys. */
export type PollRecord = { set: Record<string, string>; clear: string[]; newItems: number; seen: string[] };

export class FeedStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Stores a new feed; false when a feed with this id exists already. */
  async create(feed: Pick<Feed, 'id' | 'url' | 'intervalSeconds' | 'createdAt' | 'createdBy'>): Promise<boolean> {
    const fields = [
      'url',
      feed.url,
      'intervalSeconds',
      String(feed.intervalSeconds),
      'createdAt',
      feed.createdAt,
      'createdBy',
      feed.createdBy,
      'itemCount',
      '0',
      'consecutiveFailures',
      '0',
    ];
    const created = await this.redis.eval(
      CREATE_LUA,
      2,
      this.keys.feed(feed.id),
      this.keys.feedIndex,
      JSON.stringify(fields),
      String(Date.parse(feed.createdAt)),
      feed.id,
    );
    return created === 1;
  }

  async get(id: string): Promise<FeedRecord | null> {
    return parseFeed(id, await this.redis.hgetall(this.keys.feed(id)));
  }

  /** Every feed, oldest first. */
  async list(): Promise<FeedRecord[]> {
    const ids = await this.redis.zrange(this.keys.feedIndex, 0, -1);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.keys.feed(id));
    const rows = (await pipeline.exec()) ?? [];
    return rows
      .map(([err, f], i) => (err ? null : parseFeed(ids[i], f as Record<string, string>)))
      .filter((f): f is FeedRecord => f !== null);
  }

  /** Removes a feed with its seen items; false when there was none. */
  async delete(id: string): Promise<boolean> {
    const results = await this.redis
      .multi()
      .del(this.keys.feed(id))
      .del(this.keys.feedSeen(id))
      .zrem(this.keys.feedIndex, id)
      .exec();
    return Number(results?.[0]?.[1] ?? 0) === 1;
  }

  /** For each seen-key, whether it was taken before. */
  async seen(id: string, members: string[]): Promise<boolean[]> {
    if (members.length === 0) return [];
    const scores = await this.redis.zmscore(this.keys.feedSeen(id), ...members);
    return scores.map((s) => s !== null);
  }

  async record(id: string, update: PollRecord): Promise<boolean> {
    const set = Object.entries(update.set).flat();
    const payload = {
      set,
      del: update.clear,
      incr: update.newItems,
      seen: update.seen,
      now: Date.now(),
      maxSeen: MAX_SEEN_PER_FEED,
    };
    return (
      (await this.redis.eval(RECORD_LUA, 2, this.keys.feed(id), this.keys.feedSeen(id), JSON.stringify(payload))) === 1
    );
  }

  /** Takes the feed's poll lock (one poll at a time cluster-wide); returns the token to release it, or null. */
  async lock(id: string, ttlMs: number): Promise<string | null> {
    const token = randomUUID();
    return (await this.redis.set(this.keys.feedLock(id), token, 'PX', ttlMs, 'NX')) === 'OK' ? token : null;
  }

  async unlock(id: string, token: string): Promise<void> {
    await this.redis.eval(UNLOCK_LUA, 1, this.keys.feedLock(id), token);
  }
}
