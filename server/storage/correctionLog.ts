/**
 * Appends a journalist's correction to a report's list (keys.corrections(id), read by the
 * ingest worker through CorrectionStore) together with its audit entry, in one MULTI.
 */
import type { Redis } from 'ioredis';
import { AuditFull, MAX_AUDIT_PER_REPORT, MAX_CORRECTIONS_PER_REPORT } from '../errors.js';
import type { Correction } from '../../shared/corrections.js';
import type { AuditEntry } from '../../shared/desk.js';
import type { Keys } from './keys.js';

/** KEYS: 1 corrections, 2 audit; ARGV: 1 correction, 2 audit entry, 3 corrections cap, 4 audit cap. */
const APPEND_LUA = `
if redis.call('LLEN', KEYS[1]) >= tonumber(ARGV[3]) then return -1 end
if redis.call('LLEN', KEYS[2]) >= tonumber(ARGV[4]) then return -2 end
local n = redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('RPUSH', KEYS[2], ARGV[2])
return n`;

export class CorrectionLog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /**
   * Returns the correction's 1-based position in the report's list (unique: used in the re-fold
   * job id). A report with MAX_CORRECTIONS_PER_REPORT corrections, or a full audit trail, takes no more.
   */
  async append(reportId: string, correction: Correction, audit: AuditEntry): Promise<number> {
    const n = Number(
      await this.redis.eval(
        APPEND_LUA,
        2,
        this.keys.corrections(reportId),
        this.keys.audit(reportId),
        JSON.stringify(correction),
        JSON.stringify(audit),
        String(MAX_CORRECTIONS_PER_REPORT),
        String(MAX_AUDIT_PER_REPORT),
      ),
    );
    if (n === -1)
      throw new AuditFull(
        `Report ${reportId} has ${MAX_CORRECTIONS_PER_REPORT} corrections, the most one report takes: ask an editor to look at it`,
      );
    if (n === -2)
      throw new AuditFull(`The audit trail of report ${reportId} is full (${MAX_AUDIT_PER_REPORT} entries)`);
    return n;
  }
}
