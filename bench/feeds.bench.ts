/**
 * Feed items through to the wall: F feeds of M items each on a loopback feed server, polled
 * by the real worker process (BullMQ job schedulers), every item taken through the ingestor,
 * extracted, folded and announced on the change stream, counted on a real socket.io client
 * as the wall would see them. Prints:
 *   bench feeds.accept_items_per_s: <value> items/s  (feed added → every item stored and queued)
 *   bench feeds.items_per_s: <value> items/s         (feed added → every report.added on the socket)
 * Full: 8 feeds × 1,000 items; BENCH_QUICK=1: 4 × 250.
 */
import { Redis } from 'ioredis';
import { createFeedsQueue, scheduleFeed } from '../server/queues/feedScheduler.js';
import { FeedStore, feedIdFor } from '../server/storage/feedStore.js';
import { keysFor } from '../server/storage/keys.js';
import { startFeedServer, type TestFeedItem } from '../test/helpers/feedServer.js';
import { connectClient, connected } from '../test/helpers/socketClient.js';
import { waitFor } from '../test/helpers/app.js';
import { DISPLAY_TOKEN, startStack } from './lib/servers.js';

const QUICK = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';
const FEEDS = QUICK ? 4 : 8;
const ITEMS = QUICK ? 100 : 1_000;
const TOTAL = FEEDS * ITEMS;

function items(feed: number): TestFeedItem[] {
  return Array.from({ length: ITEMS }, (_, i) => ({
    guid: `bench-${feed}-${i}`,
    title: `Feed ${feed} item ${i}`,
    link: `https://bench.example/${feed}/${i}`,
    date: new Date(Date.UTC(2022, 0, 1 + (i % 28), 8, feed)),
    // About the stack's crisis (Russia–Ukraine), so each item is routed there and reaches its wall.
    html: `<p>Russian and Ukrainian ministers will meet in Geneva on Friday (feed ${feed}, item ${i}). About ${40 + (i % 60)},000 Russian troops remain near Ukraine's border, officials said.</p>`,
  }));
}

const stack = await startStack({
  apis: 1,
  workers: 1,
  env: { OUTBOUND_ALLOWLIST: '127.0.0.1', FEED_MIN_INTERVAL_SECONDS: '1' },
});
const feedServer = await startFeedServer();
const redis = new Redis(stack.redis.url);
const queue = createFeedsQueue(redis, keysFor(stack.prefix).queuePrefix);
const client = connectClient(stack.apis[0].url!, { token: DISPLAY_TOKEN });
try {
  await connected(client);
  await waitFor(async () => client.snapshots.length > 0, 10_000, 'snapshot');
  const store = new FeedStore(redis, keysFor(stack.prefix));
  const ids: string[] = [];
  for (let f = 0; f < FEEDS; f++) feedServer.define(`/bench-${f}.xml`, f % 2 ? 'atom' : 'rss', items(f));

  const seen = new Set<string>();
  client.socket.on('change', (c) => {
    if (c.type === 'report.added' && c.report.url?.startsWith('https://bench.example/')) seen.add(c.id);
  });
  const started = performance.now();
  for (let f = 0; f < FEEDS; f++) {
    const url = `${feedServer.url}/bench-${f}.xml`;
    const id = feedIdFor(url);
    ids.push(id);
    // What POST /api/feeds does after its checks: store the feed, then its scheduler (first poll at once).
    await store.create({ id, url, intervalSeconds: 3600, createdAt: new Date().toISOString(), createdBy: 'bench' });
    await scheduleFeed(queue, id, 3600);
  }
  await waitFor(
    async () =>
      (await Promise.all(ids.map((id) => store.get(id)))).reduce((n, f) => n + (f?.itemCount ?? 0), 0) >= TOTAL,
    100_000,
    'every item accepted',
  );
  const accepted = performance.now();
  console.log(`bench feeds.accept_items_per_s: ${Math.round(TOTAL / ((accepted - started) / 1000))} items/s`);
  await waitFor(async () => seen.size >= TOTAL, 100_000, `every item on the socket (${seen.size}/${TOTAL})`);
  console.log(`bench feeds.items_per_s: ${Math.round(TOTAL / ((performance.now() - started) / 1000))} items/s`);
} finally {
  client.close();
  await queue.close();
  redis.disconnect();
  await feedServer.close();
  await stack.stop();
}
