/**
 * A follow-up is sent once per correction, whatever fails on the way: the re-fold job dies after
 * the fold committed (and is run again, announcing again), the receiver refuses the first try,
 * a worker is replaced, and the correction is announced once more after BullMQ forgot its jobs.
 * Real Redis, BullMQ, two worker roles, a real webhook receiver.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWorkerRole } from '../server/roles/worker.js';
import { alertsSettled } from './helpers/alertsSettled.js';
import { waitFor } from './helpers/app.js';
import {
  correct,
  deliveries,
  factsJobId,
  jobFinished,
  report,
  startFollowUpEnv,
  subscribe,
  type FollowUpEnv,
} from './helpers/followUpEnv.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { startReceiver, type WebhookReceiver } from './helpers/webhookReceiver.js';

let redis: TestRedis;
let env: FollowUpEnv;
let hook: WebhookReceiver;
/** Re-fold jobs of corrections that died once after their fold committed. */
const died = new Set<string>();

beforeAll(async () => {
  redis = await startRedis();
  env = await startFollowUpEnv(redis.url, {
    hooks: {
      afterFold: (job) => {
        if (job.name !== 'correction' || job.attemptsMade > 0 || died.size > 0) return;
        died.add(String(job.id));
        throw new Error('worker died after the fold committed');
      },
    },
  });
  // The first follow-up try is refused: it is retried with the same Idempotency-Key.
  hook = await startReceiver(0, (req) => (/"alert.corrected"/.test(req.body) && !refused++ ? 503 : 200));
});
let refused = 0;
afterAll(async () => {
  await hook?.close();
  await env?.close();
  await redis?.stop();
});

it('one follow-up per correction across a re-run job, a refused try, a new worker and a repeated announcement', async () => {
  const sub = await subscribe(env, {
    name: 'troops',
    rule: { type: 'troops.above', threshold: 50_000 },
    channel: { type: 'webhook', url: hook.url },
  });
  const id = await report(env, 'Officials said Russia has about 127,000 troops near the border with Ukraine.');
  await waitFor(async () => hook.requests.length === 1, 15_000, 'the alert');
  const originalKey = String(hook.requests[0].headers['idempotency-key']);

  const n = await correct(env, id, { kind: 'troop.set', index: 0, value: 12_700 });
  await jobFinished(env.ingestQueue, `${id}-fix-${n}`);
  expect(died.has(`${id}-fix-${n}`)).toBe(true);
  await alertsSettled(redis.url, env.app.prefix);

  const followUps = hook.requests.filter((r) => /"alert.corrected"/.test(r.body));
  expect(followUps.map((r) => r.answered)).toEqual([503, 200]);
  const key = `${originalKey}_fix_${id}.c${n}`;
  expect(followUps.map((r) => r.headers['idempotency-key'])).toEqual([key, key]);
  expect(followUps.map((r) => r.headers['x-crisis-desk-attempt'])).toEqual(['1', '2']);
  const log = (await deliveries(env, sub.id)).filter((e) => e.corrects === originalKey);
  expect(log.map((e) => e.status)).toEqual(['delivered', 'retrying']);

  // A worker is replaced, BullMQ forgets the jobs (their retention ran out), and the re-fold is
  // run once more (as the reconciler would): the follow-up is found again, and not sent again.
  await env.app.workers[0].close();
  env.app.workers[0] = await startWorkerRole(env.app.ctx);
  await (await env.deliverQueue.getJob(factsJobId(id, n)))!.remove();
  await (await env.deliverQueue.getJob(key))!.remove();
  await env.ingestQueue.add('correction', { reportId: id, correction: n }, { jobId: `${id}-fix-${n}-again` });
  await jobFinished(env.ingestQueue, `${id}-fix-${n}-again`);
  expect(await jobFinished(env.deliverQueue, factsJobId(id, n))).toBe('1 follow-up(s)');
  expect(await jobFinished(env.deliverQueue, key)).toBe('already delivered');
  await alertsSettled(redis.url, env.app.prefix);
  expect(hook.requests.filter((r) => /"alert.corrected"/.test(r.body) && r.answered === 200)).toHaveLength(1);
});

it('an alert delivered only after its figure was corrected (it was retrying meanwhile) is followed up', async () => {
  let open = false;
  const late = await startReceiver(0, (req) => (open || /"alert.corrected"/.test(req.body) ? 200 : 503));
  try {
    await subscribe(env, {
      name: 'late troops',
      rule: { type: 'troops.above', threshold: 50_000 },
      channel: { type: 'webhook', url: late.url },
    });
    const id = await report(
      env,
      'Officials said Russia has about 90,000 troops near the border with Ukraine.',
      '2022-01-20',
    );
    await waitFor(async () => late.requests.length >= 1, 15_000, 'the first try of the alert');
    const n = await correct(env, id, { kind: 'troop.set', index: 0, value: 9_000 });
    // The facts job ran while this alert was still retrying (it found only the first test's
    // subscription, whose alert on the new figure was delivered): nothing for this one yet.
    expect(await jobFinished(env.deliverQueue, factsJobId(id, n))).toBe('1 follow-up(s)');
    expect(late.requests.every((r) => r.answered === 503)).toBe(true);
    open = true;
    const followUp = await waitFor(
      async () => late.requests.find((r) => /"alert.corrected"/.test(r.body)),
      15_000,
      'the follow-up',
    );
    const original = late.requests.find((r) => r.answered === 200 && !/"alert.corrected"/.test(r.body))!;
    expect(JSON.parse(followUp.body)).toMatchObject({
      corrects: original.headers['idempotency-key'],
      before: { value: 90_000 },
      after: { value: 9_000 },
    });
    await alertsSettled(redis.url, env.app.prefix);
    expect(late.requests.filter((r) => /"alert.corrected"/.test(r.body))).toHaveLength(1);
  } finally {
    await late.close();
  }
});
