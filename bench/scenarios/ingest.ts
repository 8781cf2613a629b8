/**
 * Ingest throughput: a burst of distinct 3 KB reports is posted to one api node and queued;
 * then ONE worker process drains it through queue, extraction, state fold and change
 * stream. The rate is measured between the first and the last change-stream entry (their
 * ids are Redis' clock), so the worker's start-up does not count.
 *
 * The compute limit it is compared with (`ingest.vs_extract_only`) is extract() alone on one
 * core over the same reports, once each, in the same order, in a fresh process: the work the
 * worker's extraction thread does, without the pipeline. Fresh matters: extract() runs slower
 * on its first bench reports (the JIT warming up), and the worker meets those too. It is measured before
 * the burst and after the drain, in two fresh processes, and the ratio uses the mean: the
 * machine's speed drifts by a quarter from one minute to the next (a quick run measures it
 * before only, to stay within its minute). After the last cold pass, the loop runs the first
 * reports again, warm, for `ingest.vs_extract_only_warm`: the ratio against a baseline that
 * has seen every phrase already, a stricter comparison (warm extraction is faster) kept beside
 * the cold one to show how much of the gap is the worker meeting the reports cold.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { keysFor } from '../../server/storage/keys.js';
import { sleep, wallMs } from '../lib/clock.js';
import { childrenCpuSeconds, cpuSeconds } from '../lib/cpu.js';
import { QUICK, sizes } from '../lib/mode.js';
import { record, valueOf } from '../lib/results.js';
import { startChild } from '../lib/rpc.js';
import { INGEST_TOKEN, RUSSIA_UKRAINE, startStack } from '../lib/servers.js';
import type { PostResult } from '../clients/loadgen.js';

const streamMs = (id: string) => Number(id.split('-')[0]);

/** Redis' count of calls and time per command name (INFO commandstats): script runs by kind. */
async function redisScriptTime(redis: Redis): Promise<{ evalsha: number; eval: number }> {
  const stats = await redis.info('commandstats');
  const usec = (name: string) =>
    Number(new RegExp(`^cmdstat_${name}:calls=\\d+,usec=(\\d+)`, 'm').exec(stats)?.[1] ?? 0);
  return { evalsha: usec('evalsha'), eval: usec('eval') };
}

/** Redis' own count of bytes received from and sent to its clients (INFO stats). */
async function redisNetBytes(redis: Redis): Promise<{ input: number; output: number }> {
  const info = await redis.info('stats');
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  return { input: field('total_net_input_bytes'), output: field('total_net_output_bytes') };
}

export async function ingestScenario(): Promise<void> {
  const runId = randomBytes(3).toString('hex');
  const count = sizes.ingestReports;

  const before = await extractAlone(runId, count, QUICK);
  record('ingest.extract_only_before.reports_per_s', before.cold, 'reports/s');

  const [stack, loadgen] = await Promise.all([startStack({ apis: 1, workers: 0 }), startChild('loadgen')]);
  const redis = new Redis(stack.redis.url);
  try {
    const keys = keysFor(stack.prefix);
    const posted = await loadgen.call<PostResult>(
      'post',
      { urls: [stack.apis[0].url!], token: INGEST_TOKEN, runId, from: 0, count, concurrency: 32, timeoutMs: 240_000 },
      300_000,
    );
    const accepted = posted.accepted.length;
    record('ingest.accept_per_s', (accepted / posted.durationMs) * 1000, 'reports/s');
    if (accepted < count)
      console.log(`  ingest: only ${accepted} of ${count} accepted: ${JSON.stringify(posted.statuses)}`);

    const netBefore = await redisNetBytes(redis);
    const scriptsBefore = await redisScriptTime(redis);
    const workerStarted = wallMs();
    const worker = await stack.addWorker();
    const pid = worker.child.pid!;
    const cpuBefore = {
      worker: cpuSeconds(pid),
      workerMain: cpuSeconds(pid, true),
      redis: cpuSeconds(stack.redis.process.pid!),
      redisChildren: childrenCpuSeconds(stack.redis.process.pid!),
      api: cpuSeconds(stack.apis[0].child.pid!),
    };
    const deadline = Date.now() + (QUICK ? 60_000 : 240_000);
    let processed = 0;
    while (Date.now() < deadline) {
      const [done, failed] = await redis.mget(keys.statsProcessed, keys.statsFailed);
      processed = Number(done ?? 0) + Number(failed ?? 0);
      if (processed >= accepted) break;
      await sleep(100);
    }
    const drainedAt = wallMs();
    // CPU time per report (all threads): what the drain costs whatever else the machine is doing.
    const cpuMs = (now: number, before: number) => ((now - before) * 1000) / Math.max(1, accepted);
    const workerCpuMs = cpuMs(cpuSeconds(pid), cpuBefore.worker);
    const workerMainCpuMs = cpuMs(cpuSeconds(pid, true), cpuBefore.workerMain);
    const redisCpuMs = cpuMs(cpuSeconds(stack.redis.process.pid!), cpuBefore.redis);
    // The api tails the change stream meanwhile (no sockets here): it shares the two cores.
    const apiCpuMs = cpuMs(cpuSeconds(stack.apis[0].child.pid!), cpuBefore.api);
    const netAfter = await redisNetBytes(redis);
    const scriptsAfter = await redisScriptTime(redis);
    // AOF rewrites run in forked children; wait for one in progress, so its CPU is counted.
    const rewritesDone = async () => /aof_rewrite_in_progress:0/.test(await redis.info('persistence'));
    for (let i = 0; i < 300 && !(await rewritesDone()); i++) await sleep(100);
    const redisChildrenCpuMs = cpuMs(childrenCpuSeconds(stack.redis.process.pid!), cpuBefore.redisChildren);
    const rewrites = Number(/aof_rewrites:(\d+)/.exec(await redis.info('persistence'))?.[1] ?? 0);
    if (processed < accepted)
      throw new Error(`ingest: only ${processed} of ${accepted} reports processed before the deadline`);
    // The desk stream's first report: the crisis the stack follows was announced on it before.
    const head = (await redis.xrange(keys.changes, '-', '+', 'COUNT', 10)) as [string, string[]][];
    const first = head.find(([, fields]) => fields[1].startsWith('{"type":"report.added"')) ?? head[0];
    const [last] = (await redis.xrevrange(keys.changes, '+', '-', 'COUNT', 1)) as [string, string[]][];
    const spanMs = Math.max(1, streamMs(last[0]) - streamMs(first[0]));
    const rate = (accepted / spanMs) * 1000;
    record('ingest.reports_per_s', rate, 'reports/s');
    record('ingest.drain_with_startup_s', (drainedAt - workerStarted) / 1000, 's');
    record('ingest.worker_cpu_ms_per_report', workerCpuMs, 'ms');
    record('ingest.worker_main_thread_cpu_ms_per_report', workerMainCpuMs, 'ms');
    record('ingest.redis_cpu_ms_per_report', redisCpuMs, 'ms');
    record('ingest.api_cpu_ms_per_report', apiCpuMs, 'ms');
    record('ingest.redis_rewrite_cpu_ms_per_report', redisChildrenCpuMs, 'ms');
    record('ingest.redis_aof_rewrites', rewrites, '');
    // Redis' time in scripts, per report: BullMQ's (loaded once, run by SHA: taking and finishing
    // each job) and the fold's (its reads and commits, sent whole: EVAL), of the Redis CPU above.
    const scriptUs = (k: 'evalsha' | 'eval') => (scriptsAfter[k] - scriptsBefore[k]) / Math.max(1, accepted);
    record('ingest.redis_bullmq_scripts_us_per_report', scriptUs('evalsha'), 'µs');
    record('ingest.redis_fold_scripts_us_per_report', scriptUs('eval'), 'µs');
    // Bytes the drain sent Redis and read back, per report: what the commits and job handling carry.
    const perReportKb = (bytes: number) => bytes / 1024 / Math.max(1, accepted);
    record('ingest.redis_in_kb_per_report', perReportKb(netAfter.input - netBefore.input), 'KB');
    record('ingest.redis_out_kb_per_report', perReportKb(netAfter.output - netBefore.output), 'KB');
    const commits = Number((await redis.get(keys.crisis(RUSSIA_UKRAINE.slug).stateVersion)) ?? 1);
    record('ingest.reports_per_commit', accepted / Math.max(1, commits), 'reports');
  } finally {
    redis.disconnect();
    await loadgen.stop();
    await stack.stop();
  }

  const after = QUICK ? null : await extractAlone(runId, count, true);
  if (after) record('ingest.extract_only_after.reports_per_s', after.cold, 'reports/s');
  const base = after ? (before.cold + after.cold) / 2 : before.cold;
  const warm = (after ?? before).warm!;
  record('ingest.extract_only_same_reports.reports_per_s', base, 'reports/s');
  record('ingest.extract_only_warm.reports_per_s', warm, 'reports/s');
  const rate = valueOf('ingest.reports_per_s');
  if (rate) {
    record('ingest.vs_extract_only', rate / base, '');
    record('ingest.vs_extract_only_warm', rate / warm, '');
  }
}

/**
 * extract() alone on one core in a fresh process over the burst's reports, once each in
 * order (`cold`, what a newly started worker meets); with `alsoWarm`, then again over the
 * first few thousand, which its JIT and memo have now seen (`warm`).
 */
async function extractAlone(runId: string, count: number, alsoWarm = false): Promise<{ cold: number; warm?: number }> {
  const extractor = await startChild('extractLoop');
  try {
    const cold = await extractor.call<{ reportsPerSecond: number; measured: number }>(
      'run',
      { runId, count, warmup: 0, maxMs: QUICK ? 30_000 : 100_000 },
      150_000,
    );
    if (cold.measured < count) throw new Error(`ingest baseline: only ${cold.measured} of ${count} reports in time`);
    if (!alsoWarm) return { cold: cold.reportsPerSecond };
    const warm = await extractor.call<{ reportsPerSecond: number }>(
      'run',
      { runId, count: Math.min(count, QUICK ? 500 : 4_000), warmup: 0, maxMs: QUICK ? 1_000 : 10_000 },
      120_000,
    );
    return { cold: cold.reportsPerSecond, warm: warm.reportsPerSecond };
  } finally {
    await extractor.stop();
  }
}
