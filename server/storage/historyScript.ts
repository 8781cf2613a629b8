/**
 * The part of a fold commit (storage/foldStore.ts) that writes the crisis' as-of history
 * (storage/historyStore.ts reads it): one stream entry per report the batch folded in or took
 * out, in fold order, and the checkpoints of the fold the worker made inside the batch. Run in
 * the same script as the fold's own commit, so the history is exactly the sequence of inputs the
 * live state is the fold of, and a conflicting commit writes none of it.
 */

/** Reports folded between two checkpoints at first; doubles each time the checkpoints are thinned. */
export const HISTORY_CHECKPOINT_EVERY = 128;
/**
 * Checkpoints kept per crisis (each a gzipped state of ~40-60 KB: the fold's state is bounded).
 * Past it every other one is dropped and the spacing doubles, so memory stays under
 * ~MAX × 60 KB (~120 MB) per crisis whatever the number of reports, at the cost of longer
 * replays past 262,144 reports (docs/asof.md).
 */
export const HISTORY_MAX_CHECKPOINTS = 2048;

/** Field names of a history entry (short: there is one entry per report folded). */
export const HISTORY_FIELDS = {
  /** Report id. */
  report: 'r',
  /** Its dateline, as folded. */
  dateline: 'd',
  /** The crisis fingerprint it was folded in with; '' when the entry takes it out. */
  fingerprint: 'f',
  /** Its receivedAt, ms. */
  receivedAt: 't',
  /** Key of the fold options it was folded with (their JSON is in the options hash). */
  options: 'o',
  /** The extraction folded, inline, when corrections made it differ from the report's own. */
  extraction: 'x',
  /** Set on the marker a rebuild writes: the fold starts again from nothing after it. */
  reset: 'reset',
  /** Set on the first entry of a crisis folded before it had a history: a checkpoint of its state then. */
  seed: 'seed',
} as const;

/**
 * Lua run at the end of the fold commit. Expects the locals `n` (reports) and `h` (the ARGV
 * index where the history arguments start), the reports' own arguments at ARGV[8..] in triples
 * (id, fingerprint, receivedAt ms), and KEYS 11..16: history, checkpoints, states, options,
 * since, every.
 * ARGV[h..]: options key, options JSON, first spacing, max checkpoints, the seed ('' = none: a
 * gzipped state to start the history from), k, then k pairs (1-based position in the batch,
 * gzipped state), then per report: dateline, inline extraction.
 * Leaves the spacing now in force in the local `every`.
 */
export const HISTORY_LUA = `
local okey, ojson = ARGV[h], ARGV[h + 1]
local every = tonumber(redis.call('GET', KEYS[16]) or ARGV[h + 2])
local maxcp, k = tonumber(ARGV[h + 3]), tonumber(ARGV[h + 5])
redis.call('HSETNX', KEYS[14], okey, ojson)
if ARGV[h + 4] ~= '' and redis.call('EXISTS', KEYS[11]) == 0 then
  local id = redis.call('XADD', KEYS[11], '*', 'seed', '1', 'o', okey)
  redis.call('HSET', KEYS[13], id, ARGV[h + 4])
  redis.call('ZADD', KEYS[12], tonumber(string.match(id, '^(%d+)')), id)
end
local cps = {}
local c = h + 6
for i = 1, k do
  cps[tonumber(ARGV[c])] = ARGV[c + 1]
  c = c + 2
end
local lastcp = 0
local b = 8
for i = 1, n do
  local fields = {'r', ARGV[b], 'd', ARGV[c], 'f', ARGV[b + 1], 't', ARGV[b + 2], 'o', okey}
  if ARGV[c + 1] ~= '' then
    fields[#fields + 1] = 'x'
    fields[#fields + 1] = ARGV[c + 1]
  end
  local id = redis.call('XADD', KEYS[11], '*', unpack(fields))
  if cps[i] then
    redis.call('HSET', KEYS[13], id, cps[i])
    redis.call('ZADD', KEYS[12], tonumber(string.match(id, '^(%d+)')), id)
    lastcp = i
  end
  b = b + 3
  c = c + 2
end
if lastcp > 0 then
  redis.call('SET', KEYS[15], n - lastcp)
else
  redis.call('INCRBY', KEYS[15], n)
end
if redis.call('ZCARD', KEYS[12]) > maxcp then
  local all = redis.call('ZRANGE', KEYS[12], 0, -1)
  for i = 2, #all - 1, 2 do
    redis.call('ZREM', KEYS[12], all[i])
    redis.call('HDEL', KEYS[13], all[i])
  end
  every = every * 2
end
redis.call('SET', KEYS[16], every)`;

/** What a fold commit adds to the history. */
export type HistoryWrite = {
  optionsKey: string;
  optionsJson: string;
  /** Per report of the commit, in order: its dateline and, when corrected, the extraction JSON folded. */
  entries: { dateline: string; inlineExtraction: Buffer | null }[];
  /** Checkpoints after the report at this 1-based position of the commit: the gzipped state. */
  checkpoints: { position: number; state: Buffer }[];
  /**
   * The state before the batch, gzipped, when the crisis has a fold but no history yet (folded
   * by a version without one): the history starts from it instead of from nothing.
   */
  seed: Buffer | null;
};

/** The first spacing of checkpoints and how many a crisis keeps (other values only in tests). */
export type HistoryLimits = { every: number; maxCheckpoints: number };
export const HISTORY_LIMITS: HistoryLimits = {
  every: HISTORY_CHECKPOINT_EVERY,
  maxCheckpoints: HISTORY_MAX_CHECKPOINTS,
};

export function historyArgs(write: HistoryWrite, limits: HistoryLimits = HISTORY_LIMITS): (string | Buffer)[] {
  return [
    write.optionsKey,
    write.optionsJson,
    String(limits.every),
    String(limits.maxCheckpoints),
    write.seed ?? '',
    String(write.checkpoints.length),
    ...write.checkpoints.flatMap((c) => [String(c.position), c.state]),
    ...write.entries.flatMap((e) => [e.dateline, e.inlineExtraction ?? '']),
  ];
}
