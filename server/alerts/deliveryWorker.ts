/**
 * The BullMQ worker on "deliver": silences, then the throttle gate, then the channel.
 * Retries with capped exponential backoff; after the last attempt (or a permanent refusal)
 * the job is failed in BullMQ — the dead-letter state — and the delivery log says "dead".
 *
 * "Delivered once" on an at-least-once queue: a marker is set right after a channel
 * succeeds and checked before every attempt, so no request is sent after a success was
 * recorded. A worker killed between the receiver's 2xx and the marker makes the job run
 * again with the same Idempotency-Key: receivers de-duplicate on it.
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  alertKey,
  CAPPED_EXPONENTIAL,
  cappedBackoff,
  type DeliverJob,
  type DeliverQueue,
} from '../queues/deliverProducer.js';
import { DELIVER_QUEUE } from '../queues/names.js';
import type { DeliveryLog } from '../storage/deliveryLog.js';
import type { Keys } from '../storage/keys.js';
import type { SubscriptionStore } from '../storage/subscriptionStore.js';
import type { SentAlertStore } from '../storage/sentAlertStore.js';
import type { ChannelRegistry } from './channels/index.js';
import { rememberDelivered, runFactsJob, runFollowUpJob } from './followUpDelivery.js';
import { seqMs } from './memo.js';
import type { FollowUpPlanDeps } from './followUps.js';
import { composeDigest, isSilenced, MARKER_TTL_SECONDS, type AlertGate } from './throttle.js';
import { DeliveryFailed, type AlertContent, type OutgoingAlert, type Subscription } from './types.js';

export type DeliveryDeps = Omit<FollowUpPlanDeps, 'sent'> & {
  /** Which delivered alert rested on which fact, for follow-ups. */
  sent: SentAlertStore;
  redis: Redis;
  keys: Keys;
  subscriptions: SubscriptionStore;
  gate: AlertGate;
  deliveries: DeliveryLog;
  channels: ChannelRegistry;
  /** Where digests are scheduled. */
  queue: DeliverQueue;
  publicUrl: string;
  log: Logger;
};

export type DeliveryWorkerOptions = {
  connection: Redis;
  prefix: string;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  backoffMs: number;
  backoffMaxMs: number;
};

/**
 * The time of the state an alert was judged on: its change's, for an evaluator judging late still
 * judged the state of then; the firing time for a sweep's alert, which has no change.
 */
export function judgedOn(changeSeq: string, firedAt: string): number {
  return changeSeq ? seqMs(changeSeq) : Date.parse(firedAt);
}

/** The page a person opens from an alert: the report on the desk, or the alerts page. */
export function alertLink(publicUrl: string, reportId: string | undefined): string {
  return reportId ? `${publicUrl}/desk?report=${encodeURIComponent(reportId)}` : `${publicUrl}/alerts`;
}

export function createDeliveryProcessor(deps: DeliveryDeps) {
  const marker = (key: string) => deps.keys.alertMarker(key);
  const mark = (key: string, value: string) => deps.redis.set(marker(key), value, 'EX', MARKER_TTL_SECONDS);

  async function scheduleDigest(subscriptionId: string, flushAt: number): Promise<void> {
    const key = alertKey(subscriptionId, 'digest', String(flushAt));
    await deps.queue.add(
      'digest',
      { kind: 'digest', subscriptionId, key },
      { jobId: key, delay: Math.max(0, flushAt - Date.now()) },
    );
  }

  /** The confirmation e-mail: the code, and where to give it back. */
  async function sendConfirmation(
    job: Extract<DeliverJob, { kind: 'confirm' }>,
    sub: Subscription,
    attempt: number,
    attempts: number,
  ): Promise<string> {
    if (sub.channel.type !== 'email' || sub.channel.confirmedAt) return 'nothing to confirm';
    const link = `${deps.publicUrl}/alerts?confirm=${encodeURIComponent(sub.id)}&code=${encodeURIComponent(job.code)}`;
    const message: OutgoingAlert = {
      key: job.key,
      subscriptionId: sub.id,
      subscriptionName: sub.name,
      changeSeq: '',
      link,
      firedAt: new Date().toISOString(),
      plain: true,
      title: 'Confirm this address for Crisis Desk alerts',
      body: [
        `${sub.owner} asked Crisis Desk to send the alerts "${sub.name}" to ${sub.channel.to}.`,
        `Nothing is sent to this address until the code below is given back.`,
        '',
        `Code: ${job.code}`,
        '',
        `Enter it on the alerts page, or open: ${link}`,
        'If you did not expect this, ignore it: no alert will be sent to you.',
      ].join('\n'),
    };
    try {
      const receipt = await deps.channels.email.deliver(message, sub, attempt);
      await deps.deliveries.record(sub.id, {
        key: job.key,
        status: 'delivered',
        attempt,
        title: 'confirmation e-mail',
        code: receipt.code,
      });
      return 'confirmation sent';
    } catch (err) {
      const failed = err instanceof DeliveryFailed ? err : new DeliveryFailed((err as Error).message);
      const final = failed.permanent || attempt >= attempts;
      await deps.deliveries.record(sub.id, {
        key: job.key,
        status: final ? 'dead' : 'retrying',
        attempt,
        title: 'confirmation e-mail',
        code: failed.code,
        error: failed.message,
      });
      throw failed.permanent ? new UnrecoverableError(failed.message) : failed;
    }
  }

  /** What to send for this job, or null when nothing goes out now (grouped, waiting, empty). */
  async function contentFor(job: Job<DeliverJob>, sub: Subscription, attempt: number, now: number) {
    const data = job.data;
    if (data.kind === 'alert') {
      const judgedOnMs = judgedOn(data.changeSeq, data.firedAt);
      const grouped = { ...data.alert, firedAt: data.firedAt, judgedOnMs };
      const decision = await deps.gate.admit(sub, data.key, grouped, now);
      if (decision.action === 'send')
        return {
          content: data.alert as AlertContent,
          changeSeq: data.changeSeq,
          firedAt: data.firedAt,
          sources: [{ content: data.alert, judgedOnMs }],
        };
      await scheduleDigest(sub.id, decision.flushAt);
      const note = `grouped into one alert at ${new Date(decision.flushAt).toISOString()}`;
      await deps.deliveries.record(sub.id, {
        key: data.key,
        status: 'throttled',
        attempt,
        title: data.alert.title,
        note,
      });
      return null;
    }
    const taken = await deps.gate.take(sub, data.key, now);
    if (taken.action === 'wait') await scheduleDigest(sub.id, taken.until);
    if (taken.action !== 'take') return null;
    const items = taken.items.map(({ judgedOnMs: _judged, ...i }) => ({
      ...i,
      link: alertLink(deps.publicUrl, i.reportId),
    }));
    return {
      content: composeDigest(items),
      changeSeq: '',
      firedAt: new Date(now).toISOString(),
      items: items.length > 1 ? items : undefined,
      sources: taken.items.map((i) => ({ content: i, judgedOnMs: i.judgedOnMs ?? Date.parse(i.firedAt) })),
    };
  }

  return async function processDelivery(job: Job<DeliverJob>): Promise<string> {
    if (job.data.kind === 'facts') return runFactsJob(deps, job.data);
    if (job.data.kind === 'followup') return runFollowUpJob(deps, job, job.data);
    const { key, subscriptionId } = job.data;
    const attempt = job.attemptsMade + 1;
    const sub = await deps.subscriptions.get(subscriptionId);
    if (!sub) return 'subscription deleted';
    if (job.data.kind === 'confirm') return sendConfirmation(job.data, sub, attempt, job.opts.attempts ?? 1);
    if (sub.channel.type === 'email' && !sub.channel.confirmedAt) {
      // Nothing goes to an address before it said yes (emailConfirmation.ts).
      await mark(key, 'suppressed');
      await deps.deliveries.record(sub.id, {
        key,
        status: 'suppressed',
        attempt,
        title: job.data.kind === 'alert' ? job.data.alert.title : 'grouped alerts',
        note: 'the e-mail address is not confirmed: nothing is sent to it until its code is given back',
      });
      return 'unconfirmed';
    }
    const done = await deps.redis.get(marker(key));
    if (done) return `already ${done}`;
    const now = Date.now();
    if (isSilenced(sub, now)) {
      await mark(key, 'suppressed');
      const title = job.data.kind === 'alert' ? job.data.alert.title : 'grouped alerts';
      await deps.deliveries.record(sub.id, {
        key,
        status: 'suppressed',
        attempt,
        title,
        note: `silenced until ${sub.silencedUntil}`,
      });
      return 'suppressed';
    }
    const next = await contentFor(job, sub, attempt, now);
    if (!next) return 'held';
    const alert: OutgoingAlert = {
      ...next.content,
      key,
      subscriptionId: sub.id,
      subscriptionName: sub.name,
      changeSeq: next.changeSeq,
      link: alertLink(deps.publicUrl, next.content.reportId),
      firedAt: next.firedAt,
      ...(next.items ? { items: next.items } : {}),
    };
    try {
      const receipt = await deps.channels[sub.channel.type].deliver(alert, sub, attempt);
      await mark(key, 'delivered');
      await deps.deliveries.record(sub.id, {
        key,
        status: 'delivered',
        attempt,
        title: alert.title,
        code: receipt.code,
      });
      // Not a reason to retry the job (the alert is out, and the marker would stop the retry here):
      // without its record, this alert only misses follow-ups.
      await rememberDelivered(deps, alert, sub, next.sources).catch((err: Error) =>
        deps.log.warn({ key, err: err.message }, 'could not record what a delivered alert rested on'),
      );
      return 'delivered';
    } catch (err) {
      const failed = err instanceof DeliveryFailed ? err : new DeliveryFailed((err as Error).message);
      const final = failed.permanent || attempt >= (job.opts.attempts ?? 1);
      await deps.deliveries.record(sub.id, {
        key,
        status: final ? 'dead' : 'retrying',
        attempt,
        title: alert.title,
        code: failed.code,
        error: failed.message,
      });
      deps.log.warn({ key, attempt, final, err: failed.message }, 'alert delivery failed');
      throw failed.permanent ? new UnrecoverableError(failed.message) : failed;
    }
  };
}

export function createDeliveryWorker(deps: DeliveryDeps, options: DeliveryWorkerOptions): Worker<DeliverJob> {
  const backoff = cappedBackoff(options.backoffMs, options.backoffMaxMs);
  const worker = new Worker<DeliverJob>(DELIVER_QUEUE, createDeliveryProcessor(deps), {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    maxStalledCount: 3,
    settings: { backoffStrategy: (attemptsMade, type) => (type === CAPPED_EXPONENTIAL ? backoff(attemptsMade) : 1000) },
  });
  worker.on('error', (err) => deps.log.error({ err }, 'deliver worker error'));
  return worker;
}
