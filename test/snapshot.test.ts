/**
 * The snapshot an api node serves (GET /api/state, socket `snapshot`) is cached per node; it
 * must still show every accepted report and every flag the moment they exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicState } from '../shared/state.js';
import { DISPLAY_TOKEN, postReport, startTestApp, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, login } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

let redis: TestRedis;
let app: TestApp;

beforeAll(async () => {
  redis = await startRedis();
  // No workers: reports stay queued, so only the cache key's report index can reveal them.
  app = await startTestApp(redis.url, { workers: 0, env: { ADMIN_PASSWORD } });
});
afterAll(async () => {
  await app.close();
  await redis.stop();
});

const state = async (): Promise<PublicState> =>
  (
    await fetch(`${app.url}/api/state`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } })
  ).json() as Promise<PublicState>;

describe('the cached snapshot', () => {
  it('shows a report as soon as it is accepted, and a flag as soon as it is set', async () => {
    expect((await state()).reports).toEqual([]);
    const { id } = (await (
      await postReport(app.url, { text: 'Envoys will meet in Vienna on Friday, officials said.' })
    ).json()) as {
      id: string;
    };
    const afterPost = await state();
    expect(afterPost.reports.map((r) => [r.id, r.status])).toEqual([[id, 'queued']]);
    expect(await state()).toEqual(afterPost); // nothing changed: the same picture

    const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
    const flagged = await call(app.url, 'POST', `/api/reports/${id}/flags`, { cookie: admin }, { flag: 'breaking' });
    expect(flagged.status).toBe(200);
    expect((await state()).reports[0].flags.map((f) => f.flag)).toEqual(['breaking']);
  });
});
