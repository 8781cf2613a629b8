/**
 * The product's e2e latency and the bare Socket.IO baseline, measured in alternating blocks
 * (bare, product, bare, product, …) with both sets of 1,000 sockets held throughout, so that
 * whatever the machine is doing meanwhile weighs on both figures of `e2e.vs_raw_p99` alike.
 * Measured one after the other instead, the ratio followed the machine: the same bare run gave
 * p50 9.8 ms, then 22 ms twenty minutes later, with nothing else running.
 */
import type { PostResult } from '../clients/loadgen.js';
import { cpuMeter } from './cpu.js';
import { recordLegs } from './legs.js';
import { reportPoster, stackCpuMeter, swarmLatencies, warmUp, type E2eResult } from './e2e.js';
import type { Child } from './rpc.js';
import type { Stack } from './servers.js';
import type { Summary } from './stats.js';

export type Baseline = { server: Child; swarm: Child };
export type Product = { stack: Stack; swarm: Child; loadgen: Child };

type Options = { count: number; ratePerSecond: number; blocks: number; warmup: number; clients: number };

/** Mean of per-block CPU readings (blocks are of equal length). */
function meanCpu(readings: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of readings) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + v / readings.length;
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)]));
}

export async function measureVsRaw(
  raw: Baseline,
  product: Product,
  options: Options,
): Promise<{ raw: Summary; e2e: E2eResult }> {
  const { ratePerSecond, clients } = options;
  const post = reportPoster(product.loadgen, product.stack, { ratePerSecond, kind: 'quiet' });
  const broadcast = (count: number) =>
    raw.server.call('broadcast', { count, ratePerSecond, bytes: 1024 }, (count * 1000) / ratePerSecond + 30_000);
  const rawArrived = (expected: number) =>
    raw.swarm.call<{ summary: Summary; received: number }>('rawSummary', { expected, waitMs: 15_000 }, 30_000);

  // Warm-up of both (JIT, connection pools), measured and dropped.
  await broadcast(options.warmup);
  await rawArrived(options.warmup * clients);
  await raw.swarm.call('reset');
  await warmUp(post, product.swarm, options.warmup);

  const perBlock = Math.ceil(options.count / options.blocks);
  const accepted: PostResult['accepted'] = [];
  const posted: PostResult['posted'] = [];
  const rawCpu: Record<string, number>[] = [];
  const productCpu: Record<string, number>[] = [];
  let broadcasts = 0;
  for (let block = 0; block < options.blocks; block++) {
    const count = Math.min(perBlock, options.count - block * perBlock);
    if (count <= 0) break;

    const rawMeter = cpuMeter({ server: raw.server.pid, swarm: raw.swarm.pid });
    await broadcast(count);
    rawCpu.push(rawMeter.stop());
    broadcasts += count;
    await rawArrived(broadcasts * clients); // the block has landed before the next one starts

    const productMeter = stackCpuMeter(product.stack, product.swarm, product.loadgen);
    const result = await post(options.warmup + block * perBlock, count);
    productCpu.push(productMeter.stop());
    accepted.push(...result.accepted);
    posted.push(...result.posted);
    await swarmLatencies(product.swarm, { accepted, posted }, 15_000);
  }
  console.log(`  cpu % of one core, bare baseline blocks: ${JSON.stringify(meanCpu(rawCpu))}`);
  console.log(`  cpu % of one core, product blocks: ${JSON.stringify(meanCpu(productCpu))}`);

  const { summary, received } = await rawArrived(broadcasts * clients);
  if (received < broadcasts * clients) console.log(`  raw: ${received} of ${broadcasts * clients} deliveries arrived`);
  const e2e = await swarmLatencies(product.swarm, { accepted, posted });
  await recordLegs(product.stack, product.swarm, accepted);
  await raw.swarm.call('reset');
  await product.swarm.call('reset');
  return { raw: summary, e2e };
}
