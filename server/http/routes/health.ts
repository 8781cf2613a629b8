/** /healthz (the process answers), /readyz (Redis reachable and workers alive), /metrics. */
import type { Queue } from 'bullmq';
import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Metrics } from '../../metrics.js';
import { withTimeout } from '../../queues/ingestProducer.js';

export function healthRouter(deps: { redis: Redis; ingestQueue: Queue; metrics: Metrics }): Router {
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

  router.get('/metrics', async (_req, res) => {
    try {
      const text = await withTimeout(deps.metrics.registry.metrics(), 2000);
      res.type(deps.metrics.registry.contentType).send(text);
    } catch {
      res.status(503).type('text/plain').send('# metrics unavailable: the store (Redis) is unreachable\n');
    }
  });

  return router;
}
