/**
 * The worker role: the ingest worker with its fold batcher, and the reconciler that
 * re-enqueues any accepted report whose job was lost (e.g. Redis died between the two writes).
 */
import { announceFactChanges } from '../alerts/followUps.js';
import { startAlerting } from '../alerts/startAlerting.js';
import { createDeliverQueue } from '../queues/deliverProducer.js';
import { createIngestQueue } from '../queues/ingestProducer.js';
import { CorrectionStore } from '../storage/correctionStore.js';
import { CrisisStore } from '../storage/crisisStore.js';
import { ReportCommit } from '../storage/reportCommit.js';
import { waitReady } from '../storage/redis.js';
import { ReportStore } from '../storage/reportStore.js';
import { extractErrorsKey, extractOverBudgetKey } from '../metrics.js';
import { CrisisRegistry } from '../workers/crisisRegistry.js';
import { inlineExtractor, threadExtractor } from '../workers/extractPool.js';
import { FoldBatcher } from '../workers/foldBatcher.js';
import { startFeedPolling } from '../workers/feedWorker.js';
import { createIngestWorker } from '../workers/ingestWorker.js';
import type { IngestProcessorDeps } from '../workers/ingestProcessor.js';
import { createReassignWorker } from '../workers/reassignWorker.js';
import { startReconciler } from '../workers/reconciler.js';
import { startRetention } from '../workers/retention.js';
import type { RoleContext, RunningRole } from './context.js';

const RECONCILE_EVERY_MS = 15_000;
const RECONCILE_AFTER_MS = 30_000;

export type WorkerRoleOptions = { hooks?: IngestProcessorDeps['hooks'] };

export async function startWorkerRole(ctx: RoleContext, options: WorkerRoleOptions = {}): Promise<RunningRole> {
  const { config, keys, log } = ctx;
  const command = ctx.connect('command', 'worker-command');
  const reports = new ReportStore(command, keys);
  // Extraction is the CPU-heavy step: on a spare core it runs beside BullMQ, Redis I/O and the fold.
  // A report past its time budget, or one extract() throws on, fails; the counts are kept in Redis
  // for every api node's /metrics.
  const budget = {
    budgetMs: config.EXTRACT_BUDGET_MS,
    onOverBudget: () => void command.incr(extractOverBudgetKey(keys)).catch(() => undefined),
    onError: (err: Error) => {
      log.error({ err }, 'extract() threw: the report fails (crisis_extract_errors_total)');
      void command.incr(extractErrorsKey(keys)).catch(() => undefined);
    },
  };
  const extractor =
    config.EXTRACT_THREADS > 0 ? threadExtractor(config.EXTRACT_THREADS, budget) : inlineExtractor(budget);
  // Reports are routed where they are extracted: the extractor hears of every crises set loaded.
  const crises = new CrisisRegistry(
    new CrisisStore(command, keys, config.CHANGES_MAXLEN),
    command,
    keys,
    config.CHANGES_MAXLEN,
    (set) => extractor.setCrises(set.version, set.crises),
  );
  const batcher = new FoldBatcher(crises, new ReportCommit(command, keys, config.CHANGES_MAXLEN), reports);
  // The crises first, so the first reports are routed where they are extracted.
  await waitReady(command, 60_000);
  await crises.current();
  // Where a correction's follow-ups are announced (the alerts' deliver queue).
  const followUps = createDeliverQueue(command, keys.queuePrefix, {
    attempts: config.DELIVERY_ATTEMPTS,
    backoffMs: config.DELIVERY_BACKOFF_MS,
  });
  const worker = createIngestWorker(
    {
      reports,
      corrections: new CorrectionStore(command, keys),
      batcher,
      crises,
      extractor,
      hooks: options.hooks,
      announceCorrection: (reportId, n, change) =>
        announceFactChanges(followUps, { reportId, cause: { type: 'correction', id: `c${n}` }, changes: [change] }),
      announceVerdict: (reportId, n, by, changes) =>
        announceFactChanges(followUps, { reportId, cause: { type: 'verification', id: `v${n}`, by }, changes }),
    },
    {
      connection: ctx.connect('blocking', 'worker-ingest'),
      prefix: keys.queuePrefix,
      concurrency: config.INGEST_CONCURRENCY,
      lockDurationMs: config.LOCK_DURATION_MS,
      stalledIntervalMs: config.STALLED_INTERVAL_MS,
      log,
    },
  );
  const reassigner = createReassignWorker(
    {
      redis: command,
      keys,
      maxLen: config.CHANGES_MAXLEN,
      reports,
      crises,
      batcher,
      log,
    },
    ctx.connect('blocking', 'worker-crises'),
    keys.queuePrefix,
  );
  const reconcileQueue = createIngestQueue(command, keys.queuePrefix);
  const reconciler = startReconciler(
    { redis: command, reports, queue: reconcileQueue, log },
    RECONCILE_EVERY_MS,
    RECONCILE_AFTER_MS,
  );
  const retention =
    config.REPORT_RETENTION_DAYS === undefined
      ? null
      : startRetention(
          { redis: command, keys, maxLen: config.CHANGES_MAXLEN, reports, crises, batcher, log },
          config.REPORT_RETENTION_DAYS,
        );
  await worker.waitUntilReady();
  await reassigner.waitUntilReady();
  const feedPolling = await startFeedPolling(ctx);
  const alerting = await startAlerting(ctx);
  log.info({ concurrency: config.INGEST_CONCURRENCY, extractThreads: config.EXTRACT_THREADS }, 'worker role started');

  return {
    async close() {
      reconciler.stop();
      await retention?.stop();
      await alerting.close();
      await feedPolling.close();
      await reassigner.close();
      await worker.close();
      await extractor.close();
      await reconcileQueue.close();
      await followUps.close();
    },
  };
}
