/**
 * Search (issue 27): 100,000 stored 3 KB reports (10,000 quick), written straight into Redis as
 * the worker leaves them (the ingest bench measures the way in); then one api process is started
 * and timed until its index answers (`search.index_build_s`), its memory read, and a mix of the
 * desk's searches (words, phrases, people, places, filters, later pages) timed over HTTP one
 * after another (`search.p95_ms`, and the api's CPU per request). Then 1,000 flag changes are written to the desk stream and
 * timed until a search reflects them all (`search.catch_up_1000_ms`), and the node is killed and
 * started again (`search.restart_ready_s`).
 */
import { Redis } from 'ioredis';
import { emptyExtraction } from '../../shared/extraction.js';
import type { SearchPage } from '../../shared/search.js';
import { appendChange } from '../../server/storage/changeStream.js';
import { keysFor } from '../../server/storage/keys.js';
import { startProcess, type AppProcess } from '../../test/helpers/processes.js';
import { wallMs } from '../lib/clock.js';
import { cpuSeconds } from '../lib/cpu.js';
import { QUICK } from '../lib/mode.js';
import { benchReport } from '../lib/reportTexts.js';
import { record } from '../lib/results.js';
import { settledRssKb } from '../lib/rss.js';
import { percentile, round } from '../lib/stats.js';
import { benchEnv, DISPLAY_TOKEN, startStack } from '../lib/servers.js';

const REPORTS = QUICK ? 10_000 : 100_000;
const ROUNDS = QUICK ? 5 : 20;
const CHANGES = 1000;
const T0_MS = Date.parse('2022-01-10T00:00:00Z');

const QUERIES = [
  'q=troops',
  'q=talks%20geneva',
  'q=%22field%20hospitals%22',
  'q=%22line%20of%20contact%22%20shelling',
  'q=person%3ALavrov',
  'q=place%3AVienna%20sanctions',
  'q=lavrov&crisis=russia-ukraine&flag=breaking',
  'q=kremlin&from=2022-01-15&to=2022-01-20',
  'q=dispatch%2042',
  'q=convoy%20zzyzx',
  'flag=verified',
  'source=Crisis%20Desk%20bench&limit=50',
];

const PEOPLE = /(?:President|Minister|Secretary of State|Chancellor) ([A-Z][a-z]+ [A-Z][a-z]+)/g;
const PLACES = /\b(Geneva|Vienna|Brussels|Berlin|Kyiv|Moscow|Paris|Warsaw|Minsk|Helsinki)\b/g;

/** Writes report `i` as a folded report: record, index, crisis (two in three), a flag (one in ten). */
async function seed(redis: Redis, prefix: string): Promise<void> {
  const keys = keysFor(prefix);
  const crisis = keys.crisis('russia-ukraine').reports;
  for (let from = 0; from < REPORTS; from += 1000) {
    const multi = redis.pipeline();
    for (let i = from; i < Math.min(REPORTS, from + 1000); i++) {
      const r = benchReport('search', i);
      const id = i.toString(16).padStart(32, '0');
      const ms = T0_MS + i * 1000;
      const extraction = emptyExtraction();
      extraction.entities.people = [...new Set([...r.text.matchAll(PEOPLE)].map((m) => m[1]))];
      extraction.entities.places = [...new Set([...r.text.matchAll(PLACES)].map((m) => m[1]))];
      const inCrisis = i % 3 !== 0;
      const crises = inCrisis ? [{ slug: 'russia-ukraine', reason: 'places: Kyiv', by: 'rules' }] : [];
      const flags =
        i % 10 === 0 ? [{ flag: i % 20 === 0 ? 'breaking' : 'verified', at: new Date(ms).toISOString() }] : [];
      multi.hset(keys.report(id), {
        report: JSON.stringify({ id, ...r, receivedAt: new Date(ms).toISOString() }),
        status: 'done',
        extraction: JSON.stringify(extraction),
        fp: `fp${i}`,
        crises: JSON.stringify(crises),
        flags: JSON.stringify(flags),
      });
      multi.zadd(keys.reportIndex, ms, id);
      multi.zadd(inCrisis ? crisis : keys.unassigned, ms, id);
    }
    await multi.exec();
  }
}

async function get(url: string, query: string): Promise<{ status: number; page: SearchPage }> {
  const res = await fetch(`${url}/api/reports?${query}`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } });
  return { status: res.status, page: (await res.json()) as SearchPage };
}

/** Starts an api node and times it until its index answers. */
async function startTimed(stack: Awaited<ReturnType<typeof startStack>>, env: Record<string, string>) {
  const t0 = wallMs();
  const api = await startProcess('api', stack.redis.url, stack.prefix, env);
  stack.apis.push(api);
  for (let deadline = Date.now() + 600_000; Date.now() < deadline;) {
    if ((await get(api.url!, 'q=troops&limit=1')).status === 200) return { api, seconds: (wallMs() - t0) / 1000 };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the search index was not built in 10 minutes');
}

export async function searchScenario(): Promise<void> {
  const stack = await startStack({ apis: 0, workers: 0 });
  const redis = new Redis(stack.redis.url);
  const env = benchEnv();
  try {
    const t0 = wallMs();
    await seed(redis, stack.prefix);
    console.log(`  ${REPORTS} reports stored in ${((wallMs() - t0) / 1000).toFixed(1)} s`);
    record('search.reports', REPORTS, 'reports');
    let { api, seconds } = await startTimed(stack, env);
    record('search.index_build_s', round(seconds), 's');
    record('search.api_rss_mb', round((await settledRssKb(api.child.pid!)) / 1024), 'MB');

    const times: number[] = [];
    const cpu0 = cpuSeconds(api.child.pid!);
    for (let round = 0; round < ROUNDS; round++)
      for (const q of QUERIES) {
        const t = wallMs();
        const first = await get(api.url!, q);
        times.push(wallMs() - t);
        if (first.status !== 200) throw new Error(`${q}: ${first.status}`);
        if (first.page.next) {
          // The page after: as the desk's "load more" asks it.
          const t2 = wallMs();
          await get(api.url!, `${q}&cursor=${first.page.next}`);
          times.push(wallMs() - t2);
        }
      }
    // The api node's CPU per request: what a search costs whatever else the machine is doing.
    record('search.api_cpu_ms_per_request', round(((cpuSeconds(api.child.pid!) - cpu0) * 1000) / times.length), 'ms');
    times.sort((a, b) => a - b);
    record('search.queries', times.length, 'requests');
    record('search.p50_ms', round(percentile(times, 50)), 'ms');
    record('search.p95_ms', round(percentile(times, 95)), 'ms');

    // 1,000 reports flagged follow-up, told on the desk stream as the flag store tells them.
    const keys = keysFor(stack.prefix);
    const multi = redis.multi();
    for (let i = 1; i <= CHANGES; i++) {
      const id = (i * 7).toString(16).padStart(32, '0');
      const flags = [{ flag: 'follow-up', at: new Date().toISOString() }];
      multi.hset(keys.report(id), 'flags', JSON.stringify(flags));
      appendChange(multi, keys.changes, { type: 'flag.changed', id, flags: flags as never }, 1_000_000);
    }
    const t1 = wallMs();
    await multi.exec();
    const followed = await get(api.url!, 'flag=follow-up&limit=500');
    record('search.catch_up_1000_ms', round(wallMs() - t1), 'ms');
    if (followed.page.reports.length !== 500)
      throw new Error(`flag changes not followed: ${followed.page.reports.length}`);

    await api.kill9();
    stack.apis = stack.apis.filter((a: AppProcess) => a !== api);
    ({ api, seconds } = await startTimed(stack, env));
    record('search.restart_ready_s', round(seconds), 's');
  } finally {
    redis.disconnect();
    await stack.stop();
  }
}
