/**
 * Corrections that re-notify, on real parts: a real webhook receiver, a real SMTP sink, a real
 * Socket.IO client with the subscriber's session, real Redis, BullMQ and two worker roles. An
 * alert goes out; a journalist corrects the fact it rested on; every channel the alert reached
 * gets one follow-up naming the original's Idempotency-Key, with the fact before and after.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../shared/events.js';
import { announceFactChanges } from '../server/alerts/followUps.js';
import { alertsSettled } from './helpers/alertsSettled.js';
import { waitFor } from './helpers/app.js';
import { cookieSocket, socketOutcome } from './helpers/desk.js';
import {
  confirmEmail,
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
/** A header's value, unfolded (nodemailer folds long ones onto the next line). */
const header = (raw: string, name: string) =>
  new RegExp(`^${name}: *(.+)$`, 'mi').exec(raw.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim();
const bodyOf = (r: WebhookReceiver, i: number) => JSON.parse(r.requests[i].body) as Record<string, unknown>;

describe('corrections re-notify', () => {
  it('a corrected troop figure: webhook, e-mail (same thread) and in-app each get one follow-up', async () => {
    env = await startFollowUpEnv(redis.url);
    hook = await startReceiver();
    const rule = { type: 'troops.above', threshold: 50_000 };
    const web = await subscribe(env, { name: 'troops hook', rule, channel: { type: 'webhook', url: hook.url } });
    const mail = await subscribe(env, {
      name: 'troops mail',
      rule,
      channel: { type: 'email', to: 'desk@example.test' },
    });
    await confirmEmail(env, mail.id);
    await subscribe(env, { name: 'troops in app', rule, channel: { type: 'inapp' } });
    const socket = cookieSocket(env.app.url, env.viewer);
    const inApp: Change[] = [];
    socket.on('change', (c) => c.type === 'alert.fired' && inApp.push(c));
    expect(await socketOutcome(socket)).toBe('connected');

    const id = await report(env, TROOPS);
    await waitFor(async () => hook!.requests.length === 1 && inApp.length === 1, 15_000, 'the alerts');
    const original = await waitFor(async () => env!.mails.find((m) => /Troop estimate at 127,000/.test(m.raw)));
    const originalKey = String(hook.requests[0].headers['idempotency-key']);

    const started = Date.now();
    const n = await correct(env, id, { kind: 'troop.set', index: 0, value: 12_700 });
    await waitFor(async () => hook!.requests.length === 2 && inApp.length === 2, 15_000, 'the follow-ups');
    console.log(`follow-ups: correction POST → webhook follow-up ${hook.requests[1].at - started} ms (one sample)`);

    const followUp = bodyOf(hook, 1);
    expect(followUp).toMatchObject({
      type: 'alert.corrected',
      corrects: originalKey,
      fact: { kind: 'troop', reportId: id },
      before: { value: 127_000, qualifier: 'about' },
      after: { value: 12_700, qualifier: 'about' },
      cause: { type: 'correction', id: `c${n}` },
    });
    expect(hook.requests[1].headers['idempotency-key']).toBe(`${originalKey}_fix_${id}.c${n}`);
    expect(followUp.body).toMatch(/127,000 troops .*→ 12,700 troops/);

    const reply = await waitFor(async () => env!.mails.find((m) => /^In-Reply-To:/im.test(m.raw)), 15_000, 'reply');
    const messageId = header(original.raw, 'Message-ID');
    expect(messageId).toMatch(/^<.+@crisis-desk>$/);
    expect(header(reply.raw, 'In-Reply-To')).toBe(messageId);
    expect(header(reply.raw, 'References')).toBe(messageId);
    expect(header(reply.raw, 'Subject')).toMatch(/^=\?UTF-8\?Q\?Re=3A_=5BCrisis_Desk=5D/);

    const [first, second] = inApp as Extract<Change, { type: 'alert.fired' }>[];
    expect(first.key).toBeTruthy();
    expect(second).toMatchObject({ corrects: first.key, correctsTitle: first.title, after: { value: 12_700 } });
    socket.close();

    const log = await deliveries(env, web.id);
    const entry = log.find((e) => e.corrects === originalKey);
    expect(entry).toMatchObject({ status: 'delivered', code: 200, key: `${originalKey}_fix_${id}.c${n}` });
    expect(log.some((e) => e.key === originalKey && e.status === 'delivered')).toBe(true);
    console.log(`follow-up webhook body:\n${JSON.stringify(followUp, null, 2)}`);
    console.log(`follow-up delivery log of a corrected alert (${web.id}):\n${JSON.stringify(log, null, 2)}`);
  });

  it('a rejected figure says after: null; a correction that changes nothing alerted sends nothing', async () => {
    env = await startFollowUpEnv(redis.url);
    hook = await startReceiver();
    await subscribe(env, {
      name: 'troops',
      rule: { type: 'troops.above', threshold: 50_000 },
      channel: { type: 'webhook', url: hook.url },
    });
    const id = await report(env, `${TROOPS} Putin and Scholz will meet in Moscow on 15 February.`);
    await waitFor(async () => hook!.requests.length === 1, 15_000, 'the alert');

    // The meeting is corrected: no alert rested on it. The job that finds follow-ups ran and found none.
    const moved = await correct(env, id, { kind: 'meeting.set', index: 0, place: 'Berlin' });
    expect(await jobFinished(env.deliverQueue, factsJobId(id, moved))).toBe('0 follow-up(s)');
    // The figure "corrected" to what it was: nothing on the wall changed, so nothing is announced at all.
    const same = await correct(env, id, { kind: 'troop.set', index: 0, value: 127_000 });
    await jobFinished(env.ingestQueue, `${id}-fix-${same}`);
    expect(await env.deliverQueue.getJob(factsJobId(id, same))).toBeUndefined();
    await alertsSettled(redis.url, env.app.prefix);
    expect(hook.requests).toHaveLength(1);

    const rejected = await correct(env, id, { kind: 'troop.reject', index: 0 });
    await waitFor(async () => hook!.requests.length === 2, 15_000, 'the follow-up');
    expect(bodyOf(hook, 1)).toMatchObject({
      corrects: hook.requests[0].headers['idempotency-key'],
      before: { value: 127_000 },
      after: null,
      cause: { id: `c${rejected}` },
    });
    expect(bodyOf(hook, 1).body).toMatch(/withdrawn/);
  });

  it('a moved meeting: the meeting alert is followed up with the meeting as told and as now', async () => {
    env = await startFollowUpEnv(redis.url);
    hook = await startReceiver();
    await subscribe(env, {
      name: 'meetings',
      rule: { type: 'meeting.changed', changes: ['new'] },
      channel: { type: 'webhook', url: hook.url },
    });
    const id = await report(
      env,
      'Putin and Scholz will meet in Moscow on 15 February to discuss Ukraine, officials said.',
      '2022-02-01',
    );
    await waitFor(async () => hook!.requests.length === 1, 15_000, 'the alert');
    expect(bodyOf(hook, 0).title).toMatch(/New .*meeting/);

    await correct(env, id, { kind: 'meeting.set', index: 0, place: 'Berlin' });
    await waitFor(async () => hook!.requests.length === 2, 15_000, 'the follow-up');
    expect(bodyOf(hook, 1)).toMatchObject({
      type: 'alert.corrected',
      corrects: hook.requests[0].headers['idempotency-key'],
      fact: { kind: 'meeting', reportId: id },
      before: { place: 'Moscow', date: '2022-02-15' },
      after: { place: 'Berlin', date: '2022-02-15' },
    });
  });

  it('the hook other causes use: a verdict on a whole report reaches the alerts resting on it', async () => {
    env = await startFollowUpEnv(redis.url);
    hook = await startReceiver();
    await subscribe(env, {
      name: 'mentions',
      rule: { type: 'mention', terms: ['Zaporizhzhia'] },
      channel: { type: 'webhook', url: hook.url },
    });
    const id = await report(env, 'Shelling was reported near Zaporizhzhia on Monday, officials in Ukraine said.');
    await waitFor(async () => hook!.requests.length === 1, 15_000, 'the alert');
    // What a verdict of `false` on the report would call (docs/operations.md): once per verdict.
    const verdict = {
      reportId: id,
      cause: { type: 'verification' as const, id: 'v-report-1' },
      changes: [{ kind: 'report' as const, before: { verification: 'unverified' }, after: { verification: 'false' } }],
    };
    await announceFactChanges(env.deliverQueue, verdict);
    await announceFactChanges(env.deliverQueue, verdict);
    await waitFor(async () => hook!.requests.length === 2, 15_000, 'the follow-up');
    expect(bodyOf(hook, 1)).toMatchObject({
      type: 'alert.corrected',
      corrects: hook.requests[0].headers['idempotency-key'],
      fact: { kind: 'report', reportId: id },
      before: { verification: 'unverified' },
      after: { verification: 'false' },
      cause: { type: 'verification', id: 'v-report-1' },
    });
    expect(bodyOf(hook, 1).body).toMatch(/judged false/);
    await alertsSettled(redis.url, env.app.prefix);
    expect(hook.requests).toHaveLength(2);
  });
});
