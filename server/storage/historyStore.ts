/**
 * Reads a crisis' as-of history (written by the fold commit, storage/historyScript.ts): the
 * newest checkpoint at or before a moment, the entries after it up to that moment, the
 * extractions they refer to, and the newest entries before a moment (for the reports list).
 * Every key read here is the crisis' own, except the reports' hashes the entries refer to.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Extraction } from '../../shared/extraction.js';
import { decodeCheckpoint } from './historyCodec.js';
import { HISTORY_FIELDS as F } from './historyScript.js';
import type { CrisisKeys, Keys } from './keys.js';

/** One history entry: a report folded in (`fingerprint` set) or taken out, or a rebuild's reset. */
export type HistoryEntry = {
  id: string;
  reset: boolean;
  /** The first entry of a crisis folded before it had a history: its checkpoint is the state then. */
  seed: boolean;
  reportId: string;
  dateline: string;
  /** '' when the entry takes the report out. */
  fingerprint: string;
  receivedAtMs: number;
  optionsKey: string;
  /** The extraction JSON, when the entry carries it inline (a corrected report). */
  inline: string | null;
};

const PAGE = 1000;

function parseEntry([id, flat]: [string, string[]]): HistoryEntry {
  const f = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) f.set(flat[i], flat[i + 1]);
  return {
    id,
    reset: f.has(F.reset),
    seed: f.has(F.seed),
    reportId: f.get(F.report) ?? '',
    dateline: f.get(F.dateline) ?? '',
    fingerprint: f.get(F.fingerprint) ?? '',
    receivedAtMs: Number(f.get(F.receivedAt) ?? 0),
    optionsKey: f.get(F.options) ?? '',
    inline: f.get(F.extraction) ?? null,
  };
}

/** Orders two stream ids ("ms-seq"). */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number);
  const [bm, bs] = b.split('-').map(Number);
  return am !== bm ? am - bm : as - bs;
}

/** The end of a range "up to `ms`" (every entry of that millisecond included), or the newest. */
const endOf = (ms: number | null) => (ms === null ? '+' : String(ms));

export class HistoryStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** The newest checkpoint whose entry is at or before `ms` (null: any moment), with its state. */
  async checkpointAtOrBefore<S>(crisis: CrisisKeys, ms: number | null): Promise<{ id: string; state: S } | null> {
    // Several checkpoints can share a millisecond (one batch crossing two positions): take the newest id.
    const near = await this.redis.zrevrangebyscore(crisis.historyCheckpoints, ms ?? '+inf', '-inf', 'LIMIT', 0, 4);
    if (near.length === 0) return null;
    const id = near.reduce((best, x) => (compareIds(x, best) > 0 ? x : best));
    const stored = await this.redis.hgetBuffer(crisis.historyStates, id);
    return stored ? { id, state: decodeCheckpoint<S>(stored) } : null;
  }

  /** Every entry from `fromId` (included; the oldest when null) up to `ms` (null: the newest), oldest first. */
  async entries(crisis: CrisisKeys, fromId: string | null, ms: number | null): Promise<HistoryEntry[]> {
    const all: HistoryEntry[] = [];
    for (let start = fromId ?? '-'; ;) {
      const page = (await this.redis.xrange(crisis.history, start, endOf(ms), 'COUNT', PAGE)) as [string, string[]][];
      all.push(...page.map(parseEntry));
      if (page.length < PAGE) return all;
      start = `(${page[page.length - 1][0]}`;
    }
  }

  /** The newest `count` entries up to `ms`, newest first. */
  async newest(crisis: CrisisKeys, ms: number | null, count: number): Promise<HistoryEntry[]> {
    const page = (await this.redis.xrevrange(crisis.history, endOf(ms), '-', 'COUNT', count)) as [string, string[]][];
    return page.map(parseEntry);
  }

  /** The fold options each options key stands for. */
  async options(crisis: CrisisKeys): Promise<Map<string, string>> {
    return new Map(Object.entries(await this.redis.hgetall(crisis.historyOptions)));
  }

  /**
   * The extraction each report was folded in with, from the report's record: the machine's own
   * (`original` once corrected, else `extraction`), checked against the entry's fingerprint. null
   * when the record is gone (retention) or holds another extraction than the one folded.
   */
  async extractions(entries: readonly HistoryEntry[]): Promise<Map<string, Extraction | null>> {
    const wanted = [...new Map(entries.map((e) => [e.reportId, e])).values()];
    const multi = this.redis.multi();
    for (const e of wanted) multi.hmget(this.keys.report(e.reportId), 'original', 'extraction');
    const results = (await multi.exec()) ?? [];
    const out = new Map<string, Extraction | null>();
    wanted.forEach((e, i) => {
      const [err, value] = results[i] ?? [null, null];
      if (err) throw err;
      const [original, extraction] = (value as (string | null)[] | null) ?? [null, null];
      const json = original ?? extraction;
      out.set(e.reportId, json !== null && fingerprintOf(json) === e.fingerprint.split('@')[0] ? parse(json) : null);
    });
    return out;
  }
}

const parse = (json: string) => JSON.parse(json) as Extraction;

/** As workers/foldBatcher.ts fingerprints the extraction JSON it folds and stores. */
function fingerprintOf(json: string): string {
  return createHash('sha1').update(json).digest('base64url').slice(0, 22);
}
