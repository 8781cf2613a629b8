/**
 * The audit trail: one Redis list per report (keys.audit(id)) and one for account changes
 * (keys.accountAudit). Writers append inside the same MULTI or Lua script as the change itself,
 * so an action is never kept without its audit entry, nor the reverse.
 */
import type { ChainableCommander, Redis } from 'ioredis';
import type { AuditEntry } from '../../shared/desk.js';

/** Queues an audit entry onto a MULTI. */
export function appendAudit(multi: ChainableCommander, key: string, entry: AuditEntry): void {
  multi.rpush(key, JSON.stringify(entry));
}

export class AuditStore {
  constructor(private readonly redis: Redis) {}

  /** Appends one entry on its own (for actions that have no other write to go with). */
  async append(key: string, entry: AuditEntry): Promise<void> {
    await this.redis.rpush(key, JSON.stringify(entry));
  }

  /** Oldest first; `limit` keeps the newest entries when the trail is long. */
  async list(key: string, limit = 1000): Promise<AuditEntry[]> {
    const raw = await this.redis.lrange(key, -limit, -1);
    return raw.map((r) => JSON.parse(r) as AuditEntry);
  }
}
