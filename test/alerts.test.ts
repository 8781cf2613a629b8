/**
 * Alert subscriptions end to end on real parts: real redis-server, real BullMQ, two worker
 * roles, real webhook receivers on loopback (node:http), a real SMTP server (smtp-server),
 * a real socket.io client. Subscribers are real accounts signed in through the accounts API
 * (tokens may not subscribe). Each test uses its own unique term so subscriptions never cross.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryEntry, SubscriptionView } from '../shared/alerts.js';
import type { Change } from '../shared/events.js';
import { ALERT_ENV } from './helpers/alertEnv.js';
import { alertsSettled } from './helpers/alertsSettled.js';
import { DISPLAY_TOKEN, INGEST_TOKEN, postReport, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { ADMIN_PASSWORD, call, cookieSocket, login, socketOutcome, userWithRole, type Caller } from './helpers/desk.js';
import { freePort, startRedis, type TestRedis } from './helpers/redisServer.js';
import { connectClient, connected } from './helpers/socketClient.js';
import { startReceiver, type WebhookReceiver } from './helpers/webhookReceiver.js';

const SECRET = 'test-webhook-secret';

let redis: TestRedis;
let app: TestApp;
/** Session cookies of two subscribers: a viewer (who runs most tests) and a journalist. */
let viewer: string;
let other: string;
let smtp: SMTPServer;
const mails: { to: string[]; raw: string }[] = [];
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  redis = await startRedis();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  app = await startTestApp(redis.url, {
    workers: 2,
    env: { ...ALERT_ENV, ADMIN_PASSWORD, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
  });
  const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
  viewer = await userWithRole(app.url, admin, 'vicky', 'viewer');
  other = await userWithRole(app.url, admin, 'oscar', 'journalist');
});
afterAll(async () => {
  for (const r of receivers) await r.close();
  await app?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await redis?.stop();
});

async function receiver(...args: Parameters<typeof startReceiver>): Promise<WebhookReceiver> {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

const term = () => `Zorvex${randomBytes(4).toString('hex')}`;
const report = (word: string, extra = '') => ({
  text: `Envoys met in ${word} on Monday ${randomBytes(3).toString('hex')}. Officials said talks would continue. ${extra}`,
  dateline: '2022-01-19',
  title: `Talks in ${word}`,
});

/** Calls the API as the viewer by default (session cookie, the app's Origin on writes), or as `who`. */
async function api(
  method: string,
  path: string,
  body?: unknown,
  who: Caller = { cookie: viewer },
  // Response shapes vary per call; each test reads the fields it asserts on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; json: any }> {
  const res = await call(app.url, method, path, who, body);
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}

async function subscribe(input: Record<string, unknown>): Promise<SubscriptionView> {
  const { status, json } = await api('POST', '/api/subscriptions', { throttleMinutes: 0, ...input });
  expect(status, JSON.stringify(json)).toBe(201);
  return json as SubscriptionView;
}

/** Gives back the code the confirmation e-mail of a subscription carried. */
async function confirmEmail(id: string): Promise<void> {
  const mail = await waitFor(async () => mails.find((m) => m.raw.includes(id) && /Code: /.test(m.raw)), 10_000, 'code');
  const code = /Code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(mail.raw)![1];
  const { status } = await api('POST', `/api/subscriptions/${id}/confirm`, { code });
  expect(status).toBe(200);
}

async function deliveries(id: string): Promise<DeliveryEntry[]> {
  return (await api('GET', `/api/subscriptions/${id}/deliveries`)).json.deliveries as DeliveryEntry[];
}

/** Decodes RFC 2047 Q-encoded words (what nodemailer uses for a subject with quotes). */
function decodeHeader(value: string): string {
  const q = (t: string) =>
    t.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_m, t: string) => q(t));
}

const settled = () => alertsSettled(redis.url, app.prefix);
/** What a receiver checks: HMAC-SHA256 of "<X-Signature-Timestamp>.<raw body>" (docs/security.md). */
const signature = (body: string, timestamp: string | string[] | undefined) =>
  `sha256=${createHmac('sha256', SECRET)
    .update(`${String(timestamp)}.${body}`)
    .digest('hex')}`;

describe('subscriptions API', () => {
  it('creates, lists, hides the secret, refuses bad input and internal targets, and keeps users apart', async () => {
    const r = await receiver();
    const sub = await subscribe({
      name: 'Mentions',
      rule: { type: 'mention', terms: ['Geneva'] },
      channel: { type: 'webhook', url: r.url, secret: SECRET },
    });
    expect(sub.id).toMatch(/^[0-9a-f]{24}$/);
    expect(sub.channel).toEqual({ type: 'webhook', url: r.url, format: 'json', hasSecret: true });
    expect(JSON.stringify((await api('GET', '/api/subscriptions')).json)).not.toContain(SECRET);

    const bad = await api('POST', '/api/subscriptions', {
      name: 'x',
      rule: { type: 'tension.above', threshold: 300 },
      channel: { type: 'inapp' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_input');
    expect(bad.json.error.message).toContain('rule.threshold');

    const internal = await api('POST', '/api/subscriptions', {
      name: 'x',
      rule: { type: 'flag', flag: 'breaking' },
      channel: { type: 'webhook', url: 'http://169.254.169.254/latest' },
    });
    expect(internal.status).toBe(400);
    expect(internal.json.error.code).toBe('outbound_refused');

    // Another user can neither see, change nor delete it.
    const oscar = { cookie: other };
    expect((await api('GET', `/api/subscriptions/${sub.id}`, undefined, oscar)).status).toBe(404);
    expect((await api('GET', `/api/subscriptions/${sub.id}/deliveries`, undefined, oscar)).status).toBe(404);
    expect((await api('PATCH', `/api/subscriptions/${sub.id}`, { name: 'mine now' }, oscar)).status).toBe(404);
    expect((await api('DELETE', `/api/subscriptions/${sub.id}`, undefined, oscar)).status).toBe(404);
    expect((await api('GET', '/api/subscriptions', undefined, oscar)).json.subscriptions).toEqual([]);
    expect((await api('GET', `/api/subscriptions/${sub.id}`)).json.name).toBe('Mentions');
    expect((await fetch(`${app.url}/api/subscriptions`)).status).toBe(401);

    expect((await api('DELETE', `/api/subscriptions/${sub.id}`)).status).toBe(204);
    expect((await api('GET', `/api/subscriptions/${sub.id}`)).status).toBe(404);
  });

  it('refuses the display and ingest tokens (403, saying to sign in): subscriptions belong to people', async () => {
    const r = await receiver();
    const word = term();
    const input = {
      name: 'exfiltrate',
      throttleMinutes: 0,
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: r.url },
    };
    for (const token of [DISPLAY_TOKEN, INGEST_TOKEN]) {
      const created = await api('POST', '/api/subscriptions', input, { token });
      expect(created.status).toBe(403);
      expect(created.json.error.message).toMatch(/^Subscriptions belong to people: sign in/);
      const listed = await api('GET', '/api/subscriptions', undefined, { token });
      expect(listed.status).toBe(403);
      expect(listed.json.error.message).toMatch(/^Subscriptions belong to people: sign in/);
    }
    // Nothing was stored for anyone, so a matching report sends nothing to the would-be target.
    await postReport(app.url, report(word));
    await settled();
    expect(r.requests).toHaveLength(0);
  });
});

describe('webhook deliveries', () => {
  it('one change → exactly one signed webhook, even with two workers', async () => {
    const word = term();
    const r = await receiver();
    const sub = await subscribe({
      name: 'once',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: r.url, secret: SECRET },
    });
    const posted = await postReport(app.url, report(word));
    const { id } = (await posted.json()) as { id: string };
    await waitFor(async () => r.requests.length >= 1, 10_000, 'webhook');
    await settled(); // every change judged, every delivery done: a duplicate would be here by now
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
        const d = await deliveries(sub.id);
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
    const r = await receiver(0, (_req, i) => (i < 2 ? 500 : 200));
    const sub = await subscribe({
      name: 'flaky',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: r.url, secret: SECRET },
    });
    await postReport(app.url, report(word));
    await waitFor(async () => r.requests.length >= 3, 15_000, 'third try');
    await settled();
    expect(r.requests.map((q) => q.answered)).toEqual([500, 500, 200]);
    expect(new Set(r.requests.map((q) => q.headers['idempotency-key'])).size).toBe(1);
    for (const q of r.requests)
      expect(q.headers['x-signature']).toBe(signature(q.body, q.headers['x-signature-timestamp']));
    const log = await waitFor(
      async () => {
        const d = await deliveries(sub.id);
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
    const sub = await subscribe({
      name: 'down',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: `http://127.0.0.1:${port}/hook` },
    });
    await postReport(app.url, report(word));
    // Down until the delivery has failed three times (backoff 0.3, 0.6, 1.2 s between them).
    await waitFor(
      async () => (await deliveries(sub.id)).filter((e) => e.status === 'retrying').length >= 3,
      20_000,
      'three failed tries',
    );
    const r = await receiver(port);
    await waitFor(async () => r.requests.length >= 1, 15_000, 'delivery after return');
    await settled();
    expect(r.requests).toHaveLength(1);
    const log = await deliveries(sub.id);
    expect(log[0].status).toBe('delivered');
    expect(log.filter((e) => e.status === 'retrying').length).toBeGreaterThanOrEqual(3);
    expect(log.some((e) => e.status === 'dead')).toBe(false);
  });

  it('a silenced subscription sends nothing (and logs it as suppressed)', async () => {
    const word = term();
    const silenced = await receiver();
    const control = await receiver();
    const quiet = await subscribe({
      name: 'silenced',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: silenced.url },
      silencedUntil: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await subscribe({
      name: 'control',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: control.url },
    });
    await postReport(app.url, report(word));
    await waitFor(async () => control.requests.length >= 1, 10_000, 'control webhook');
    await waitFor(
      async () => (await deliveries(quiet.id)).some((e) => e.status === 'suppressed'),
      5000,
      'suppressed entry',
    );
    await settled();
    expect(silenced.requests).toHaveLength(0);
  });

  it('throttles: the first alert goes out, the next is grouped for later', async () => {
    const word = term();
    const r = await receiver();
    const sub = await subscribe({
      name: 'throttled',
      throttleMinutes: 60,
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: r.url },
    });
    await postReport(app.url, report(word, 'first'));
    await waitFor(async () => r.requests.length >= 1, 10_000, 'first');
    await postReport(app.url, report(word, 'second'));
    await waitFor(
      async () => (await deliveries(sub.id)).some((e) => e.status === 'throttled'),
      10_000,
      'throttled entry',
    );
    expect(r.requests).toHaveLength(1);
  });

  it('median time from POST of a matching report to the webhook arriving (printed)', async () => {
    const word = term();
    const r = await receiver();
    await subscribe({
      name: 'latency',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'webhook', url: r.url, secret: SECRET },
    });
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = Date.now();
      await postReport(app.url, report(word, `round ${i}`));
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

describe('e-mail and in-app', () => {
  it('an address is sent nothing until it gives back the code mailed to it', async () => {
    const word = term();
    const sub = await subscribe({
      name: 'Mail me first',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'email', to: 'confirm@example.test' },
    });
    expect(sub.channel).toEqual({ type: 'email', to: 'confirm@example.test', confirmed: false });
    const asked = await waitFor(async () => mails.find((m) => m.raw.includes(sub.id)), 10_000, 'confirmation');
    expect(asked.to).toEqual(['confirm@example.test']);
    const code = /Code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(asked.raw)![1];
    // A report while unconfirmed: an in-app subscription on the same word hears of it; the address does not.
    const marker = await subscribe({
      name: 'marker',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'inapp' },
    });
    const before = (await (await postReport(app.url, report(word, 'before'))).json()) as { id: string };
    await waitFor(async () => (await deliveries(marker.id)).some((e) => e.status === 'delivered'), 10_000, 'marker');
    expect((await api('POST', `/api/subscriptions/${sub.id}/confirm`, { code: 'AAAA-AAAA' })).status).toBe(400);
    const confirmed = await api('POST', `/api/subscriptions/${sub.id}/confirm`, { code: code.toLowerCase() });
    expect(confirmed.status, JSON.stringify(confirmed.json)).toBe(200);
    expect((confirmed.json as SubscriptionView).channel).toMatchObject({ confirmed: true });
    const after = (await (await postReport(app.url, report(word, 'after'))).json()) as { id: string };
    const unwrapped = (raw: string) => raw.replace(/=\r\n/g, ''); // quoted-printable soft line breaks
    await waitFor(
      async () => mails.find((m) => unwrapped(m.raw).includes(after.id)),
      10_000,
      'alert after confirmation',
    );
    expect(mails.some((m) => unwrapped(m.raw).includes(before.id))).toBe(false);
  });

  it('an e-mail arrives at the SMTP server with a readable subject, plain body and a link to the report', async () => {
    const word = term();
    const sub = await subscribe({
      name: 'Mail me',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'email', to: 'desk@example.test' },
    });
    await confirmEmail(sub.id);
    const { id } = (await (await postReport(app.url, report(word))).json()) as { id: string };
    const mail = await waitFor(async () => mails.find((m) => m.raw.includes(word)), 10_000, 'mail');
    expect(mail.to).toEqual(['desk@example.test']);
    const unfolded = mail.raw.replace(/\r\n[ \t]/g, ' ');
    const subject = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
    expect(decodeHeader(subject)).toBe(`[Crisis Desk] "${word}" in: Talks in ${word}`);
    expect(unfolded).toMatch(/^Content-Type: text\/plain/m);
    const text = unfolded
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    expect(text).toContain(`Read more: http://desk.example.test/desk?report=${id}`);
    expect(text).toContain('You get this because of your alert "Mail me"');
    expect(text).toContain('Silence or change it at http://desk.example.test/alerts');
    await waitFor(
      async () => (await deliveries(sub.id)).some((e) => e.status === 'delivered' && e.code === 250),
      5000,
      'logged',
    );
  });

  it("an in-app alert reaches the subscriber's session socket as alert.fired, and no one else's", async () => {
    const word = term();
    // Sockets authenticated as a browser is: by the session cookie. The other user and a wall are watching too.
    const [mine, theirs] = [cookieSocket(app.url, viewer), cookieSocket(app.url, other)];
    const seen = new Map<typeof mine, Change[]>();
    const snapshots = new Set<typeof mine>();
    for (const socket of [mine, theirs]) {
      seen.set(socket, []);
      socket.on('change', (c) => seen.get(socket)!.push(c));
      socket.on('snapshot', () => snapshots.add(socket));
    }
    // A display token on the desk stream: every report, but no user, so no in-app alert.
    const wall = connectClient(app.url, { token: DISPLAY_TOKEN, desk: true });
    expect(await Promise.all([mine, theirs].map(socketOutcome))).toEqual(['connected', 'connected']);
    await connected(wall);
    await waitFor(async () => snapshots.size === 2 && wall.snapshots.length > 0, 5000, 'snapshots');
    const sub = await subscribe({
      name: 'toast',
      rule: { type: 'mention', terms: [word] },
      channel: { type: 'inapp' },
    });
    await postReport(app.url, report(word));
    const isMine = (c: Change) => c.type === 'alert.fired' && c.subscriptionId === sub.id;
    const [fired] = await waitFor(
      async () => seen.get(mine)!.some(isMine) && seen.get(mine)!.filter(isMine),
      10_000,
      'alert.fired',
    );
    expect(fired).toMatchObject({ type: 'alert.fired', userId: 'vicky' });
    if (fired.type === 'alert.fired') expect(fired.title).toContain(word);
    // Everything sent; then one more report: once every socket has it (changes come in seq order),
    // any second alert.fired, or one for the wrong user, would have come before it.
    await settled();
    const { id: sentinel } = (await (await postReport(app.url, report(term()))).json()) as { id: string };
    const hasSentinel = (changes: Change[]) => changes.some((c) => c.type === 'report.added' && c.id === sentinel);
    await waitFor(
      async () => hasSentinel(seen.get(mine)!) && hasSentinel(seen.get(theirs)!) && hasSentinel(wall.changes),
      10_000,
      'every socket read past the alert',
    );
    expect(seen.get(mine)!.filter(isMine)).toHaveLength(1);
    expect(seen.get(theirs)!.filter(isMine)).toEqual([]);
    expect(wall.changes.filter(isMine)).toEqual([]);
    // The wall did get the report itself: it was listening, so silence above means something.
    expect(wall.changes.some((c) => c.type === 'report.added')).toBe(true);
    for (const socket of [mine, theirs]) socket.close();
    wall.close();
  });
});
