/**
 * /healthz (the process answers), /readyz (Redis reachable and workers alive), /metrics (behind
 * METRICS_TOKEN or METRICS_ALLOWLIST when either is set).
 */
import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { Queue } from 'bullmq';
import { Router, type RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Metrics } from '../../metrics.js';
import { withTimeout } from '../../queues/ingestProducer.js';

export type MetricsAccess = { token?: string; allowlist: string[] };

/** Who may read /metrics: anyone when neither a token nor an allowlist is set; else the token's bearer, or an allowed address. */
export function metricsGuard(access: MetricsAccess): RequestHandler {
  const allowed = new BlockList();
  for (const entry of access.allowlist) {
    const [address, bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) allowed.addAddress(address, type);
    else allowed.addSubnet(address, Number(bits), type);
  }
  const expected = access.token ? Buffer.from(access.token) : null;
  return (req, res, next) => {
    if (!expected && access.allowlist.length === 0) return next();
    const ip = (req.ip ?? '').replace(/^::ffff:(?=\d+\.)/, '');
    if (ip && access.allowlist.length > 0 && allowed.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4')) return next();
    const header = req.headers.authorization;
    const given = header?.startsWith('Bearer ') ? Buffer.from(header.slice(7).trim()) : null;
    if (expected && given && given.length === expected.length && timingSafeEqual(given, expected)) return next();
    const why = expected
      ? 'Metrics need Authorization: Bearer <METRICS_TOKEN>'
      : 'Metrics are served only to the addresses in METRICS_ALLOWLIST';
    res.status(expected ? 401 : 403).json({ error: { code: expected ? 'unauthorized' : 'forbidden', message: why } });
  };
}

export function healthRouter(deps: {
  redis: Redis;
  ingestQueue: Queue;
  metrics: Metrics;
  metricsAccess?: MetricsAccess;
}): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    try {
      await withTimeout(deps.redis.ping(), 1000);
      checks.redis = 'ok';
      const workers = await withTimeout(deps.ingestQueue.getWorkersCount(), 1000);
      checks.workers = workers > 0 ? `ok (${workers})` : 'none connected';
    } catch (err) {
      checks.redis ??= `unreachable: ${(err as Error).message}`;
    }
    const ready = checks.redis === 'ok' && checks.workers?.startsWith('ok');
    res.status(ready ? 200 : 503).json({ ready, checks });
  });

  router.get('/metrics', metricsGuard(deps.metricsAccess ?? { allowlist: [] }), async (_req, res) => {
    try {
      const text = await withTimeout(deps.metrics.registry.metrics(), 2000);
      res.type(deps.metrics.registry.contentType).send(text);
    } catch {
      res.status(503).type('text/plain').send('# metrics unavailable: the store (Redis) is unreachable\n');
    }
  });

  return router;
}
