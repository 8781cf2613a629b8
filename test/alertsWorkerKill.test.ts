/**
 * A worker killed (SIGKILL, a separate process) while a receiver holds its webhook request:
 * the job is taken up again by another worker and the alert is delivered once.
 *
 * What "delivered once" means on at-least-once HTTP: the killed worker's request never got
 * an answer, so a second request is sent with the SAME Idempotency-Key; exactly one request
 * is answered 2xx, the delivery log records exactly one "delivered", and nothing is sent
 * after a 2xx was recorded. (Had the kill come after the receiver's 2xx but before the
 * record, the receiver would see the key twice and de-duplicate on it.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeliveryEntry } from '../shared/alerts.js';
import type { RunningRole } from '../server/roles/context.js';
import { startWorkerRole } from '../server/roles/worker.js';
import { ALERT_ENV } from './helpers/alertEnv.js';
import { alertsSettled } from './helpers/alertsSettled.js';
import { INGEST_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, login, userWithRole } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { startReceiver, type WebhookReceiver } from './helpers/webhookReceiver.js';

let redis: TestRedis;
let app: TestApp;
let child: ChildProcess | null = null;
let replacement: RunningRole | null = null;
let receiver: WebhookReceiver;
let probe: Redis;
/** The subscriber's session cookie (subscriptions belong to signed-in users). */
let subscriber: string;

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, { workers: 0, env: { ...ALERT_ENV, ADMIN_PASSWORD } }); // api only: the workers come below
  subscriber = await userWithRole(app.url, await login(app.url, 'admin', ADMIN_PASSWORD), 'kira', 'viewer');
  receiver = await startReceiver(0, (_req, i) => (i === 0 ? 'hold' : 200));
  probe = new Redis(redis.url);
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await replacement?.close();
  await app?.close();
  await receiver?.close();
  probe?.disconnect();
  await redis?.stop();
});

/** A worker role in its own process, on the test app's Redis and key prefix. */
function spawnWorker(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--role', 'worker'], {
    env: {
      PATH: process.env.PATH,
      REDIS_URL: redis.url,
      KEY_PREFIX: app.prefix,
      INGEST_TOKENS: INGEST_TOKEN,
      LOG_LEVEL: 'silent',
      LOCK_DURATION_MS: '2000',
      STALLED_INTERVAL_MS: '1000',
      ...ALERT_ENV,
    },
    stdio: 'ignore',
  });
}

it(
  'a worker killed mid-delivery: the alert is delivered once, with one Idempotency-Key',
  { timeout: 60_000 },
  async () => {
    const word = `Kyvrax${randomBytes(4).toString('hex')}`;
    const res = await call(
      app.url,
      'POST',
      '/api/subscriptions',
      { cookie: subscriber },
      {
        name: 'kill',
        throttleMinutes: 0,
        rule: { type: 'mention', terms: [word] },
        channel: { type: 'webhook', url: receiver.url },
      },
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };

    child = spawnWorker();
    const changes = `{${app.prefix}}:changes`;
    // The child creates the consumer group "alerts" once its evaluator and deliver worker are up.
    await waitFor(
      async () => ((await probe.xinfo('GROUPS', changes).catch(() => [])) as unknown[]).length > 0,
      30_000,
      'the child worker',
    );

    await postReport(app.url, { text: `Envoys met in ${word} on Monday.`, dateline: '2022-01-19' });
    await waitFor(async () => receiver.requests.length >= 1, 15_000, 'the first (held) request');
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));

    replacement = await startWorkerRole(app.ctx);
    await waitFor(async () => receiver.requests.length >= 2, 20_000, 'the retried request');
    const deliveries = async () => {
      const r = await call(app.url, 'GET', `/api/subscriptions/${id}/deliveries`, { cookie: subscriber });
      return ((await r.json()) as { deliveries: DeliveryEntry[] }).deliveries;
    };
    await waitFor(
      async () => (await deliveries()).some((d) => d.status === 'delivered'),
      10_000,
      'delivered in the log',
    );
    await alertsSettled(redis.url, app.prefix); // nothing is left to send: anything more would be here

    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests.map((r) => r.answered)).toEqual([null, 200]);
    expect(new Set(receiver.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect((await deliveries()).filter((d) => d.status === 'delivered')).toHaveLength(1);
  },
);
