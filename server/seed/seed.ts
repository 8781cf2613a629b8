/**
 * Fills an empty store with the sample scenario, so `npm start` shows a live dashboard at once:
 * the sample crises (Russia–Ukraine first, the default one) and the sample reports, among which
 * one belongs to no crisis (it waits on the desk's "in no crisis" list).
 */
import type { Logger } from 'pino';
import { sampleCrises } from '../crises/sampleCrises.js';
import type { Ingestor } from '../ingest/acceptReport.js';
import { enqueueReassignment, type CrisesQueue } from '../queues/crisesQueue.js';
import type { CrisisStore } from '../storage/crisisStore.js';
import type { ReportStore } from '../storage/reportStore.js';
import { sampleReports } from './sampleReports.js';

const DAY_MS = 86_400_000;
/** The crises the sample scenario follows, of the sample crises (server/crises/sampleCrises.json). */
export const SEEDED_CRISES = ['russia-ukraine', 'china-taiwan'];
const SAMPLE_ACTOR = { name: 'sample-scenario', role: 'admin' };

export type SeedDeps = { reports: ReportStore; ingestor: Ingestor; crises: CrisisStore; crisesQueue: CrisesQueue };

export async function seedSampleReports(deps: SeedDeps, log: Logger, now = new Date()) {
  if ((await deps.reports.count()) > 0) return;
  if ((await deps.crises.list()).crises.length === 0) {
    let version = 0;
    const seeded = sampleCrises().filter((c) => SEEDED_CRISES.includes(c.slug));
    // One millisecond apart, in the file's order: the first is the default crisis.
    for (const [i, crisis] of seeded.entries()) {
      const createdAt = new Date(now.getTime() + i).toISOString();
      version = (await deps.crises.create({ ...crisis, createdAt }, SAMPLE_ACTOR)).version;
    }
    await enqueueReassignment(deps.crisesQueue, { version, rebuild: [], removed: [] });
  }
  for (const sample of sampleReports) {
    const dateline = new Date(now.getTime() - sample.daysAgo * DAY_MS).toISOString().slice(0, 10);
    await deps.ingestor.accept({ text: sample.text, dateline, title: sample.title, source: sample.source });
  }
  log.info({ count: sampleReports.length, crises: SEEDED_CRISES }, 'empty store: seeded the sample scenario');
}
