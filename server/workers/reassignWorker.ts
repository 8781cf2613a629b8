/**
 * Re-assigning every report after the crises changed: a BullMQ worker on the "crises" queue.
 * It pages through every stored report (oldest first), routes each with the crises as they now
 * are, and hands those whose crises changed (or whose crisis is being rebuilt) to the fold
 * batcher, which folds them into their new crises and out of the old ones. Progress is kept in
 * Redis and announced on the desk stream after every page; a newer change of the crises
 * supersedes a run (its own job starts over).
 */
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ReassignmentProgress } from '../../shared/events.js';
import { assignmentsOf } from '../crises/assignments.js';
import type { ReassignJob } from '../queues/crisesQueue.js';
import { CRISES_QUEUE } from '../queues/names.js';
import { appendChange } from '../storage/changeStream.js';
import { HISTORY_FIELDS } from '../storage/historyScript.js';
import { allCrisisKeys, type Keys } from '../storage/keys.js';
import { summarize, type ReportStore, type StoredReport } from '../storage/reportStore.js';
import type { CrisisRegistry, CrisisSet } from './crisisRegistry.js';
import type { FoldBatcher } from './foldBatcher.js';
import { withJson } from './extractPool.js';

const PAGE = 500;

export type ReassignDeps = {
  redis: Redis;
  keys: Keys;
  maxLen: number;
  reports: ReportStore;
  crises: CrisisRegistry;
  batcher: FoldBatcher;
  log: Logger;
};

/** Runs one re-assignment; returns its final progress. */
export async function reassignAll(job: ReassignJob, deps: ReassignDeps): Promise<ReassignmentProgress> {
  const { redis, keys } = deps;
  await dropCrises(deps, job.removed);
  for (const slug of job.rebuild) await resetCrisis(deps, slug);
  const set = await deps.crises.refresh();
  const rebuild = new Set(job.rebuild);
  const total = await redis.zcard(keys.reportIndex);
  const progress: ReassignmentProgress = {
    version: job.version,
    state: 'running',
    done: 0,
    total,
    changed: 0,
    startedAt: new Date().toISOString(),
  };
  await publish(deps, progress);
  for (let start = 0; ; start += PAGE) {
    if (set.version !== job.version || (await currentVersion(deps)) !== job.version) {
      progress.state = 'superseded';
      break;
    }
    const ids = await redis.zrange(keys.reportIndex, start, start + PAGE - 1);
    if (ids.length === 0) break;
    const stored = await deps.reports.getMany(ids);
    const folds: Promise<void>[] = [];
    for (const report of stored) {
      if (!report || report.status !== 'done' || !report.extraction) continue;
      if (!needsFold(report, set, rebuild)) continue;
      progress.changed++;
      folds.push(deps.batcher.submit(foldItemOf(report, set)));
    }
    await Promise.all(folds);
    progress.done = Math.min(total, start + ids.length);
    await publish(deps, progress);
  }
  // A worker that had not yet heard of a removal may have folded into it meanwhile.
  await dropCrises(deps, job.removed);
  if (progress.state === 'running') progress.state = 'done';
  progress.finishedAt = new Date().toISOString();
  progress.done = progress.state === 'done' ? progress.total : progress.done;
  await publish(deps, progress);
  deps.log.info({ ...progress }, 'crises re-assigned');
  return progress;
}

/** Whether a report's crises under `set` differ from those it is in (or one of them is being rebuilt). */
function needsFold(report: StoredReport, set: CrisisSet, rebuild: Set<string>): boolean {
  const now = assignmentsOf(routeOf(report, set), report.overrides, set.slugs);
  const before = report.crises ?? [];
  if (now.some((c) => rebuild.has(c.slug))) return true;
  if (now.length !== before.length) return true;
  return now.some((c, i) => c.slug !== before[i].slug || c.reason !== before[i].reason || c.by !== before[i].by);
}

const routeOf = (report: StoredReport, set: CrisisSet) =>
  set.router.route(report.report, report.original ?? report.extraction!);

function foldItemOf(report: StoredReport, set: CrisisSet) {
  const { id, dateline, receivedAt } = report.report;
  return {
    report: { id, dateline, receivedAtMs: Date.parse(receivedAt), summary: summaryOf(report) },
    // Plain JSON parsed and written again gives the same text, so the same fingerprint.
    extracted: withJson(report.extraction!),
    original: report.original ? Buffer.from(JSON.stringify(report.original)) : null,
    previous: { slugs: (report.crises ?? []).map((c) => c.slug), json: report.crisesJson },
    overrides: report.overrides,
    routing: { version: set.version, routed: routeOf(report, set) },
  };
}

/** As announced once folded: the fold adds the crises. */
const summaryOf = (report: StoredReport) => summarize({ report: report.report, status: 'done', flags: report.flags });

async function currentVersion(deps: ReassignDeps): Promise<number> {
  return Number((await deps.redis.get(deps.keys.crisesVersion)) ?? 0);
}

async function publish(deps: ReassignDeps, progress: ReassignmentProgress): Promise<void> {
  const multi = deps.redis.multi().set(deps.keys.reassignment, JSON.stringify(progress));
  appendChange(multi, deps.keys.changes, { type: 'crisis.reassignment', progress }, deps.maxLen);
  const results = (await multi.exec()) ?? [];
  for (const [err] of results) if (err) throw err;
}

/** Removes every key of removed crises. */
async function dropCrises(deps: ReassignDeps, slugs: readonly string[]): Promise<void> {
  for (const slug of slugs) await deps.redis.unlink(...allCrisisKeys(deps.keys.crisis(slug)));
}

/**
 * Empties a crisis' fold (its stream and its as-of history stay, so clients keep their place) and
 * tells its clients to read a fresh snapshot; the run then folds every report of the crisis in again.
 */
async function resetCrisis(deps: ReassignDeps, slug: string): Promise<void> {
  const k = deps.keys.crisis(slug);
  const multi = deps.redis
    .multi()
    .unlink(
      k.state,
      k.stateCheckpointVersion,
      k.stateLog,
      k.stateLogReports,
      k.stateVersion,
      k.publicState,
      k.folded,
      k.reports,
    );
  appendChange(multi, k.changes, { type: 'crisis.rebuilt', slug }, deps.maxLen);
  // The as-of history stays (it is what was shown before); its fold starts again from nothing here.
  multi.xadd(k.history, '*', HISTORY_FIELDS.reset, '1');
  const results = (await multi.exec()) ?? [];
  for (const [err] of results) if (err) throw err;
}

export function createReassignWorker(deps: ReassignDeps, connection: Redis, prefix: string): Worker<ReassignJob> {
  const worker = new Worker<ReassignJob>(CRISES_QUEUE, async (job) => reassignAll(job.data, deps), {
    connection,
    prefix,
    concurrency: 1,
    lockDuration: 60_000,
  });
  worker.on('error', (err) => deps.log.error({ err }, 'crises worker error'));
  return worker;
}
