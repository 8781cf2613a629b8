/**
 * Alert subscriptions end to end on real parts (the API and webhooks; e-mail and in-app in
 * alertsEmail.test.ts): real redis-server, real BullMQ, two worker
 * roles, real webhook receivers on loopback (node:http), a real SMTP server (smtp-server),
 * a real socket.io client. Subscribers are real accounts signed in through the accounts API
 * (tokens may not subscribe). Each test uses its own unique term so subscriptions never cross.
 */
import { describe, expect, it } from 'vitest';
import { DISPLAY_TOKEN, INGEST_TOKEN, postReport, waitFor } from './helpers/app.js';
import { alertsApp, report, SECRET, signature, term } from './helpers/alertsApp.js';
import { freePort } from './helpers/redisServer.js';

const t = alertsApp();

describe('subscriptions API', () => {
  it('creates, lists, hides the secret, refuses bad input and internal targets, and keeps users apart', async () => {
    const r = await t.receiver();
    const sub = await t.subscribe({
      name: 'Mentions',
      rule: { type: 'mention', terms: ['Geneva'] },
      channel: { type: 'webhook', url: r.url, secret: SECRET },
    });
    expect(sub.id).toMatch(/^[0-9a-f]{24}$/);
    expect(sub.channel).toEqual({ type: 'webhook', url: r.url, format: 'json', hasSecret: true });
    expect(JSON.stringify((await t.api('GET', '/api/subscriptions')).json)).not.toContain(SECRET);

    const bad = await t.api('POST', '/api/subscriptions', {
      name: 'x',
      rule: { type: 'tension.above', threshold: 300 },
      channel: { type: 'inapp' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_input');
    expect(bad.json.error.message).toContain('rule.threshold');

    const internal = await t.api('POST', '/api/subscriptions', {
      name: 'x',
      rule: { type: 'flag', flag: 'breaking' },
      channel: { type: 'webhook', url: 'http://169.254.169.254/latest' },
    });
    expect(internal.status).toBe(400);
    expect(internal.json.error.code).toBe('outbound_refused');

    // Another user can neither see, change nor delete it.
    const oscar = { cookie: t.other };
    expect((await t.api('GET', `/api/subscriptions/${sub.id}`, undefined, oscar)).status).toBe(404);
    expect((await t.api('GET', `/api/subscriptions/${sub.id}/deliveries`, undefined, oscar)).status).toBe(404);
    expect((await t.api('PATCH', `/api/subscriptions/${sub.id}`, { name: 'mine now' }, oscar)).status).toBe(404);
    expect((await t.api('DELETE', `/api/subscriptions/${sub.id}`, undefined, oscar)).status).toBe(404);
    expect((await t.api('GET', '/api/subscriptions', undefined, oscar)).json.subscriptions).toEqual([]);
    expect((await t.api('GET', `/api/subscriptions/${sub.id}`)).json.name).toBe('Mentions');
    expect((await fetch(`${t.app.url}/api/subscriptions`)).status).toBe(401);

    expect((await t.api('DELETE', `/api/subscriptions/${sub.id}`)).status).toBe(204);
    expect((await t.api('GET', `/api/subscriptions/${sub.id}`)).status).toBe(404);
  });

  it('refuses the display and ingest tokens (403, saying to sign in): subscriptions belong to people', async () => {
    const r = await t.receiver();
    const word = term();
    const input = {
      name: 'exfiltrate',
      throttleMinutes: 0,
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: r.url },
    };
    for (const token of [DISPLAY_TOKEN, INGEST_TOKEN]) {
      const created = await t.api('POST', '/api/subscriptions', input, { token });
      expect(created.status).toBe(403);
      expect(created.json.error.message).toMatch(/^Subscriptions belong to people: sign in/);
      const listed = await t.api('GET', '/api/subscriptions', undefined, { token });
      expect(listed.status).toBe(403);
      expect(listed.json.error.message).toMatch(/^Subscriptions belong to people: sign in/);
    }
    // Nothing was stored for anyone, so a matching report sends nothing to the would-be target.
    await postReport(t.app.url, report(word));
    await t.settled();
    expect(r.requests).toHaveLength(0);
  });
});

describe('webhook deliveries', () => {
  it('one change → exactly one signed webhook, even with two workers', async () => {
    const word = term();
    const r = await t.receiver();
    const sub = await t.subscribe({
      name: 'once',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: r.url, secret: SECRET },
    });
    const posted = await postReport(t.app.url, report(word));
    const { id } = (await posted.json()) as { id: string };
    await waitFor(async () => r.requests.length >= 1, 10_000, 'webhook');
    await t.settled(); // every change judged, every delivery done: a duplicate would be here by now
    expect(r.requests).toHaveLength(1);
    const [req] = r.requests;
    expect(req.headers['x-signature']).toBe(signature(req.body, req.headers['x-signature-timestamp']));
    expect(req.headers['idempotency-key']).toMatch(new RegExp(`^${sub.id}_desk_\\d+-\\d+$`));
    const body = JSON.parse(req.body);
    expect(body.title).toContain(word);
    expect(body.link).toBe(`http://desk.example.test/desk?report=${id}`);
    expect(body.subscription).toEqual({ id: sub.id, name: 'once' });
    const log = await waitFor(
      async () => {
        const d = await t.deliveries(sub.id);
        return d.some((e) => e.status === 'delivered') && d;
      },
      5000,
      'delivery log',
    );
    expect(log.filter((e) => e.status === 'delivered')).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'delivered', code: 200, attempt: 1 });
  });

  it('a receiver that answers 500 twice gets the alert on the third try with the same Idempotency-Key', async () => {
    const word = term();
    const r = await t.receiver(0, (_req, i) => (i < 2 ? 500 : 200));
    const sub = await t.subscribe({
      name: 'flaky',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: r.url, secret: SECRET },
    });
    await postReport(t.app.url, report(word));
    await waitFor(async () => r.requests.length >= 3, 15_000, 'third try');
    await t.settled();
    expect(r.requests.map((q) => q.answered)).toEqual([500, 500, 200]);
    expect(new Set(r.requests.map((q) => q.headers['idempotency-key'])).size).toBe(1);
    for (const q of r.requests)
      expect(q.headers['x-signature']).toBe(signature(q.body, q.headers['x-signature-timestamp']));
    const log = await waitFor(
      async () => {
        const d = await t.deliveries(sub.id);
        return d.length >= 3 && d;
      },
      5000,
      'log',
    );
    expect(log.map((e) => [e.status, e.attempt, e.code])).toEqual([
      ['delivered', 3, 200],
      ['retrying', 2, 500],
      ['retrying', 1, 500],
    ]);
  });

  it('a receiver down for several retries gets the alert once after it returns', { timeout: 60_000 }, async () => {
    const word = term();
    const port = await freePort();
    const sub = await t.subscribe({
      name: 'down',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: `http://127.0.0.1:${port}/hook` },
    });
    await postReport(t.app.url, report(word));
    // Down until the delivery has failed three times (backoff 0.3, 0.6, 1.2 s between them).
    await waitFor(
      async () => (await t.deliveries(sub.id)).filter((e) => e.status === 'retrying').length >= 3,
      20_000,
      'three failed tries',
    );
    const r = await t.receiver(port);
    await waitFor(async () => r.requests.length >= 1, 15_000, 'delivery after return');
    await t.settled();
    expect(r.requests).toHaveLength(1);
    const log = await t.deliveries(sub.id);
    expect(log[0].status).toBe('delivered');
    expect(log.filter((e) => e.status === 'retrying').length).toBeGreaterThanOrEqual(3);
    expect(log.some((e) => e.status === 'dead')).toBe(false);
  });

  it('a silenced subscription sends nothing (and logs it as suppressed)', async () => {
    const word = term();
    const silenced = await t.receiver();
    const control = await t.receiver();
    const quiet = await t.subscribe({
      name: 'silenced',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: silenced.url },
      silencedUntil: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await t.subscribe({
      name: 'control',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: control.url },
    });
    await postReport(t.app.url, report(word));
    await waitFor(async () => control.requests.length >= 1, 10_000, 'control webhook');
    await waitFor(
      async () => (await t.deliveries(quiet.id)).some((e) => e.status === 'suppressed'),
      5000,
      'suppressed entry',
    );
    await t.settled();
    expect(silenced.requests).toHaveLength(0);
  });

  it('throttles: the first alert goes out, the next is grouped for later', async () => {
    const word = term();
    const r = await t.receiver();
    const sub = await t.subscribe({
      name: 'throttled',
      throttleMinutes: 60,
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: r.url },
    });
    await postReport(t.app.url, report(word, 'first'));
    await waitFor(async () => r.requests.length >= 1, 10_000, 'first');
    await postReport(t.app.url, report(word, 'second'));
    await waitFor(
      async () => (await t.deliveries(sub.id)).some((e) => e.status === 'throttled'),
      10_000,
      'throttled entry',
    );
    expect(r.requests).toHaveLength(1);
  });

  it('median time from POST of a matching report to the webhook arriving (printed)', async () => {
    const word = term();
    const r = await t.receiver();
    await t.subscribe({
      name: 'latency',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: r.url, secret: SECRET },
    });
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = Date.now();
      await postReport(t.app.url, report(word, `round ${i}`));
      await waitFor(async () => r.requests.length >= i + 1, 10_000, `webhook ${i}`);
      times.push(r.requests[i].at - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `alerts: median POST→webhook ${times[10]} ms (min ${times[0]}, max ${times[19]}) over 20 reports, two workers`,
    );
    expect(r.requests).toHaveLength(20);
  });
});
