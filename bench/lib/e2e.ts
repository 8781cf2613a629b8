/**
 * POST accepted → `change` received, on every connected client: reports are posted at a
 * fixed rate by a load generator process, sockets live in a swarm process, and each
 * latency is the swarm's arrival time minus the load generator's 202 time (one clock,
 * see clock.ts). A short warm-up is measured and dropped first.
 */
import { randomBytes } from 'node:crypto';
import type { PostResult } from '../clients/loadgen.js';
import { DISPLAY_TOKEN, INGEST_TOKEN, startStack, type Stack } from './servers.js';
import { startChild, type Child } from './rpc.js';
import type { Summary } from './stats.js';
import { cpuMeter } from './cpu.js';
import { sizes } from './mode.js';

export type E2eResult = {
  fromAccepted: Summary;
  fromPosted?: Summary;
  expected: number;
  received: number;
  negative: number;
  disconnected: number;
};

/** Share of the expected deliveries that arrived, in percent. */
export function deliveredPct(r: E2eResult): number {
  return (100 * r.received) / Math.max(1, r.expected);
}

/**
 * Starts a stack of `apis` api nodes and `workers` workers, a socket swarm connected to it and
 * a load generator; runs `measure` with them, and stops all three whatever happens.
 */
export async function withConnectedStack(
  shape: { apis: number; workers: number },
  measure: (tools: { swarm: Child; loadgen: Child; stack: Stack }) => Promise<void>,
): Promise<void> {
  // Started together: each takes a second or two to boot, and nothing is measured yet.
  const [stack, swarm, loadgen] = await Promise.all([startStack(shape), startChild('swarm'), startChild('loadgen')]);
  try {
    await connectSwarm(swarm, stack, sizes.clients);
    await measure({ swarm, loadgen, stack });
  } finally {
    await loadgen.stop();
    await swarm.stop();
    await stack.stop();
  }
}

/** Connects `clients` sockets spread over the stack's api nodes. */
export async function connectSwarm(swarm: Child, stack: Stack, clients: number): Promise<void> {
  const { total, ms } = await swarm.call<{ total: number; ms: number }>(
    'connect',
    { urls: stack.apis.map((a) => a.url!), count: clients, token: DISPLAY_TOKEN, waitSnapshot: true, concurrency: 100 },
    180_000,
  );
  console.log(`  ${clients} sockets connected in ${(ms / 1000).toFixed(1)} s (${total} in all)`);
}

type PostOptions = { ratePerSecond: number; kind?: 'dispatch' | 'quiet' | 'mixed' };

/**
 * A poster of reports `from`…`from + count - 1` of one run (distinct texts) at a fixed rate over
 * the api nodes; says so when some were not accepted.
 */
export function reportPoster(loadgen: Child, stack: Stack, options: PostOptions) {
  const runId = randomBytes(3).toString('hex');
  const urls = stack.apis.map((a) => a.url!);
  return async (from: number, count: number) => {
    const result = await loadgen.call<PostResult>(
      'post',
      {
        urls,
        token: INGEST_TOKEN,
        runId,
        from,
        count,
        ratePerSecond: options.ratePerSecond,
        kind: options.kind ?? 'dispatch',
      },
      count * (1000 / options.ratePerSecond) + 60_000,
    );
    if (result.accepted.length < count)
      console.log(`  e2e: ${result.accepted.length} of ${count} accepted: ${JSON.stringify(result.statuses)}`);
    return result;
  };
}

/** Posts `count` reports (from index 0) and waits for them on the swarm, then drops what it measured (JIT, pools). */
export async function warmUp(post: ReturnType<typeof reportPoster>, swarm: Child, count: number): Promise<void> {
  if (count <= 0) return;
  const w = await post(0, count);
  await swarm.call('latencies', { accepted: w.accepted, waitMs: 10_000 }, 20_000);
  await swarm.call('reset');
}

/** CPU meter over every process of a connected stack, the swarm and the load generator. */
export function stackCpuMeter(stack: Stack, swarm: Child, loadgen: Child) {
  return cpuMeter({
    ...Object.fromEntries(stack.apis.map((a, i) => [`api${i + 1}`, a.child.pid!])),
    ...Object.fromEntries(stack.workers.map((w, i) => [`worker${i + 1}`, w.child.pid!])),
    redis: stack.redis.process.pid!,
    swarm: swarm.pid,
    loadgen: loadgen.pid,
  });
}

/** Latencies of every accepted report on every socket of the swarm, once all arrived (or `waitMs`). */
export async function swarmLatencies(
  swarm: Child,
  posted: Pick<PostResult, 'accepted' | 'posted'>,
  waitMs = 30_000,
): Promise<E2eResult> {
  const measured = await swarm.call<E2eResult>(
    'latencies',
    { accepted: posted.accepted, postedAt: posted.posted, waitMs },
    waitMs + 30_000,
  );
  if (measured.received < measured.expected || measured.disconnected > 0)
    console.log(
      `  e2e: ${measured.received} of ${measured.expected} deliveries arrived; ${measured.disconnected} sockets disconnected`,
    );
  return measured;
}

/** Posts `count` reports at `ratePerSecond` spread over the api nodes; returns the latency summary. */
export async function measureE2e(
  swarm: Child,
  loadgen: Child,
  stack: Stack,
  options: PostOptions & { count: number; warmup?: number },
): Promise<E2eResult> {
  const post = reportPoster(loadgen, stack, options);
  const warmup = options.warmup ?? sizes.warmupReports;
  await warmUp(post, swarm, warmup);
  const meter = stackCpuMeter(stack, swarm, loadgen);
  const result = await post(warmup, options.count);
  console.log(`  cpu % of one core while posting: ${JSON.stringify(meter.stop())}`);
  const measured = await swarmLatencies(swarm, result);
  await swarm.call('reset');
  return measured;
}
