/**
 * Reads and commits the fold state with optimistic concurrency. The state is kept as a
 * checkpoint (the whole state at some version) plus a log with one entry per batch folded
 * since, so a commit writes its batch's inputs (a few KB), not the whole state (~250 KB):
 * the state is written whole only every so many reports. A worker keeps the state it last
 * committed in memory and reads only the log entries it has not folded itself.
 *
 * Each crisis has its own fold (keys under its own hash tag, storage/keys.ts). One Lua script
 * commits the log entry (or a new checkpoint), the public view, which reports are folded in
 * with which extraction (a fingerprint per report) and the crisis' change-stream entries
 * together, after checking the version. A conflict means another worker committed in between:
 * the caller catches up and folds again. The fingerprints make a retried job's fold a no-op, so
 * it never announces a report twice. The reports' own hashes are committed afterwards, apart
 * (storage/reportCommit.ts): a script may only touch one crisis' slot.
 */
import type { Redis } from 'ioredis';
import type { ChangeBody } from '../../shared/events.js';
import type { PublicState } from '../../shared/state.js';
import { CHANGE_FIELD } from './changeStream.js';
import { HISTORY_LIMITS, HISTORY_LUA, historyArgs, type HistoryLimits, type HistoryWrite } from './historyScript.js';
import type { CrisisKeys } from './keys.js';

const READ_LUA = `
-- KEYS: 1 version, 2 checkpoint, 3 checkpoint version, 4 log, 5 log report count, 6 folded hash,
--       7 history entries since its newest checkpoint, 8 history checkpoint spacing, 9 history
-- ARGV: 1 the version the caller holds in memory ('' = none), 2.. report ids
local v = tonumber(redis.call('GET', KEYS[1]) or '0')
local cv = tonumber(redis.call('GET', KEYS[3]) or '0')
local known = tonumber(ARGV[1])
local checkpoint = false
local log = {}
if known and known >= cv and known <= v then
  if known < v then log = redis.call('LRANGE', KEYS[4], known - cv, -1) end
else
  checkpoint = redis.call('GET', KEYS[2]) or ''
  log = redis.call('LRANGE', KEYS[4], 0, -1)
end
local folded = {}
if #ARGV > 1 then
  local ids = {}
  for i = 2, #ARGV do ids[#ids + 1] = ARGV[i] end
  local got = redis.call('HMGET', KEYS[6], unpack(ids))
  for i = 1, #got do folded[i] = got[i] or '' end
end
return {tostring(v), checkpoint and 1 or 0, checkpoint or '', log, folded, redis.call('GET', KEYS[5]) or '0',
  redis.call('GET', KEYS[7]) or '0', redis.call('GET', KEYS[8]) or '', redis.call('EXISTS', KEYS[9])}`;

const COMMIT_LUA = `
-- KEYS: 1 checkpoint, 2 version, 3 public, 4 seq, 5 changes, 6 checkpoint version, 7 log,
--       8 log report count, 9 folded hash, 10 the crisis' report index, 11..16 the history's
--       (storage/historyScript.ts)
-- ARGV: 1 expected version, 2 log entry, 3 checkpoint json ('' = append to the log instead),
--       4 public json ('' = unchanged), 5 maxlen, 6 '1' when every report must still be unfolded,
--       7 n reports, then per report: id, fingerprint ('' = taken out of the crisis), receivedAt ms;
--       then m changes, then change jsons, then the history's arguments
-- Returns the history's checkpoint spacing, or false when the version moved.
if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return false end
local n = tonumber(ARGV[7])
if ARGV[6] == '1' then
  for i = 1, n do
    if redis.call('HEXISTS', KEYS[9], ARGV[5 + 3 * i]) == 1 then return false end
  end
end
local v = redis.call('INCR', KEYS[2])
if ARGV[3] ~= '' then
  redis.call('SET', KEYS[1], ARGV[3])
  redis.call('SET', KEYS[6], v)
  redis.call('DEL', KEYS[7], KEYS[8])
else
  redis.call('RPUSH', KEYS[7], ARGV[2])
  redis.call('INCRBY', KEYS[8], n)
end
if ARGV[4] ~= '' then redis.call('SET', KEYS[3], ARGV[4]) end
local a = 8
for i = 1, n do
  local id, fingerprint = ARGV[a], ARGV[a + 1]
  if fingerprint == '' then
    redis.call('HDEL', KEYS[9], id)
    redis.call('ZREM', KEYS[10], id)
  else
    redis.call('HSET', KEYS[9], id, fingerprint)
    redis.call('ZADD', KEYS[10], ARGV[a + 2], id)
  end
  a = a + 3
end
local m = tonumber(ARGV[a])
local last = false
for i = 1, m do
  last = redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[5], '*', '${CHANGE_FIELD}', ARGV[a + i])
end
if last then redis.call('SET', KEYS[4], last) end
local h = a + m + 1
${HISTORY_LUA}
return every`;

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
  /** The fingerprint each requested report is folded in with, in order; null when it is not in the crisis. */
  folded: (string | null)[];
  /** The as-of history: entries since its newest checkpoint, and the spacing of its checkpoints. */
  history: HistoryPosition;
};

/** Entries since the newest checkpoint, the spacing, and whether the crisis has a history at all. */
export type HistoryPosition = { since: number; every: number; exists: boolean };

/** One report of a committed batch: in the crisis with this fingerprint, or taken out (null). */
export type FoldedReport = { id: string; fingerprint: string | null; receivedAtMs: number };

export type FoldCommit<S> = {
  /** What the batch folded, as the log entry a reader replays (UTF-8 JSON). */
  logEntry: Buffer;
  /** The whole new state, when it is time for a checkpoint (the log is then emptied). */
  checkpoint: S | null;
  /** What the batch adds to the as-of history. */
  history: HistoryWrite;
};

export type PublicView = Omit<PublicState, 'seq' | 'reports' | 'crisis'>;

export class FoldStore<S> {
  constructor(
    private readonly redis: Redis,
    readonly keys: CrisisKeys,
    private readonly maxLen: number,
    private readonly historyLimits: HistoryLimits = HISTORY_LIMITS,
  ) {}

  /** The version, what is needed to reach it from `heldVersion`, and how the given reports are folded in. */
  async read(reportIds: string[], heldVersion: string | null = null): Promise<FoldRead<S>> {
    const k = this.keys;
    const keys = [
      k.stateVersion,
      k.state,
      k.stateCheckpointVersion,
      k.stateLog,
      k.stateLogReports,
      k.folded,
      k.historySince,
      k.historyEvery,
      k.history,
    ];
    const [version, full, checkpointJson, log, folded, logReports, since, every, exists] = (await this.redis.eval(
      READ_LUA,
      keys.length,
      ...keys,
      heldVersion ?? '',
      ...reportIds,
    )) as [string, number, string, string[], string[], string, string, string, number];
    return {
      version,
      ...(full === 1 ? { checkpoint: { state: checkpointJson ? (JSON.parse(checkpointJson) as S) : null } } : {}),
      log,
      logReports: Number(logReports),
      folded: reportIds.map((_, i) => folded[i] || null),
      history: { since: Number(since), every: Number(every) || this.historyLimits.every, exists: exists === 1 },
    };
  }

  /**
   * Commits a folded batch; null when the version moved (catch up and fold again), else the
   * history's checkpoint spacing now in force. `publicView`
   * null keeps the stored one (the batch changed nothing public). With `requireUnfolded`, also
   * null when any of the reports is already folded in: the caller folded them as new without
   * reading, and must read and fold again.
   */
  async commit(
    expectedVersion: string,
    fold: FoldCommit<S>,
    publicView: PublicView | null,
    reports: FoldedReport[],
    changes: ChangeBody[],
    requireUnfolded = false,
  ): Promise<number | null> {
    const k = this.keys;
    const keys = [
      k.state,
      k.stateVersion,
      k.publicState,
      k.stateSeq,
      k.changes,
      k.stateCheckpointVersion,
      k.stateLog,
      k.stateLogReports,
      k.folded,
      k.reports,
      k.history,
      k.historyCheckpoints,
      k.historyStates,
      k.historyOptions,
      k.historySince,
      k.historyEvery,
    ];
    const args = [
      expectedVersion,
      fold.logEntry,
      fold.checkpoint === null ? '' : JSON.stringify(fold.checkpoint),
      publicView === null ? '' : JSON.stringify(publicView),
      String(this.maxLen),
      requireUnfolded ? '1' : '0',
      String(reports.length),
      ...reports.flatMap((r) => [r.id, r.fingerprint ?? '', String(r.receivedAtMs)]),
      String(changes.length),
      ...changes.map((c) => JSON.stringify(c)),
      ...historyArgs(fold.history, this.historyLimits),
    ];
    const every = await this.redis.eval(COMMIT_LUA, keys.length, ...keys, ...args);
    return typeof every === 'number' ? every : null;
  }

  /** The public view and the seq it reflects, read together. */
  async readPublic(): Promise<{ view: PublicView | null; seq: string }> {
    const results = (await this.redis.multi().get(this.keys.publicState).get(this.keys.stateSeq).exec()) ?? [];
    for (const [err] of results) if (err) throw err;
    const [viewJson, seq] = [results[0][1] as string | null, results[1][1] as string | null];
    return { view: viewJson ? (JSON.parse(viewJson) as PublicView) : null, seq: seq ?? '0-0' };
  }
}
