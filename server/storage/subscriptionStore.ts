/**
 * Alert subscriptions in Redis: one JSON string per subscription, the set of all ids (the
 * evaluator's list), each owner's ids, and a version counter bumped by every write so the
 * evaluators re-read only when something changed.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { SubscriptionInput, SubscriptionPatch, SubscriptionView } from '../../shared/alerts.js';
import type { RuleMemo } from '../alerts/memo.js';
import { AlertMemoStore } from './alertMemoStore.js';
import type { Subscription } from '../alerts/types.js';
import type { Keys } from './keys.js';

/** The API's view: the webhook secret is replaced by whether there is one. */
export function toView(s: Subscription): SubscriptionView {
  const channel: SubscriptionView['channel'] =
    s.channel.type === 'webhook'
      ? { type: 'webhook', url: s.channel.url, format: s.channel.format, hasSecret: Boolean(s.channel.secret) }
      : s.channel.type === 'email'
        ? { type: 'email', to: s.channel.to, confirmed: Boolean(s.channel.confirmedAt) }
        : s.channel;
  return { ...s, channel };
}

export class SubscriptionStore {
  private cache: { version: string; all: Subscription[] } | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Stores a new subscription with its seeded memos (per stream, as of that stream's seq). */
  async create(
    owner: string,
    input: SubscriptionInput,
    seeds: { stream: string; seq: string; memo: RuleMemo }[],
  ): Promise<Subscription> {
    const subscription: Subscription = {
      ...input,
      id: randomBytes(12).toString('hex'),
      owner,
      createdAt: new Date().toISOString(),
    };
    const results = await this.redis
      .multi()
      .set(this.keys.subscription(subscription.id), JSON.stringify(subscription))
      .sadd(this.keys.subscriptions, subscription.id)
      .sadd(this.keys.userSubscriptions(owner), subscription.id)
      .hset(this.keys.alertMemo(subscription.id), ...AlertMemoStore.seedFields(seeds))
      .incr(this.keys.subscriptionsVersion)
      .exec();
    for (const [err] of results ?? []) if (err) throw err;
    return subscription;
  }

  async get(id: string): Promise<Subscription | null> {
    const json = await this.redis.get(this.keys.subscription(id));
    return json ? (JSON.parse(json) as Subscription) : null;
  }

  /** The owner's subscription, or null when it does not exist or belongs to someone else. */
  async getOwned(owner: string, id: string): Promise<Subscription | null> {
    const s = await this.get(id);
    return s && s.owner === owner ? s : null;
  }

  async listByOwner(owner: string): Promise<Subscription[]> {
    const ids = await this.redis.smembers(this.keys.userSubscriptions(owner));
    return (await this.getMany(ids)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Every subscription, re-read only when the version moved (one GET per call otherwise). */
  async all(): Promise<Subscription[]> {
    const version = (await this.redis.get(this.keys.subscriptionsVersion)) ?? '0';
    if (this.cache?.version === version) return this.cache.all;
    const all = await this.getMany(await this.redis.smembers(this.keys.subscriptions));
    this.cache = { version, all };
    return all;
  }

  async update(owner: string, id: string, patch: SubscriptionPatch): Promise<Subscription | null> {
    const current = await this.getOwned(owner, id);
    if (!current) return null;
    const next: Subscription = { ...current };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.throttleMinutes !== undefined) next.throttleMinutes = patch.throttleMinutes;
    if (patch.quietHours === null) delete next.quietHours;
    else if (patch.quietHours) next.quietHours = patch.quietHours;
    if (patch.silencedUntil === null) delete next.silencedUntil;
    else if (patch.silencedUntil) next.silencedUntil = patch.silencedUntil;
    await this.redis
      .multi()
      .set(this.keys.subscription(id), JSON.stringify(next))
      .incr(this.keys.subscriptionsVersion)
      .exec();
    return next;
  }

  /** Deletes the owner's subscription and everything kept for it; false when it is not theirs. */
  async delete(owner: string, id: string): Promise<boolean> {
    if (!(await this.getOwned(owner, id))) return false;
    await this.redis
      .multi()
      .del(
        this.keys.subscription(id),
        this.keys.alertMemo(id),
        this.keys.alertGate(id),
        this.keys.alertGrouped(id),
        this.keys.deliveries(id),
        this.keys.emailConfirmation(id),
      )
      .srem(this.keys.subscriptions, id)
      .srem(this.keys.userSubscriptions(owner), id)
      .incr(this.keys.subscriptionsVersion)
      .exec();
    return true;
  }

  /** Marks the owner's e-mail subscription confirmed (its address gave back the code). */
  async confirmEmail(owner: string, id: string): Promise<Subscription | null> {
    const current = await this.getOwned(owner, id);
    if (!current || current.channel.type !== 'email') return null;
    const next: Subscription = { ...current, channel: { ...current.channel, confirmedAt: new Date().toISOString() } };
    await this.redis
      .multi()
      .set(this.keys.subscription(id), JSON.stringify(next))
      .incr(this.keys.subscriptionsVersion)
      .exec();
    return next;
  }

  /** Deletes every subscription of a user (offboarding); returns how many there were. */
  async deleteAllOf(owner: string): Promise<number> {
    const ids = await this.redis.smembers(this.keys.userSubscriptions(owner));
    let deleted = 0;
    for (const id of ids) if (await this.delete(owner, id)) deleted++;
    await this.redis.del(this.keys.userSubscriptions(owner));
    return deleted;
  }

  private async getMany(ids: string[]): Promise<Subscription[]> {
    if (ids.length === 0) return [];
    const values = await this.redis.mget(ids.map((id) => this.keys.subscription(id)));
    return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as Subscription);
  }
}
