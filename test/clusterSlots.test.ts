/**
 * Each crisis' keys live under a hash tag of their own, so a Redis Cluster can put crises on
 * different shards. Proved on a real redis-server in cluster mode (one node holding every slot,
 * which refuses any script or transaction whose keys span two slots with CROSSSLOT): the worker
 * takes reports through the queue, routes them and folds two crises, and every key of each
 * crisis sits in that crisis' own slot, apart from the other's and from the deployment's.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestor } from '../server/ingest/acceptReport.js';
import { createIngestQueue, type IngestQueue } from '../server/queues/ingestProducer.js';
import { createContext, type RoleContext, type RunningRole } from '../server/roles/context.js';
import { startWorkerRole } from '../server/roles/worker.js';
import { CrisisStore } from '../server/storage/crisisStore.js';
import { allCrisisKeys } from '../server/storage/keys.js';
import { ReportStore } from '../server/storage/reportStore.js';
import { RUSSIA_UKRAINE, testConfig, waitFor } from './helpers/app.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

const KASHMIR = {
  slug: 'kashmir',
  name: 'Kashmir',
  actors: ['India', 'Pakistan'],
  places: ['Kashmir', 'Line of Control'],
  keywords: [],
  principal: { force: 'India', theatre: 'Kashmir' },
  createdAt: '2026-01-02T00:00:00.000Z',
};

let redis: TestRedis;
let probe: Redis;
let ctx: RoleContext;
let worker: RunningRole;
let queue: IngestQueue;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crisis-cluster-'));
  redis = await startRedis({
    extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', path.join(dir, 'nodes.conf')],
  });
  probe = new Redis(redis.url);
  await probe.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
  await waitFor(async () => /cluster_state:ok/.test(String(await probe.call('CLUSTER', 'INFO'))), 10_000, 'cluster ok');
  ctx = createContext(testConfig(redis.url), pino({ level: 'silent' }));
  const crises = new CrisisStore(probe, ctx.keys, 1000);
  for (const crisis of [RUSSIA_UKRAINE, KASHMIR]) await crises.create(crisis, { name: 'test', role: 'admin' });
  worker = await startWorkerRole(ctx);
  queue = createIngestQueue(probe, ctx.keys.queuePrefix);
});
afterAll(async () => {
  await queue?.close();
  await worker?.close();
  await ctx?.closeConnections();
  probe?.disconnect();
  await redis?.stop();
});

const slotOf = async (key: string) => Number(await probe.call('CLUSTER', 'KEYSLOT', key));

describe('crises on a Redis Cluster', () => {
  it('folds two crises, each in its own slot, with no script or transaction across slots', async () => {
    const reports = new ReportStore(probe, ctx.keys);
    const ingestor = createIngestor(reports, queue);
    const accepted = await Promise.all([
      ingestor.accept({
        text: 'Officials said Russia has about 127,000 troops near the border with Ukraine.',
        dateline: '2022-01-19',
      }),
      ingestor.accept({
        text: 'India has moved about 10,000 troops into Kashmir near the Line of Control, officials said.',
        dateline: '2022-01-19',
      }),
    ]);
    for (const { id } of accepted) {
      await waitFor(async () => (await reports.get(id))?.status === 'done', 15_000, `report ${id} done`);
    }
    const ukraine = ctx.keys.crisis('russia-ukraine');
    const kashmir = ctx.keys.crisis('kashmir');
    expect(await probe.zcard(ukraine.reports)).toBe(1);
    expect(await probe.zcard(kashmir.reports)).toBe(1);

    const slots = async (keys: string[]) => new Set(await Promise.all(keys.map(slotOf)));
    const [ukraineSlots, kashmirSlots, deskSlots] = await Promise.all([
      slots(allCrisisKeys(ukraine)),
      slots(allCrisisKeys(kashmir)),
      slots([ctx.keys.changes, ctx.keys.reportIndex, ctx.keys.report(accepted[0].id), ctx.keys.crises]),
    ]);
    expect([ukraineSlots.size, kashmirSlots.size, deskSlots.size]).toEqual([1, 1, 1]);
    const [u, k, d] = [[...ukraineSlots][0], [...kashmirSlots][0], [...deskSlots][0]];
    expect(new Set([u, k, d]).size).toBe(3);
  });
});
