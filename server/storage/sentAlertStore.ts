/**
 * Which delivered alert rested on which fact, and whom it reached: what a correction's follow-ups
 * are found by (server/alerts/followUps.ts). Kept under the hash tag of the alert's crisis (the
 * desk's alerts under the deployment's tag), so each crisis' records live on its own shard:
 * - `<tag>:alerts:sent:<alert key>`: the record (JSON, storage/../alerts/followUpTypes.ts);
 * - `<tag>:alerts:fact:<fact index id>`: the keys of the alerts resting on that fact (sorted set,
 *   score = delivered at ms).
 * And, under the deployment's tag (a fact belongs to a report, not to one crisis):
 * - `<tag>:alerts:changed:<fact index id>`: the announced changes of that fact (sorted set of
 *   JSON events, score = announced at ms), for an alert delivered only after its fact changed.
 * Bounded two ways: every key expires SENT_ALERT_TTL_SECONDS after its last write (an alert older
 * than that is not followed up), and each fact keeps its newest MAX_ALERTS_PER_FACT alerts and
 * MAX_CHANGES_PER_FACT changes.
 */
import type { Redis } from 'ioredis';
import { factIndexIds } from '../alerts/facts.js';
import type { FactChangeEvent, SentAlertRecord } from '../alerts/followUpTypes.js';
import type { Keys } from './keys.js';

/** 30 days: corrections come within hours or days of a report; a month-old alert is history. */
export const SENT_ALERT_TTL_SECONDS = 30 * 24 * 3600;
/** Alerts remembered per fact: one per subscription that was told of it, and then some. */
export const MAX_ALERTS_PER_FACT = 500;
/** Changes remembered per fact: corrections of one figure are a handful. */
export const MAX_CHANGES_PER_FACT = 50;

export class SentAlertStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  private tag(crisis: string | null): string {
    return crisis === null ? this.keys.prefix : this.keys.crisis(crisis).prefix;
  }

  private sentKey(crisis: string | null, alertKey: string): string {
    return `${this.tag(crisis)}:alerts:sent:${alertKey}`;
  }

  private factKey(crisis: string | null, indexId: string): string {
    return `${this.tag(crisis)}:alerts:fact:${indexId}`;
  }

  /** Remembers a delivered alert (no-op without facts); the same record twice is one. */
  async record(record: SentAlertRecord): Promise<void> {
    if (record.facts.length === 0) return;
    const at = Date.parse(record.at);
    const ids = [...new Set(record.facts.flatMap(factIndexIds))];
    const multi = this.redis.multi();
    multi.set(this.sentKey(record.crisis, record.key), JSON.stringify(record), 'EX', SENT_ALERT_TTL_SECONDS);
    for (const id of ids) {
      const key = this.factKey(record.crisis, id);
      multi.zadd(key, at, record.key);
      multi.zremrangebyrank(key, 0, -(MAX_ALERTS_PER_FACT + 1));
      multi.expire(key, SENT_ALERT_TTL_SECONDS);
    }
    await multi.exec();
  }

  private changedKey(indexId: string): string {
    return `${this.keys.prefix}:alerts:changed:${indexId}`;
  }

  /** Remembers that a fact changed (one change per event), for alerts delivered after it. */
  async recordChange(indexId: string, atMs: number, event: FactChangeEvent): Promise<void> {
    const key = this.changedKey(indexId);
    await this.redis
      .multi()
      .zadd(key, atMs, JSON.stringify(event))
      .zremrangebyrank(key, 0, -(MAX_CHANGES_PER_FACT + 1))
      .expire(key, SENT_ALERT_TTL_SECONDS)
      .exec();
  }

  /** The changes announced for these facts at or after `sinceMs`, oldest first. */
  async changesSince(indexIds: readonly string[], sinceMs: number): Promise<FactChangeEvent[]> {
    const ids = [...new Set(indexIds)];
    if (ids.length === 0) return [];
    // One round trip: a troop alert rests on up to 20 claims (all keys in the deployment's slot).
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.zrangebyscore(this.changedKey(id), sinceMs, '+inf');
    const found: FactChangeEvent[] = [];
    for (const [err, raw] of (await pipeline.exec()) ?? []) {
      if (err) throw err;
      for (const r of raw as string[]) found.push(JSON.parse(r) as FactChangeEvent);
    }
    return found;
  }

  /** The delivered alerts resting on a fact, in each scope (crisis slugs, null for the desk). */
  async find(scopes: readonly (string | null)[], indexId: string): Promise<SentAlertRecord[]> {
    const found: SentAlertRecord[] = [];
    for (const scope of scopes) {
      const alertKeys = await this.redis.zrange(this.factKey(scope, indexId), 0, -1);
      if (alertKeys.length === 0) continue;
      const raw = await this.redis.mget(...alertKeys.map((k) => this.sentKey(scope, k)));
      for (const r of raw) if (r) found.push(JSON.parse(r) as SentAlertRecord);
    }
    return found;
  }
}
