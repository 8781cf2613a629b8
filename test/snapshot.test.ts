/**
 * The snapshot an api node serves (GET /api/state, socket `snapshot`) is cached per node and per
 * stream; it must still show every accepted report and every flag the moment they exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicState } from '../shared/state.js';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, login } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { connectClient, connected } from './helpers/socketClient.js';

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

describe("the desk's cached snapshot", () => {
  it('shows a report as soon as it is accepted, and a flag as soon as it is set', async () => {
    const desk = connectClient(app.url, { token: DISPLAY_TOKEN, desk: true });
    await connected(desk);
    const snapshot = async (): Promise<PublicState> => {
      const seen = desk.snapshots.length;
      desk.socket.emit('state.request');
      await waitFor(async () => desk.snapshots.length > seen, 5000, 'snapshot');
      return desk.snapshots.at(-1)!;
    };
    expect((await snapshot()).crisis).toBeNull();
    expect((await snapshot()).reports).toEqual([]);
    const { id } = (await (
      await postReport(app.url, { text: 'Envoys will meet in Vienna on Friday, officials said.' })
    ).json()) as { id: string };
    const afterPost = await snapshot();
    expect(afterPost.reports.map((r) => [r.id, r.status])).toEqual([[id, 'queued']]);
    expect(await snapshot()).toEqual(afterPost); // nothing changed: the same picture

    const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
    const flagged = await call(app.url, 'POST', `/api/reports/${id}/flags`, { cookie: admin }, { flag: 'breaking' });
    expect(flagged.status).toBe(200);
    expect((await snapshot()).reports[0].flags.map((f) => f.flag)).toEqual(['breaking']);
    desk.close();
  });

  it("a crisis' picture names its crisis and principal before any report is folded in", async () => {
    const res = await fetch(`${app.url}/api/state?crisis=russia-ukraine`, {
      headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
    });
    const state = (await res.json()) as PublicState;
    expect(state).toMatchObject({ crisis: 'russia-ukraine', seq: '0-0', reports: [] });
    expect(state.troops).toMatchObject({ force: 'Russia', theatre: 'Ukraine', current: null, others: [] });
  });
});
