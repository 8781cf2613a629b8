/**
 * The alerts tests' app: a Redis, an SMTP server that keeps what it is sent, the real app with two
 * workers and alerting on, and two subscribers (a viewer and a journalist), with the calls the
 * tests make. `alertsApp()` registers the hooks that start and stop it, per test file.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DeliveryEntry, SubscriptionView } from '../../shared/alerts.js';
import { ALERT_ENV } from './alertEnv.js';
import { alertsSettled } from './alertsSettled.js';
import { startTestApp, waitFor, type TestApp } from './app.js';
import { ADMIN_PASSWORD, call, login, userWithRole, type Caller } from './desk.js';
import { startRedis, type TestRedis } from './redisServer.js';
import { startReceiver, type WebhookReceiver } from './webhookReceiver.js';

export const SECRET = 'test-webhook-secret';

export function alertsApp() {
  let redis: TestRedis;
  const t = {
    app: undefined as unknown as TestApp,
    /** Session cookies of two subscribers: a viewer (who runs most tests) and a journalist. */
    viewer: '',
    other: '',
    mails: [] as { to: string[]; raw: string }[],
  };
  let smtp: SMTPServer;
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
          t.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    t.app = await startTestApp(redis.url, {
      workers: 2,
      env: { ...ALERT_ENV, ADMIN_PASSWORD, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
    });
    const admin = await login(t.app.url, 'admin', ADMIN_PASSWORD);
    t.viewer = await userWithRole(t.app.url, admin, 'vicky', 'viewer');
    t.other = await userWithRole(t.app.url, admin, 'oscar', 'journalist');
  });
  afterAll(async () => {
    for (const r of receivers) await r.close();
    await t.app?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await redis?.stop();
  });

  /** Calls the API as the viewer by default (session cookie, the app's Origin on writes), or as `who`. */
  async function api(
    method: string,
    path: string,
    body?: unknown,
    who: Caller = { cookie: t.viewer },
    // Response shapes vary per call; each test reads the fields it asserts on.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<{ status: number; json: any }> {
    const res = await call(t.app.url, method, path, who, body);
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  }

  async function subscribe(input: Record<string, unknown>): Promise<SubscriptionView> {
    const { status, json } = await api('POST', '/api/subscriptions', { throttleMinutes: 0, ...input });
    expect(status, JSON.stringify(json)).toBe(201);
    return json as SubscriptionView;
  }

  return Object.assign(t, {
    api,
    subscribe,
    async receiver(...args: Parameters<typeof startReceiver>): Promise<WebhookReceiver> {
      const r = await startReceiver(...args);
      receivers.push(r);
      return r;
    },
    /** Gives back the code the confirmation e-mail of a subscription carried. */
    async confirmEmail(id: string): Promise<void> {
      const mail = await waitFor(
        async () => t.mails.find((m) => m.raw.includes(id) && /Code: /.test(m.raw)),
        10_000,
        'code',
      );
      const code = /Code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(mail.raw)![1];
      const { status } = await api('POST', `/api/subscriptions/${id}/confirm`, { code });
      expect(status).toBe(200);
    },
    async deliveries(id: string): Promise<DeliveryEntry[]> {
      return (await api('GET', `/api/subscriptions/${id}/deliveries`)).json.deliveries as DeliveryEntry[];
    },
    settled: () => alertsSettled(redis.url, t.app.prefix),
  });
}

export const term = () => `Zorvex${randomBytes(4).toString('hex')}`;
export const report = (word: string, extra = '') => ({
  text: `Envoys met in ${word} on Monday ${randomBytes(3).toString('hex')}. Officials said talks would continue. ${extra}`,
  dateline: '2022-01-19',
  title: `Talks in ${word}`,
});

/** Decodes RFC 2047 Q-encoded words (what nodemailer uses for a subject with quotes). */
export function decodeHeader(value: string): string {
  const q = (s: string) =>
    s.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_m, s: string) => q(s));
}

/** What a receiver checks: HMAC-SHA256 of "<X-Signature-Timestamp>.<raw body>" (docs/security.md). */
export const signature = (body: string, timestamp: string | string[] | undefined) =>
  `sha256=${createHmac('sha256', SECRET)
    .update(`${String(timestamp)}.${body}`)
    .digest('hex')}`;
