/**
 * Issue 26, item 6: bounds on storage and responses, against real Redis. Reports past the
 * retention period leave their crises and the store; a page of GET /api/reports stops at its
 * byte budget; a report's audit trail and corrections are capped with a clear refusal; and at
 * Redis' maxmemory a write is a clear 507, never an eviction of accepted reports.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicState } from '../shared/state.js';
import { MAX_AUDIT_PER_REPORT, MAX_CORRECTIONS_PER_REPORT } from '../server/errors.js';
import { MAX_LIST_BYTES } from '../server/http/routes/reports.js';
import { CorrectionLog } from '../server/storage/correctionLog.js';
import { CrisisStore } from '../server/storage/crisisStore.js';
import { ReportCommit } from '../server/storage/reportCommit.js';
import { ReportStore } from '../server/storage/reportStore.js';
import { CrisisRegistry } from '../server/workers/crisisRegistry.js';
import { FoldBatcher } from '../server/workers/foldBatcher.js';
import { removeReportsBefore } from '../server/workers/retention.js';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, login, userWithRole } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

let redis: TestRedis;
let app: TestApp;
let probe: Redis;

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, { env: { ADMIN_PASSWORD } });
  probe = new Redis(redis.url);
});
afterAll(async () => {
  probe?.disconnect();
  await app?.close();
  await redis?.stop();
});

const read = async <T>(path: string): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } });
  return { status: res.status, body: (await res.json()) as T };
};
const done = (id: string) =>
  waitFor(async () => (await read<{ status: string }>(`/api/reports/${id}`)).body.status === 'done', 15_000, id);

describe('retention (REPORT_RETENTION_DAYS)', () => {
  it('a report past the period leaves its crisis (as any report leaves one) and the store; newer ones stay', async () => {
    const old = (
      (await (
        await postReport(app.url, {
          text: 'Officials said Russia has about 127,000 troops near the border with Ukraine.',
          dateline: '2022-01-19',
        })
      ).json()) as { id: string }
    ).id;
    const fresh = (
      (await (
        await postReport(app.url, {
          text: 'Diplomats from Russia and Ukraine will meet in Geneva on Friday.',
          dateline: '2022-01-19',
        })
      ).json()) as { id: string }
    ).id;
    await done(old);
    await done(fresh);
    const crisis = (await read<PublicState>('/api/state?crisis=russia-ukraine')).body;
    expect(crisis.troops.current?.value).toBe(127_000);
    const k = app.ctx.keys;
    // Arrived 40 days ago, as far as the index is concerned.
    await probe.zadd(k.reportIndex, Date.now() - 40 * 24 * 3600_000, old);
    const reports = new ReportStore(probe, k);
    const crises = new CrisisRegistry(new CrisisStore(probe, k, 100_000), probe, k, 100_000);
    const batcher = new FoldBatcher(crises, new ReportCommit(probe, k, 100_000), reports);
    const removed = await removeReportsBefore(
      { redis: probe, keys: k, maxLen: 100_000, reports, crises, batcher, log: pino({ level: 'silent' }) },
      Date.now() - 30 * 24 * 3600_000,
    );
    expect(removed).toBe(1);
    expect((await read(`/api/reports/${old}`)).status).toBe(404);
    expect((await read(`/api/reports/${fresh}`)).status).toBe(200);
    const after = (await read<PublicState>('/api/state?crisis=russia-ukraine')).body;
    expect(after.troops.current).toBeNull();
    expect(after.reports.map((r) => r.id)).not.toContain(old);
    expect(await probe.zscore(k.crisis('russia-ukraine').reports, old)).toBeNull();
    const desk = (await probe.xrevrange(k.changes, '+', '-', 'COUNT', 5)).map(([, f]) => f[1]);
    expect(desk.some((c) => c.includes('"report.removed"') && c.includes(old))).toBe(true);
  });
});

describe('caps per report', () => {
  it(`a report whose audit trail holds ${MAX_AUDIT_PER_REPORT} entries takes no more flags: a clear 409`, async () => {
    const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
    const journalist = await userWithRole(app.url, admin, 'ulla', 'journalist');
    const id = ((await (await postReport(app.url, { text: `Audit cap (${Date.now()}).` })).json()) as { id: string })
      .id;
    const filler = Array.from({ length: MAX_AUDIT_PER_REPORT }, () => '{}');
    await probe.rpush(app.ctx.keys.audit(id), ...filler);
    const res = await call(app.url, 'POST', `/api/reports/${id}/flags`, { cookie: journalist }, { flag: 'breaking' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: { code: 'audit_full', message: expect.stringMatching(/is full/) },
    });
    expect(await probe.llen(app.ctx.keys.audit(id))).toBe(MAX_AUDIT_PER_REPORT);
    expect(await probe.hget(app.ctx.keys.report(id), 'flags')).toBeNull();
  });

  it(`a report takes at most ${MAX_CORRECTIONS_PER_REPORT} corrections`, async () => {
    const log = new CorrectionLog(probe, app.ctx.keys);
    const id = 'c'.repeat(32);
    const correction = { type: 'troop.reject', index: 0 } as never;
    const entry = {
      at: '',
      by: 'x',
      role: 'journalist',
      action: 'correction.added',
      target: id,
      before: null,
      after: null,
    } as never;
    for (let i = 1; i <= MAX_CORRECTIONS_PER_REPORT; i++) expect(await log.append(id, correction, entry)).toBe(i);
    await expect(log.append(id, correction, entry)).rejects.toThrow(/corrections, the most one report takes/);
    expect(await probe.llen(app.ctx.keys.corrections(id))).toBe(MAX_CORRECTIONS_PER_REPORT);
  });
});

describe('responses and memory', () => {
  let bare: TestApp;
  let small: TestRedis;
  beforeAll(async () => {
    small = await startRedis({ extraArgs: ['--maxmemory', '12mb'] });
    // No workers: what is accepted stays as it came, so the store only grows with what is posted.
    bare = await startTestApp(small.url, { workers: 0, env: { INGEST_RATE_LIMIT_PER_MINUTE: '1000000' } });
  });
  afterAll(async () => {
    await bare?.close();
    await small?.stop();
  });

  const big = (n: number) =>
    `Report ${n} ${Date.now()}: ${'Troops moved along the border today. '.repeat(2500)}`.slice(0, 95_000);
  const accepted: string[] = [];

  it('a page of GET /api/reports stops at its byte budget; next pages on to the rest', async () => {
    for (let n = 0; n < 50; n++) {
      const res = await postReport(bare.url, { text: big(n) });
      expect(res.status).toBe(202);
      accepted.push(((await res.json()) as { id: string }).id);
    }
    const seen = new Set<string>();
    let before: string | null = null;
    let pages = 0;
    do {
      const res = await fetch(
        `${bare.url}/api/reports?limit=500${before ? `&before=${encodeURIComponent(before)}` : ''}`,
        {
          headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
        },
      );
      const text = await res.text();
      expect(text.length).toBeLessThanOrEqual(MAX_LIST_BYTES + 100_000);
      const page = JSON.parse(text) as { reports: { id: string }[]; next: string | null };
      for (const r of page.reports) seen.add(r.id);
      before = page.next;
      pages++;
    } while (before && pages < 20);
    expect(pages).toBeGreaterThan(1);
    for (const id of accepted) expect(seen.has(id)).toBe(true);
  });

  it('at maxmemory a report is refused with a clear 507; nothing accepted is evicted', async () => {
    let refused: Response | null = null;
    for (let n = 50; n < 400 && !refused; n++) {
      const res = await postReport(bare.url, { text: big(n) });
      if (res.status === 202) accepted.push(((await res.json()) as { id: string }).id);
      else refused = res;
    }
    expect(refused?.status).toBe(507);
    expect(await refused!.json()).toMatchObject({
      error: { code: 'store_full', message: expect.stringMatching(/maxmemory reached.*nothing stored was dropped/) },
    });
    const check = new Redis(small.url);
    const index = `{${bare.prefix}}:reports`;
    expect(await check.zcard(index)).toBe(accepted.length);
    for (const id of accepted) expect(await check.exists(`{${bare.prefix}}:report:${id}`)).toBe(1);
    check.disconnect();
    expect((await fetch(`${bare.url}/healthz`)).status).toBe(200);
  });
});
