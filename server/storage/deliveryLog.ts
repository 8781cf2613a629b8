/**
 * Every subscription's delivery log: a capped Redis list, newest first, that a subscriber
 * reads at GET /api/subscriptions/:id/deliveries and on /alerts.
 */
import type { Redis } from 'ioredis';
import type { DeliveryEntry } from '../../shared/alerts.js';
import type { Keys } from './keys.js';

export const DELIVERY_LOG_LENGTH = 200;

export class DeliveryLog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async record(subscriptionId: string, entry: Omit<DeliveryEntry, 'at'> & { at?: string }): Promise<void> {
    const full: DeliveryEntry = { at: new Date().toISOString(), ...entry };
    if (full.error) full.error = full.error.slice(0, 500);
    const key = this.keys.deliveries(subscriptionId);
    await this.redis
      .multi()
      .lpush(key, JSON.stringify(full))
      .ltrim(key, 0, DELIVERY_LOG_LENGTH - 1)
      .exec();
  }

  /** Newest first. */
  async list(subscriptionId: string, limit = DELIVERY_LOG_LENGTH): Promise<DeliveryEntry[]> {
    const raw = await this.redis.lrange(this.keys.deliveries(subscriptionId), 0, limit - 1);
    return raw.map((r) => JSON.parse(r) as DeliveryEntry);
  }
}
