/**
 * Throttling, grouping, silences and quiet hours. The decisions are pure functions; the
 * gate keeps its state in Redis and decides atomically (Lua), idempotently per alert key,
 * so a retried or re-run job never takes a second slot.
 *
 * At most one alert per subscription per `throttleMinutes`: the first goes out at once, the
 * rest are grouped and go out together as one digest when the window ends. Quiet hours hold
 * alerts the same way until they end. A silence drops alerts until its end time.
 */
import type { Redis } from 'ioredis';
import type { QuietHours } from '../../shared/alerts.js';
import type { Keys } from '../storage/keys.js';
import type { AlertContent, Subscription } from './types.js';

/** Alert markers and taken digests live a week: far longer than any retry schedule. */
export const MARKER_TTL_SECONDS = 7 * 24 * 3600;

function localMinutes(nowMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(nowMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When quiet hours end (ms epoch) if `nowMs` falls inside them, else null. The window is in
 * the subscriber's time zone and may wrap midnight (22:00–07:00). Across a DST switch inside
 * the window the end may be off by the shift (one hour at most).
 */
export function quietUntil(nowMs: number, quiet: QuietHours | undefined): number | null {
  if (!quiet) return null;
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  if (start === end) return null;
  const now = localMinutes(nowMs, quiet.timeZone);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const minutesLeft = (end - now + 1440) % 1440;
  return nowMs - (nowMs % 60_000) + minutesLeft * 60_000;
}

/** True while a silence is on. */
export function isSilenced(subscription: Pick<Subscription, 'silencedUntil'>, nowMs: number): boolean {
  return subscription.silencedUntil !== undefined && Date.parse(subscription.silencedUntil) > nowMs;
}

/** An alert waiting in a digest; `judgedOnMs` (absent on ones grouped by older code): see deliveryWorker's judgedOn. */
export type GroupedAlert = AlertContent & { firedAt: string; judgedOnMs?: number };

/** One alert that stands for several grouped ones: newest headline first, every item listed in the body. */
export function composeDigest(items: GroupedAlert[]): AlertContent {
  const sorted = [...items].sort((a, b) => a.firedAt.localeCompare(b.firedAt));
  if (sorted.length === 1) return sorted[0];
  const newest = sorted[sorted.length - 1];
  const lines = sorted.map((a) => `• ${a.firedAt.slice(11, 16)} UTC — ${a.title}`);
  return {
    title: `${sorted.length} alerts, latest: ${newest.title}`,
    body: `Grouped because of your throttle or quiet hours:\n${lines.join('\n')}\n\nLatest: ${newest.body}`,
    reportId: newest.reportId,
  };
}

const GATE_LUA = `
-- KEYS: 1 gate hash, 2 grouped hash, 3 alert marker; ARGV: now, throttleMs, key, alert json, holdUntil, ttl
if redis.call('HGET', KEYS[1], 'lastKey') == ARGV[3] then return {'send', '0'} end
local now = tonumber(ARGV[1])
local flushAt = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
local hold = tonumber(ARGV[5])
if hold > flushAt then flushAt = hold end
if flushAt <= now and redis.call('HLEN', KEYS[2]) == 0 then
  redis.call('HSET', KEYS[1], 'next', tostring(now + tonumber(ARGV[2])), 'lastKey', ARGV[3])
  return {'send', '0'}
end
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
redis.call('SET', KEYS[3], 'grouped', 'EX', ARGV[6])
if flushAt < now then flushAt = now end
return {'grouped', tostring(flushAt)}`;

const TAKE_LUA = `
-- KEYS: 1 gate hash, 2 grouped hash, 3 taken digest; ARGV: now, throttleMs, digest key, holdUntil, ttl
if redis.call('EXISTS', KEYS[3]) == 1 then return {'take', redis.call('HGETALL', KEYS[3])} end
local now = tonumber(ARGV[1])
local at = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
local hold = tonumber(ARGV[4])
if hold > at then at = hold end
if at > now then return {'wait', tostring(at)} end
if redis.call('HLEN', KEYS[2]) == 0 then return {'empty'} end
redis.call('RENAME', KEYS[2], KEYS[3])
redis.call('EXPIRE', KEYS[3], ARGV[5])
redis.call('HSET', KEYS[1], 'next', tostring(now + tonumber(ARGV[2])), 'lastKey', ARGV[3])
return {'take', redis.call('HGETALL', KEYS[3])}`;

export type GateDecision = { action: 'send' } | { action: 'grouped'; flushAt: number };
export type TakeResult =
  { action: 'take'; items: GroupedAlert[] } | { action: 'wait'; until: number } | { action: 'empty' };

/** The per-subscription throttle gate in Redis. */
export class AlertGate {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    /** The length of one of `throttleMinutes`' minutes (shortened only by tests: ALERTS_THROTTLE_MINUTE_MS). */
    private readonly minuteMs = 60_000,
  ) {}

  /** Send now, or group into the next digest (then schedule a digest at flushAt). Same answer for the same key. */
  async admit(subscription: Subscription, key: string, alert: GroupedAlert, nowMs: number): Promise<GateDecision> {
    const hold = quietUntil(nowMs, subscription.quietHours) ?? 0;
    const id = subscription.id;
    const [action, at] = (await this.redis.eval(
      GATE_LUA,
      3,
      this.keys.alertGate(id),
      this.keys.alertGrouped(id),
      this.keys.alertMarker(key),
      String(nowMs),
      String(subscription.throttleMinutes * this.minuteMs),
      key,
      JSON.stringify(alert),
      String(hold),
      String(MARKER_TTL_SECONDS),
    )) as [string, string];
    return action === 'send' ? { action: 'send' } : { action: 'grouped', flushAt: Number(at) };
  }

  /** Takes the grouped alerts for a digest when its time has come (idempotent per digest key). */
  async take(subscription: Subscription, digestKey: string, nowMs: number): Promise<TakeResult> {
    const hold = quietUntil(nowMs, subscription.quietHours) ?? 0;
    const id = subscription.id;
    const [action, value] = (await this.redis.eval(
      TAKE_LUA,
      3,
      this.keys.alertGate(id),
      this.keys.alertGrouped(id),
      this.keys.alertDigest(digestKey),
      String(nowMs),
      String(subscription.throttleMinutes * this.minuteMs),
      digestKey,
      String(hold),
      String(MARKER_TTL_SECONDS),
    )) as [string, string | string[] | undefined];
    if (action === 'wait') return { action, until: Number(value) };
    if (action === 'empty') return { action };
    const flat = value as string[];
    const items: GroupedAlert[] = [];
    for (let i = 1; i < flat.length; i += 2) items.push(JSON.parse(flat[i]) as GroupedAlert);
    return { action: 'take', items };
  }
}
