/**
 * Sends every hostile shape (hostile.ts) through each door of a running stack — HTTP (JSON and
 * text/plain), IPTC ninjs, feeds polled by the worker, and `npm run import` — one case at a time,
 * timing each case until its report ends (done or failed, or its refusal), while a prober asks the
 * api for /healthz every 20 ms. Used by the fuzz suite (bounds) and the bench (hostile.* figures).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { createFeedsQueue, scheduleFeed } from '../../server/queues/feedScheduler.js';
import { FeedStore, feedIdFor } from '../../server/storage/feedStore.js';
import { keysFor } from '../../server/storage/keys.js';
import { INGEST_TOKEN } from './app.js';
import { startFeedServer } from './feedServer.js';
import { htmlShapes, textShapes, xmlShapes } from './hostile.js';

export type Door = 'http-json' | 'http-text' | 'ninjs' | 'feed-html' | 'feed-xml' | 'import';
export type CaseResult = {
  door: Door;
  shape: string;
  ms: number;
  outcome: string;
  /** The slowest /healthz answer asked for while this case ran. */
  healthzMs: number;
};
export type HostileRun = {
  cases: CaseResult[];
  /** /healthz answers over the whole run: the slowest, the 99th percentile, how many. */
  healthz: { maxMs: number; p99Ms: number; count: number };
};

const IMPORT_CASE = 'four files (text, ninjs, two feeds)';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks /healthz every `everyMs` until stopped; each answer's time from request to last byte. */
function probeHealth(apiUrl: string, everyMs = 20) {
  const times: number[] = [];
  /** [asked at, took] of every answer, to tell which case a slow one fell in. */
  const log: [number, number][] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${apiUrl}/healthz`, { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        times.push(performance.now() - t0);
      } catch {
        times.push(5000); // no answer within 5 s counts as 5 s
      }
      log.push([t0, times[times.length - 1]]);
      await sleep(everyMs);
    }
  })();
  return {
    /** The slowest answer to a request asked between `from` and `to`. */
    worstBetween: (from: number, to: number) =>
      log.reduce((worst, [at, took]) => (at >= from && at <= to ? Math.max(worst, took) : worst), 0),
    async stop() {
      stopped = true;
      await loop;
      const sorted = [...times].sort((a, b) => a - b);
      return {
        maxMs: sorted.at(-1) ?? 0,
        p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
        count: sorted.length,
      };
    },
  };
}

export async function runHostile(stack: {
  apiUrl: string;
  redisUrl: string;
  prefix: string;
  /** Per case, how long to wait for its end before giving up (the verdict is the caller's). */
  waitMs?: number;
  /** Only these doors (default: all). */
  doors?: Door[];
  /** Only these cases (default: all), e.g. to run again those during which /healthz was slow. */
  only?: { door: Door; shape: string }[];
}): Promise<HostileRun> {
  const redis = new Redis(stack.redisUrl);
  const keys = keysFor(stack.prefix);
  const feeds = new FeedStore(redis, keys);
  const queue = createFeedsQueue(redis, keys.queuePrefix);
  const feedServer = await startFeedServer();
  const waitMs = stack.waitMs ?? 60_000;
  const cases: CaseResult[] = [];
  const doors = new Set(stack.doors ?? ['http-json', 'http-text', 'ninjs', 'feed-html', 'feed-xml', 'import']);
  const tag = Math.random().toString(36).slice(2, 8);
  let n = 0;
  const wanted = (door: Door, shape: string) =>
    doors.has(door) && (!stack.only || stack.only.some((c) => c.door === door && c.shape === shape));

  /** Waits until the report ends; its status, or 'timeout'. */
  const ended = async (id: string): Promise<string> => {
    const deadline = performance.now() + waitMs;
    for (;;) {
      const status = await redis.hget(keys.report(id), 'status');
      if (status === 'done' || status === 'failed') return status;
      if (performance.now() > deadline) return `timeout (${status})`;
      await sleep(20);
    }
  };

  /** Posts one body and times it to its report's end (or its refusal). */
  const post = async (door: Door, shape: string, body: string, contentType: string) => {
    if (!wanted(door, shape)) return;
    const t0 = performance.now();
    const res = await fetch(`${stack.apiUrl}/api/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': contentType },
      body,
    });
    const answer = (await res.json()) as { id?: string; error?: { code: string } };
    const outcome = answer.id ? await ended(answer.id) : `${res.status} ${answer.error?.code ?? ''}`.trim();
    cases.push({ door, shape, ms: performance.now() - t0, outcome, healthzMs: 0, at: t0 } as CaseResult);
  };

  /** Adds a feed serving `document` (or one item of `html`), lets the worker poll it, times it to the end of its items. */
  const poll = async (door: Door, shape: string, feedPath: string, document: { raw?: string; html?: string }) => {
    if (!wanted(door, shape)) return;
    const feed = feedServer.define(feedPath, 'rss', []);
    const link = `https://hostile.example/${tag}/${n++}`;
    if (document.raw !== undefined) feed.raw = document.raw;
    else
      feed.items = [{ guid: link, title: shape, link, date: new Date('2022-01-19T08:00:00Z'), html: document.html! }];
    const url = `${feedServer.url}${feedPath}`;
    const id = feedIdFor(url);
    const t0 = performance.now();
    await feeds.create({ id, url, intervalSeconds: 3600, createdAt: new Date().toISOString(), createdBy: 'hostile' });
    await scheduleFeed(queue, id, 3600);
    let outcome = 'timeout (poll)';
    const deadline = performance.now() + waitMs;
    while (performance.now() < deadline) {
      const record = await feeds.get(id);
      if (record?.lastPollAt) {
        outcome = record.lastError ? `poll failed: ${record.lastError.slice(0, 60)}` : `${record.itemCount} items`;
        if (!record.lastError && record.itemCount > 0) {
          const ids = await redis.zrevrange(keys.reportIndex, 0, 50);
          for (const rid of ids) {
            const report = await redis.hget(keys.report(rid), 'report');
            if (report?.includes(`"url":"${link}"`)) outcome = await ended(rid);
          }
        }
        break;
      }
      await sleep(20);
    }
    cases.push({ door, shape, ms: performance.now() - t0, outcome, healthzMs: 0, at: t0 } as CaseResult);
  };

  const health = probeHealth(stack.apiUrl);
  let healthz: HostileRun['healthz'];
  try {
    if (doors.has('http-json'))
      for (const [shape, text] of Object.entries(textShapes))
        await post(
          'http-json',
          shape,
          JSON.stringify({ text: `${tag} ${text}`.slice(0, 100_000) }),
          'application/json',
        );
    if (doors.has('http-text'))
      for (const shape of ['news salad', 'line breaks', 'one long word'])
        await post(
          'http-text',
          shape,
          `date 2022-01-19\n${`${tag} ${textShapes[shape]}`.slice(0, 100_000)}`,
          'text/plain',
        );
    if (doors.has('ninjs')) {
      for (const [shape, html] of Object.entries(htmlShapes))
        await post(
          'ninjs',
          shape,
          JSON.stringify({
            uri: `urn:hostile:${tag}:${n++}`,
            headline: `Hostile ${shape}`,
            body_html: `<p>${tag}</p>${html}`,
          }),
          'application/ninjs+json',
        );
      await post(
        'ninjs',
        '1 MB body_html',
        JSON.stringify({
          uri: `urn:hostile:${tag}:big`,
          body_html: `<p>${tag}</p>${'<div>Troops massed near Kyiv.</div>'.repeat(28_000)}`,
        }),
        'application/ninjs+json',
      );
    }
    if (doors.has('feed-html'))
      for (const [shape, html] of Object.entries(htmlShapes))
        await poll('feed-html', shape, `/html-${n}.xml`, { html: `<p>${tag} ${shape}</p>${html.replace(/]]>/g, '')}` });
    if (doors.has('feed-xml'))
      for (const [shape, xml] of Object.entries(xmlShapes))
        await poll('feed-xml', shape, `/xml-${n}.xml`, { raw: xml });
    if (wanted('import', IMPORT_CASE)) {
      const dir = mkdtempSync(path.join(tmpdir(), 'crisis-hostile-import-'));
      writeFileSync(
        path.join(dir, 'salad.txt'),
        `date 2022-01-19\n${`${tag} import ${textShapes['news salad']}`.slice(0, 100_000)}`,
      );
      writeFileSync(
        path.join(dir, 'storm.ninjs'),
        JSON.stringify({
          uri: `urn:hostile:${tag}:import`,
          body_html: `<p>${tag} import</p>${htmlShapes['entity storm']}`,
        }),
      );
      writeFileSync(
        path.join(dir, 'flood.rss'),
        xmlShapes['cdata flood'].replace('<title>Hostile', `<title>Hostile ${tag}`),
      );
      writeFileSync(path.join(dir, 'nested.rss'), xmlShapes['deep nesting']);
      const t0 = performance.now();
      const { stdout } = await promisify(execFile)(
        path.resolve('node_modules/.bin/tsx'),
        ['scripts/import.ts', '--url', stack.apiUrl, '--token', INGEST_TOKEN, '--json', dir],
        { timeout: waitMs, maxBuffer: 10 * 1024 * 1024 },
      ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '{}' }));
      const summary = JSON.parse(stdout || '{}') as { accepted?: number; rejected?: unknown[] };
      const commandMs = performance.now() - t0;
      // Each imported report, from its arrival to its announcement on the desk stream (the
      // command's own start-up, a TypeScript process, is not the report's time).
      const ids = await redis.zrevrange(keys.reportIndex, 0, 20);
      let worst = 0;
      let last = 'none';
      for (const id of ids) {
        const raw = await redis.hget(keys.report(id), 'report');
        if (!raw?.includes(`${tag} import`)) continue;
        last = await ended(id);
        const arrived = Date.parse((JSON.parse(raw) as { receivedAt: string }).receivedAt);
        const entries = (await redis.xrevrange(keys.changes, '+', '-', 'COUNT', 500)) as [string, string[]][];
        const added = entries.find(([, f]) => f[1]?.startsWith(`{"type":"report.added","id":"${id}"`));
        worst = Math.max(worst, added ? Number(added[0].split('-')[0]) - arrived : waitMs);
      }
      cases.push({
        door: 'import',
        shape: IMPORT_CASE,
        ms: worst,
        outcome: `${summary.accepted ?? 0} accepted, ${summary.rejected?.length ?? 0} rejected; last ${last}; the command took ${(commandMs / 1000).toFixed(1)} s`,
        healthzMs: 0,
        at: t0,
        span: commandMs,
      } as CaseResult);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    for (const c of cases as (CaseResult & { at: number; span?: number })[])
      c.healthzMs = health.worstBetween(c.at, c.at + (c.span ?? c.ms));
    healthz = await health.stop();
    await queue.close();
    redis.disconnect();
    await feedServer.close();
  }
  return { cases: cases.sort((a, b) => b.ms - a.ms), healthz };
}
