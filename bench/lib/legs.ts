/**
 * Where an e2e latency goes, report by report: 202 → the change's XADD (the worker leg: queue,
 * extraction, fold, commit), XADD → the first socket's arrival (the api node's tailer wakes and
 * starts the fan-out), first → median socket and median → last (the fan-out itself and the
 * clients' reading). XADD times are the stream ids (Redis' clock, whole milliseconds), the others
 * wallMs() of the bench processes: one machine, one system clock.
 */
import { writeFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { parseEntry } from '../../server/storage/changeStream.js';
import { keysFor } from '../../server/storage/keys.js';
import type { PostResult } from '../clients/loadgen.js';
import type { Child } from './rpc.js';
import { record } from './results.js';
import { RUSSIA_UKRAINE, type Stack } from './servers.js';
import { summarize } from './stats.js';

type Spread = Record<string, [first: number, median: number, last: number]>;

/** Stream entry time of each `report.added`, by report id. */
async function addedAt(stack: Stack): Promise<Map<string, number>> {
  const redis = new Redis(stack.redis.url);
  try {
    const entries = (await redis.xrange(keysFor(stack.prefix).crisis(RUSSIA_UKRAINE.slug).changes, '-', '+')) as [
      string,
      string[],
    ][];
    const at = new Map<string, number>();
    for (const entry of entries) {
      const change = parseEntry(entry);
      if (change?.type === 'report.added') at.set(change.id, Number(change.seq.split('-')[0]));
    }
    return at;
  } finally {
    redis.disconnect();
  }
}

/**
 * One line per report (BENCH_LEGS_FILE): when its 202 came, its XADD, and its first, median and
 * last arrival, all wall-clock ms. To see when tails happen, not only how long they are.
 */
function writeLegs(file: string, accepted: PostResult['accepted'], xadd: Map<string, number>, spread: Spread): void {
  const lines = accepted.map(([id, acceptedAt]) => {
    const [first, median, last] = spread[id] ?? [null, null, null];
    return JSON.stringify({ id, acceptedAt, xaddAt: xadd.get(id) ?? null, first, median, last });
  });
  writeFileSync(file, lines.join('\n') + '\n');
}

/** Records the legs (p50 and p99 of each over the reports) as `e2e.leg.*`. */
export async function recordLegs(stack: Stack, swarm: Child, accepted: PostResult['accepted']): Promise<void> {
  const spread = await swarm.call<Spread>('arrivalSpread', { ids: accepted.map(([id]) => id) }, 30_000);
  const xadd = await addedAt(stack);
  const legs = {
    worker: [] as number[],
    to_first: [] as number[],
    first_to_median: [] as number[],
    median_to_last: [] as number[],
  };
  for (const [id, acceptedAt] of accepted) {
    const s = spread[id];
    const x = xadd.get(id);
    if (!s || x === undefined) continue;
    // The change can be in the stream before the 202 reaches the load generator: that is 0 ms.
    legs.worker.push(Math.max(0, x - acceptedAt));
    legs.to_first.push(Math.max(0, s[0] - Math.max(x, acceptedAt)));
    legs.first_to_median.push(s[1] - s[0]);
    legs.median_to_last.push(s[2] - s[1]);
  }
  if (process.env.BENCH_LEGS_FILE) writeLegs(process.env.BENCH_LEGS_FILE, accepted, xadd, spread);
  for (const [name, samples] of Object.entries(legs)) {
    const { p50, p99 } = summarize(samples);
    record(`e2e.leg.${name}.p50_ms`, p50, 'ms');
    record(`e2e.leg.${name}.p99_ms`, p99, 'ms');
  }
}
