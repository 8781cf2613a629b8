/**
 * Runs extract() either inline or on a small pool of worker threads. A thread that dies
 * fails only the extractions it held (BullMQ retries those jobs) and is replaced.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Extraction } from '../../shared/extraction.js';
import { extract } from '../extract/index.js';
import { primeExtraction } from '../extract/prime.js';
import type { ExtractReply, ExtractRequest } from './extractThread.js';

/**
 * An extraction as the UTF-8 bytes of its JSON, made once: the commit stores the bytes and the
 * fold parses them when it runs. From a thread only the bytes come (moved, not copied): held as
 * a parsed object or a string from extraction to commit, each report's extraction outlived a
 * young-generation GC or two and was copied by it (bench ingest: scavenges took 30% longer).
 * `extraction` is set when the object was made on this thread anyway.
 */
export type Extracted = { json: Buffer; extraction?: Extraction };

export type Extractor = {
  extract(text: string, dateline: string): Promise<Extracted>;
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

const extractHere = (text: string, dateline: string): Extracted => withJson(extract(text, dateline));

export function inlineExtractor(): Extractor {
  primeExtraction(); // ~0.3 s now rather than on the first reports (extract/prime.ts)
  return { extract: async (text, dateline) => extractHere(text, dateline), close: async () => undefined };
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
/** `outbox`: requests not yet posted; posted together once the current I/O callbacks are done. */
type Slot = { worker: Worker; pending: Map<number, Pending>; outbox: ExtractRequest[] };

/**
 * Starts one thread: the compiled module in production; from TypeScript source (tests run the
 * code unbuilt) through tsx's loader, registered inside the thread since Node 20 workers do
 * not take --import.
 */
function startThread(): Worker {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return new Worker(here.replace(/extractPool\.js$/, 'extractThread.js'));
  const source = pathToFileURL(here.replace(/extractPool\.ts$/, 'extractThread.ts')).href;
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`,
    {
      eval: true,
    },
  );
}

/**
 * `threads` worker threads; each extraction goes to the thread with the fewest in hand,
 * except short texts (INLINE_MAX_CHARS), extracted at once on the calling thread.
 */
export function threadExtractor(threads: number): Extractor {
  let nextId = 0;
  let closing = false;
  const slots: Slot[] = [];

  const spawn = (index: number) => {
    const worker = startThread();
    const slot: Slot = { worker, pending: new Map(), outbox: [] };
    worker.on('message', (replies: ExtractReply[]) => {
      for (const { id, json } of replies) {
        slot.pending.get(id)?.resolve({ json: Buffer.from(json.buffer, json.byteOffset, json.byteLength) });
        slot.pending.delete(id);
      }
    });
    const fail = (err: Error) => {
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
      slot.outbox = [];
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      fail(new Error(`extraction thread exited (code ${code})`));
      if (!closing) slots[index] = spawn(index);
    });
    worker.unref(); // never keeps the process alive on its own
    return slot;
  };
  for (let i = 0; i < threads; i++) slots.push(spawn(i));
  // Short notes are extracted here: this thread primes too, while the new threads prime themselves.
  primeExtraction();

  const post = (slot: Slot) => {
    const { outbox } = slot;
    slot.outbox = [];
    for (let at = 0; at < outbox.length; at += MAX_BATCH) slot.worker.postMessage(outbox.slice(at, at + MAX_BATCH));
  };

  return {
    extract(text, dateline) {
      if (text.length <= INLINE_MAX_CHARS) return Promise.resolve(extractHere(text, dateline));
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<Extracted>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        // The jobs whose reports came in one read from Redis ask one after another: gather them.
        if (slot.outbox.push({ id, text, dateline }) === 1) setImmediate(() => post(slot));
      });
    },
    threads: () => slots.map((s) => s.worker),
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
