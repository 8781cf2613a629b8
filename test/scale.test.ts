/**
 * Scale out: two api nodes and two workers as separate processes on one Redis.
 * Reports posted to node A reach sockets on node B once; killing a worker leaves the
 * other processing; sessions of tokens work on any node.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, postReport, waitFor } from './helpers/app.js';
import { hasBuild, startProcess, type AppProcess } from './helpers/processes.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { connectClient, connected } from './helpers/socketClient.js';
import { ingestWorkers } from './faults/drillTools.js';

let redis: TestRedis;
const procs: AppProcess[] = [];
let nodeA: AppProcess;
let nodeB: AppProcess;
let workers: AppProcess[];
const prefix = `s${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  redis = await startRedis();
  [nodeA, nodeB] = await Promise.all([startProcess('api', redis.url, prefix), startProcess('api', redis.url, prefix)]);
  workers = await Promise.all([startProcess('worker', redis.url, prefix), startProcess('worker', redis.url, prefix)]);
  procs.push(nodeA, nodeB, ...workers);
  await waitFor(async () => (await ingestWorkers(redis.url, prefix)) >= 2, 10_000, 'two workers connected');
});
afterAll(async () => {
  for (const p of procs) await p.stop().catch(() => undefined);
  await redis.stop();
});

describe.skipIf(!hasBuild)('two api nodes and two workers', () => {
  it('a report posted to node A reaches sockets on both nodes exactly once', async () => {
    const onA = connectClient(nodeA.url!, { token: DISPLAY_TOKEN });
    const onB = connectClient(nodeB.url!, { token: DISPLAY_TOKEN });
    await Promise.all([connected(onA), connected(onB)]);
    await waitFor(async () => onA.snapshots.length && onB.snapshots.length, 5000, 'snapshots');
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await postReport(nodeA.url!, {
        text: `Scale check ${prefix} ${i}: envoys will meet in Vienna on Friday.`,
      });
      ids.push(((await res.json()) as { id: string }).id);
    }
    const added = (c: typeof onB) =>
      c.changes.filter((x) => x.type === 'report.added').map((x) => (x as { id: string }).id);
    await waitFor(async () => ids.every((id) => added(onB).includes(id)), 15_000, 'node B sees all');
    await waitFor(async () => ids.every((id) => added(onA).includes(id)), 15_000, 'node A sees all');
    expect(added(onB).sort()).toEqual([...ids].sort());
    expect(added(onA).sort()).toEqual([...ids].sort());
    expect(onA.changes.map((c) => c.seq)).toEqual(onB.changes.map((c) => c.seq));
    onA.close();
    onB.close();
  });

  it('killing one worker leaves the other processing', async () => {
    await workers[0].kill9();
    const onB = connectClient(nodeB.url!, { token: DISPLAY_TOKEN });
    await connected(onB);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await postReport(nodeB.url!, {
        text: `After the worker kill ${prefix} ${i}: a call was held on Tuesday.`,
      });
      ids.push(((await res.json()) as { id: string }).id);
    }
    await waitFor(
      async () => ids.every((id) => onB.changes.some((c) => c.type === 'report.added' && c.id === id)),
      30_000,
      'the surviving worker processes everything',
    );
    onB.close();
  });
});
