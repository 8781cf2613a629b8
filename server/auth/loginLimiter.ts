/**
 * Login rate limits (express-rate-limit with rate-limit-redis, so every api node counts
 * together): failed attempts per client IP and per username. Successful logins do not count,
 * so a newsroom behind one NAT address can still sign in every morning.
 */
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { AppError } from '../errors.js';
import type { Keys } from '../storage/keys.js';
import { waitReady } from '../storage/redis.js';

export type LoginLimits = {
  /** Window of both limits (default 15 minutes). */
  windowMs?: number;
  /** Failed attempts per IP in a window (default 30). */
  perIp?: number;
  /** Failed attempts per username in a window (default 10). */
  perUser?: number;
};

function store(redis: Redis, prefix: string): RedisStore {
  return new RedisStore({
    // The store loads its scripts at construction: wait for the connection rather than fail.
    sendCommand: async (command: string, ...args: string[]) => {
      await waitReady(redis);
      return (await redis.call(command, ...args)) as RedisReply;
    },
    prefix,
  });
}

const tooMany =
  (what: string): RequestHandler =>
  (_req, _res, next) =>
    next(new AppError(429, 'too_many_attempts', `Too many failed sign-ins ${what}; wait a few minutes and try again`));

/** Two middlewares to put before the login handler: per IP, then per username. */
export function loginLimiters(redis: Redis, keys: Keys, limits: LoginLimits = {}): RequestHandler[] {
  const windowMs = limits.windowMs ?? 15 * 60_000;
  const common = { windowMs, standardHeaders: 'draft-8', legacyHeaders: false, skipSuccessfulRequests: true } as const;
  const perIp = rateLimit({
    ...common,
    limit: limits.perIp ?? 30,
    store: store(redis, keys.loginLimit('ip')),
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
    handler: tooMany('from this address'),
  });
  const perUser = rateLimit({
    ...common,
    limit: limits.perUser ?? 10,
    store: store(redis, keys.loginLimit('user')),
    keyGenerator: (req) =>
      String((req.body as { username?: unknown } | undefined)?.username ?? '')
        .trim()
        .toLowerCase()
        .slice(0, 64),
    skip: (req) => typeof (req.body as { username?: unknown } | undefined)?.username !== 'string',
    handler: tooMany('for this user'),
  });
  return [perIp, perUser];
}
