/**
 * Follow-ups of alerts that went out in a digest, on real parts (webhook receiver, SMTP sink,
 * Redis, BullMQ, two worker roles). A throttled subscription is told of one meeting at once and
 * of the next two in one digest when its window ends (a throttle minute lasts a few seconds here:
 * ALERTS_THROTTLE_MINUTE_MS). A correction of a meeting the digest told of reaches the subscriber
 * once, on the same channel, naming the digest's Idempotency-Key: the key they were sent, not the
 * key of the grouped alert, which never left the server. A correction made while the meeting still
 * waits in the digest is followed up once, after the digest.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryEntry } from '../shared/alerts.js';
import { alertsSettled } from './helpers/alertsSettled.js';
import { waitFor } from './helpers/app.js';
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

/** One throttle minute: long enough to group two reports posted together, short enough to wait out. */
const MINUTE_MS = 5000;

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

const DATELINE = '2022-02-01';
const FIRST = 'Putin and Scholz will meet in Moscow on 15 February to discuss Ukraine, officials said.';
// Both sides named, so each report is routed to the Russia–Ukraine crisis, whose wall has the meetings.
const GROUPED = [
  'Putin and Macron will meet in Warsaw on 20 February to discuss Russia and Ukraine, officials said.',
  'Lavrov and Blinken will meet in Geneva on 25 February to discuss Russia and Ukraine, officials said.',
];
const rule = { type: 'meeting.changed', changes: ['new'] };

type Body = Record<string, unknown> & { items?: { reportId: string; title: string }[] };
const bodyOf = (r: WebhookReceiver, i: number) => JSON.parse(r.requests[i].body) as Body;
const keyOf = (r: WebhookReceiver, i: number) => String(r.requests[i].headers['idempotency-key']);
const followUps = (r: WebhookReceiver) => r.requests.filter((q) => /"alert\.corrected"/.test(q.body));
/** A header's value, unfolded (nodemailer folds long ones onto the next line). */
const header = (raw: string, name: string) =>
  new RegExp(`^${name}: *(.+)$`, 'mi').exec(raw.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim();

async function throttled(env: FollowUpEnv, id: string, count: number): Promise<DeliveryEntry[]> {
  return waitFor(
    async () => {
      const held = (await deliveries(env, id)).filter((e) => e.status === 'throttled');
      return held.length === count && held;
    },
    15_000,
    `${count} alerts grouped for ${id}`,
  ).catch(async (err: Error) => {
    throw new Error(`${err.message}; the log: ${JSON.stringify(await deliveries(env, id))}`);
  });
}

describe('follow-ups of alerts grouped into a digest', () => {
  it('a correction after the digest went out names the digest, on webhook and e-mail, once', async () => {
    env = await startFollowUpEnv(redis.url, undefined, { ALERTS_THROTTLE_MINUTE_MS: String(MINUTE_MS) });
    hook = await startReceiver();
    const web = await subscribe(env, {
      name: 'meetings hook',
      rule,
      throttleMinutes: 1,
      channel: { type: 'webhook', url: hook.url },
    });
    const mail = await subscribe(env, {
      name: 'meetings mail',
      rule,
      throttleMinutes: 1,
      channel: { type: 'email', to: 'desk@example.test' },
    });
    await confirmEmail(env, mail.id);
    const alertMails = () => env!.mails.filter((m) => /meeting/i.test(m.raw) && !/Code: /.test(m.raw));

    // The first meeting opens each subscription's window; the next two are grouped until it ends.
    await report(env, FIRST, DATELINE);
    await waitFor(async () => hook!.requests.length === 1 && alertMails().length === 1, 15_000, 'the first alerts');
    const ids = [await report(env, GROUPED[0], DATELINE), await report(env, GROUPED[1], DATELINE)];
    const heldWeb = await throttled(env, web.id, 2);
    await throttled(env, mail.id, 2);
    expect(hook.requests).toHaveLength(1);

    await waitFor(async () => hook!.requests.length === 2 && alertMails().length === 2, 15_000, 'the digests');
    const digest = bodyOf(hook, 1);
    const digestKey = keyOf(hook, 1);
    expect(digest.type).toBe('alert.digest');
    expect(digest.id).toBe(digestKey);
    expect(digest.items!.map((i) => i.reportId).sort()).toEqual([...ids].sort());
    // The grouped alerts' own keys never reached the subscriber: only the digest's did.
    expect(heldWeb.map((e) => e.key)).not.toContain(digestKey);
    const digestMail = alertMails()[1];
    expect(digestMail.raw).toMatch(/Warsaw/);

    const n = await correct(env, ids[0], { kind: 'meeting.set', index: 0, place: 'Berlin' });
    expect(await jobFinished(env.deliverQueue, factsJobId(ids[0], n))).toBe('2 follow-up(s)');
    await waitFor(async () => followUps(hook!).length === 1, 15_000, 'the webhook follow-up');
    const followUp = JSON.parse(followUps(hook)[0].body) as Body;
    expect(followUp).toMatchObject({
      type: 'alert.corrected',
      corrects: digestKey,
      fact: { kind: 'meeting', reportId: ids[0] },
      before: { place: 'Warsaw', date: '2022-02-20' },
      after: { place: 'Berlin', date: '2022-02-20' },
      cause: { type: 'correction', id: `c${n}` },
    });
    expect(followUps(hook)[0].headers['idempotency-key']).toBe(`${digestKey}_fix_${ids[0]}.c${n}`);
    // What the subscriber can match it with: a key they were sent, and the item of that digest.
    expect(hook.requests.map((r) => r.headers['idempotency-key'])).toContain(followUp.corrects);
    expect(digest.items!.some((i) => i.reportId === (followUp.fact as { reportId: string }).reportId)).toBe(true);
    // Which of the grouped alerts it corrects, in words, for a person reading the digest.
    const warsaw = digest.items!.find((i) => i.reportId === ids[0])!;
    expect(followUp.title).toBe(`Correction: ${warsaw.title}`);
    expect(followUp.body).toContain(warsaw.title);

    const reply = await waitFor(async () => env!.mails.find((m) => /^In-Reply-To:/im.test(m.raw)), 15_000, 'reply');
    expect(header(reply.raw, 'In-Reply-To')).toBe(header(digestMail.raw, 'Message-ID'));
    expect(header(reply.raw, 'X-Crisis-Desk-Corrects')).toBe(
      (await deliveries(env, mail.id)).find((e) => e.status === 'delivered' && /^\d+ alerts/.test(e.title))?.key,
    );

    const log = await deliveries(env, web.id);
    expect(log.filter((e) => e.corrects !== undefined)).toEqual([
      expect.objectContaining({
        status: 'delivered',
        code: 200,
        corrects: digestKey,
        key: `${digestKey}_fix_${ids[0]}.c${n}`,
      }),
    ]);
    expect(log.some((e) => e.key === digestKey && e.status === 'delivered')).toBe(true);

    await alertsSettled(redis.url, env.app.prefix);
    expect(followUps(hook)).toHaveLength(1);
    expect(env.mails.filter((m) => /^In-Reply-To:/im.test(m.raw))).toHaveLength(1);
    console.log(`follow-up of a digest, webhook body:\n${JSON.stringify(followUp, null, 2)}`);
  });

  it('a correction while the meeting waits in the digest: one follow-up, after the digest', async () => {
    env = await startFollowUpEnv(redis.url, undefined, { ALERTS_THROTTLE_MINUTE_MS: String(MINUTE_MS) });
    hook = await startReceiver();
    const web = await subscribe(env, {
      name: 'meetings hook',
      rule,
      // Two throttle minutes: room for the correction to go by before the window ends.
      throttleMinutes: 2,
      channel: { type: 'webhook', url: hook.url },
    });
    await report(env, FIRST, DATELINE);
    await waitFor(async () => hook!.requests.length === 1, 15_000, 'the first alert');
    const ids = [await report(env, GROUPED[0], DATELINE), await report(env, GROUPED[1], DATELINE)];
    await throttled(env, web.id, 2);

    // The correction's facts job finds no delivered alert resting on the meeting: it is still
    // grouped. It remembers the change for the digest.
    const n = await correct(env, ids[0], { kind: 'meeting.set', index: 0, place: 'Berlin' });
    expect(await jobFinished(env.deliverQueue, factsJobId(ids[0], n))).toBe('0 follow-up(s)');
    expect(hook.requests).toHaveLength(1);
    expect((await deliveries(env, web.id)).filter((e) => e.corrects !== undefined)).toEqual([]);

    await waitFor(async () => followUps(hook!).length === 1, 30_000, 'the follow-up');
    // The digest (told as judged, with Warsaw) went first, then the follow-up naming it.
    expect(hook.requests).toHaveLength(3);
    const digest = bodyOf(hook, 1);
    const digestKey = keyOf(hook, 1);
    expect(digest.type).toBe('alert.digest');
    expect(digest.items!.map((i) => i.reportId).sort()).toEqual([...ids].sort());
    expect(JSON.stringify(digest.items)).toMatch(/Warsaw/);
    expect(bodyOf(hook, 2)).toMatchObject({
      type: 'alert.corrected',
      corrects: digestKey,
      fact: { kind: 'meeting', reportId: ids[0] },
      before: { place: 'Warsaw' },
      after: { place: 'Berlin' },
      cause: { type: 'correction', id: `c${n}` },
    });
    expect(hook.requests[2].at).toBeGreaterThanOrEqual(hook.requests[1].at);

    await alertsSettled(redis.url, env.app.prefix);
    expect(followUps(hook)).toHaveLength(1);
    const log = await deliveries(env, web.id);
    expect(log.filter((e) => e.corrects !== undefined)).toEqual([
      expect.objectContaining({ status: 'delivered', corrects: digestKey, key: `${digestKey}_fix_${ids[0]}.c${n}` }),
    ]);
  });
});
