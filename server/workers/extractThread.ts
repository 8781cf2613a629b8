/**
 * A worker thread that runs extract() for the ingest worker: extraction is pure CPU work, so
 * on a machine with a spare core it runs beside the main thread, which keeps BullMQ, Redis
 * and the fold moving.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract/index.js';

export type ExtractRequest = { id: number; text: string; dateline: string };

parentPort?.on('message', (request: ExtractRequest) => {
  // extract() never throws (it returns an empty extraction on internal errors).
  parentPort?.postMessage({ id: request.id, extraction: extract(request.text, request.dateline) });
});
