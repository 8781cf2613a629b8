import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../test/helpers/redisServer.js';
import { cappedBackoff } from '../queues/deliverProducer.js';
import { keysFor } from '../storage/keys.js';
import { AlertGate, composeDigest, quietUntil } from './throttle.js';
import type { Subscription } from './types.js';

describe('quiet hours (pure)', () => {
  const quiet = { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' };
  it("holds alerts inside a window that wraps midnight, in the subscriber's zone, until it ends", () => {
    // 23:30 in Berlin (UTC+1 in January) is 22:30 UTC; quiet hours end at 07:00 Berlin = 06:00 UTC.
    expect(quietUntil(Date.parse('2022-01-19T22:30:00Z'), quiet)).toBe(Date.parse('2022-01-20T06:00:00Z'));
    expect(quietUntil(Date.parse('2022-01-20T05:59:00Z'), quiet)).toBe(Date.parse('2022-01-20T06:00:00Z'));
    expect(quietUntil(Date.parse('2022-01-20T06:00:00Z'), quiet)).toBeNull();
    expect(quietUntil(Date.parse('2022-01-19T12:00:00Z'), quiet)).toBeNull();
    expect(quietUntil(Date.now(), undefined)).toBeNull();
  });
});

describe('digest and backoff (pure)', () => {
  it('a digest lists every grouped alert and leads with the latest', () => {
    const d = composeDigest([
      { title: 'B', body: 'b', firedAt: '2022-01-19T10:05:00Z', reportId: 'r2' },
      { title: 'A', body: 'a', firedAt: '2022-01-19T10:00:00Z', reportId: 'r1' },
    ]);
    expect(d.title).toBe('2 alerts, latest: B');
    expect(d.body).toContain('• 10:00 UTC — A\n• 10:05 UTC — B');
    expect(d.reportId).toBe('r2');
  });

  it('backoff doubles from the base and stops at the cap (jitter ±10 %)', () => {
    const mid = cappedBackoff(1000, 60_000, () => 0.5);
    expect([1, 2, 3, 4, 7, 8, 12].map(mid)).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000, 60_000]);
    expect(cappedBackoff(1000, 60_000, () => 0)(1)).toBe(900);
  });
});

describe('the throttle gate (real Redis)', () => {
  let redis: TestRedis;
  let client: Redis;
  let gate: AlertGate;
  const keys = keysFor('gate-test');
  const sub = (over: Partial<Subscription> = {}): Subscription => ({
    id: 's1',
    owner: 'ana',
    createdAt: '',
    name: 'n',
    rule: { type: 'flag', flag: 'breaking' },
    channel: { type: 'inapp' },
    throttleMinutes: 10,
    ...over,
  });
  const alert = (title: string) => ({ title, body: title, firedAt: new Date().toISOString() });
  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
    gate = new AlertGate(client, keys);
  });
  afterAll(async () => {
    client.disconnect();
    await redis.stop();
  });

  it('sends the first, groups the rest until the window ends, then one digest takes them all', async () => {
    const t0 = 1_700_000_000_000;
    expect(await gate.admit(sub(), 'k1', alert('one'), t0)).toEqual({ action: 'send' });
    expect(await gate.admit(sub(), 'k1', alert('one'), t0 + 5)).toEqual({ action: 'send' }); // a retry keeps its slot
    expect(await gate.admit(sub(), 'k2', alert('two'), t0 + 1000)).toEqual({
      action: 'grouped',
      flushAt: t0 + 600_000,
    });
    expect(await gate.admit(sub(), 'k3', alert('three'), t0 + 2000)).toEqual({
      action: 'grouped',
      flushAt: t0 + 600_000,
    });
    expect(await client.get(keys.alertMarker('k2'))).toBe('grouped');
    expect(await gate.take(sub(), 'd1', t0 + 300_000)).toEqual({ action: 'wait', until: t0 + 600_000 });
    const taken = await gate.take(sub(), 'd1', t0 + 600_000);
    expect(taken.action === 'take' && taken.items.map((i) => i.title).sort()).toEqual(['three', 'two']);
    const again = await gate.take(sub(), 'd1', t0 + 600_001); // a retried digest sends the same set
    expect(again.action === 'take' && again.items).toHaveLength(2);
    // The digest took the slot: the next alert waits for the following window.
    expect(await gate.admit(sub(), 'k4', alert('four'), t0 + 600_002)).toEqual({
      action: 'grouped',
      flushAt: t0 + 1_200_000,
    });
  });

  it('quiet hours hold an alert until they end even with no throttle', async () => {
    const quietSub = sub({
      id: 's2',
      throttleMinutes: 0,
      quietHours: { start: '22:00', end: '07:00', timeZone: 'UTC' },
    });
    const night = Date.parse('2022-01-19T23:00:00Z');
    expect(await gate.admit(quietSub, 'q1', alert('night'), night)).toEqual({
      action: 'grouped',
      flushAt: Date.parse('2022-01-20T07:00:00Z'),
    });
    expect(await gate.admit(sub({ id: 's3', throttleMinutes: 0 }), 'q2', alert('day'), night)).toEqual({
      action: 'send',
    });
  });
});
