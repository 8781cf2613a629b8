/**
 * Reads and commits the fold state with optimistic concurrency: a worker reads the
 * state and its version, folds a batch of reports in memory (server/state, pure), then
 * commits state, public view, report statuses and change-stream entries in ONE Lua
 * script that first checks the version. A conflict means another worker committed in
 * between: the caller re-reads and folds again. A retried job therefore never
 * announces a report twice.
 */
import type { Redis } from 'ioredis';
import type { ChangeBody } from '../../shared/events.js';
import type { PublicState } from '../../shared/state.js';
import { CHANGE_FIELD } from './changeStream.js';
import type { Keys } from './keys.js';

const COMMIT_LUA = `
-- KEYS: 1 state, 2 version, 3 public, 4 seq, 5 changes, 6 pending, 7 processed counter, 8.. report hashes
-- ARGV: 1 expected version, 2 state json, 3 public json, 4 maxlen, 5 n reports,
--       then per report: id, extraction json; then n changes, then change jsons
if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return false end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SET', KEYS[3], ARGV[3])
redis.call('INCR', KEYS[2])
local n = tonumber(ARGV[5])
local a = 6
for i = 1, n do
  redis.call('HSET', KEYS[7 + i], 'status', 'done', 'extraction', ARGV[a + 1])
  redis.call('HDEL', KEYS[7 + i], 'error')
  redis.call('ZREM', KEYS[6], ARGV[a])
  a = a + 2
end
redis.call('INCRBY', KEYS[7], n)
local m = tonumber(ARGV[a])
local last = false
for i = 1, m do
  last = redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[4], '*', '${CHANGE_FIELD}', ARGV[a + i])
end
if last then redis.call('SET', KEYS[4], last) end
return 1`;

export type FoldRead<S> = {
  version: string;
  state: S | null;
  /** Status and stored extraction JSON of each requested report, in order. */
  reports: { status: string | null; extractionJson: string | null }[];
};

export class FoldStore<S> {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly maxLen: number,
  ) {}

  async read(reportIds: string[]): Promise<FoldRead<S>> {
    const multi = this.redis.multi().get(this.keys.stateVersion).get(this.keys.state);
    for (const id of reportIds) multi.hmget(this.keys.report(id), 'status', 'extraction');
    const results = (await multi.exec()) ?? [];
    for (const [err] of results) if (err) throw err;
    const [version, stateJson] = [results[0][1] as string | null, results[1][1] as string | null];
    return {
      version: version ?? '0',
      state: stateJson ? (JSON.parse(stateJson) as S) : null,
      reports: results.slice(2).map(([, v]) => {
        const [status, extractionJson] = v as [string | null, string | null];
        return { status, extractionJson };
      }),
    };
  }

  /** Commits a folded batch; false when the version moved (re-read and fold again). */
  async commit(
    expectedVersion: string,
    state: S,
    publicView: Omit<PublicState, 'seq' | 'reports'>,
    reports: { id: string; extractionJson: string }[],
    changes: ChangeBody[],
  ): Promise<boolean> {
    const keys = [
      this.keys.state,
      this.keys.stateVersion,
      this.keys.publicState,
      this.keys.stateSeq,
      this.keys.changes,
      this.keys.pending,
      this.keys.statsProcessed,
      ...reports.map((r) => this.keys.report(r.id)),
    ];
    const args = [
      expectedVersion,
      JSON.stringify(state),
      JSON.stringify(publicView),
      String(this.maxLen),
      String(reports.length),
      ...reports.flatMap((r) => [r.id, r.extractionJson]),
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
