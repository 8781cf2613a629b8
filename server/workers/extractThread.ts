/**
 * A worker thread that runs extract() for the ingest worker, and routes each report to its
 * crises: both are pure CPU work, so on a machine with a spare core they run beside the main
 * thread, which keeps BullMQ, Redis and the fold moving. Each report has a time budget
 * (workerData.budgetMs): one that runs past it, or that extract() throws on (a bug), is answered
 * at once with an error that says which, and the thread goes on with the next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Crisis } from '../../shared/crisis.js';
import { compileRouting, type CrisisRouter, type Routed } from '../crises/routing.js';
import { ExtractionBudgetExceeded, extractWithin } from '../extract/index.js';
import { primeExtraction } from '../extract/prime.js';

export type ExtractRequest = { id: number; text: string; dateline: string; title?: string };
/** The crises to route by from now on, at their version (sent when they change). */
export type CrisesMessage = { crises: Crisis[]; version: number };
/** How the thread routed a report: with the crises of `version`. */
export type Routing = { version: number; routed: Routed[] };
/**
 * The extraction's JSON as UTF-8 bytes, whose buffer is transferred (moved, not copied), with
 * its routing when the thread knows the crises; or why there is none: past its time budget, or
 * a bug in extract() (`bug`: the report fails for good, counted apart from the budget).
 */
export type ExtractReply =
  { id: number; json: Uint8Array; routing?: Routing } | { id: number; error: string; bug?: true };
/** What a thread is started with. */
export type ExtractThreadData = { budgetMs: number };

const utf8 = new TextEncoder();
const budgetMs = (workerData as ExtractThreadData | undefined)?.budgetMs ?? Infinity;

// Before the first request is read: the one-off compiling is done here, not on the first reports.
primeExtraction();
// Ready: from now on the pool times this thread's silences (start-up is no stall).
parentPort?.postMessage([]);

let router: { version: number; router: CrisisRouter } | null = null;

// Requests come in batches (extractPool.ts) and are answered in one message per batch; the
// crises come alone, whenever they change.
parentPort?.on('message', (message: ExtractRequest[] | CrisesMessage) => {
  if (!Array.isArray(message)) {
    router = { version: message.version, router: compileRouting(message.crises) };
    return;
  }
  const replies: ExtractReply[] = [];
  const buffers: ArrayBuffer[] = [];
  for (const { id, text, dateline, title } of message) {
    let json: Uint8Array;
    let routing: Routing | undefined;
    try {
      const extraction = extractWithin(text, dateline, budgetMs);
      if (router) routing = { version: router.version, routed: router.router.route({ text, title }, extraction) };
      // Sent as JSON, not as an object: the main thread parses JSON in about half the time it takes
      // to take a structured clone apart, and the JSON is what the commit stores (see extractPool.ts).
      // As bytes, outside the main thread's heap, until the fold parses them.
      json = utf8.encode(JSON.stringify(extraction));
    } catch (err) {
      // At once, not with the batch: the pool takes a thread's silence for a stuck thread. A bug
      // fails this report only, not the others of the batch (an uncaught throw would end the thread).
      const reply: ExtractReply =
        err instanceof ExtractionBudgetExceeded
          ? { id, error: err.message }
          : { id, error: (err as Error)?.stack ?? String(err), bug: true };
      parentPort?.postMessage([reply]);
      continue;
    }
    replies.push(routing ? { id, json, routing } : { id, json });
    buffers.push(json.buffer as ArrayBuffer);
  }
  parentPort?.postMessage(replies, buffers);
});
