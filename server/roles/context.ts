/**
 * What every role shares: configuration, logger, key names and the Redis connections it
 * opens (each role opens only the ones it uses). Roles never import each other.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { keysFor, type Keys } from '../storage/keys.js';
import { createRedis, type ConnectionKind } from '../storage/redis.js';

export type RoleContext = {
  config: Config & { REDIS_URL: string };
  log: Logger;
  keys: Keys;
  /** Opens a named connection that the context closes on shutdown. */
  connect(kind: ConnectionKind, name: string): Redis;
  closeConnections(): Promise<void>;
};

export function createContext(config: Config & { REDIS_URL: string }, log: Logger): RoleContext {
  const open: Redis[] = [];
  return {
    config,
    log,
    keys: keysFor(config.KEY_PREFIX),
    connect(kind, name) {
      const redis = createRedis(config.REDIS_URL, kind, `crisis-desk:${name}`, log);
      open.push(redis);
      return redis;
    },
    async closeConnections() {
      await Promise.all(open.map((r) => r.quit().catch(() => r.disconnect())));
    },
  };
}

/** A started role: close() stops it in order (stop taking work, finish what is in hand, disconnect). */
export type RunningRole = { close(): Promise<void> };
