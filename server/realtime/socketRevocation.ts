/**
 * Drops live sockets whose credentials were revoked (logout, "log out everywhere", a removed
 * user, a revoked token). An api node cannot reach another node's sockets, so revocations are
 * announced on a Redis pub/sub channel and every node re-checks the credentials of all its
 * sockets when told — and every SWEEP_EVERY_MS anyway, which also covers announcements lost
 * while a node's subscriber was reconnecting, and sessions that simply expired.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { readSessionCookie } from '../auth/cookies.js';
import type { TokenResolver } from '../auth/principal.js';
import type { CrisisServer } from './socketServer.js';
import type { SessionStore } from '../storage/sessionStore.js';

export const SWEEP_EVERY_MS = 30_000;

export type RevocationDeps = {
  io: CrisisServer;
  /** A connection for this watcher only (pub/sub mode takes it over). */
  subscriber: Redis;
  channel: string;
  sessions: SessionStore;
  tokens: TokenResolver;
  log: Logger;
  sweepEveryMs?: number;
};

export function watchRevocations(deps: RevocationDeps): { sweep(): Promise<number>; close(): void } {
  let running: Promise<number> | null = null;
  let again = false;

  async function sweepOnce(): Promise<number> {
    const sessionChecks = new Map<string, Promise<boolean>>();
    const tokenChecks = new Map<string, Promise<boolean>>();
    const verdicts = [...deps.io.of('/').sockets.values()].map(async (socket) => {
      let live: Promise<boolean>;
      if (socket.data.via === 'session') {
        const id = readSessionCookie(socket.handshake.headers.cookie);
        if (!id) return null;
        live = sessionChecks.get(id) ?? deps.sessions.isLive(id);
        sessionChecks.set(id, live);
      } else {
        const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
        if (typeof token !== 'string') return null;
        live = tokenChecks.get(token) ?? deps.tokens(token).then((p) => p !== null);
        tokenChecks.set(token, live);
      }
      return (await live) ? null : socket;
    });
    let dropped = 0;
    for (const socket of await Promise.all(verdicts)) {
      if (!socket) continue;
      socket.disconnect(true);
      dropped++;
    }
    if (dropped > 0) deps.log.info({ dropped }, 'disconnected sockets whose session or token was revoked');
    return dropped;
  }

  /** Runs a sweep; a request during one queues exactly one more, so no announcement is missed. */
  function sweep(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = sweepOnce()
      .catch((err: unknown) => {
        deps.log.warn({ err: (err as Error).message }, 'credential sweep failed; the next one retries');
        return 0;
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void sweep();
        }
      });
    return running;
  }

  deps.subscriber.on('message', () => void sweep());
  deps.subscriber
    .subscribe(deps.channel)
    .catch((err: unknown) => deps.log.warn({ err }, 'revocation subscribe failed'));
  const timer = setInterval(() => void sweep(), deps.sweepEveryMs ?? SWEEP_EVERY_MS);
  timer.unref();

  return {
    sweep,
    close() {
      clearInterval(timer);
    },
  };
}
