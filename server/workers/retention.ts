/**
 * Report retention (REPORT_RETENTION_DAYS; unset: reports are kept forever). Every
 * RETENTION_EVERY_MS one worker (a lock in Redis) removes the reports that arrived before the
 * cutoff, oldest first, a page at a time. A report in crises is first taken out of them the way
 * any report leaves a crisis (a fold with `extracted: null`, through the fold batcher), so their
 * pictures no longer count it; then its record, corrections, audit trail and index entries go,
 * and the desk stream says `report.removed`. Its id is forgotten too: the same text sent again
 * later is a new report.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { emptyExtraction } from '../../shared/extraction.js';
import { appendChange } from '../storage/changeStream.js';
import type { Keys } from '../storage/keys.js';
import { summarize, type ReportStore, type StoredReport } from '../storage/reportStore.js';
import type { CrisisRegistry, CrisisSet } from './crisisRegistry.js';
import { withJson } from './extractPool.js';
import type { FoldBatcher, FoldItem } from './foldBatcher.js';

export const RETENTION_EVERY_MS = 10 * 60_000;
const PAGE = 200;
const LOCK_MS = 5 * 60_000;

/** Unbinds a ninjs uri from a removed report (only if it is still bound to that report). */
const UNBIND_LUA = `if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end return 1`;

export type RetentionDeps = {
  redis: Redis;
  keys: Keys;
  maxLen: number;
  reports: ReportStore;
  crises: CrisisRegistry;
  batcher: FoldBatcher;
  log: Logger;
};

/** The fold that takes a report out of every crisis it is in: no routing, no hand assignment. */
function takeOut(stored: StoredReport, set: CrisisSet): FoldItem {
  const { id, dateline, receivedAt } = stored.report;
  return {
    report: {
      id,
      dateline,
      receivedAtMs: Date.parse(receivedAt),
      summary: summarize({ report: stored.report, status: 'done', flags: stored.flags }),
    },
    extracted: withJson(stored.extraction ?? emptyExtraction()),
    original: null,
    previous: { slugs: (stored.crises ?? []).map((c) => c.slug), json: stored.crisesJson },
    overrides: {},
    routing: { version: set.version, routed: [] },
  };
}

/** Removes every report that arrived before `cutoffMs`; returns how many. */
export async function removeReportsBefore(deps: RetentionDeps, cutoffMs: number): Promise<number> {
  const { redis, keys } = deps;
  let removed = 0;
  for (;;) {
    const ids = await redis.zrangebyscore(keys.reportIndex, '-inf', `(${cutoffMs}`, 'LIMIT', 0, PAGE);
    if (ids.length === 0) return removed;
    const stored = await deps.reports.getMany(ids);
    const set = await deps.crises.current();
    await Promise.all(
      stored.map((s) => (s && (s.crises?.length ?? 0) > 0 ? deps.batcher.submit(takeOut(s, set)) : undefined)),
    );
    const multi = redis.multi();
    ids.forEach((id, i) => {
      multi.del(keys.report(id), keys.corrections(id), keys.audit(id));
      multi.zrem(keys.reportIndex, id).zrem(keys.pending, id).zrem(keys.unassigned, id);
      const uri = (stored[i]?.report.meta?.ninjs as { uri?: unknown } | undefined)?.uri;
      if (typeof uri === 'string') multi.eval(UNBIND_LUA, 1, keys.ninjsUris, uri, id);
      appendChange(multi, keys.changes, { type: 'report.removed', id }, deps.maxLen);
    });
    for (const [err] of (await multi.exec()) ?? []) if (err) throw err;
    removed += ids.length;
  }
}

/** Runs the removal every RETENTION_EVERY_MS on one worker at a time; `sweep()` runs it now. */
export function startRetention(deps: RetentionDeps, days: number, everyMs = RETENTION_EVERY_MS) {
  const lockKey = `${deps.keys.prefix}:retention:lock`;
  let running: Promise<number> | null = null;
  const sweep = (now = Date.now()): Promise<number> =>
    (running ??= (async () => {
      if (!(await deps.redis.set(lockKey, '1', 'PX', LOCK_MS, 'NX'))) return 0;
      try {
        const removed = await removeReportsBefore(deps, now - days * 24 * 3600_000);
        if (removed > 0) deps.log.info({ removed, days }, 'reports past the retention period removed');
        return removed;
      } finally {
        await deps.redis.del(lockKey);
      }
    })()
      .catch((err: unknown) => {
        deps.log.warn({ err: (err as Error).message }, 'retention sweep failed; the next one retries');
        return 0;
      })
      .finally(() => {
        running = null;
      }));
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
