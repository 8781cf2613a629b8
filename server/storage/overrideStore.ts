/**
 * A journalist's assignment of a report to a crisis, or removal from one: kept in the report's
 * hash (`overrides`, by slug) with its audit entry, in one script that first checks the
 * overrides are still what was read (optimistic concurrency, as flags do). It holds over the
 * rules until cleared. The ingest worker then folds the report again, and the desk stream
 * announces its new crises.
 */
import type { Redis } from 'ioredis';
import type { CrisisOverride } from '../../shared/crisis.js';
import type { AuditEntry } from '../../shared/desk.js';
import type { Actor } from '../auth/actor.js';
import { auditEntry } from '../auth/actor.js';
import { MAX_AUDIT_PER_REPORT, NotFound } from '../errors.js';
import { auditFull } from './flagStore.js';
import type { Keys } from './keys.js';

const COMMIT_LUA = `
-- KEYS: 1 report hash, 2 audit list; ARGV: 1 expected overrides, 2 new overrides, 3 audit json, 4 audit cap
if redis.call('HEXISTS', KEYS[1], 'report') == 0 then return -1 end
if redis.call('LLEN', KEYS[2]) >= tonumber(ARGV[4]) then return -2 end
if (redis.call('HGET', KEYS[1], 'overrides') or '{}') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'overrides', ARGV[2])
return redis.call('RPUSH', KEYS[2], ARGV[3])`;

const MAX_ATTEMPTS = 20;

export class OverrideStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /**
   * Puts the report in the crisis (`into` true) or out of it, by hand; returns a number unique to
   * this change of the report (for the re-fold's job id).
   */
  set(reportId: string, slug: string, into: boolean, actor: Actor, note?: string): Promise<number> {
    const override: CrisisOverride = {
      in: into,
      by: actor.name,
      at: new Date().toISOString(),
      ...(note ? { note } : {}),
    };
    const action = into ? 'report.assigned' : 'report.unassigned';
    return this.change(reportId, slug, override, (before) =>
      auditEntry(actor, action, reportId, before, { crisis: slug, ...override }, note),
    );
  }

  /** Gives the report back to the rules for that crisis; NotFound when no journalist had decided. */
  clear(reportId: string, slug: string, actor: Actor): Promise<number> {
    return this.change(reportId, slug, null, (before) => {
      if (!before) throw new NotFound(`Report ${reportId} was not put in or taken out of "${slug}" by hand`);
      return auditEntry(actor, 'report.rules-restored', reportId, before, { crisis: slug, by: 'rule' });
    });
  }

  private async change(
    reportId: string,
    slug: string,
    override: CrisisOverride | null,
    audited: (before: CrisisOverride | null) => AuditEntry,
  ): Promise<number> {
    const key = this.keys.report(reportId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const [exists, raw] = await Promise.all([this.redis.hexists(key, 'report'), this.redis.hget(key, 'overrides')]);
      if (!exists) throw new NotFound(`No report with id ${reportId}`);
      const expected = raw ?? '{}';
      const before = JSON.parse(expected) as Record<string, CrisisOverride>;
      const audit = audited(before[slug] ?? null);
      const after = { ...before };
      if (override) after[slug] = override;
      else delete after[slug];
      const result = Number(
        await this.redis.eval(
          COMMIT_LUA,
          2,
          key,
          this.keys.audit(reportId),
          expected,
          JSON.stringify(after),
          JSON.stringify(audit),
          String(MAX_AUDIT_PER_REPORT),
        ),
      );
      if (result === -1) throw new NotFound(`No report with id ${reportId}`);
      if (result === -2) throw auditFull(reportId);
      if (result > 0) return result;
    }
    throw new Error(`crises of ${reportId}: gave up after ${MAX_ATTEMPTS} conflicting writes`);
  }
}
