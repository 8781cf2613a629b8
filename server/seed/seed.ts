/** Fills an empty store with the sample scenario, so `npm start` shows a live dashboard at once. */
import type { Logger } from 'pino';
import type { Ingestor } from '../ingest/acceptReport.js';
import type { ReportStore } from '../storage/reportStore.js';
import { sampleReports } from './sampleReports.js';

const DAY_MS = 86_400_000;

export async function seedSampleReports(reports: ReportStore, ingestor: Ingestor, log: Logger, now = new Date()) {
  if ((await reports.count()) > 0) return;
  for (const sample of sampleReports) {
    const dateline = new Date(now.getTime() - sample.daysAgo * DAY_MS).toISOString().slice(0, 10);
    await ingestor.accept({ text: sample.text, dateline, title: sample.title, source: sample.source });
  }
  log.info({ count: sampleReports.length }, 'empty store: seeded the sample reports');
}
