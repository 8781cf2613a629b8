/**
 * The worker role's alerting: the evaluator (consumer group on the change stream), the
 * meeting.soon sweep, and the deliver worker with its channels. One call from roles/worker.ts.
 */
import { createDeliverQueue } from '../queues/deliverProducer.js';
import { outboundPolicy } from '../outbound/guard.js';
import type { RoleContext, RunningRole } from '../roles/context.js';
import { AlertMemoStore } from '../storage/alertMemoStore.js';
import { DeliveryLog } from '../storage/deliveryLog.js';
import { CrisisStore } from '../storage/crisisStore.js';
import { FoldStore } from '../storage/foldStore.js';
import { ReportStore } from '../storage/reportStore.js';
import { waitReady } from '../storage/redis.js';
import { SentAlertStore } from '../storage/sentAlertStore.js';
import { SubscriptionStore } from '../storage/subscriptionStore.js';
import { createChannels } from './channels/index.js';
import { createDeliveryWorker } from './deliveryWorker.js';
import { AlertEvaluator } from './evaluator.js';
import { startMeetingSweep } from './meetingSweep.js';
import { AlertGate } from './throttle.js';

/** Base of every link in alerts: PUBLIC_URL, or this host's port as a fallback for local runs. */
export function publicUrlOf(config: RoleContext['config']): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT || 8080}`).replace(/\/+$/, '');
}

export async function startAlerting(ctx: RoleContext): Promise<RunningRole> {
  const { config, keys, log } = ctx;
  const command = ctx.connect('command', 'alerts-command');
  await waitReady(command, 60_000); // the command connection fails fast; the consumer group is created right away
  const subscriptions = new SubscriptionStore(command, keys);
  const crises = new CrisisStore(command, keys, config.CHANGES_MAXLEN);
  const memos = new AlertMemoStore(command, keys);
  const queue = createDeliverQueue(command, keys.queuePrefix, {
    attempts: config.DELIVERY_ATTEMPTS,
    backoffMs: config.DELIVERY_BACKOFF_MS,
  });
  const publicUrl = publicUrlOf(config);

  const evaluator = new AlertEvaluator({
    blocking: ctx.connect('blocking', 'alerts-evaluator'),
    command,
    deskStreamKey: keys.changes,
    crisisStreamKey: (slug) => keys.crisis(slug).changes,
    crises: async () => (await crises.list()).crises,
    subscriptions,
    memos,
    reports: new ReportStore(command, keys),
    queue,
    claimIdleMs: config.ALERTS_CLAIM_IDLE_MS,
    log,
  });
  const stopSweep = startMeetingSweep({
    redis: command,
    keys,
    subscriptions,
    memos,
    queue,
    schedules: async () => {
      const { crises: all } = await crises.list();
      const views = await Promise.all(all.map((c) => new FoldStore(command, keys.crisis(c.slug), 0).readPublic()));
      return all.map((c, i) => ({ crisis: c.slug, name: c.name, meetings: views[i].view?.meetings ?? [] }));
    },
    intervalMs: config.ALERTS_SWEEP_MS,
    log,
  });

  const channels = createChannels({
    webhook: { policy: outboundPolicy(config.OUTBOUND_ALLOWLIST), timeoutMs: config.DELIVERY_TIMEOUT_MS },
    email: { smtpUrl: config.SMTP_URL, from: config.SMTP_FROM, publicUrl, timeoutMs: config.DELIVERY_TIMEOUT_MS },
    inapp: { redis: command, keys, maxLen: config.CHANGES_MAXLEN },
  });
  const worker = createDeliveryWorker(
    {
      redis: command,
      keys,
      subscriptions,
      gate: new AlertGate(command, keys, config.ALERTS_THROTTLE_MINUTE_MS),
      deliveries: new DeliveryLog(command, keys),
      channels,
      queue,
      publicUrl,
      log,
      sent: new SentAlertStore(command, keys),
      crisisSlugs: async () => (await crises.list()).crises.map((c) => c.slug),
      meetingsOf: async (slug) =>
        (await new FoldStore(command, keys.crisis(slug), 0).readPublic()).view?.meetings ?? [],
    },
    {
      connection: ctx.connect('blocking', 'alerts-deliver'),
      prefix: keys.queuePrefix,
      concurrency: config.DELIVERY_CONCURRENCY,
      lockDurationMs: config.LOCK_DURATION_MS,
      stalledIntervalMs: config.STALLED_INTERVAL_MS,
      backoffMs: config.DELIVERY_BACKOFF_MS,
      backoffMaxMs: config.DELIVERY_BACKOFF_MAX_MS,
    },
  );
  await evaluator.start();
  await worker.waitUntilReady();
  log.info({ consumer: evaluator.consumer }, 'alerting started');

  return {
    async close() {
      stopSweep();
      await evaluator.stop();
      await worker.close();
      await queue.close();
    },
  };
}
