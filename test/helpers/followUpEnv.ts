/**
 * What the follow-up tests share: a real app (fresh key prefix: its own crisis state) with two
 * workers, a real SMTP sink (smtp-server, in-process), a subscriber (viewer) and a journalist
 * who corrects, and ways to wait on the deliver queue's jobs instead of sleeping.
 */
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SMTPServer } from 'smtp-server';
import type { DeliveryEntry, SubscriptionView } from '../../shared/alerts.js';
import type { DeliverJob, DeliverQueue } from '../../server/queues/deliverProducer.js';
import { DELIVER_QUEUE, INGEST_QUEUE } from '../../server/queues/names.js';
import { ALERT_ENV } from './alertEnv.js';
import { postReport, startTestApp, waitFor, type TestApp } from './app.js';
import { ADMIN_PASSWORD, call, login, userWithRole } from './desk.js';
import type { WorkerRoleOptions } from '../../server/roles/worker.js';

export type Mail = { to: string[]; raw: string };

export type FollowUpEnv = {
  app: TestApp;
  viewer: string;
  journalist: string;
  mails: Mail[];
  deliverQueue: DeliverQueue;
  ingestQueue: Queue;
  close(): Promise<void>;
};

export async function startSmtpSink(mails: Mail[]): Promise<{ url: string; close(): Promise<void> }> {
  const smtp = new SMTPServer({
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
  const port = (smtp.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

/** `env`: more of the app's environment (e.g. a short ALERTS_THROTTLE_MINUTE_MS). */
export async function startFollowUpEnv(
  redisUrl: string,
  workerOptions?: WorkerRoleOptions,
  env: Record<string, string> = {},
): Promise<FollowUpEnv> {
  const mails: Mail[] = [];
  const smtp = await startSmtpSink(mails);
  const app = await startTestApp(redisUrl, {
    workers: 2,
    workerOptions,
    env: { ...ALERT_ENV, ADMIN_PASSWORD, SMTP_URL: smtp.url, ...env },
  });
  const admin = await login(app.url, 'admin', ADMIN_PASSWORD);
  const viewer = await userWithRole(app.url, admin, 'vera', 'viewer');
  const journalist = await userWithRole(app.url, admin, 'jonas', 'journalist');
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = `{${app.prefix}}`;
  const deliverQueue: DeliverQueue = new Queue<DeliverJob>(DELIVER_QUEUE, { connection, prefix });
  const ingestQueue = new Queue(INGEST_QUEUE, { connection, prefix });
  return {
    app,
    viewer,
    journalist,
    mails,
    deliverQueue,
    ingestQueue,
    async close() {
      await deliverQueue.close();
      await ingestQueue.close();
      connection.disconnect();
      await app.close();
      await smtp.close();
    },
  };
}

// Response shapes vary per call; each test reads the fields it asserts on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export async function api(env: FollowUpEnv, method: string, path: string, body?: unknown, cookie = env.viewer) {
  const res = await call(env.app.url, method, path, { cookie }, body);
  return { status: res.status, json: (res.status === 204 ? null : await res.json()) as Json };
}

export async function subscribe(env: FollowUpEnv, input: Record<string, unknown>): Promise<SubscriptionView> {
  const { status, json } = await api(env, 'POST', '/api/subscriptions', { throttleMinutes: 0, ...input });
  if (status !== 201) throw new Error(`subscribe: ${status} ${JSON.stringify(json)}`);
  return json as SubscriptionView;
}

/** Gives back the code the confirmation e-mail of a subscription carried. */
export async function confirmEmail(env: FollowUpEnv, id: string): Promise<void> {
  const mail = await waitFor(
    async () => env.mails.find((m) => m.raw.includes(id) && /Code: /.test(m.raw)),
    10_000,
    'confirmation code',
  );
  const code = /Code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(mail.raw)![1];
  const { status } = await api(env, 'POST', `/api/subscriptions/${id}/confirm`, { code });
  if (status !== 200) throw new Error(`confirm: ${status}`);
}

export async function deliveries(env: FollowUpEnv, id: string): Promise<DeliveryEntry[]> {
  return (await api(env, 'GET', `/api/subscriptions/${id}/deliveries`)).json.deliveries as DeliveryEntry[];
}

/** POSTs a report; resolves with its id. */
export async function report(env: FollowUpEnv, text: string, dateline = '2022-01-19'): Promise<string> {
  const res = await postReport(env.app.url, { text, dateline });
  return ((await res.json()) as { id: string }).id;
}

/** A journalist's correction; resolves with its position in the report's list. */
export async function correct(env: FollowUpEnv, reportId: string, correction: unknown): Promise<number> {
  const { status, json } = await api(
    env,
    'POST',
    `/api/reports/${reportId}/corrections`,
    { correction },
    env.journalist,
  );
  if (status !== 202) throw new Error(`correction: ${status} ${JSON.stringify(json)}`);
  return json.n as number;
}

/** Waits until a job has finished in a queue and resolves with what it returned. */
export async function jobFinished<T>(queue: Queue<T>, jobId: string, timeoutMs = 20_000): Promise<unknown> {
  return waitFor(
    async () => {
      const job = await queue.getJob(jobId);
      if (!job) return null;
      const state = await job.getState();
      if (state === 'failed' && job.attemptsMade >= (job.opts.attempts ?? 1))
        throw new Error(`job ${jobId} failed: ${job.failedReason}`);
      if (state !== 'completed') return null;
      // Read again: the job may have completed between the first read and the state's.
      return { value: (await queue.getJob(jobId))?.returnvalue as unknown };
    },
    timeoutMs,
    `job ${jobId}`,
  ).then((r) => r.value);
}

/** The "facts" job a correction announces (server/alerts/followUps.ts). */
export const factsJobId = (reportId: string, n: number) => `facts_${reportId}_c${n}`;
