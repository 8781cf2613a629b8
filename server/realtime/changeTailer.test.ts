import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change, ChangeBody } from '../../shared/events.js';
import { startRedis, type TestRedis } from '../../test/helpers/redisServer.js';
import { CHANGE_FIELD } from '../storage/changeStream.js';
import { ChangeTailer } from './changeTailer.js';

let server: TestRedis;
let redis: Redis;
let blocking: Redis;

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
  blocking = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  blocking.disconnect();
  await server.stop();
});

const add = (key: string, change: ChangeBody) =>
  redis.xadd(key, '*', CHANGE_FIELD, JSON.stringify(change)) as Promise<string>;
const flag = (id: string): ChangeBody => ({ type: 'flag.changed', id, flags: [] });

describe('change tailer', () => {
  it('follows the desk and every crisis, in order per stream, each change marked with its crisis', async () => {
    const streams = { deskKey: 'desk', crisisKey: (slug: string) => `crisis:${slug}`, crises: async () => ['a'] };
    await add('crisis:a', flag('before-start')); // history: served by catch-up, not replayed
    const seen: Change[] = [];
    const tailer = new ChangeTailer(blocking, streams, (changes) => seen.push(...changes), pino({ level: 'silent' }));
    await tailer.start();
    const a1 = await add('crisis:a', flag('a1'));
    const d1 = await add('desk', flag('d1'));
    const a2 = await add('crisis:a', flag('a2'));
    await tailer.reached('crisis:a', a2);
    await tailer.reached('desk', d1);
    expect(seen.filter((c) => c.crisis === 'a').map((c) => c.seq)).toEqual([a1, a2]);
    expect(seen.filter((c) => c.crisis === null).map((c) => c.seq)).toEqual([d1]);
    expect(tailer.lastSeq('crisis:a')).toBe(a2);

    // A crisis made later: its stream is followed from its start once the desk stream announces it.
    const b1 = await add('crisis:b', flag('b1'));
    await add('desk', {
      type: 'crisis.changed',
      slug: 'b',
      definition: { slug: 'b', name: 'B', actors: [], places: [], keywords: [], createdAt: '2022-01-01T00:00:00Z' },
    });
    await tailer.reached('crisis:b', b1);
    expect(seen.find((c) => c.crisis === 'b')?.seq).toBe(b1);

    // A crisis removed: its stream is dropped, and whoever waited on it is released.
    const waiting = tailer.reached('crisis:a', '9999999999999-0');
    await add('desk', { type: 'crisis.changed', slug: 'a', definition: null });
    await waiting;
    expect(tailer.lastSeq('crisis:a')).toBe('0-0');
    await tailer.stop();
    blocking.disconnect();
    blocking = new Redis(server.url);
  });
});
