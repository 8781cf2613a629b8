/**
 * meeting.soon rules: a meeting comes closer without any change in the stream, so one
 * worker at a time (a short Redis lock per interval) looks at the schedule and enqueues an
 * alert for each meeting that entered a subscriber's window (each meeting and date once).
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Meeting } from '../../shared/state.js';
import { alertKey, type DeliverQueue } from '../queues/deliverProducer.js';
import type { AlertMemoStore } from '../storage/alertMemoStore.js';
import type { Keys } from '../storage/keys.js';
import type { SubscriptionStore } from '../storage/subscriptionStore.js';
import { judgeMeetingSoon } from './meetingRules.js';

export type MeetingSweepDeps = {
  redis: Redis;
  keys: Keys;
  subscriptions: SubscriptionStore;
  memos: AlertMemoStore;
  queue: DeliverQueue;
  /** The current schedule (the public state's meetings). */
  meetings: () => Promise<Meeting[]>;
  intervalMs: number;
  log: Logger;
};

/** One sweep; returns how many alerts it enqueued (0 when another worker holds this interval's lock). */
export async function sweepMeetings(deps: MeetingSweepDeps, nowMs = Date.now()): Promise<number> {
  const got = await deps.redis.set(
    deps.keys.alertSweepLock,
    String(nowMs),
    'PX',
    Math.max(500, deps.intervalMs - 200),
    'NX',
  );
  if (!got) return 0;
  const subs = (await deps.subscriptions.all()).filter((s) => s.rule.type === 'meeting.soon');
  if (subs.length === 0) return 0;
  const meetings = await deps.meetings();
  const memos = await deps.memos.getMany(subs.map((s) => s.id));
  let enqueued = 0;
  for (const [i, sub] of subs.entries()) {
    if (sub.rule.type !== 'meeting.soon') continue;
    const { alerts, memo } = judgeMeetingSoon(sub.rule.hours, meetings, nowMs, memos[i].memo);
    if (alerts.length === 0) continue;
    const firedAt = new Date(nowMs).toISOString();
    await deps.queue.addBulk(
      alerts.map(({ tellKey, ...alert }) => {
        const key = alertKey(sub.id, 'soon', tellKey);
        return {
          name: 'alert',
          data: { kind: 'alert' as const, subscriptionId: sub.id, key, changeSeq: '', alert, firedAt },
          opts: { jobId: key },
        };
      }),
    );
    await deps.memos.setMemoOnly(sub.id, memo);
    enqueued += alerts.length;
  }
  return enqueued;
}

/** Runs sweepMeetings every intervalMs; returns a stop function. */
export function startMeetingSweep(deps: MeetingSweepDeps): () => void {
  const timer = setInterval(() => {
    sweepMeetings(deps).catch((err: unknown) =>
      deps.log.warn({ err: (err as Error).message }, 'meeting sweep skipped a round'),
    );
  }, deps.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
