/**
 * Feeds end to end on real parts: a feed server on loopback (RSS 2.0 and Atom), the real
 * worker role polling it through BullMQ job schedulers, reports landing in Redis.
 * Editors' routes run in a small app with an editor token (login is built elsewhere).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feed } from '../shared/feeds.js';
import type { ReportDetail } from '../shared/report.js';
import { createHttpApp } from '../server/http/app.js';
import { feedsRouter } from '../server/http/routes/feeds.js';
import { createMetrics } from '../server/metrics.js';
import { outboundPolicy } from '../server/outbound/guard.js';
import { createFeedsQueue, type FeedsQueue } from '../server/queues/feedScheduler.js';
import { FeedStore } from '../server/storage/feedStore.js';
import { waitReady } from '../server/storage/redis.js';
import { DISPLAY_TOKEN, startTestApp, waitFor, type TestApp } from './helpers/app.js';
import { startFeedServer, type FeedServer, type TestFeedItem } from './helpers/feedServer.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';

const EDITOR_TOKEN = 'test-editor-token-0123456789';

let redis: TestRedis;
let app: TestApp;
let feedServer: FeedServer;
let queue: FeedsQueue;
let editor: { url: string; server: Server };
let strictEditor: { url: string; server: Server };

/** The feeds router as the api role mounts it, behind an editor's bearer token. */
async function startEditorApp(policy: string[], minIntervalSeconds: number): Promise<{ url: string; server: Server }> {
  const command = app.ctx.connect('command', 'test-editor');
  await waitReady(command); // a command connection fails fast (no offline queue) until it is up
  const http = createHttpApp({
    log: pino({ level: 'silent' }),
    metrics: createMetrics({ redis: command, keys: app.ctx.keys, queues: [] }),
    tokens: async (token) => (token === EDITOR_TOKEN ? { kind: 'token', name: 'editor-1', role: 'editor' } : null),
    publicRouters: [],
    apiRouters: {
      feeds: feedsRouter({
        feeds: new FeedStore(command, app.ctx.keys),
        queue,
        policy: outboundPolicy(policy),
        minIntervalSeconds,
      }),
    },
  });
  const server = createServer(http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, { env: { OUTBOUND_ALLOWLIST: '127.0.0.1', FEED_MIN_INTERVAL_SECONDS: '1' } });
  const queueConnection = app.ctx.connect('command', 'test-feeds-queue');
  await waitReady(queueConnection);
  queue = createFeedsQueue(queueConnection, app.ctx.keys.queuePrefix);
  feedServer = await startFeedServer();
  editor = await startEditorApp(['127.0.0.1'], 1);
  strictEditor = await startEditorApp([], 30);
});
afterAll(async () => {
  for (const e of [editor, strictEditor]) await new Promise((r) => e?.server.close(r));
  await feedServer?.close();
  await queue?.close();
  await app?.close();
  await redis?.stop();
});

let counter = 0;
function item(label: string, overrides: Partial<TestFeedItem> = {}): TestFeedItem {
  counter++;
  return {
    guid: `guid-${label}-${counter}`,
    title: `${label} headline ${counter}`,
    link: `https://news.example/${label}/${counter}`,
    date: new Date(Date.UTC(2022, 0, 18, 9, counter % 60)),
    html: `<p>${label} ${counter}: ministers will meet in <b>Geneva</b> on Friday &amp; talk.</p>`,
    ...overrides,
  };
}

async function addFeed(base: string, path: string, body: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${base}/api/feeds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_TOKEN}` },
    body: JSON.stringify({ url: `${feedServer.url}${path}`, intervalSeconds: 1, ...body }),
  });
}

async function feedStatus(id: string): Promise<Feed> {
  const res = await fetch(`${editor.url}/api/feeds/${id}`, { headers: { authorization: `Bearer ${EDITOR_TOKEN}` } });
  return (await res.json()) as Feed;
}

/** Reports whose url points at `linkPrefix`, from the real api. */
async function reportsFrom(linkPrefix: string): Promise<ReportDetail[]> {
  const res = await fetch(`${app.url}/api/reports?limit=500`, {
    headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
  });
  const { reports } = (await res.json()) as { reports: ReportDetail[] };
  return reports.filter((r) => r.report.url?.startsWith(linkPrefix));
}

const pollsOf = (path: string) => feedServer.requests.filter((r) => r.path === path);

describe('RSS 2.0 feed', () => {
  it('new items arrive as reports; nothing is taken twice over many polls; ETag and Last-Modified are honoured', async () => {
    const first = item('rss');
    const second = item('rss');
    feedServer.define('/rss.xml', 'rss', [second, first]);
    const res = await addFeed(editor.url, '/rss.xml');
    expect(res.status).toBe(201);
    const feed = (await res.json()) as Feed;
    expect(feed).toMatchObject({
      url: `${feedServer.url}/rss.xml`,
      intervalSeconds: 1,
      itemCount: 0,
      createdBy: 'editor-1',
    });

    const arrived = await waitFor(
      async () =>
        (await reportsFrom('https://news.example/rss/')).length === 2 ? reportsFrom('https://news.example/rss/') : null,
      15_000,
      'two reports',
    );
    const taken = arrived.find((r) => r.report.url === first.link);
    expect(taken?.report).toMatchObject({
      title: first.title,
      url: first.link,
      dateline: first.date.toISOString().replace('.000Z', 'Z'),
      source: 'Test feed /rss.xml',
      meta: { feed: { id: feed.id }, guid: first.guid },
    });
    expect(taken?.report.text).toBe(
      `rss ${first.guid.split('-').at(-1)}: ministers will meet in Geneva on Friday & talk.`,
    );

    // A new item arrives on a later poll.
    const third = item('rss');
    feedServer.publish('/rss.xml', third);
    await waitFor(async () => (await reportsFrom(third.link)).length === 1, 15_000, 'the new item');

    // The same guid edited upstream, and the same story under a new guid, are not taken again.
    feedServer.publish(
      '/rss.xml',
      { ...third, html: `${third.html} (updated)` },
      { ...first, guid: 'a-new-guid-for-an-old-story', link: 'https://news.example/rss/moved' },
    );
    const before = pollsOf('/rss.xml').length;
    await waitFor(async () => pollsOf('/rss.xml').length >= before + 5, 20_000, 'five more polls');
    expect(await reportsFrom('https://news.example/rss/')).toHaveLength(3);
    const status = await feedStatus(feed.id);
    expect(status.itemCount).toBe(3);
    expect(status.lastError).toBeUndefined();

    // Conditional GET: the poller sends the validators it was given and a 304 takes nothing.
    const conditional = pollsOf('/rss.xml').filter((r) => r.headers['if-none-match']);
    expect(conditional.length).toBeGreaterThan(0);
    expect(conditional.every((r) => typeof r.headers['if-modified-since'] === 'string')).toBe(true);
    expect(pollsOf('/rss.xml').filter((r) => r.status === 304).length).toBeGreaterThan(0);
    expect((await feedStatus(feed.id)).lastNewItems).toBe(0);
  });

  it('a 500 from the feed marks it with its error and backs off; it recovers when the feed does', async () => {
    const path = '/flaky.xml';
    const served = feedServer.define(path, 'rss', [item('flaky')]);
    const feed = (await (await addFeed(editor.url, path)).json()) as Feed;
    await waitFor(async () => (await feedStatus(feed.id)).itemCount === 1, 15_000, 'first item');

    served.failWith = 500;
    const failing = await waitFor(
      async () => {
        const s = await feedStatus(feed.id);
        return s.lastError ? s : null;
      },
      15_000,
      'error recorded',
    );
    expect(failing.lastError).toMatch(/HTTP 500/);
    expect(failing.consecutiveFailures).toBeGreaterThanOrEqual(1);
    expect(Date.parse(failing.nextPollAfter ?? '')).toBeGreaterThan(Date.parse(failing.lastPollAt ?? ''));

    const fresh = item('flaky');
    feedServer.publish(path, fresh);
    served.failWith = undefined;
    await waitFor(async () => (await reportsFrom(fresh.link)).length === 1, 20_000, 'recovery');
    const recovered = await waitFor(
      async () => {
        const s = await feedStatus(feed.id);
        return !s.lastError && s.consecutiveFailures === 0 ? s : null;
      },
      10_000,
      'error cleared',
    );
    expect(recovered.itemCount).toBe(2);
  });

  it('an unreachable feed is marked, and the worker keeps polling other feeds', async () => {
    const dead = (await (
      await fetch(`${editor.url}/api/feeds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_TOKEN}` },
        body: JSON.stringify({ url: 'http://127.0.0.1:1/feed.xml', intervalSeconds: 1 }),
      })
    ).json()) as Feed;
    const marked = await waitFor(
      async () => {
        const s = await feedStatus(dead.id);
        return s.lastError ? s : null;
      },
      15_000,
      'unreachable marked',
    );
    expect(marked.lastError).toMatch(/unreachable/);
    const alive = item('alive');
    feedServer.define('/alive.xml', 'rss', [alive]);
    await addFeed(editor.url, '/alive.xml');
    await waitFor(async () => (await reportsFrom(alive.link)).length === 1, 15_000, 'other feed still polled');
  });
});

describe('Atom feed', () => {
  it('entries arrive with dateline, title and link', async () => {
    const entry = item('atom', { date: new Date('2022-01-10T17:00:00Z') });
    feedServer.define('/atom.xml', 'atom', [entry]);
    expect((await addFeed(editor.url, '/atom.xml')).status).toBe(201);
    const [report] = await waitFor(
      async () => {
        const found = await reportsFrom(entry.link);
        return found.length ? found : null;
      },
      15_000,
      'atom entry',
    );
    expect(report.report).toMatchObject({ title: entry.title, url: entry.link, dateline: '2022-01-10T17:00:00.000Z' });
    expect(report.report.text).toContain('ministers will meet in Geneva on Friday & talk.');
  });
});

describe('editors’ routes', () => {
  it('refuse a feed on a private address without the allowlist, a short interval, and a second copy', async () => {
    const refused = await addFeed(strictEditor.url, '/rss.xml', { intervalSeconds: 60 });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'outbound_refused',
      message: expect.stringMatching(/OUTBOUND_ALLOWLIST/),
    });
    const tooOften = await addFeed(strictEditor.url, '/rss.xml', {
      url: 'http://10.1.2.3/feed.xml',
      intervalSeconds: 5,
    });
    expect(tooOften.status).toBe(400);
    expect(((await tooOften.json()) as { error: { message: string } }).error.message).toMatch(/at least 30/);
    const notUrl = await addFeed(editor.url, '/x', { url: 'file:///etc/passwd' });
    expect(notUrl.status).toBe(400);

    feedServer.define('/twice.xml', 'rss', []);
    expect((await addFeed(editor.url, '/twice.xml')).status).toBe(201);
    expect((await addFeed(editor.url, '/twice.xml')).status).toBe(409);
  });

  it('list and delete; deleting removes the scheduler', async () => {
    feedServer.define('/gone.xml', 'rss', []);
    const feed = (await (await addFeed(editor.url, '/gone.xml')).json()) as Feed;
    const list = (await (
      await fetch(`${editor.url}/api/feeds`, { headers: { authorization: `Bearer ${EDITOR_TOKEN}` } })
    ).json()) as { feeds: Feed[] };
    expect(list.feeds.map((f) => f.id)).toContain(feed.id);
    expect(list.feeds.every((f) => !('etag' in f))).toBe(true);
    expect(await queue.getJobScheduler(feed.id)).toBeTruthy();
    const del = await fetch(`${editor.url}/api/feeds/${feed.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${EDITOR_TOKEN}` },
    });
    expect(del.status).toBe(204);
    expect(await queue.getJobScheduler(feed.id)).toBeFalsy();
    expect(
      (await fetch(`${editor.url}/api/feeds/${feed.id}`, { headers: { authorization: `Bearer ${EDITOR_TOKEN}` } }))
        .status,
    ).toBe(404);
  });

  it('the api role mounts /api/feeds for editors only', async () => {
    expect((await fetch(`${app.url}/api/feeds`)).status).toBe(401);
    const display = await fetch(`${app.url}/api/feeds`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } });
    expect(display.status).toBe(403);
  });
});
