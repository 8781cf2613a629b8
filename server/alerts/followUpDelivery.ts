/**
 * The deliver worker's two follow-up jobs: "facts" (find the alerts resting on changed facts, add
 * one follow-up each) and "followup" (send one, on the channel the original went by). A follow-up
 * is not throttled or grouped into a digest: a correction is sent as soon as it is known, and it
 * must stay a message of its own that points at the one it corrects. Silences still hold.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DeliverJob, DeliverQueue } from '../queues/deliverProducer.js';
import type { DeliveryLog } from '../storage/deliveryLog.js';
import type { Keys } from '../storage/keys.js';
import type { SubscriptionStore } from '../storage/subscriptionStore.js';
import type { ChannelRegistry } from './channels/index.js';
import { followUpContent, planFollowUps, type FollowUpPlanDeps } from './followUps.js';
import { isSilenced, MARKER_TTL_SECONDS } from './throttle.js';
import { DeliveryFailed, type OutgoingAlert } from './types.js';

export type FollowUpDeliveryDeps = FollowUpPlanDeps & {
  redis: Redis;
  keys: Keys;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryLog;
  channels: ChannelRegistry;
  queue: DeliverQueue;
  publicUrl: string;
  log: Logger;
};

/** Runs a "facts" job: resolves with how many follow-ups it added (the job's return value). */
export async function runFactsJob(deps: FollowUpDeliveryDeps, job: Extract<DeliverJob, { kind: 'facts' }>) {
  const planned = await planFollowUps(deps, job.event);
  if (planned.length > 0)
    await deps.queue.addBulk(planned.map((data) => ({ name: 'followup', data, opts: { jobId: data.key } })));
  return `${planned.length} follow-up(s)`;
}

/** Sends one follow-up; throws DeliveryFailed (retried) like any alert. */
export async function runFollowUpJob(
  deps: FollowUpDeliveryDeps,
  job: Job<DeliverJob>,
  data: Extract<DeliverJob, { kind: 'followup' }>,
): Promise<string> {
  const { key, followUp } = data;
  const attempt = job.attemptsMade + 1;
  const marker = deps.keys.alertMarker(key);
  const sub = await deps.subscriptions.get(data.subscriptionId);
  if (!sub) return 'subscription deleted';
  const done = await deps.redis.get(marker);
  if (done) return `already ${done}`;
  const content = followUpContent(followUp);
  const base = { key, attempt, title: content.title, corrects: followUp.corrects };
  if (isSilenced(sub, Date.now())) {
    await deps.redis.set(marker, 'suppressed', 'EX', MARKER_TTL_SECONDS);
    await deps.deliveries.record(sub.id, {
      ...base,
      status: 'suppressed',
      note: `silenced until ${sub.silencedUntil}`,
    });
    return 'suppressed';
  }
  const alert: OutgoingAlert = {
    ...content,
    key,
    subscriptionId: sub.id,
    subscriptionName: sub.name,
    changeSeq: '',
    link: `${deps.publicUrl}/desk?report=${encodeURIComponent(followUp.fact.reportId)}`,
    firedAt: data.firedAt,
    followUp,
  };
  try {
    const receipt = await deps.channels[sub.channel.type].deliver(alert, sub, attempt);
    await deps.redis.set(marker, 'delivered', 'EX', MARKER_TTL_SECONDS);
    await deps.deliveries.record(sub.id, { ...base, status: 'delivered', code: receipt.code });
    return 'delivered';
  } catch (err) {
    const failed = err instanceof DeliveryFailed ? err : new DeliveryFailed((err as Error).message);
    const final = failed.permanent || attempt >= (job.opts.attempts ?? 1);
    await deps.deliveries.record(sub.id, {
      ...base,
      status: final ? 'dead' : 'retrying',
      code: failed.code,
      error: failed.message,
    });
    deps.log.warn({ key, attempt, final, err: failed.message }, 'follow-up delivery failed');
    throw failed.permanent ? new UnrecoverableError(failed.message) : failed;
  }
}
