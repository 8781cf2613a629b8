/**
 * Marks folded reports done: each report's hash gets its extraction, its crises and the
 * fingerprint of what was folded; the pending set, the "in no crisis" index and the processed
 * counter move with it, and the desk stream announces the report (added the first time,
 * updated when a later fold changed its extraction or crises, nothing when it changed neither).
 * Written after the crises' own folds (storage/foldStore.ts) and only if the crises are still at
 * the version the reports were routed with: otherwise nothing is written and the caller routes
 * again. All keys here share the deployment's hash tag.
 */
import type { Redis } from 'ioredis';
import { CHANGE_FIELD } from './changeStream.js';
import type { Keys } from './keys.js';

/**
 * KEYS: 1 crises version, 2 pending, 3 processed counter, 4 desk changes, 5 no-crisis index, 6.. report hashes.
 * ARGV: 1 expected crises version, 2 maxlen, 3 n, then per report: id, fingerprint, extraction JSON,
 *       crises JSON, summary JSON, receivedAt ms, original extraction JSON ('' = as extracted), the
 *       crises JSON the fold started from ('' = none).
 * Returns -1 when the crises moved on, -2 when another job changed a report's crises meanwhile,
 * else the number of reports announced.
 */
const COMMIT_LUA = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return -1 end
local n = tonumber(ARGV[3])
for i = 1, n do
  if (redis.call('HGET', KEYS[5 + i], 'crises') or '') ~= ARGV[4 + (i - 1) * 8 + 7] then return -2 end
end
local announced = 0
local a = 4
for i = 1, n do
  local key = KEYS[5 + i]
  local id, fp, crises, score, original = ARGV[a], ARGV[a + 1], ARGV[a + 3], ARGV[a + 5], ARGV[a + 6]
  local prev = redis.call('HMGET', key, 'report', 'status', 'fp', 'crises', 'flags', 'verification')
  if prev[1] and (prev[2] ~= 'done' or prev[3] ~= fp or prev[4] ~= crises) then
    redis.call('HSET', key, 'status', 'done', 'extraction', ARGV[a + 2], 'fp', fp, 'crises', crises)
    redis.call('HDEL', key, 'error')
    if original == '' then redis.call('HDEL', key, 'original') else redis.call('HSET', key, 'original', original) end
    if crises == '[]' then redis.call('ZADD', KEYS[5], score, id) else redis.call('ZREM', KEYS[5], id) end
    local kind = 'report.updated'
    if prev[2] ~= 'done' then
      kind = 'report.added'
      redis.call('INCR', KEYS[3])
    end
    -- The summary comes without its flags and verdicts: they are the ones set now, not when the job began.
    local verdicts = ''
    if prev[6] then verdicts = ',"verification":' .. prev[6] end
    local summary = string.sub(ARGV[a + 4], 1, -2) .. ',"flags":' .. (prev[5] or '[]') .. verdicts .. '}'
    redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[2], '*', '${CHANGE_FIELD}',
      '{"type":"' .. kind .. '","id":"' .. id .. '","report":' .. summary .. '}')
    announced = announced + 1
  end
  redis.call('ZREM', KEYS[2], id)
  a = a + 8
end
return announced`;

/** One folded report as its hash keeps it. */
export type DoneReport = {
  id: string;
  /** Fingerprint of the extraction stored (corrections applied). */
  fingerprint: string;
  extractionJson: Buffer;
  /** JSON of its CrisisAssignment[] ("[]": in no crisis). */
  crisesJson: string;
  /**
   * JSON of its ReportSummary (crises included) WITHOUT `flags`, an object: the script announces it
   * with the report's flags as they are when it commits.
   */
  summaryJson: string;
  receivedAtMs: number;
  /** The machine's own extraction when corrections changed it: what the desk's corrections index into. */
  originalJson: Buffer | null;
  /** Its crises JSON as read when the fold began ("" when it had none): another job's change in between is a conflict. */
  previousCrisesJson: string;
};

/** `moved`: the crises changed (route again); `raced`: another job changed a report's crises (read them again). */
export type CommitResult = 'committed' | 'moved' | 'raced';

export class ReportCommit {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly maxLen: number,
  ) {}

  /** Writes the reports' records, unless the crises or a report's crises moved on (then nothing is written). */
  async commit(crisesVersion: number, reports: readonly DoneReport[]): Promise<CommitResult> {
    const k = this.keys;
    const keys = [
      k.crisesVersion,
      k.pending,
      k.statsProcessed,
      k.changes,
      k.unassigned,
      ...reports.map((r) => k.report(r.id)),
    ];
    const args: (string | Buffer)[] = [String(crisesVersion), String(this.maxLen), String(reports.length)];
    for (const r of reports)
      args.push(
        r.id,
        r.fingerprint,
        r.extractionJson,
        r.crisesJson,
        r.summaryJson,
        String(r.receivedAtMs),
        r.originalJson ?? '',
        r.previousCrisesJson,
      );
    const result = Number(await this.redis.eval(COMMIT_LUA, keys.length, ...keys, ...args));
    return result === -1 ? 'moved' : result === -2 ? 'raced' : 'committed';
  }
}
