/**
 * A verdict of false re-notifies like a rejection (real webhook receiver, Redis, BullMQ, two
 * worker roles): the alert that rested on a figure judged false is followed up once, naming the
 * original's key, with the figure before and `after: null`, caused by the verdict; a report
 * judged false follows up every alert resting on any of its facts; a verdict that takes nothing
 * off the wall (verified) announces nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alertsSettled } from './helpers/alertsSettled.js';
import { waitFor } from './helpers/app.js';
import { api, jobFinished, report, startFollowUpEnv, subscribe, type FollowUpEnv } from './helpers/followUpEnv.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { startReceiver, type WebhookReceiver } from './helpers/webhookReceiver.js';

let redis: TestRedis;
let env: FollowUpEnv | undefined;
let hook: WebhookReceiver | undefined;

beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  await hook?.close();
  await env?.close();
  hook = env = undefined;
});
afterAll(async () => {
  await redis?.stop();
});

const TROOPS = 'Officials said Russia has about 127,000 troops near the border with Ukraine.';
const bodyOf = (r: WebhookReceiver, i: number) => JSON.parse(r.requests[i].body) as Record<string, unknown>;

async function judge(path: string, status: string): Promise<void> {
  const res = await api(env!, 'PUT', path, { status }, env!.journalist);
  expect(res.status).toBe(200);
}

describe('verdicts of false re-notify', () => {
  it('a figure judged false: one follow-up with after: null; verified before it: nothing', async () => {
    env = await startFollowUpEnv(redis.url);
    hook = await startReceiver();
    await subscribe(env, {
      name: 'troops',
      rule: { type: 'troops.above', threshold: 50_000 },
      channel: { type: 'webhook', url: hook.url },
    });
    const id = await report(env, TROOPS);
    await waitFor(async () => hook!.requests.length === 1, 15_000, 'the alert');
    const originalKey = hook.requests[0].headers['idempotency-key'];

    // Verified takes nothing off the wall: the re-fold runs and nothing is announced.
    await judge(`/api/reports/${id}/facts/troops/0/verification`, 'verified');
    const audit = (await api(env, 'GET', `/api/reports/${id}/audit`)).json.entries.length as number;
    await jobFinished(env.ingestQueue, `${id}-verdict-${audit}`);
    await alertsSettled(redis.url, env.app.prefix);
    expect(hook.requests).toHaveLength(1);

    await judge(`/api/reports/${id}/facts/troops/0/verification`, 'false');
    await waitFor(async () => hook!.requests.length === 2, 15_000, 'the follow-up');
    expect(bodyOf(hook, 1)).toMatchObject({
      type: 'alert.corrected',
      corrects: originalKey,
      fact: { kind: 'troop', reportId: id },
      before: { value: 127_000 },
      after: null,
      cause: { type: 'verification', id: `v${audit + 1}` },
    });
    await alertsSettled(redis.url, env.app.prefix);
    expect(hook.requests).toHaveLength(2);
  });

  it('a report judged false follows up the alert resting on its figure', async () => {
    env = await startFollowUpEnv(redis.url);
    hook = await startReceiver();
    await subscribe(env, {
      name: 'troops',
      rule: { type: 'troops.above', threshold: 50_000 },
      channel: { type: 'webhook', url: hook.url },
    });
    const id = await report(env, TROOPS);
    await waitFor(async () => hook!.requests.length === 1, 15_000, 'the alert');
    await judge(`/api/reports/${id}/verification`, 'false');
    await waitFor(async () => hook!.requests.length === 2, 15_000, 'the follow-up');
    expect(bodyOf(hook, 1)).toMatchObject({
      corrects: hook.requests[0].headers['idempotency-key'],
      after: null,
      cause: { type: 'verification' },
    });
  });
});
