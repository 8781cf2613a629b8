/**
 * The "deliver" queue: one job per alert and subscription. jobId = alert key
 * (`<subscription>_<crisis or "desk">_<change seq>`), so the same change judged twice is still one job, and the
 * key doubles as the Idempotency-Key receivers see on every retry. (BullMQ forbids ':' in
 * custom ids, hence '_'.)
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { FactChangeEvent, FollowUp } from '../alerts/followUpTypes.js';
import type { AlertContent } from '../alerts/types.js';
import { DELIVER_QUEUE } from './names.js';

export type DeliverJob =
  | { kind: 'alert'; subscriptionId: string; key: string; changeSeq: string; alert: AlertContent; firedAt: string }
  | { kind: 'digest'; subscriptionId: string; key: string }
  /** The e-mail asking an address to confirm a subscription, with the code to give back. */
  | { kind: 'confirm'; subscriptionId: string; key: string; code: string }
  /** Facts of a report changed (a correction, a verdict): find the alerts that rested on them (followUps.ts). */
  | { kind: 'facts'; key: string; event: FactChangeEvent }
  /** One follow-up to one delivered alert: `key` = `<the original's key>_fix_<cause id>`. */
  | { kind: 'followup'; subscriptionId: string; key: string; followUp: FollowUp; firedAt: string };

export type DeliverQueue = Queue<DeliverJob>;

/** Name of the backoff the deliver worker implements (see cappedBackoff). */
export const CAPPED_EXPONENTIAL = 'capped-exponential';

export type DeliverQueueOptions = { attempts: number; backoffMs: number };

/** Ids are safe for BullMQ (no ':') and for headers. */
export const alertKey = (...parts: string[]) => parts.map((p) => p.replace(/[^A-Za-z0-9.-]/g, '.')).join('_');

export function createDeliverQueue(connection: Redis, prefix: string, options: DeliverQueueOptions): DeliverQueue {
  const queue = new Queue<DeliverJob>(DELIVER_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: options.attempts,
      backoff: { type: CAPPED_EXPONENTIAL, delay: options.backoffMs },
      // Kept a day so a change judged again (a reclaimed stream entry) finds its job and adds nothing.
      removeOnComplete: { age: 24 * 3600, count: 50_000 },
      // Dead letters: kept a week for operators (and listed in each subscription's delivery log).
      removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
    },
  });
  // The connection's own handler logs its errors (storage/redis.ts); they surface on the calls too.
  queue.on('error', () => undefined);
  return queue;
}

/** Exponential backoff (base × 2^(n−1)) capped at maxMs, with ±10 % jitter so retries of many alerts spread out. */
export function cappedBackoff(baseMs: number, maxMs: number, random: () => number = Math.random) {
  return (attemptsMade: number): number => {
    const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attemptsMade - 1));
    return Math.round(raw * (0.9 + 0.2 * random()));
  };
}
