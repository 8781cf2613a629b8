/**
 * A worker thread that reads markup for the main thread: HTML to text (ninjs bodies on an api
 * node) and whole feeds (XML, then each item's HTML, on a worker). Both are linear, but a
 * megabyte still takes tens of milliseconds, which an api node's event loop (health checks,
 * sockets) or a worker's (the queue, the fold, alerting) must not spend. See markupPool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { parseFeed } from '../feeds/parseFeed.js';
import { htmlToText } from './htmlToText.js';

export type MarkupRequest = { id: number; kind: 'html' | 'feed'; input: string };
export type MarkupReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

parentPort?.on('message', ({ id, kind, input }: MarkupRequest) => {
  let reply: MarkupReply;
  try {
    reply = { id, ok: true, value: kind === 'html' ? htmlToText(input) : parseFeed(input) };
  } catch (err) {
    reply = { id, ok: false, error: (err as Error).message };
  }
  parentPort?.postMessage(reply);
});
