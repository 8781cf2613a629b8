/**
 * A worker thread that runs extract() for the ingest worker: extraction is pure CPU work, so
 * on a machine with a spare core it runs beside the main thread, which keeps BullMQ, Redis
 * and the fold moving.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract/index.js';
import { primeExtraction } from '../extract/prime.js';

export type ExtractRequest = { id: number; text: string; dateline: string };
/** The extraction's JSON as UTF-8 bytes, whose buffer is transferred (moved, not copied). */
export type ExtractReply = { id: number; json: Uint8Array };

const utf8 = new TextEncoder();

// Before the first request is read: the one-off compiling (~0.3 s) is done here, not on the first reports.
primeExtraction();

// Requests come in batches (extractPool.ts) and are answered in one message per batch.
parentPort?.on('message', (batch: ExtractRequest[]) => {
  const replies: ExtractReply[] = [];
  const buffers: ArrayBuffer[] = [];
  for (const { id, text, dateline } of batch) {
    // extract() never throws (it returns an empty extraction on internal errors).
    const extraction = extract(text, dateline);
    // Sent as JSON, not as an object: the main thread parses JSON in about half the time it takes
    // to take a structured clone apart, and the JSON is what the commit stores (see extractPool.ts).
    // As bytes, outside the main thread's heap, until the fold parses them.
    const json = utf8.encode(JSON.stringify(extraction));
    replies.push({ id, json });
    buffers.push(json.buffer);
  }
  parentPort?.postMessage(replies, buffers);
});
