/**
 * Each subscription's rule memos (server/alerts/memo.ts), one per stream it watches (a crisis'
 * slug, or DESK_STREAM), each with the seq of the last change it judged there. Seqs are only
 * comparable within a stream, so every stream keeps its own. A memo is only ever moved forward:
 * a change older than the memo (already judged, or made before the subscription existed) is
 * skipped by the evaluator. All of a subscription's memos live in one hash (fields
 * `seq:<stream>` and `memo:<stream>`), so deleting the subscription deletes them all.
 */
import type { Redis } from 'ioredis';
import type { RuleMemo } from '../alerts/memo.js';
import type { Keys } from './keys.js';

/** The memo stream of desk changes (reports, flags): not a crisis slug (slugs are lower-case letters, digits, '-'). */
export const DESK_STREAM = '@desk';

/** The memo stream of a change: its crisis, or the desk. */
export const memoStream = (crisis: string | null) => crisis ?? DESK_STREAM;

/** Writes the memo only if `seq` is newer than the stored one (stream ids compared as ms, then counter). */
const SET_IF_NEWER_LUA = `
local cur = redis.call('HGET', KEYS[1], ARGV[3])
if cur then
  local cm, cs = string.match(cur, '^(%d+)-(%d+)$')
  local nm, ns = string.match(ARGV[1], '^(%d+)-(%d+)$')
  cm, cs, nm, ns = tonumber(cm), tonumber(cs), tonumber(nm), tonumber(ns)
  if cm > nm or (cm == nm and cs >= ns) then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[3], ARGV[1], ARGV[4], ARGV[2])
return 1`;

export type StoredMemo = { seq: string; memo: RuleMemo };

const seqField = (stream: string) => `seq:${stream}`;
const memoField = (stream: string) => `memo:${stream}`;

export class AlertMemoStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Memos of several subscriptions on one stream in one round trip (missing ones: seq "0-0", empty memo). */
  async getMany(ids: string[], stream: string): Promise<StoredMemo[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hmget(this.keys.alertMemo(id), seqField(stream), memoField(stream));
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, value]) => {
      if (err) throw err;
      const [seq, memo] = value as [string | null, string | null];
      return { seq: seq ?? '0-0', memo: memo ? (JSON.parse(memo) as RuleMemo) : {} };
    });
  }

  /** Moves a memo forward to `seq`; false when a newer one is already stored. */
  async setIfNewer(id: string, stream: string, seq: string, memo: RuleMemo): Promise<boolean> {
    const result = await this.redis.eval(
      SET_IF_NEWER_LUA,
      1,
      this.keys.alertMemo(id),
      seq,
      JSON.stringify(memo),
      seqField(stream),
      memoField(stream),
    );
    return result === 1;
  }

  /** Replaces a memo without touching its seq (the meeting.soon sweep, which no change drives). */
  async setMemoOnly(id: string, stream: string, memo: RuleMemo): Promise<void> {
    await this.redis.hset(this.keys.alertMemo(id), memoField(stream), JSON.stringify(memo));
  }

  /** The fields that seed a new subscription's memos: per stream, the seq it starts after and the memo. */
  static seedFields(seeds: { stream: string; seq: string; memo: RuleMemo }[]): string[] {
    return seeds.flatMap((s) => [seqField(s.stream), s.seq, memoField(s.stream), JSON.stringify(s.memo)]);
  }
}
