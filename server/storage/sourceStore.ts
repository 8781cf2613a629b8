/**
 * Sources' reliability tiers: one Redis hash (source key → JSON SourceInfo), written with its
 * audit entry in one MULTI so a tier never changes without a trace.
 */
import type { Redis } from 'ioredis';
import type { AuditEntry } from '../../shared/desk.js';
import { sourceKey, type SourceInfo, type SourceTier } from '../../shared/sources.js';
import { appendAudit } from './auditStore.js';
import type { Keys } from './keys.js';

export class SourceStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Every source with a tier, by name. */
  async list(): Promise<SourceInfo[]> {
    const all = await this.redis.hvals(this.keys.sourceTiers);
    return all.map((v) => JSON.parse(v) as SourceInfo).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(name: string): Promise<SourceInfo | null> {
    const raw = await this.redis.hget(this.keys.sourceTiers, sourceKey(name));
    return raw ? (JSON.parse(raw) as SourceInfo) : null;
  }

  /** The tiers of several sources at once, by source key. */
  async tiersOf(names: readonly string[]): Promise<Map<string, SourceTier>> {
    const keys = [...new Set(names.map(sourceKey))];
    if (keys.length === 0) return new Map();
    const raw = await this.redis.hmget(this.keys.sourceTiers, ...keys);
    const out = new Map<string, SourceTier>();
    raw.forEach((v, i) => {
      if (v) out.set(keys[i], (JSON.parse(v) as SourceInfo).tier);
    });
    return out;
  }

  /** Sets (or, with null, clears) a source's tier and records the audit entry with it. */
  async setTier(name: string, tier: SourceTier | null, by: string, audit: AuditEntry): Promise<SourceInfo | null> {
    const multi = this.redis.multi();
    let info: SourceInfo | null = null;
    if (tier) {
      info = { name: name.trim(), tier, setBy: by, setAt: audit.at };
      multi.hset(this.keys.sourceTiers, sourceKey(name), JSON.stringify(info));
    } else {
      multi.hdel(this.keys.sourceTiers, sourceKey(name));
    }
    appendAudit(multi, this.keys.sourceAudit, audit);
    const results = (await multi.exec()) ?? [];
    for (const [err] of results) if (err) throw err;
    return info;
  }
}
