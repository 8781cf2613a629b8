/**
 * Reports in Redis: one hash per report (report JSON, status, extraction, flags, error),
 * an index of every id ever taken (the permanent duplicate record) and the pending set.
 */
import type { Redis } from 'ioredis';
import type { CrisisAssignment } from '../../shared/crisis.js';
import type { CrisisOverride } from '../../shared/crisis.js';
import type { Extraction } from '../../shared/extraction.js';
import type { Flag, Report, ReportDetail, ReportStatus, ReportSummary } from '../../shared/report.js';
import { unverified, type ReportVerification } from '../../shared/verification.js';
import type { Keys } from './keys.js';

/** Takes a report unless its id is already taken; index and pending set move with it, atomically. */
const ACCEPT_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'report', ARGV[1], 'status', 'queued')
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
return 1`;

const MARK_FAILED_LUA = `
if redis.call('HGET', KEYS[1], 'status') == 'done' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'failed', 'error', ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('INCR', KEYS[3])
return 1`;

const EXCERPT_CHARS = 280;

export type StoredReport = {
  report: Report;
  status: ReportStatus;
  /** As folded: the machine's extraction with journalists' corrections applied. */
  extraction?: Extraction;
  /** The machine's own extraction, kept when corrections changed it (corrections index into it). */
  original?: Extraction;
  flags: Flag[];
  /** The desk's verdicts on it and its facts; absent while never judged. */
  verification?: ReportVerification;
  /** The crises it was folded into, and why; absent before its first fold. */
  crises?: CrisisAssignment[];
  /** `crises` as stored (JSON, "" when absent): the fold checks nobody changed it meanwhile. */
  crisesJson: string;
  /** Journalists' assignments to crises and removals from them, by slug. */
  overrides: Record<string, CrisisOverride>;
  error?: string;
};

export function summarize(
  stored: Pick<StoredReport, 'report' | 'status' | 'flags' | 'crises' | 'verification'>,
): ReportSummary {
  const { report } = stored;
  return {
    id: report.id,
    title: report.title,
    source: report.source,
    url: report.url,
    dateline: report.dateline,
    receivedAt: report.receivedAt,
    status: stored.status,
    excerpt: excerptOf(report.text),
    flags: stored.flags,
    ...(stored.verification ? { verification: stored.verification } : {}),
    ...(stored.crises ? { crises: stored.crises } : {}),
  };
}

/**
 * The text's start with runs of white space made one space, cut at EXCERPT_CHARS. Only a head of
 * the text is normalised when that already gives more than enough (the worker summarises every
 * report it folds); a head is the start of the whole normalised text, so the result is the same.
 */
function excerptOf(raw: string): string {
  // A little over the excerpt: it was the worker's largest allocation per report at 4× (bench ingest).
  const headChars = EXCERPT_CHARS + 64;
  const head = raw.length > headChars ? raw.slice(0, headChars).replace(/\s+/g, ' ').trimStart() : '';
  // More text follows the head, so the whole normalised text is at least as long as the head.
  const text = head.length > EXCERPT_CHARS ? head : raw.replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

function parseStored(fields: Record<string, string>): StoredReport | null {
  if (!fields.report) return null;
  return {
    report: JSON.parse(fields.report) as Report,
    status: (fields.status as ReportStatus) ?? 'queued',
    extraction: fields.extraction ? (JSON.parse(fields.extraction) as Extraction) : undefined,
    original: fields.original ? (JSON.parse(fields.original) as Extraction) : undefined,
    flags: fields.flags ? (JSON.parse(fields.flags) as Flag[]) : [],
    ...(fields.verification ? { verification: JSON.parse(fields.verification) as ReportVerification } : {}),
    crises: fields.crises ? (JSON.parse(fields.crises) as CrisisAssignment[]) : undefined,
    crisesJson: fields.crises ?? '',
    overrides: fields.overrides ? (JSON.parse(fields.overrides) as Record<string, CrisisOverride>) : {},
    error: fields.error || undefined,
  };
}

export class ReportStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Stores a new report; false when its id was already taken (a duplicate). */
  async accept(report: Report): Promise<boolean> {
    const taken = await this.redis.eval(
      ACCEPT_LUA,
      3,
      this.keys.report(report.id),
      this.keys.reportIndex,
      this.keys.pending,
      JSON.stringify(report),
      String(Date.parse(report.receivedAt)),
      report.id,
    );
    return taken === 1;
  }

  async get(id: string): Promise<StoredReport | null> {
    return parseStored(await this.redis.hgetall(this.keys.report(id)));
  }

  async getMany(ids: string[]): Promise<(StoredReport | null)[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.keys.report(id));
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, fields]) => (err ? null : parseStored(fields as Record<string, string>)));
  }

  /**
   * Newest first; `beforeMs` pages back from a receivedAt (exclusive). `index`: another index of
   * ids scored by receivedAt (a crisis' reports, those in no crisis); every report by default.
   */
  async listIds(limit: number, beforeMs?: number, index = this.keys.reportIndex): Promise<string[]> {
    const max = beforeMs === undefined ? '+inf' : `(${beforeMs}`;
    return this.redis.zrevrangebyscore(index, max, '-inf', 'LIMIT', 0, limit);
  }

  async list(limit: number, beforeMs?: number, index?: string): Promise<StoredReport[]> {
    const stored = await this.getMany(await this.listIds(limit, beforeMs, index));
    return stored.filter((s): s is StoredReport => s !== null);
  }

  async count(): Promise<number> {
    return this.redis.zcard(this.keys.reportIndex);
  }

  /** Marks a report failed for good, with the reason a person can read (never one already done). */
  async markFailed(id: string, error: string): Promise<void> {
    await this.redis.eval(
      MARK_FAILED_LUA,
      3,
      this.keys.report(id),
      this.keys.pending,
      this.keys.statsFailed,
      id,
      error.slice(0, 2000),
    );
  }

  /** Ids accepted before `olderThanMs` that are still not done. */
  async pendingBefore(olderThanMs: number, limit = 1000): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.pending, '-inf', olderThanMs, 'LIMIT', 0, limit);
  }
}

export function toDetail(stored: StoredReport, status: ReportStatus = stored.status): ReportDetail {
  return {
    id: stored.report.id,
    status,
    report: stored.report,
    extraction: stored.extraction,
    flags: stored.flags,
    verification: stored.verification ?? unverified(),
    ...(stored.crises ? { crises: stored.crises } : {}),
    ...(Object.keys(stored.overrides).length > 0 ? { overrides: stored.overrides } : {}),
    error: stored.error,
  };
}
