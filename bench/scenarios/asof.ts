/**
 * As-of state (issue 28): GET /api/state?crisis=&asOf= over a crisis of 100,000 reports (10,000
 * quick). The reports are folded into the crisis by the worker's own fold (CrisisFold and its
 * commit script, which write the history and its checkpoints) from this process, without the
 * queue and extraction the ingest scenario already measures: a pool of extracted bench reports
 * is reused under distinct ids and datelines. Then one api process answers 300 sequential
 * requests for moments drawn uniformly over the crisis' history; the time is the HTTP round trip.
 */
import { loadavg } from 'node:os';
import { Redis } from 'ioredis';
import { foldOptionsOf } from '../../server/crises/foldOptions.js';
import { extract } from '../../server/extract/index.js';
import type { CrisisState } from '../../server/state/index.js';
import { FoldStore } from '../../server/storage/foldStore.js';
import { keysFor } from '../../server/storage/keys.js';
import { CrisisFold, type CrisisFoldItem } from '../../server/workers/crisisFold.js';
import { fingerprintOf } from '../../server/workers/foldBatcher.js';
import { rng } from '../../test/helpers/rng.js';
import { wallMs } from '../lib/clock.js';
import { cpuSeconds } from '../lib/cpu.js';
import { QUICK } from '../lib/mode.js';
import { benchReport } from '../lib/reportTexts.js';
import { record } from '../lib/results.js';
import { DISPLAY_TOKEN, RUSSIA_UKRAINE, startStack } from '../lib/servers.js';
import { percentile, summarize } from '../lib/stats.js';

const REPORTS = QUICK ? 10_000 : 100_000;
/** Distinct extractions reused (the fold's cost is in the extraction, not the id). */
const POOL = 1_000;
const BATCH = 200;
const QUERIES = 300;
const DAY_MS = 86_400_000;

export async function asofScenario(): Promise<void> {
  const stack = await startStack({ apis: 1, workers: 0 });
  const redis = new Redis(stack.redis.url);
  try {
    const keys = keysFor(stack.prefix);
    const crisisKeys = keys.crisis(RUSSIA_UKRAINE.slug);
    const fold = new CrisisFold(
      new FoldStore<CrisisState>(redis, crisisKeys, 1_000_000),
      foldOptionsOf(RUSSIA_UKRAINE),
    );
    const pool = Array.from({ length: POOL }, (_, i) => {
      const r = benchReport('asof', i, 1500);
      return Buffer.from(JSON.stringify(extract(r.text, r.dateline)));
    });
    const start = Date.parse('2021-10-01T00:00:00Z');
    const t0 = wallMs();
    for (let at = 0; at < REPORTS; at += BATCH) {
      const items: CrisisFoldItem[] = [];
      const multi = redis.multi();
      for (let i = at; i < Math.min(REPORTS, at + BATCH); i++) {
        const id = `asof-${i}`;
        // Over 200 days, in order, as a crisis' reports come in.
        const receivedAt = new Date(start + Math.floor((i / REPORTS) * 200 * DAY_MS)).toISOString();
        const json = pool[i % POOL];
        const report = { id, text: `Dispatch ${i}.`, dateline: receivedAt, title: `Dispatch ${i}`, receivedAt };
        multi.hset(keys.report(id), 'report', JSON.stringify(report), 'status', 'done', 'extraction', json);
        items.push({
          id,
          dateline: receivedAt,
          receivedAtMs: Date.parse(receivedAt),
          summary: { id, dateline: receivedAt, receivedAt, status: 'done', excerpt: report.text, flags: [] },
          extracted: { json },
          fingerprint: fingerprintOf(json),
        });
      }
      await multi.exec();
      await fold.commit(items);
    }
    record('asof.reports', REPORTS, 'reports');
    record('asof.fold_s', (wallMs() - t0) / 1000, 's');

    const first = (await redis.xrange(crisisKeys.history, '-', '+', 'COUNT', 1)) as [string, string[]][];
    const last = (await redis.xrevrange(crisisKeys.history, '+', '-', 'COUNT', 1)) as [string, string[]][];
    const [from, to] = [Number(first[0][0].split('-')[0]), Number(last[0][0].split('-')[0])];
    const checkpoints = await redis.zcard(crisisKeys.historyCheckpoints);
    const statesBytes = Number(await redis.memory('USAGE', crisisKeys.historyStates, 'SAMPLES', '0'));
    const historyBytes = Number(await redis.memory('USAGE', crisisKeys.history, 'SAMPLES', '0'));
    record('asof.checkpoints', checkpoints, '');
    record('asof.checkpoint_kb_mean', statesBytes / 1024 / Math.max(1, checkpoints), 'KB');
    record('asof.history_bytes_per_report', historyBytes / REPORTS, 'B');

    const api = stack.apis[0].url!;
    const random = rng(2028);
    const get = async (ms: number) => {
      const url = `${api}/api/state?crisis=${RUSSIA_UKRAINE.slug}&asOf=${new Date(ms).toISOString()}`;
      const res = await fetch(url, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } });
      if (res.status !== 200) throw new Error(`as-of request: ${res.status} ${await res.text()}`);
      return (await res.json()) as { troops: unknown };
    };
    for (let i = 0; i < 10; i++) await get(from + random() * (to - from)); // warm-up
    const samples: number[] = [];
    const apiPid = stack.apis[0].child.pid!;
    const redisPid = stack.redis.process.pid!;
    const cpuBefore = { api: cpuSeconds(apiPid), redis: cpuSeconds(redisPid) };
    for (let i = 0; i < QUERIES; i++) {
      const ms = from + random() * (to - from);
      const t = wallMs();
      await get(ms);
      samples.push(wallMs() - t);
    }
    // CPU per request, which a busy machine does not inflate as it does the wall-clock time.
    record('asof.api_cpu_ms_per_request', ((cpuSeconds(apiPid) - cpuBefore.api) * 1000) / QUERIES, 'ms');
    record('asof.redis_cpu_ms_per_request', ((cpuSeconds(redisPid) - cpuBefore.redis) * 1000) / QUERIES, 'ms');
    record('asof.machine_load_1min', loadavg()[0], '');
    const s = summarize(samples);
    record('asof.p50_ms', s.p50, 'ms');
    record('asof.p95_ms', percentile(Float64Array.from(samples).sort(), 95), 'ms');
    record('asof.max_ms', s.max, 'ms');
  } finally {
    redis.disconnect();
    await stack.stop();
  }
}
