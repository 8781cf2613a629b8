/**
 * Hostile input (issue 26): the real times behind the fuzz suite's generous bounds.
 *   In process: htmlToText on 100 KB and 1 MB of each HTML shape (the worst), the feed parser on
 *   each 100 KB XML shape (the worst), mention rules of 100 subscriptions × 50 keywords on a 3 KB
 *   report (compiled once per subscription change).
 *   Against the built server (one api, one worker process): every shape through every door
 *   (test/helpers/hostileRun.ts), the slowest case per door and /healthz answers throughout.
 * Prints `bench hostile.*` lines.
 */
import { judge } from '../server/alerts/rules.js';
import { reportWords } from '../server/alerts/mentions.js';
import { parseFeed } from '../server/feeds/parseFeed.js';
import { htmlToText } from '../server/ingest/htmlToText.js';
import type { AlertRule } from '../shared/alerts.js';
import type { Change } from '../shared/events.js';
import { fill, htmlShapes, xmlShapes } from '../test/helpers/hostile.js';
import { runHostile, type Door } from '../test/helpers/hostileRun.js';
import { startStack } from './lib/servers.js';

const QUICK = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';
const print = (name: string, value: number, unit: string) =>
  console.log(`bench hostile.${name}: ${Number(value.toFixed(value < 10 ? 2 : 0))} ${unit}`);

/** Median of `runs` timings of `task` (after one warm-up run). */
function median(task: () => unknown, runs = 5): number {
  task();
  const times = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    task();
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

function worst(shapes: Record<string, string>, task: (input: string) => unknown): { shape: string; ms: number } {
  let result = { shape: '', ms: 0 };
  for (const [shape, input] of Object.entries(shapes)) {
    const ms = median(() => task(input));
    if (ms > result.ms) result = { shape, ms };
  }
  return result;
}

// In process.
const html100 = worst(htmlShapes, htmlToText);
print('html_to_text_100kb_worst_ms', html100.ms, `ms (${html100.shape})`);
const html1mb = worst(Object.fromEntries(Object.entries(htmlShapes).map(([k, v]) => [k, v.repeat(10)])), htmlToText);
print('html_to_text_1mb_worst_ms', html1mb.ms, `ms (${html1mb.shape})`);
const xml = worst(xmlShapes, (doc) => {
  try {
    parseFeed(doc);
  } catch {
    // refused shapes are timed to their refusal
  }
});
print('feed_parse_100kb_worst_ms', xml.ms, `ms (${xml.shape})`);

const rules: AlertRule[] = Array.from({ length: 100 }, (_, s) => ({
  type: 'mention',
  terms: Array.from({ length: 50 }, (_, t) => `Keyword${s}x${t}`),
}));
const reports = Array.from({ length: 200 }, (_, n) => ({
  id: `r${n}`,
  text: fill(`Report ${n}: Ministers in Geneva spoke of troops near Kyiv, Keyword7x3 and more. `, 3000),
  title: `Report ${n}`,
  dateline: '2022-01-19',
}));
const judgeAll = () => {
  for (const report of reports) {
    const words = reportWords(report);
    const change = { type: 'report.added', id: report.id, seq: '1-0', crisis: null } as unknown as Change;
    for (const rule of rules) judge(rule, change, { memo: {}, report, words });
  }
};
print(
  'mention_rules_ms_per_report',
  median(judgeAll, 3) / reports.length,
  'ms (100 subscriptions × 50 keywords, 3 KB)',
);

// Against the built server.
const stack = await startStack({
  apis: 1,
  workers: 1,
  env: { OUTBOUND_ALLOWLIST: '127.0.0.1', FEED_MIN_INTERVAL_SECONDS: '1' },
});
try {
  const run = await runHostile({
    apiUrl: stack.apis[0].url!,
    redisUrl: stack.redis.url,
    prefix: stack.prefix,
    waitMs: 60_000,
    // A quick run's child bench has 30 s: the doors whose cases take no extraction of 100 KB texts.
    ...(QUICK ? { doors: ['ninjs', 'feed-xml'] as Door[] } : {}),
  });
  print('healthz_max_ms', run.healthz.maxMs, `ms (over ${run.healthz.count} answers)`);
  print('healthz_p99_ms', run.healthz.p99Ms, 'ms');
  for (const door of ['http-json', 'http-text', 'ninjs', 'feed-html', 'feed-xml', 'import'] as Door[]) {
    const slowest = run.cases.filter((c) => c.door === door).sort((a, b) => b.ms - a.ms)[0];
    if (slowest)
      print(`${door.replace('-', '_')}_case_max_ms`, slowest.ms, `ms (${slowest.shape}: ${slowest.outcome})`);
  }
  const extraction = run.cases.find((c) => c.door === 'http-json' && c.shape === 'meeting words');
  if (extraction) print('extract_bound_case_ms', extraction.ms, 'ms (http-json/meeting words: extract() itself)');
  print('cases', run.cases.length, 'cases');
} finally {
  await stack.stop();
}
