/**
 * Alerts per crisis, on real parts: a subscription names its crisis or watches them all, and is
 * told only of what happens there; the alert says which crisis it is about.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriptionView } from '../shared/alerts.js';
import { ALERT_ENV } from './helpers/alertEnv.js';
import { postReport, RUSSIA_UKRAINE, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, login, userWithRole } from './helpers/desk.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { startReceiver, type WebhookReceiver } from './helpers/webhookReceiver.js';

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
let app: TestApp;
let viewer: string;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, { env: { ...ALERT_ENV, ADMIN_PASSWORD }, crises: [RUSSIA_UKRAINE, KASHMIR] });
  viewer = await userWithRole(app.url, await login(app.url, 'admin', ADMIN_PASSWORD), 'vera', 'viewer');
});
afterAll(async () => {
  for (const r of receivers) await r.close();
  await app.close();
  await redis.stop();
});

async function subscribe(name: string, crisis?: string): Promise<{ sub: SubscriptionView; hook: WebhookReceiver }> {
  const hook = await startReceiver();
  receivers.push(hook);
  const res = await call(
    app.url,
    'POST',
    '/api/subscriptions',
    { cookie: viewer },
    {
      name,
      ...(crisis ? { crisis } : {}),
      rule: { type: 'troops.above', threshold: 5_000 },
      channel: { type: 'webhook', url: hook.url },
      throttleMinutes: 0,
    },
  );
  expect(res.status).toBe(201);
  return { sub: (await res.json()) as SubscriptionView, hook };
}

const titles = (hook: WebhookReceiver) => hook.requests.map((r) => (JSON.parse(r.body) as { title: string }).title);

describe('alerts per crisis', () => {
  it('a subscription hears of its crisis only; one for every crisis hears of each, named', async () => {
    const ukraine = await subscribe('ukraine troops', 'russia-ukraine');
    const kashmir = await subscribe('kashmir troops', 'kashmir');
    const all = await subscribe('any troops');
    expect(ukraine.sub).toMatchObject({ crisis: 'russia-ukraine' });

    await postReport(app.url, {
      text: 'India has moved about 10,000 troops into Kashmir near the Line of Control, officials said.',
      dateline: '2022-01-19',
    });
    await waitFor(
      async () => kashmir.hook.requests.length === 1 && all.hook.requests.length === 1,
      15_000,
      'kashmir alerts',
    );
    expect(titles(kashmir.hook)[0]).toMatch(/^Kashmir: Troop estimate at 10,000/);
    expect(titles(all.hook)[0]).toMatch(/^Kashmir: /);

    await postReport(app.url, {
      text: 'Officials said Russia has about 127,000 troops near the border with Ukraine.',
      dateline: '2022-01-19',
    });
    await waitFor(
      async () => ukraine.hook.requests.length === 1 && all.hook.requests.length === 2,
      15_000,
      'ukraine alerts',
    );
    // The Ukraine subscription was live (it heard its own crisis) and never heard of Kashmir.
    expect(titles(ukraine.hook)).toEqual([expect.stringMatching(/^Russia–Ukraine: Troop estimate at 127,000/)]);
    expect(titles(kashmir.hook)).toHaveLength(1);
    expect(titles(all.hook)[1]).toMatch(/^Russia–Ukraine: /);
    // Idempotency keys name the stream the change came from.
    expect(ukraine.hook.requests[0].headers['idempotency-key']).toMatch(
      new RegExp(`^${ukraine.sub.id}_russia-ukraine_`),
    );
  });

  it('refuses a subscription to a crisis that does not exist, naming it', async () => {
    const res = await call(
      app.url,
      'POST',
      '/api/subscriptions',
      { cookie: viewer },
      { name: 'x', crisis: 'atlantis', rule: { type: 'troops.above', threshold: 1 }, channel: { type: 'inapp' } },
    );
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('"atlantis"');
  });
});
