/**
 * Sessions in Redis. The cookie holds a random 256-bit id; Redis keeps only its SHA-256, so a
 * copy of the store lets nobody sign in. A session expires after IDLE_TTL_SECONDS without use
 * (each use slides it, with GETEX) and after ABSOLUTE_TTL_MS in any case. Each user's sessions
 * are indexed, so "log out everywhere" and an admin's revocation end them all at once; every
 * revocation is announced on keys.revocations so api nodes drop the sockets that used them.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AccountRole } from '../../shared/roles.js';
import type { Keys } from './keys.js';

export const IDLE_TTL_SECONDS = 12 * 3600;
export const ABSOLUTE_TTL_MS = 7 * 24 * 3600 * 1000;

export type SessionRecord = { username: string; role: AccountRole; createdAt: number };

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Deletes every session of a user and the index; returns how many there were. */
const REVOKE_ALL_LUA = `
local members = redis.call('SMEMBERS', KEYS[1])
for _, h in ipairs(members) do redis.call('DEL', ARGV[1] .. h) end
redis.call('DEL', KEYS[1])
return #members`;

export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Opens a session; returns the cookie value (the only place the raw id ever exists). */
  async create(username: string, role: AccountRole): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const idHash = hashSessionId(id);
    const record: SessionRecord = { username, role, createdAt: Date.now() };
    const index = this.keys.userSessions(username);
    const results = await this.redis
      .multi()
      .set(this.keys.session(idHash), JSON.stringify(record), 'EX', IDLE_TTL_SECONDS)
      .sadd(index, idHash)
      .expire(index, Math.ceil(ABSOLUTE_TTL_MS / 1000))
      .exec();
    for (const [err] of results ?? []) if (err) throw err;
    void this.prune(username);
    return id;
  }

  /** The live session behind a cookie value (sliding its idle expiry), or null. */
  async resolve(id: string): Promise<SessionRecord | null> {
    const idHash = hashSessionId(id);
    const raw = await this.redis.getex(this.keys.session(idHash), 'EX', IDLE_TTL_SECONDS);
    if (!raw) return null;
    const record = JSON.parse(raw) as SessionRecord;
    if (Date.now() - record.createdAt > ABSOLUTE_TTL_MS) {
      await this.revoke(id, record.username);
      return null;
    }
    return record;
  }

  /** Whether a cookie value still names a live session within its absolute end, without sliding it (for socket sweeps). */
  async isLive(id: string): Promise<boolean> {
    const raw = await this.redis.get(this.keys.session(hashSessionId(id)));
    if (!raw) return false;
    return Date.now() - (JSON.parse(raw) as SessionRecord).createdAt <= ABSOLUTE_TTL_MS;
  }

  /** Ends one session. */
  async revoke(id: string, username?: string): Promise<void> {
    const idHash = hashSessionId(id);
    const multi = this.redis.multi().del(this.keys.session(idHash));
    if (username) multi.srem(this.keys.userSessions(username), idHash);
    await multi.exec();
    await this.announce();
  }

  /** Ends every session of a user ("log out everywhere", or an admin's revocation). */
  async revokeAll(username: string): Promise<number> {
    const count = (await this.redis.eval(
      REVOKE_ALL_LUA,
      1,
      this.keys.userSessions(username),
      this.keys.session(''),
    )) as number;
    await this.announce();
    return count;
  }

  /** Tells every api node to re-check the credentials of its sockets now. */
  private async announce(): Promise<void> {
    await this.redis.publish(this.keys.revocations, 'session');
  }

  /** Drops index entries whose session already expired, so the index does not grow. */
  private async prune(username: string): Promise<void> {
    try {
      const index = this.keys.userSessions(username);
      const hashes = await this.redis.smembers(index);
      if (hashes.length < 20) return;
      const pipeline = this.redis.pipeline();
      for (const h of hashes) pipeline.exists(this.keys.session(h));
      const alive = (await pipeline.exec()) ?? [];
      const dead = hashes.filter((_, i) => alive[i]?.[1] === 0);
      if (dead.length > 0) await this.redis.srem(index, ...dead);
    } catch {
      // Housekeeping only: a failure costs a few stale index entries.
    }
  }
}
