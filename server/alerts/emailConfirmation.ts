/**
 * An e-mail address is confirmed before any alert is sent to it: a new e-mail subscription gets
 * a code mailed to its address (a `confirm` job on the deliver queue), and stays silent until
 * its owner gives the code back (POST /api/subscriptions/:id/confirm). Only the code's SHA-256
 * is kept, for CODE_TTL_SECONDS, and MAX_TRIES wrong answers end it (ask for a new one).
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import { alertKey, type DeliverQueue } from '../queues/deliverProducer.js';
import type { Keys } from '../storage/keys.js';

export const CODE_TTL_SECONDS = 2 * 24 * 3600;
export const MAX_TRIES = 10;
/** A new code may be asked for once a minute. */
export const RESEND_AFTER_MS = 60_000;

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I
const hash = (code: string) => createHash('sha256').update(code.replace('-', '').toUpperCase()).digest();

type Pending = { hash: string; tries: number; sentAt: number };

export function newCode(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export class EmailConfirmations {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly queue: DeliverQueue,
  ) {}

  /** Sends a new code to the subscription's address; 'wait' when one was sent less than a minute ago. */
  async send(subscriptionId: string): Promise<'sent' | 'wait'> {
    const key = this.keys.emailConfirmation(subscriptionId);
    const before = await this.redis.get(key);
    if (before && Date.now() - (JSON.parse(before) as Pending).sentAt < RESEND_AFTER_MS) return 'wait';
    const code = newCode();
    const pending: Pending = { hash: hash(code).toString('hex'), tries: 0, sentAt: Date.now() };
    await this.redis.set(key, JSON.stringify(pending), 'EX', CODE_TTL_SECONDS);
    const jobKey = alertKey(subscriptionId, 'confirm', String(pending.sentAt));
    await this.queue.add('confirm', { kind: 'confirm', subscriptionId, key: jobKey, code }, { jobId: jobKey });
    return 'sent';
  }

  /** Checks a code given back: 'ok' (and forgets it), 'wrong', or 'none' (expired, used up or never sent). */
  async check(subscriptionId: string, code: string): Promise<'ok' | 'wrong' | 'none'> {
    const key = this.keys.emailConfirmation(subscriptionId);
    const raw = await this.redis.get(key);
    if (!raw) return 'none';
    const pending = JSON.parse(raw) as Pending;
    if (pending.tries >= MAX_TRIES) return 'none';
    const expected = Buffer.from(pending.hash, 'hex');
    if (timingSafeEqual(expected, hash(code))) {
      await this.redis.del(key);
      return 'ok';
    }
    await this.redis.set(key, JSON.stringify({ ...pending, tries: pending.tries + 1 }), 'KEEPTTL');
    return pending.tries + 1 >= MAX_TRIES ? 'none' : 'wrong';
  }
}
