/**
 * A flag set while a report is being extracted is not lost: the report is announced with the
 * flags it has when it is committed, not those it had when its job began.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../shared/events.js';
import { FlagStore } from '../server/storage/flagStore.js';
import { keysFor } from '../server/storage/keys.js';
import { DISPLAY_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { connectClient, connected } from './helpers/socketClient.js';

let redis: TestRedis;
let app: TestApp;
let probe: Redis;

beforeAll(async () => {
  redis = await startRedis();
  probe = new Redis(redis.url);
  app = await startTestApp(redis.url, {
    workerOptions: {
      hooks: {
        // While the job holds the report (read, not yet extracted), a journalist flags it.
        beforeFold: async (job) => {
          const flags = new FlagStore(probe, keysFor(app.prefix), 1000);
          await flags.set(job.data.reportId, 'breaking', 'wire confirms', { name: 'jane', role: 'journalist' });
        },
      },
    },
  });
});
afterAll(async () => {
  await app.close();
  probe.disconnect();
  await redis.stop();
});

describe('a flag set during extraction', () => {
  it('is in the report as announced on the desk stream', async () => {
    const desk = connectClient(app.url, { token: DISPLAY_TOKEN, desk: true });
    await connected(desk);
    const { id } = (await (await postReport(app.url, { text: 'Envoys will meet in Vienna on Friday.' })).json()) as {
      id: string;
    };
    const added = await waitFor(
      async () =>
        desk.changes.find(
          (c): c is Extract<Change, { type: 'report.added' }> => c.type === 'report.added' && c.id === id,
        ),
      10_000,
      'report.added',
    );
    expect(added.report.flags.map((f) => f.flag)).toEqual(['breaking']);
    desk.close();
  });
});
