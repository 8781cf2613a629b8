/**
 * Users: one hash per user (username, role, argon2 hash, who created it and when) and the set
 * of usernames. Every change is written with its audit entry in one atomic step.
 */
import type { Redis } from 'ioredis';
import type { AuditEntry } from '../../shared/desk.js';
import type { AccountRole } from '../../shared/roles.js';
import type { Keys } from './keys.js';

export type UserRecord = {
  username: string;
  role: AccountRole;
  passwordHash: string;
  createdAt: string;
  createdBy: string;
};
/** What may be shown of a user (never the hash). */
export type PublicUser = Omit<UserRecord, 'passwordHash'>;

const CREATE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'username', ARGV[1], 'role', ARGV[2], 'passwordHash', ARGV[3], 'createdAt', ARGV[4], 'createdBy', ARGV[5])
redis.call('SADD', KEYS[2], ARGV[1])
if ARGV[6] ~= '' then redis.call('RPUSH', KEYS[3], ARGV[6]) end
return 1`;

const UPDATE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if ARGV[1] ~= '' then redis.call('HSET', KEYS[1], 'role', ARGV[1]) end
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'passwordHash', ARGV[2]) end
redis.call('RPUSH', KEYS[2], ARGV[3])
return 1`;

const REMOVE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('RPUSH', KEYS[3], ARGV[2])
return 1`;

export function toPublicUser(user: UserRecord): PublicUser {
  return { username: user.username, role: user.role, createdAt: user.createdAt, createdBy: user.createdBy };
}

export class UserStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** False when the username is taken. `audit` is written with it (none for the bootstrap admin's own record). */
  async create(user: UserRecord, audit?: AuditEntry): Promise<boolean> {
    const created = await this.redis.eval(
      CREATE_LUA,
      3,
      this.keys.user(user.username),
      this.keys.users,
      this.keys.accountAudit,
      user.username,
      user.role,
      user.passwordHash,
      user.createdAt,
      user.createdBy,
      audit ? JSON.stringify(audit) : '',
    );
    return created === 1;
  }

  async get(username: string): Promise<UserRecord | null> {
    const fields = await this.redis.hgetall(this.keys.user(username));
    if (!fields.username) return null;
    return fields as unknown as UserRecord;
  }

  async list(): Promise<PublicUser[]> {
    const names = (await this.redis.smembers(this.keys.users)).sort();
    const pipeline = this.redis.pipeline();
    for (const name of names) pipeline.hgetall(this.keys.user(name));
    const results = (await pipeline.exec()) ?? [];
    return results
      .map(([err, fields]) => (err ? null : (fields as Record<string, string>)))
      .filter((f): f is Record<string, string> => !!f?.username)
      .map((f) => toPublicUser(f as unknown as UserRecord));
  }

  /** Changes the role and/or password hash; false when the user does not exist. */
  async update(
    username: string,
    change: { role?: AccountRole; passwordHash?: string },
    audit: AuditEntry,
  ): Promise<boolean> {
    const done = await this.redis.eval(
      UPDATE_LUA,
      2,
      this.keys.user(username),
      this.keys.accountAudit,
      change.role ?? '',
      change.passwordHash ?? '',
      JSON.stringify(audit),
    );
    return done === 1;
  }

  async remove(username: string, audit: AuditEntry): Promise<boolean> {
    const done = await this.redis.eval(
      REMOVE_LUA,
      3,
      this.keys.user(username),
      this.keys.users,
      this.keys.accountAudit,
      username,
      JSON.stringify(audit),
    );
    return done === 1;
  }
}
