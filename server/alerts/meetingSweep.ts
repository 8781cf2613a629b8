/**
 * meeting.soon rules: a meeting comes closer without any change in the stream, so one
 * worker at a time (a short Redis lock per interval) looks at each crisis' schedule and
 * enqueues an alert for each meeting that entered a subscriber's window (each meeting and date
 * once), for the subscriptions that watch that crisis.
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
  /** Each crisis' current schedule (its public state's meetings), with its name for the alerts' titles. */
  schedules: () => Promise<{ crisis: string; name: string; meetings: Meeting[] }[]>;
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
  const all = (await deps.subscriptions.all()).filter((s) => s.rule.type === 'meeting.soon');
  if (all.length === 0) return 0;
  let enqueued = 0;
  for (const { crisis, name, meetings } of await deps.schedules()) {
    const subs = all.filter((s) => !s.crisis || s.crisis === crisis);
    const memos = await deps.memos.getMany(
      subs.map((s) => s.id),
      crisis,
    );
    for (const [i, sub] of subs.entries()) {
      if (sub.rule.type !== 'meeting.soon') continue;
      const { alerts, memo } = judgeMeetingSoon(sub.rule.hours, meetings, nowMs, memos[i].memo);
      if (alerts.length === 0) continue;
      const firedAt = new Date(nowMs).toISOString();
      // Keyed by meeting, not crisis: a meeting in two crises (the same report's) is told once.
      await deps.queue.addBulk(
        alerts.map(({ tellKey, ...alert }) => {
          const key = alertKey(sub.id, 'soon', tellKey);
          return {
            name: 'alert',
            data: {
              kind: 'alert' as const,
              subscriptionId: sub.id,
              key,
              changeSeq: '',
              alert: { ...alert, crisis, title: `${name}: ${alert.title}` },
              firedAt,
            },
            opts: { jobId: key },
          };
        }),
      );
      await deps.memos.setMemoOnly(sub.id, crisis, memo);
      enqueued += alerts.length;
    }
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
