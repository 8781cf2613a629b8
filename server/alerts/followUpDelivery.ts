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
import { changeIndexId, factIndexIds } from './facts.js';
import { messageIdOf } from './channels/email.js';
import type { SentAlertRecord, SentFact } from './followUpTypes.js';
import { followUpContent, planFollowUps, type FollowUpPlanDeps } from './followUps.js';
import { isSilenced, MARKER_TTL_SECONDS } from './throttle.js';
import { DeliveryFailed, type AlertContent, type OutgoingAlert, type Subscription } from './types.js';

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

async function enqueue(deps: FollowUpDeliveryDeps, planned: Extract<DeliverJob, { kind: 'followup' }>[]) {
  if (planned.length > 0)
    await deps.queue.addBulk(planned.map((data) => ({ name: 'followup', data, opts: { jobId: data.key } })));
}

/**
 * Runs a "facts" job: remembers each change (for alerts still on their way), then finds the
 * delivered alerts resting on the facts. Resolves with how many follow-ups it added.
 */
export async function runFactsJob(deps: FollowUpDeliveryDeps, job: Extract<DeliverJob, { kind: 'facts' }>) {
  const { event } = job;
  // Redis' clock, as the change-stream seqs an alert's "judged on" time comes from.
  const [seconds, micros] = await deps.redis.time();
  const at = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  for (const change of event.changes)
    await deps.sent.recordChange(changeIndexId(event.reportId, change), at, { ...event, changes: [change] });
  const planned = await planFollowUps(deps, event);
  await enqueue(deps, planned);
  return `${planned.length} follow-up(s)`;
}

/**
 * An alert just delivered whose facts changed after the state it was judged on (it was retrying,
 * or waiting in a digest, while a correction went by): its follow-ups now. The record was written
 * before this read and the facts job writes the change before its own read, so one of the two
 * sees the other; when both do, the follow-up's job id keeps it one.
 */
export async function followUpLateDelivery(
  deps: FollowUpDeliveryDeps,
  record: SentAlertRecord,
  judgedOnMs: number,
): Promise<void> {
  const ids = record.facts.flatMap(factIndexIds);
  for (const event of await deps.sent.changesSince(ids, judgedOnMs))
    await enqueue(deps, await planFollowUps(deps, event, record));
}

/**
 * What went out in one delivered alert: the alert itself, or each alert grouped into a digest,
 * with the time of the state it was judged on (its change's time, not when it was judged).
 */
export type DeliveredSource = { content: AlertContent; judgedOnMs: number };

/**
 * Remembers what a delivered alert rested on, per crisis, for its follow-ups; and sends those of
 * the corrections made while it was on its way. Each grouped alert of a digest is checked against
 * its own judged-on time: one judged after a correction already told the corrected fact.
 */
export async function rememberDelivered(
  deps: FollowUpDeliveryDeps,
  alert: OutgoingAlert,
  sub: Subscription,
  sources: DeliveredSource[],
): Promise<void> {
  const digest = alert.items !== undefined;
  const byCrisis = new Map<string | null, { facts: SentFact[]; judgedOnMs: number }[]>();
  for (const { content, judgedOnMs } of sources) {
    if (!content.facts || content.facts.length === 0) continue;
    const crisis = content.crisis ?? null;
    const facts = digest ? content.facts.map((f) => ({ ...f, item: content.title })) : content.facts;
    byCrisis.set(crisis, [...(byCrisis.get(crisis) ?? []), { facts, judgedOnMs }]);
  }
  for (const [crisis, parts] of byCrisis) {
    const record: SentAlertRecord = {
      key: alert.key,
      subscriptionId: sub.id,
      channel: sub.channel.type,
      title: alert.title,
      ...(sub.channel.type === 'email' ? { messageId: messageIdOf(alert.key) } : {}),
      at: new Date().toISOString(),
      crisis,
      facts: parts.flatMap((p) => p.facts),
    };
    await deps.sent.record(record);
    for (const part of parts) await followUpLateDelivery(deps, { ...record, facts: part.facts }, part.judgedOnMs);
  }
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
