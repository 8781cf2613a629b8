/**
 * The one way a report enters the system (HTTP, feeds and the import command all use it):
 * normalise, derive the id, store it with the permanent duplicate record, enqueue.
 * 202 is only answered after both writes are in Redis.
 */
import type { Report, ReportInput } from '../../shared/report.js';
import { enqueueReport, withTimeout, type IngestQueue } from '../queues/ingestProducer.js';
import type { ReportStore } from '../storage/reportStore.js';
import { isRedisDown, ServiceUnavailable } from '../errors.js';
import { normalizeInput, reportId } from './normalize.js';

export type AcceptResult = { id: string; status: 'queued' | 'duplicate' };

export type Ingestor = {
  accept(input: ReportInput, meta?: Record<string, unknown>): Promise<AcceptResult>;
};

export function createIngestor(store: ReportStore, queue: IngestQueue, timeoutMs = 2000): Ingestor {
  return {
    async accept(input, meta) {
      const now = new Date();
      const normalized = normalizeInput(input, now);
      const id = reportId(normalized.text, normalized.dateline);
      const report: Report = {
        id,
        text: normalized.text,
        dateline: normalized.dateline,
        title: normalized.title,
        source: normalized.source,
        url: normalized.url,
        receivedAt: now.toISOString(),
        ...(meta ? { meta } : {}),
      };
      try {
        const isNew = await withTimeout(store.accept(report), timeoutMs);
        if (isNew) {
          await enqueueReport(queue, id, timeoutMs);
          return { id, status: 'queued' };
        }
        // A duplicate. If an earlier attempt stored it but could not enqueue it, enqueue now
        // (jobId = id, so a job that exists is not added twice).
        const existing = await withTimeout(store.get(id), timeoutMs);
        if (existing?.status === 'queued') await enqueueReport(queue, id, timeoutMs);
        return { id, status: 'duplicate' };
      } catch (err) {
        if (err instanceof ServiceUnavailable || isRedisDown(err)) throw new ServiceUnavailable();
        throw err;
      }
    },
  };
}
