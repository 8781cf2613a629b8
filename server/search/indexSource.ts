/**
 * Reads reports from their hashes in the form the search index keeps (search/reportIndex.ts):
 * only the fields it needs, many at a time in one pipeline, and every report id in pages.
 */
import type { Redis } from 'ioredis';
import type { Extraction } from '../../shared/extraction.js';
import type { Flag, Report } from '../../shared/report.js';
import type { CrisisAssignment } from '../../shared/crisis.js';
import type { Keys } from '../storage/keys.js';
import type { IndexedReport } from './reportIndex.js';

const FIELDS = ['report', 'extraction', 'flags', 'crises', 'fp', 'verification'] as const;

/** A verdict stored as JSON `{status, …}` or as the bare status; none is `unverified`. */
export function verificationStatusOf(raw: string | null): string {
  if (!raw) return 'unverified';
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed === 'string') return parsed;
    const status = (parsed as { status?: unknown } | null)?.status;
    return typeof status === 'string' ? status : 'unverified';
  } catch {
    return raw;
  }
}

function toIndexed(id: string, values: (string | null)[]): IndexedReport | null {
  const [reportJson, extractionJson, flagsJson, crisesJson, fp, verification] = values;
  if (!reportJson) return null;
  const report = JSON.parse(reportJson) as Report;
  const entities = extractionJson ? (JSON.parse(extractionJson) as Extraction).entities : undefined;
  return {
    id,
    title: report.title,
    text: report.text,
    source: report.source,
    dateline: report.dateline,
    receivedAtMs: Date.parse(report.receivedAt),
    people: entities?.people ?? [],
    places: entities?.places ?? [],
    crises: crisesJson ? (JSON.parse(crisesJson) as CrisisAssignment[]).map((c) => c.slug) : undefined,
    flags: flagsJson ? (JSON.parse(flagsJson) as Flag[]).map((f) => f.flag) : [],
    verification: verificationStatusOf(verification),
    contentKey: fp ?? 'queued',
  };
}

export class IndexSource {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** The reports by id, null for one that is gone. */
  async read(ids: readonly string[]): Promise<(IndexedReport | null)[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hmget(this.keys.report(id), ...FIELDS);
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, values], i) => {
      if (err) throw err;
      return toIndexed(ids[i], values as (string | null)[]);
    });
  }

  /** How many reports there are. */
  count(): Promise<number> {
    return this.redis.zcard(this.keys.reportIndex);
  }

  /**
   * Every report id, oldest first, a page at a time. Pages follow the arrival time (not ranks), so
   * a report removed meanwhile shifts nothing; ids sharing the last page's time are not repeated.
   */
  async *allIds(pageSize: number): AsyncGenerator<string[]> {
    let from = '-inf';
    let atFrom = new Set<string>();
    for (;;) {
      const flat = await this.redis.zrangebyscore(
        this.keys.reportIndex,
        from,
        '+inf',
        'WITHSCORES',
        'LIMIT',
        0,
        pageSize + atFrom.size,
      );
      const ids: string[] = [];
      const scores: string[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        if (atFrom.has(flat[i]) && flat[i + 1] === from) continue;
        ids.push(flat[i]);
        scores.push(flat[i + 1]);
      }
      if (ids.length > 0) yield ids;
      if (flat.length < pageSize + atFrom.size) return;
      const last = scores[scores.length - 1];
      atFrom = last === from ? new Set([...atFrom, ...ids]) : new Set(ids.filter((_, i) => scores[i] === last));
      from = last;
    }
  }
}
