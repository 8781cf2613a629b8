/**
 * Markup read off the main thread: one worker thread, started on first use, that turns HTML into
 * text and parses feeds (markupThread.ts). Short HTML (a flash, a paragraph) is read here, where
 * it takes well under a millisecond. Each task has a deadline: a thread still busy then is
 * stopped (and another started for the next task), so no input can hold it for long.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FeedParseError, type ParsedFeed } from '../feeds/parseFeed.js';
import { htmlToText } from './htmlToText.js';
import type { MarkupReply, MarkupRequest } from './markupThread.js';

/** HTML up to this long is read on the calling thread (~0.1 ms). */
export const INLINE_HTML_CHARS = 8 * 1024;
/** A task not done by then fails, and its thread is replaced. */
export const MARKUP_TIMEOUT_MS = 5000;

export type Markup = {
  htmlToText(html: string): Promise<string>;
  /** Throws FeedParseError for a document that is not a feed, or that took too long to read. */
  parseFeed(xml: string): Promise<ParsedFeed>;
  close(): Promise<void>;
};

/** The thread: the compiled module in production; the TypeScript source through tsx in tests (as extractPool.ts). */
function startThread(): Worker {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return new Worker(here.replace(/markupPool\.js$/, 'markupThread.js'));
  const source = pathToFileURL(here.replace(/markupPool\.ts$/, 'markupThread.ts')).href;
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`,
    { eval: true },
  );
}

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void; timer: NodeJS.Timeout };

export function markupPool(options: { timeoutMs?: number; inlineHtmlChars?: number } = {}): Markup {
  const timeoutMs = options.timeoutMs ?? MARKUP_TIMEOUT_MS;
  const inlineChars = options.inlineHtmlChars ?? INLINE_HTML_CHARS;
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const failAll = (err: Error) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    pending.clear();
  };

  const thread = (): Worker => {
    if (worker) return worker;
    const w = startThread();
    w.on('message', (reply: MarkupReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.error));
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(new Error(`the markup thread stopped (code ${code})`));
    });
    w.unref();
    worker = w;
    return w;
  };

  const run = (kind: MarkupRequest['kind'], input: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const w = thread();
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`reading the markup took longer than ${timeoutMs} ms`));
        // Everything else queued behind it fails too (the thread is stopped); callers retry.
        if (worker === w) worker = null;
        void w.terminate();
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      w.postMessage({ id, kind, input } satisfies MarkupRequest);
    });

  return {
    async htmlToText(html) {
      if (html.length <= inlineChars) return htmlToText(html);
      return (await run('html', html)) as string;
    },
    async parseFeed(xml) {
      try {
        return (await run('feed', xml)) as ParsedFeed;
      } catch (err) {
        throw err instanceof FeedParseError ? err : new FeedParseError((err as Error).message);
      }
    },
    async close() {
      const w = worker;
      worker = null;
      failAll(new Error('the markup thread was closed'));
      if (w) await w.terminate();
    },
  };
}
