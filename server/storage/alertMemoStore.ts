/**
 * Each subscription's rule memo (server/alerts/memo.ts) with the seq of the last change it
 * judged. A memo is only ever moved forward: a change older than the memo (already judged,
 * or made before the subscription existed) is skipped by the evaluator.
 */
import type { Redis } from 'ioredis';
import type { RuleMemo } from '../alerts/memo.js';
import type { Keys } from './keys.js';

/** Writes the memo only if `seq` is newer than the stored one (stream ids compared as ms, then counter). */
const SET_IF_NEWER_LUA = `
local cur = redis.call('HGET', KEYS[1], 'seq')
if cur then
  local cm, cs = string.match(cur, '^(%d+)-(%d+)$')
  local nm, ns = string.match(ARGV[1], '^(%d+)-(%d+)$')
  cm, cs, nm, ns = tonumber(cm), tonumber(cs), tonumber(nm), tonumber(ns)
  if cm > nm or (cm == nm and cs >= ns) then return 0 end
end
redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'memo', ARGV[2])
return 1`;

export type StoredMemo = { seq: string; memo: RuleMemo };

export class AlertMemoStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Memos of several subscriptions in one round trip (missing ones: seq "0-0", empty memo). */
  async getMany(ids: string[]): Promise<StoredMemo[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hmget(this.keys.alertMemo(id), 'seq', 'memo');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, value]) => {
      if (err) throw err;
      const [seq, memo] = value as [string | null, string | null];
      return { seq: seq ?? '0-0', memo: memo ? (JSON.parse(memo) as RuleMemo) : {} };
    });
  }

  /** Moves the memo forward to `seq`; false when a newer one is already stored. */
  async setIfNewer(id: string, seq: string, memo: RuleMemo): Promise<boolean> {
    return (await this.redis.eval(SET_IF_NEWER_LUA, 1, this.keys.alertMemo(id), seq, JSON.stringify(memo))) === 1;
  }

  /** Replaces the memo without touching its seq (the meeting.soon sweep, which no change drives). */
  async setMemoOnly(id: string, memo: RuleMemo): Promise<void> {
    await this.redis.hset(this.keys.alertMemo(id), 'memo', JSON.stringify(memo));
  }
}
