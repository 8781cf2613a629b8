/**
 * Flags on reports (breaking, verified, disputed, follow-up). A change is computed in
 * TypeScript and committed by a Lua script that first checks the flags are still what was
 * read (optimistic concurrency, as the fold does): new flags, the audit entry and the
 * `flag.changed` entry on the desk stream are written together or not at all. The same
 * change then goes to the stream of each crisis the report is in, so their walls show it
 * (each crisis' stream lives in its own slot, so these appends cannot share the script).
 */
import type { Redis } from 'ioredis';
import type { CrisisAssignment } from '../../shared/crisis.js';
import type { AuditEntry } from '../../shared/desk.js';
import type { ChangeBody } from '../../shared/events.js';
import type { Flag, FlagKind } from '../../shared/report.js';
import { AuditFull, MAX_AUDIT_PER_REPORT, NotFound } from '../errors.js';
import { appendChange, CHANGE_FIELD } from './changeStream.js';
import type { Keys } from './keys.js';

const COMMIT_LUA = `
-- KEYS: 1 report hash, 2 audit list, 3 changes; ARGV: 1 expected flags, 2 new flags, 3 audit json, 4 change json, 5 maxlen, 6 audit cap
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('LLEN', KEYS[2]) >= tonumber(ARGV[6]) then return -2 end
if (redis.call('HGET', KEYS[1], 'flags') or '[]') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'flags', ARGV[2])
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*', '${CHANGE_FIELD}', ARGV[4])
return 1`;

const MAX_ATTEMPTS = 20;

/** Verified and disputed contradict each other: setting one lifts the other. */
const EXCLUSIVE: Partial<Record<FlagKind, FlagKind>> = { verified: 'disputed', disputed: 'verified' };

/** Pure: the flags after setting (or re-noting) one flag. */
export function withFlag(flags: Flag[], flag: Flag): Flag[] {
  const lifted = EXCLUSIVE[flag.flag];
  return [...flags.filter((f) => f.flag !== flag.flag && f.flag !== lifted), flag];
}

/** Pure: the flags after removing one. */
export function withoutFlag(flags: Flag[], kind: FlagKind): Flag[] {
  return flags.filter((f) => f.flag !== kind);
}

export type FlagActor = { name: string; role: string };

export const auditFull = (reportId: string) =>
  new AuditFull(
    `The audit trail of report ${reportId} is full (${MAX_AUDIT_PER_REPORT} entries): its flags and crises can no longer change`,
  );

export class FlagStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly maxLen: number,
  ) {}

  /** Sets a flag (replacing the note of the same flag); returns the report's flags after. */
  set(reportId: string, kind: FlagKind, note: string | undefined, actor: FlagActor): Promise<Flag[]> {
    const at = new Date().toISOString();
    const flag: Flag = { flag: kind, ...(note ? { note } : {}), by: actor.name, at };
    return this.change(reportId, (flags) => withFlag(flags, flag), { action: 'flag.set', actor, at, note });
  }

  /** Removes a flag (a no-op when it is not set: nothing is written or announced). */
  remove(reportId: string, kind: FlagKind, actor: FlagActor): Promise<Flag[]> {
    return this.change(reportId, (flags) => withoutFlag(flags, kind), {
      action: 'flag.removed',
      actor,
      at: new Date().toISOString(),
    });
  }

  private async change(
    reportId: string,
    next: (flags: Flag[]) => Flag[],
    meta: { action: 'flag.set' | 'flag.removed'; actor: FlagActor; at: string; note?: string },
  ): Promise<Flag[]> {
    const reportKey = this.keys.report(reportId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const [exists, [raw, crisesJson]] = await Promise.all([
        this.redis.exists(reportKey),
        this.redis.hmget(reportKey, 'flags', 'crises'),
      ]);
      if (!exists) throw new NotFound(`No report with id ${reportId}`);
      const expected = raw ?? '[]';
      const before = JSON.parse(expected) as Flag[];
      const after = next(before);
      const afterJson = JSON.stringify(after);
      if (afterJson === expected) return before;
      const audit: AuditEntry = {
        at: meta.at,
        by: meta.actor.name,
        role: meta.actor.role,
        action: meta.action,
        target: reportId,
        before,
        after,
        ...(meta.note ? { note: meta.note } : {}),
      };
      const change: ChangeBody = { type: 'flag.changed', id: reportId, flags: after };
      const result = await this.redis.eval(
        COMMIT_LUA,
        3,
        reportKey,
        this.keys.audit(reportId),
        this.keys.changes,
        expected,
        afterJson,
        JSON.stringify(audit),
        JSON.stringify(change),
        String(this.maxLen),
        String(MAX_AUDIT_PER_REPORT),
      );
      if (result === -2) throw auditFull(reportId);
      if (result === 1) {
        await this.tellCrises(crisesJson, change);
        return after;
      }
      if (result === -1) throw new NotFound(`No report with id ${reportId}`);
      // Someone else changed the flags in between: read again and re-apply.
    }
    throw new Error(`flags of ${reportId}: gave up after ${MAX_ATTEMPTS} conflicting writes`);
  }

  private async tellCrises(crisesJson: string | null, change: ChangeBody): Promise<void> {
    const crises = crisesJson ? (JSON.parse(crisesJson) as CrisisAssignment[]) : [];
    if (crises.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const { slug } of crises) appendChange(pipeline, this.keys.crisis(slug).changes, change, this.maxLen);
    for (const [err] of (await pipeline.exec()) ?? []) if (err) throw err;
  }
}
