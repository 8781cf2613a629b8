/**
 * Workers on a real queue: two workers take each report once; a job that fails after
 * committing is retried without announcing twice; Redis going away gives a fast 503.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { hostileTexts } from '../server/extract/fixtures/hostile.js';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

let redis: TestRedis | undefined;
let app: TestApp | undefined;
afterEach(async () => {
  await app?.close().catch(() => undefined);
  await redis?.stop();
  app = undefined;
  redis = undefined;
});

const text = (i: number) =>
  `Report ${i}: a spokesman said ${1000 + i} soldiers were moved to the northern region on Monday.`;

async function addedCounts(probe: Redis, prefix: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const [, fields] of await probe.xrange(`{${prefix}}:changes`, '-', '+')) {
    const change = JSON.parse(fields[1]) as { type: string; id?: string };
    if (change.type === 'report.added') counts.set(change.id!, (counts.get(change.id!) ?? 0) + 1);
  }
  return counts;
}

describe('workers', () => {
  it('two workers on one queue take each report once', async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, { workers: 2, env: { INGEST_CONCURRENCY: '8' } });
    const probe = new Redis(redis.url);
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++)
      ids.add(
        ((await (await postReport(app.url, { text: text(i), dateline: '2022-01-10' })).json()) as { id: string }).id,
      );
    expect(ids.size).toBe(200);
    await waitFor(async () => (await probe.zcard(`{${app!.prefix}}:reports:pending`)) === 0, 30_000, 'all done');
    const counts = await addedCounts(probe, app.prefix);
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(Number(await probe.get(`{${app.prefix}}:stats:processed`))).toBe(200);
    // Both workers are connected to the queue.
    const clients = String(await probe.client('LIST'));
    expect(clients.match(/crisis-desk:worker-ingest/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    probe.disconnect();
  });

  it('a job that fails twice after its fold then succeeds announces the report once', async () => {
    redis = await startRedis();
    const attemptsSeen: number[] = [];
    app = await startTestApp(redis.url, {
      workerOptions: {
        hooks: {
          afterFold: (job) => {
            attemptsSeen.push(job.attemptsMade);
            if (job.attemptsMade < 2) throw new Error(`injected failure on attempt ${job.attemptsMade + 1}`);
          },
        },
      },
    });
    const probe = new Redis(redis.url);
    const res = await postReport(app.url, { text: text(7), dateline: '2022-01-10' });
    const { id } = (await res.json()) as { id: string };
    await waitFor(
      async () => attemptsSeen.length >= 3 && (await probe.zcard(`{${app!.prefix}}:ingest:completed`)) === 1,
      20_000,
      'third attempt',
    );
    expect(attemptsSeen).toEqual([0, 1, 2]);
    const counts = await addedCounts(probe, app.prefix);
    expect(counts.get(id)).toBe(1);
    expect(await probe.hget(`{${app.prefix}}:report:${id}`, 'status')).toBe('done');
    probe.disconnect();
  });

  it('a job that always fails ends failed with its reason shown', async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, {
      workerOptions: {
        hooks: {
          beforeFold: () => {
            throw new Error('the extractor choked');
          },
        },
      },
    });
    const probe = new Redis(redis.url);
    const { id } = (await (await postReport(app.url, { text: text(9) })).json()) as { id: string };
    await waitFor(
      async () => (await probe.hget(`{${app!.prefix}}:report:${id}`, 'status')) === 'failed',
      30_000,
      'failed',
    );
    const detail = await (
      await fetch(`${app.url}/api/reports/${id}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } })
    ).json();
    expect(detail.status).toBe('failed');
    expect(detail.error).toBe('the extractor choked');
    expect((await addedCounts(probe, app.prefix)).has(id)).toBe(false);
    expect(Number(await probe.get(`{${app.prefix}}:stats:failed`))).toBe(1);
    probe.disconnect();
  });

  it('a report whose extraction runs past its time budget fails saying so, is counted, and the worker goes on', async () => {
    redis = await startRedis();
    // 20 ms: far more than a short report takes, a fraction of what 100,000 hostile characters (the
    // most a report holds) take; a loaded machine only makes the hostile text slower.
    app = await startTestApp(redis.url, { env: { EXTRACT_BUDGET_MS: '20' } });
    const probe = new Redis(redis.url);
    const post = async (body: object) => ((await (await postReport(app!.url, body)).json()) as { id: string }).id;
    const heavy = await post({ text: hostileTexts['hyphen chain'](100_000) });
    const status = (id: string) => probe.hget(`{${app!.prefix}}:report:${id}`, 'status');
    await waitFor(async () => (await status(heavy)) === 'failed', 30_000, 'failed over budget');
    const detail = await (
      await fetch(`${app.url}/api/reports/${heavy}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } })
    ).json();
    expect(detail.error).toMatch(/extraction exceeded its time budget of 20 ms/);
    const normal = await post({ text: text(5), dateline: '2022-01-10' });
    await waitFor(async () => (await status(normal)) === 'done', 30_000, 'the next report done');
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/^crisis_extract_over_budget_total 1$/m);
    probe.disconnect();
  }, 90_000);

  it('while Redis is down POST answers 503 within 2 s, and recovers when it is back', async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url);
    expect((await postReport(app.url, { text: text(1) })).status).toBe(202);
    redis.kill9();
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const res = await postReport(app.url, { text: text(2) });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    expect(elapsed).toBeLessThan(2500);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
    await redis.restart();
    await waitFor(async () => (await postReport(app!.url, { text: text(3) })).status === 202, 15_000, 'recovery');
  });

  it('ingest is rate-limited per sender, in Redis, with a clear 429', async () => {
    redis = await startRedis();
    app = await startTestApp(redis.url, { workers: 0, env: { INGEST_RATE_LIMIT_PER_MINUTE: '3' } });
    const probe = new Redis(redis.url);
    for (let i = 0; i < 3; i++) expect((await postReport(app.url, { text: text(100 + i) })).status).toBe(202);
    const limited = await postReport(app.url, { text: text(200) });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(await probe.zcard(`{${app.prefix}}:reports`)).toBe(3);
    probe.disconnect();
  });
});
