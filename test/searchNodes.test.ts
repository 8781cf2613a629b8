/**
 * Search on several api nodes, as separate processes on one Redis: each node's index follows
 * what is written through the other (a new report, a flag, a move between crises), and a node
 * killed and started again finds every report as it now is (its index is built from Redis).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchPage } from '../shared/search.js';
import { CrisisStore } from '../server/storage/crisisStore.js';
import { keysFor } from '../server/storage/keys.js';
import { DISPLAY_TOKEN, postReport, RUSSIA_UKRAINE, waitFor } from './helpers/app.js';
import { ADMIN_PASSWORD, call, login, userWithRole } from './helpers/desk.js';
import { hasBuild, startProcess, type AppProcess } from './helpers/processes.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

let redis: TestRedis;
const procs: AppProcess[] = [];
let nodeA: AppProcess;
let nodeB: AppProcess;
let journalistOnA: string;
const prefix = `q${randomBytes(4).toString('hex')}`;
const env = { ADMIN_PASSWORD };

beforeAll(async () => {
  redis = await startRedis();
  const setup = new Redis(redis.url);
  await new CrisisStore(setup, keysFor(prefix), 1000).create(RUSSIA_UKRAINE, { name: 'test', role: 'admin' });
  setup.disconnect();
  [nodeA, nodeB] = await Promise.all([
    startProcess('api', redis.url, prefix, env),
    startProcess('api', redis.url, prefix, env),
  ]);
  procs.push(nodeA, nodeB, await startProcess('worker', redis.url, prefix, env));
  const admin = await login(nodeA.url!, 'admin', ADMIN_PASSWORD);
  journalistOnA = await userWithRole(nodeA.url!, admin, 'jules', 'journalist');
}, 120_000);
afterAll(async () => {
  for (const p of procs) await p.stop().catch(() => undefined);
  await redis?.stop();
});

async function search(node: AppProcess, query: string): Promise<{ status: number; body: SearchPage }> {
  const res = await call(node.url!, 'GET', `/api/reports?${query}`, { token: DISPLAY_TOKEN });
  return { status: res.status, body: (await res.json()) as SearchPage };
}
const idsOn = async (node: AppProcess, query: string) => (await search(node, query)).body.reports.map((r) => r.id);

async function post(node: AppProcess, text: string): Promise<string> {
  const { id } = (await (await postReport(node.url!, { text, dateline: '2022-01-19' })).json()) as { id: string };
  await waitFor(
    async () => {
      const res = await call(node.url!, 'GET', `/api/reports/${id}`, { token: DISPLAY_TOKEN });
      return ((await res.json()) as { status: string }).status === 'done';
    },
    20_000,
    `report ${id} done`,
  );
  return id;
}

describe.skipIf(!hasBuild)('search on two api nodes', () => {
  let troops: string;
  let talks: string;

  it("each node's index follows what is written through the other", async () => {
    troops = await post(nodeA, 'Russia has about 100,000 troops near the border with Ukraine, officials in Kyiv said.');
    talks = await post(nodeB, 'Envoys of Russia and Ukraine will hold talks in Vienna on Friday, diplomats said.');
    expect(await idsOn(nodeB, 'q=troops')).toEqual([troops]);
    expect(await idsOn(nodeA, 'q=vienna%20talks')).toEqual([talks]);

    const flagged = await call(
      nodeA.url!,
      'POST',
      `/api/reports/${troops}/flags`,
      { cookie: journalistOnA },
      { flag: 'verified' },
    );
    expect(flagged.status).toBe(200);
    expect(await idsOn(nodeB, 'q=russia&flag=verified')).toEqual([troops]);

    const moved = await call(nodeA.url!, 'DELETE', `/api/reports/${talks}/crises/russia-ukraine`, {
      cookie: journalistOnA,
    });
    expect(moved.status).toBeLessThan(300);
    await waitFor(
      async () => (await idsOn(nodeB, 'q=vienna&crisis=none')).includes(talks),
      20_000,
      'the move on node B',
    );
    expect(await idsOn(nodeB, 'q=vienna&crisis=russia-ukraine')).toEqual([]);
  });

  it('a node started again finds every report as it now is', async () => {
    await nodeB.kill9();
    nodeB = await startProcess('api', redis.url, prefix, env);
    procs.push(nodeB);
    // Until its index is built the node says so (503) rather than answer from part of it.
    const first = await waitFor(
      async () => {
        const r = await search(nodeB, 'q=russia');
        if (r.status === 503) return null;
        return r;
      },
      30_000,
      'the index built again',
    );
    expect(first.status).toBe(200);
    expect(first.body.reports.map((r) => r.id)).toEqual(expect.arrayContaining([troops, talks]));
    expect(await idsOn(nodeB, 'q=russia&flag=verified')).toEqual([troops]);
    expect(await idsOn(nodeB, 'q=russia&crisis=none')).toEqual([talks]);
    const later = await post(
      nodeA,
      'A convoy of Russian troops crossed into Belarus overnight, witnesses in Gomel said.',
    );
    expect(await idsOn(nodeB, 'q=troops')).toEqual([later, troops]);
  });
});
