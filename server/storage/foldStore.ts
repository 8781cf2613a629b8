/**
 * Reads and commits the fold state with optimistic concurrency. The state is kept as a
 * checkpoint (the whole state at some version) plus a log with one entry per batch folded
 * since, so a commit writes its batch's inputs (a few KB), not the whole state (~250 KB):
 * the state is written whole only every so many reports. A worker keeps the state it last
 * committed in memory and reads only the log entries it has not folded itself.
 *
 * One Lua script commits the log entry (or a new checkpoint), the public view, the report
 * statuses and the change-stream entries together, after checking the version. A conflict
 * means another worker committed in between: the caller catches up and folds again. A
 * retried job therefore never announces a report twice.
 */
import type { Redis } from 'ioredis';
import type { ChangeBody } from '../../shared/events.js';
import type { PublicState } from '../../shared/state.js';
import { CHANGE_FIELD } from './changeStream.js';
import type { Keys } from './keys.js';

const READ_LUA = `
-- KEYS: 1 version, 2 checkpoint, 3 checkpoint version, 4 log, 5 log report count, 6.. report hashes
-- ARGV: 1 the version the caller holds in memory ('' = none)
local v = tonumber(redis.call('GET', KEYS[1]) or '0')
local pinned = redis.call('GET', KEYS[3])
-- Before checkpoints existed every commit wrote the whole state: it is a checkpoint at v.
local cv = pinned and tonumber(pinned) or v
local known = tonumber(ARGV[1])
local checkpoint = false
local log = {}
if known and known >= cv and known <= v then
  if known < v then log = redis.call('LRANGE', KEYS[4], known - cv, -1) end
else
  checkpoint = redis.call('GET', KEYS[2]) or ''
  log = redis.call('LRANGE', KEYS[4], 0, -1)
end
local reports = {}
for i = 6, #KEYS do
  local r = redis.call('HMGET', KEYS[i], 'status', 'extraction')
  reports[#reports + 1] = r[1] or ''
  reports[#reports + 1] = r[2] or ''
end
return {tostring(v), checkpoint and 1 or 0, checkpoint or '', log, reports, redis.call('GET', KEYS[5]) or '0'}`;

const COMMIT_LUA = `
-- KEYS: 1 checkpoint, 2 version, 3 public, 4 seq, 5 changes, 6 pending, 7 processed counter,
--       8 checkpoint version, 9 log, 10 log report count, 11.. report hashes
-- ARGV: 1 expected version, 2 log entry, 3 checkpoint json ('' = append to the log instead),
--       4 public json ('' = unchanged), 5 maxlen, 6 '1' when every report must still be unfolded,
--       7 n reports, then per report: id and the byte range [start, end) of its extraction json
--       in the log entry (ARGV 2, which carries every extraction, so each crosses once); then m
--       changes, then change jsons
if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return false end
local n = tonumber(ARGV[7])
if ARGV[6] == '1' then
  for i = 1, n do
    if redis.call('HGET', KEYS[10 + i], 'status') == 'done' then return false end
  end
end
local v = redis.call('INCR', KEYS[2])
if ARGV[3] ~= '' then
  redis.call('SET', KEYS[1], ARGV[3])
  redis.call('SET', KEYS[8], v)
  redis.call('DEL', KEYS[9], KEYS[10])
else
  -- The first entry after a whole-state write of the old format pins that write as the checkpoint.
  if redis.call('EXISTS', KEYS[8]) == 0 then redis.call('SET', KEYS[8], v - 1) end
  redis.call('RPUSH', KEYS[9], ARGV[2])
  redis.call('INCRBY', KEYS[10], n)
end
if ARGV[4] ~= '' then redis.call('SET', KEYS[3], ARGV[4]) end
local a = 8
for i = 1, n do
  local extraction = string.sub(ARGV[2], tonumber(ARGV[a + 1]) + 1, tonumber(ARGV[a + 2]))
  redis.call('HSET', KEYS[10 + i], 'status', 'done', 'extraction', extraction)
  redis.call('HDEL', KEYS[10 + i], 'error')
  redis.call('ZREM', KEYS[6], ARGV[a])
  a = a + 3
end
redis.call('INCRBY', KEYS[7], n)
local m = tonumber(ARGV[a])
local last = false
for i = 1, m do
  last = redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[5], '*', '${CHANGE_FIELD}', ARGV[a + i])
end
if last then redis.call('SET', KEYS[4], last) end
return 1`;

export type FoldRead<S> = {
  /** The current version: the checkpoint's plus the number of log entries. */
  version: string;
  /**
   * Set when the caller's version could not be caught up from the log alone (none given, or
   * older than the checkpoint): the checkpoint, null before the first one.
   */
  checkpoint?: { state: S | null };
  /** Log entries after the caller's version (or after the checkpoint), oldest first, as committed. */
  log: string[];
  /** Reports folded into the log since the checkpoint. */
  logReports: number;
  /** Status and stored extraction JSON of each requested report, in order. */
  reports: { status: string | null; extractionJson: string | null }[];
};

export type FoldCommit<S> = {
  /** What the batch folded, as the log entry a reader replays (UTF-8 JSON). */
  logEntry: Buffer;
  /**
   * Per committed report, in order: the byte range [start, end) of its extraction JSON in
   * `logEntry`, which is stored as the report's extraction.
   */
  extractions: [number, number][];
  /** The whole new state, when it is time for a checkpoint (the log is then emptied). */
  checkpoint: S | null;
};

export class FoldStore<S> {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly maxLen: number,
  ) {}

  /** The version, what is needed to reach it from `heldVersion`, and the given reports' statuses. */
  async read(reportIds: string[], heldVersion: string | null = null): Promise<FoldRead<S>> {
    const keys = [
      this.keys.stateVersion,
      this.keys.state,
      this.keys.stateCheckpointVersion,
      this.keys.stateLog,
      this.keys.stateLogReports,
      ...reportIds.map((id) => this.keys.report(id)),
    ];
    const [version, full, checkpointJson, log, reports, logReports] = (await this.redis.eval(
      READ_LUA,
      keys.length,
      ...keys,
      heldVersion ?? '',
    )) as [string, number, string, string[], string[], string];
    const statuses: FoldRead<S>['reports'] = [];
    for (let i = 0; i < reports.length; i += 2)
      statuses.push({ status: reports[i] || null, extractionJson: reports[i + 1] || null });
    return {
      version,
      ...(full === 1 ? { checkpoint: { state: checkpointJson ? (JSON.parse(checkpointJson) as S) : null } } : {}),
      log,
      logReports: Number(logReports),
      reports: statuses,
    };
  }

  /**
   * Commits a folded batch; false when the version moved (catch up and fold again). `publicView`
   * null keeps the stored one (the batch changed nothing public). With `requireUnfolded`, also
   * false when any of the reports is already done: the caller folded them as new without reading
   * their status, and must read and fold again.
   */
  async commit(
    expectedVersion: string,
    fold: FoldCommit<S>,
    publicView: Omit<PublicState, 'seq' | 'reports'> | null,
    reportIds: string[],
    changes: ChangeBody[],
    requireUnfolded = false,
  ): Promise<boolean> {
    const keys = [
      this.keys.state,
      this.keys.stateVersion,
      this.keys.publicState,
      this.keys.stateSeq,
      this.keys.changes,
      this.keys.pending,
      this.keys.statsProcessed,
      this.keys.stateCheckpointVersion,
      this.keys.stateLog,
      this.keys.stateLogReports,
      ...reportIds.map((id) => this.keys.report(id)),
    ];
    const args = [
      expectedVersion,
      fold.logEntry,
      fold.checkpoint === null ? '' : JSON.stringify(fold.checkpoint),
      publicView === null ? '' : JSON.stringify(publicView),
      String(this.maxLen),
      requireUnfolded ? '1' : '0',
      String(reportIds.length),
      ...reportIds.flatMap((id, i) => [id, String(fold.extractions[i][0]), String(fold.extractions[i][1])]),
      String(changes.length),
      ...changes.map((c) => JSON.stringify(c)),
    ];
    const ok = await this.redis.eval(COMMIT_LUA, keys.length, ...keys, ...args);
    return ok === 1;
  }

  /** The public view and the seq it reflects, read together. */
  async readPublic(): Promise<{ view: Omit<PublicState, 'seq' | 'reports'> | null; seq: string }> {
    const results = (await this.redis.multi().get(this.keys.publicState).get(this.keys.stateSeq).exec()) ?? [];
    for (const [err] of results) if (err) throw err;
    const [viewJson, seq] = [results[0][1] as string | null, results[1][1] as string | null];
    return { view: viewJson ? JSON.parse(viewJson) : null, seq: seq ?? '0-0' };
  }
}
