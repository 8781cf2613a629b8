/**
 * Appends a journalist's correction to a report's list (keys.corrections(id), read by the
 * ingest worker through CorrectionStore) together with its audit entry, in one MULTI.
 */
import type { Redis } from 'ioredis';
import type { Correction } from '../../shared/corrections.js';
import type { AuditEntry } from '../../shared/desk.js';
import { appendAudit } from './auditStore.js';
import type { Keys } from './keys.js';

export class CorrectionLog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Returns the correction's 1-based position in the report's list (unique: used in the re-fold job id). */
  async append(reportId: string, correction: Correction, audit: AuditEntry): Promise<number> {
    const multi = this.redis.multi().rpush(this.keys.corrections(reportId), JSON.stringify(correction));
    appendAudit(multi, this.keys.audit(reportId), audit);
    const results = (await multi.exec()) ?? [];
    for (const [err] of results) if (err) throw err;
    return results[0][1] as number;
  }
}
