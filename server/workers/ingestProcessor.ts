/**
 * The ingest job: read the stored report, extract (pure), apply journalists' corrections and verdicts, route
 * it to its crises, hand the result to the fold batcher. Throws to let BullMQ retry with
 * backoff; on the last attempt the report is marked failed with the reason.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { correctionChange, type FactChange } from '../alerts/facts.js';
import { verdictChanges } from '../alerts/verdictFacts.js';
import type { IngestJob } from '../queues/names.js';
import { hasVerdicts, withVerdicts } from '../state/index.js';
import type { CorrectionStore } from '../storage/correctionStore.js';
import { summarize, type ReportStore } from '../storage/reportStore.js';
import type { CrisisRegistry } from './crisisRegistry.js';
import { capExtracted } from './extractionCaps.js';
import { extractionOf, withJson, type Extractor } from './extractPool.js';
import type { FoldBatcher } from './foldBatcher.js';

type FaultHook = (job: Job<IngestJob>) => void | Promise<void>;

/** What a correction changed, for the alerts (server/alerts/followUps.ts announceFactChanges). */
export type CorrectionAnnouncer = (reportId: string, n: number, change: FactChange) => Promise<void>;
/** What a verdict of false took off the wall, for the alerts (the same hook as corrections). */
export type VerdictAnnouncer = (reportId: string, n: number, by: string, changes: FactChange[]) => Promise<void>;

export type IngestProcessorDeps = {
  reports: ReportStore;
  corrections: CorrectionStore;
  batcher: FoldBatcher;
  crises: CrisisRegistry;
  /** extract(), inline or on worker threads. */
  extractor: Extractor;
  /** Fault injection for tests and drills: runs before extraction / after the fold committed. */
  hooks?: { beforeFold?: FaultHook; afterFold?: FaultHook };
  /** Told, once the re-fold after a correction committed, of the fact it changed (none: nothing on the wall changed). */
  announceCorrection?: CorrectionAnnouncer;
  /** Told, once the re-fold after a verdict of false committed, of the facts it took off the wall. */
  announceVerdict?: VerdictAnnouncer;
};

export function createIngestProcessor(deps: IngestProcessorDeps) {
  return async (job: Job<IngestJob>): Promise<void> => {
    const started = await startExtraction(deps, job);
    const { report, corrections, verification, routeOn } = started;
    // Bounded where it is stored and folded, whatever extract() gave (extractionCaps.ts).
    const extracted = capExtracted(await started.extracting);
    // Most reports have no corrections nor verdicts: their extraction is stored as extracted, JSON and all.
    const changed = corrections.length > 0 || hasVerdicts(verification);
    const corrected = changed ? withJson(withVerdicts(extractionOf(extracted), corrections, verification)) : extracted;
    const set = await deps.crises.current();
    // Routed where it was extracted, on the machine's extraction and the text (what the report
    // says, not what a journalist fixed); here only when that was with other crises.
    const routing =
      extracted.routing?.version === set.version
        ? extracted.routing
        : {
            version: set.version,
            routed: set.slugs.length > 0 ? set.router.route(routeOn, extractionOf(extracted)) : [],
          };
    await deps.batcher.submit({
      report,
      extracted: corrected,
      original: changed ? extracted.json : null,
      previous: started.previous,
      overrides: started.overrides,
      routing,
    });
    // After the commit, so follow-ups tell of what the wall now shows. Computed from the stored
    // corrections, not from the fold, so a retried job announces the same change (and the
    // deliver queue's job ids keep it one).
    const n = job.data.correction;
    if (n !== undefined && deps.announceCorrection) {
      const change = correctionChange(extractionOf(extracted), corrections, n);
      if (change) await deps.announceCorrection(report.id, n, change);
    }
    const verdict = job.data.verdict;
    if (verdict?.withdrawn && deps.announceVerdict) {
      const changes = verdictChanges(extractionOf(extracted), corrections, verdict.withdrawn);
      if (changes.length > 0) await deps.announceVerdict(report.id, verdict.n, verdict.by, changes);
    }
    await deps.hooks?.afterFold?.(job);
  };
}

/**
 * Reads the report and its corrections, summarises it and starts its extraction. Its own
 * function because an async function keeps every local alive across each await (V8): the
 * stored report would be held until the batch commits, a few hundred ms in a backlog, and
 * copied by the young-generation GC on the way (bench ingest).
 */
async function startExtraction(deps: IngestProcessorDeps, job: Job<IngestJob>) {
  const { reportId } = job.data;
  // Both reads at once: one wait for Redis instead of two, each of which can queue behind a busy core.
  const [stored, corrections] = await Promise.all([deps.reports.get(reportId), deps.corrections.list(reportId)]);
  if (!stored) throw new UnrecoverableError(`report ${reportId} is not in the store`);
  await deps.hooks?.beforeFold?.(job);
  const { id, text, dateline, title, receivedAt } = stored.report;
  const summary = summarize({ report: stored.report, status: 'done', flags: stored.flags });
  return {
    report: { id, dateline, receivedAtMs: Date.parse(receivedAt), summary },
    corrections,
    verification: stored.verification,
    routeOn: { text, title },
    previous: { slugs: (stored.crises ?? []).map((c) => c.slug), json: stored.crisesJson },
    overrides: stored.overrides,
    extracting: deps.extractor.extract(text, dateline, title),
  };
}
