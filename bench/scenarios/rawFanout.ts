/**
 * The baseline: a bare Socket.IO server (no app, no Redis) broadcasting 1 KB to 1,000
 * websocket clients at the e2e rate, measured in the same run so `e2e.vs_raw_p99` compares
 * like with like on whatever else this machine is doing.
 */
import { cpuMeter } from '../lib/cpu.js';
import { sizes } from '../lib/mode.js';
import { record } from '../lib/results.js';
import { startChild } from '../lib/rpc.js';
import type { Summary } from '../lib/stats.js';

export async function rawFanoutScenario(): Promise<void> {
  const server = await startChild('rawServer');
  const swarm = await startChild('swarm');
  try {
    const { url } = await server.call<{ url: string }>('listen');
    await swarm.call('connect', { urls: [url], count: sizes.clients, waitSnapshot: false }, 120_000);
    const rate = sizes.e2eRatePerSecond;
    await server.call('broadcast', { count: 25, ratePerSecond: rate, bytes: 1024 }, 30_000);
    await swarm.call('rawSummary', { expected: 25 * sizes.clients, waitMs: 5_000 }, 10_000);
    await swarm.call('reset');
    const count = sizes.e2eReports;
    const meter = cpuMeter({ server: server.pid, swarm: swarm.pid });
    await server.call('broadcast', { count, ratePerSecond: rate, bytes: 1024 }, 120_000);
    console.log(`  cpu % of one core while broadcasting: ${JSON.stringify(meter.stop())}`);
    const { summary, received } = await swarm.call<{ summary: Summary; received: number }>(
      'rawSummary',
      { expected: count * sizes.clients, waitMs: 15_000 },
      30_000,
    );
    record('raw.fanout.1000.p50_ms', summary.p50, 'ms');
    record('raw.fanout.1000.p99_ms', summary.p99, 'ms');
    if (received < count * sizes.clients)
      console.log(`  raw: ${received} of ${count * sizes.clients} deliveries arrived`);
  } finally {
    await swarm.stop();
    await server.stop();
  }
}
