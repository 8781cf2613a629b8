/**
 * Runs extract() either inline or on a small pool of worker threads, and routes each report to
 * its crises where it is extracted (once told the crises: setCrises). A thread that dies fails
 * only the extractions it held (BullMQ retries those jobs) and is replaced.
 *
 * Each report has a time budget (budgetMs, config EXTRACT_BUDGET_MS). extract() checks it as it
 * goes and stops past it: the report fails for good (an UnrecoverableError, so BullMQ marks it
 * failed with that message at once) and onOverBudget counts it. A bug that makes extract() throw
 * fails the report for good the same way (retrying would meet it again), and onError counts it.
 * A thread that holds work and says
 * nothing for stallMs() is stuck in something that does not check the budget: it is terminated
 * and replaced, and what it held is retried.
 */
import { UnrecoverableError } from 'bullmq';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Crisis } from '../../shared/crisis.js';
import type { Extraction } from '../../shared/extraction.js';
import { compileRouting, type CrisisRouter } from '../crises/routing.js';
import { ExtractionBudgetExceeded, extractWithin } from '../extract/index.js';
import { primeExtraction } from '../extract/prime.js';
import type { CrisesMessage, ExtractReply, ExtractRequest, ExtractThreadData, Routing } from './extractThread.js';

export type { Routing } from './extractThread.js';

/**
 * An extraction as the UTF-8 bytes of its JSON, made once: the commit stores the bytes and the
 * fold parses them when it runs. From a thread only the bytes come (moved, not copied): held as
 * a parsed object or a string from extraction to commit, each report's extraction outlived a
 * young-generation GC or two and was copied by it (bench ingest: scavenges took 30% longer).
 * `extraction` is set when the object was made on this thread anyway; `routing` when the
 * extractor knew the crises (routed where it was extracted, with the crises of its version).
 */
export type Extracted = { json: Buffer; extraction?: Extraction; routing?: Routing };

export type Extractor = {
  extract(text: string, dateline: string, title?: string): Promise<Extracted>;
  /** The crises to route by from now on (the worker's registry calls it when they change). */
  setCrises(version: number, crises: Crisis[]): void;
  close(): Promise<void>;
  /** The live threads (for tests and drills). */
  threads?(): Worker[];
};

/** An extraction made here, with its JSON. */
export function withJson(extraction: Extraction): Extracted {
  return { extraction, json: Buffer.from(JSON.stringify(extraction)) };
}

/** The extraction as an object: the one made here, or parsed from its JSON. */
export function extractionOf(extracted: Extracted): Extraction {
  return extracted.extraction ?? (JSON.parse(extracted.json.toString()) as Extraction);
}

/** How extraction is bounded, and who hears of a report that ran past its budget. */
export type BudgetOptions = {
  /** Time budget of one report, in ms (config EXTRACT_BUDGET_MS). */
  budgetMs?: number;
  /** Called once per report failed for running past its budget (the metric). */
  onOverBudget?: () => void;
  /** Called once per report extract() threw on (a bug: the metric and the log). */
  onError?: (err: Error) => void;
  /** The extraction itself (tests put a failing one here); extractWithin() by default. */
  extractWith?: (text: string, dateline: string, budgetMs: number) => Extraction;
};

export type ThreadOptions = BudgetOptions & {
  /** How a thread starts (tests start threads of their own). */
  startThread?: (data: ExtractThreadData) => Worker;
};

export const DEFAULT_BUDGET_MS = 1000;

/** A thread silent this long while it holds work is stuck: three budgets and a second. */
export const stallMs = (budgetMs: number): number => budgetMs * 3 + 1000;

/** The error a report fails with when its extraction runs past the budget: final, not retried. */
export function overBudget(message: string): Error {
  return new UnrecoverableError(message);
}

/** The error a report fails with when extract() throws on it: final, as the same text would throw again. */
export function extractionBug(detail: string): Error {
  return new UnrecoverableError(`extraction failed (a bug; the report is kept): ${detail.split('\n')[0]}`);
}

type LocalRouter = { version: number; router: CrisisRouter } | null;

/** Extracts (and routes) here, within the budget; a report past it throws overBudget(). */
function extractHere(
  text: string,
  dateline: string,
  title: string | undefined,
  budget: Required<BudgetOptions>,
  local: LocalRouter,
): Extracted {
  let extraction: Extraction;
  try {
    extraction = budget.extractWith(text, dateline, budget.budgetMs);
  } catch (err) {
    if (err instanceof ExtractionBudgetExceeded) {
      budget.onOverBudget();
      throw overBudget(err.message);
    }
    const error = err instanceof Error ? err : new Error(String(err));
    budget.onError(error);
    throw extractionBug(error.message);
  }
  const extracted = withJson(extraction);
  if (local) extracted.routing = { version: local.version, routed: local.router.route({ text, title }, extraction) };
  return extracted;
}

const budgetOf = (options: BudgetOptions): Required<BudgetOptions> => ({
  budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
  onOverBudget: options.onOverBudget ?? (() => undefined),
  onError: options.onError ?? (() => undefined),
  extractWith: options.extractWith ?? extractWithin,
});

export function inlineExtractor(options: BudgetOptions = {}): Extractor {
  const budget = budgetOf(options);
  let local: LocalRouter = null;
  primeExtraction(); // ~0.3 s now rather than on the first reports (extract/prime.ts)
  return {
    extract: async (text, dateline, title) => extractHere(text, dateline, title, budget, local),
    setCrises(version, crises) {
      local = { version, router: compileRouting(crises) };
    },
    close: async () => undefined,
  };
}

/**
 * Texts up to this long (a flash, a one-paragraph note) are extracted on the main thread even
 * when threads run: extract() takes 0.05–0.3 ms on them, while the hop to a thread and back
 * took about 1 ms at the median under load (two wake-ups, each waiting for a busy core).
 */
export const INLINE_MAX_CHARS = 400;

/**
 * Most texts handed to a thread in one go (one message each way). A message per text cost the
 * thread about a tenth of its time (receiving it, and extract() itself ran slower between
 * messages); batches of 8 or more won that back (bench ingest's reports through one thread:
 * 0.40 ms a report one by one, 0.35 in batches). A report arriving alone still goes alone, and
 * a batch delays its first reply by at most this many extractions (~10 ms), within the fold's linger.
 */
export const MAX_BATCH = 32;

type Pending = { resolve: (e: Extracted) => void; reject: (err: Error) => void };
/**
 * `outbox`: requests not yet posted; posted together once the current I/O callbacks are done.
 * `heard`: when the thread last answered, or was handed work while it held none.
 */
type Slot = {
  worker: Worker;
  pending: Map<number, Pending>;
  outbox: ExtractRequest[];
  heard: number;
  /** The thread has said it is ready (primed); before that its silence is start-up, not a stall. */
  ready: boolean;
  stuck?: boolean;
};

/**
 * Starts one thread: the compiled module in production; from TypeScript source (tests run the
 * code unbuilt) through tsx's loader, registered inside the thread since Node 20 workers do
 * not take --import.
 */
function startThread(workerData: ExtractThreadData): Worker {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return new Worker(here.replace(/extractPool\.js$/, 'extractThread.js'), { workerData });
  const source = pathToFileURL(here.replace(/extractPool\.ts$/, 'extractThread.ts')).href;
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`,
    { eval: true, workerData },
  );
}

/**
 * `threads` worker threads; each extraction goes to the thread with the fewest in hand,
 * except short texts (INLINE_MAX_CHARS), extracted at once on the calling thread.
 */
export function threadExtractor(threads: number, options: ThreadOptions = {}): Extractor {
  let nextId = 0;
  let closing = false;
  const slots: Slot[] = [];
  const budget = budgetOf(options);
  const start = options.startThread ?? startThread;
  const stall = stallMs(budget.budgetMs);
  /** The crises as last set: told to every thread, and to each new one as it starts. */
  let crises: CrisesMessage | null = null;
  let local: LocalRouter = null;

  const spawn = (index: number) => {
    const worker = start({ budgetMs: budget.budgetMs });
    if (crises) worker.postMessage(crises);
    const slot: Slot = { worker, pending: new Map(), outbox: [], heard: performance.now(), ready: false };
    worker.on('message', (replies: ExtractReply[]) => {
      slot.heard = performance.now();
      slot.ready = true;
      for (const reply of replies) {
        const pending = slot.pending.get(reply.id);
        slot.pending.delete(reply.id);
        if ('error' in reply && reply.bug) {
          const stack = new Error(reply.error.split('\n')[0]);
          stack.stack = reply.error;
          budget.onError(stack);
          pending?.reject(extractionBug(reply.error));
        } else if ('error' in reply) {
          budget.onOverBudget();
          pending?.reject(overBudget(reply.error));
        } else {
          const { json, routing } = reply;
          const bytes = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
          pending?.resolve(routing ? { json: bytes, routing } : { json: bytes });
        }
      }
    });
    const fail = (err: Error) => {
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
      slot.outbox = [];
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      fail(
        new Error(
          slot.stuck
            ? `extraction thread stopped: no answer for ${stall} ms while holding work (over its time budget of ${budget.budgetMs} ms)`
            : `extraction thread exited (code ${code})`,
        ),
      );
      if (!closing) slots[index] = spawn(index);
    });
    worker.unref(); // never keeps the process alive on its own
    return slot;
  };
  for (let i = 0; i < threads; i++) slots.push(spawn(i));
  // Short notes are extracted here: this thread primes too, while the new threads prime themselves.
  primeExtraction();

  // A thread that holds work and has said nothing for a stall is stuck past what the budget checks:
  // terminated, its work fails (and is retried), and 'exit' puts a new thread in its place.
  const watchdog = setInterval(
    () => {
      const now = performance.now();
      for (const slot of slots) {
        if (!slot.ready || slot.pending.size === 0 || now - slot.heard <= stall) continue;
        slot.heard = now;
        slot.stuck = true;
        budget.onOverBudget();
        void slot.worker.terminate();
      }
    },
    Math.max(50, Math.min(1000, stall / 4)),
  );
  watchdog.unref();

  const post = (slot: Slot) => {
    const { outbox } = slot;
    slot.outbox = [];
    for (let at = 0; at < outbox.length; at += MAX_BATCH) slot.worker.postMessage(outbox.slice(at, at + MAX_BATCH));
  };

  return {
    extract(text, dateline, title) {
      if (text.length <= INLINE_MAX_CHARS) {
        try {
          return Promise.resolve(extractHere(text, dateline, title, budget, local));
        } catch (err) {
          return Promise.reject(err as Error);
        }
      }
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<Extracted>((resolve, reject) => {
        if (slot.pending.size === 0) slot.heard = performance.now();
        slot.pending.set(id, { resolve, reject });
        // The jobs whose reports came in one read from Redis ask one after another: gather them.
        const request: ExtractRequest = title === undefined ? { id, text, dateline } : { id, text, dateline, title };
        if (slot.outbox.push(request) === 1) setImmediate(() => post(slot));
      });
    },
    setCrises(version, list) {
      crises = { version, crises: list };
      local = { version, router: compileRouting(list) };
      for (const slot of slots) slot.worker.postMessage(crises);
    },
    threads: () => slots.map((s) => s.worker),
    async close() {
      closing = true;
      clearInterval(watchdog);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
