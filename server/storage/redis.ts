/**
 * Named Redis connections. Each role opens only what it needs:
 * - `command`: ordinary reads and writes; fails fast while Redis is down (no offline queue),
 *   so HTTP answers 503 instead of hanging;
 * - `blocking`: XREAD BLOCK / BullMQ workers; waits and reconnects for ever (maxRetriesPerRequest null),
 *   as BullMQ's authors require for workers.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

export type ConnectionKind = 'command' | 'blocking';

/**
 * Turns REDIS_URL into ioredis options: redis://, rediss://, unix:///path/to/socket, or
 * redis+sentinel://[:password@]host1:26379,host2:26379/masterName for Redis Sentinel
 * (ioredis asks the sentinels for the current master and follows failovers).
 */
export function redisOptionsFromUrl(url: string): RedisOptions {
  if (url.startsWith('unix://')) return { path: url.slice('unix://'.length) };
  const sentinel = /^redis\+sentinel:\/\/(?:([^@/]*)@)?([^/]+)\/([^/?#]+)$/.exec(url);
  if (sentinel) {
    const [, auth, hosts, name] = sentinel;
    const password = auth?.includes(':') ? decodeURIComponent(auth.slice(auth.indexOf(':') + 1)) : undefined;
    return {
      name,
      password,
      sentinels: hosts.split(',').map((h) => {
        const [host, port] = h.split(':');
        return { host, port: port ? Number(port) : 26379 };
      }),
    };
  }
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/** Reconnect quickly at first, then every 2 s at most. */
const retryStrategy = (times: number) => Math.min(100 * times, 2000);

export function createRedis(url: string, kind: ConnectionKind, name: string, log: Logger): Redis {
  const base = redisOptionsFromUrl(url);
  const options: RedisOptions =
    kind === 'blocking'
      ? { ...base, maxRetriesPerRequest: null, enableReadyCheck: true, retryStrategy, connectionName: name }
      : {
          ...base,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
          commandTimeout: 5000,
          retryStrategy,
          connectionName: name,
        };
  const redis = new Redis(options);
  logConnectionErrors(redis, name, log);
  return redis;
}

/** While a connection keeps failing, its errors are logged once per this many ms (ioredis emits one per retry). */
export const REDIS_ERROR_LOG_EVERY_MS = 30_000;

/**
 * Logs a connection's errors (ioredis emits 'error' on every failed reconnect; without a listener
 * Node would crash the process): the first of a run at once, then at most every
 * REDIS_ERROR_LOG_EVERY_MS, and the recovery when it is ready again.
 */
export function logConnectionErrors(redis: Redis, name: string, log: Logger): void {
  let failing = false;
  let lastLoggedAt = 0;
  let suppressed = 0;
  redis.on('error', (err: Error) => {
    const now = Date.now();
    if (failing && now - lastLoggedAt < REDIS_ERROR_LOG_EVERY_MS) {
      suppressed++;
      return;
    }
    log.error({ err, connection: name, repeats: suppressed }, 'Redis connection error');
    failing = true;
    lastLoggedAt = now;
    suppressed = 0;
  });
  redis.on('ready', () => {
    if (!failing) return;
    failing = false;
    log.info({ connection: name }, 'Redis connection ready again');
  });
}

/** Resolves when the connection is ready, or rejects after timeoutMs. */
export async function waitReady(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis not reachable within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}
