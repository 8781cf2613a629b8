/**
 * Rate limits kept in Redis (rate-limit-redis), so they hold across every api node.
 * If Redis is down the limiter lets the request through: the route itself then answers 503.
 */
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';

export type RateLimitOptions = {
  redis: Redis;
  /** Key prefix inside the deployment's hash tag, e.g. `{cd}:rl:ingest:`. */
  prefix: string;
  windowMs: number;
  limit: number;
  /** What a request is counted by; default: the caller's principal, else its IP. */
  key?: (req: Request) => string;
  message: string;
};

export function principalOrIp(req: Request): string {
  return req.principal ? `p:${req.principal.name}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

export function redisRateLimit(options: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    passOnStoreError: true,
    keyGenerator: options.key ?? principalOrIp,
    store: new RedisStore({
      prefix: options.prefix,
      sendCommand: (command: string, ...args: string[]) => options.redis.call(command, ...args) as Promise<RedisReply>,
    }),
    handler: (_req, res, _next, opts) => {
      res.status(opts.statusCode).json({ error: { code: 'rate_limited', message: options.message } });
    },
  });
}
