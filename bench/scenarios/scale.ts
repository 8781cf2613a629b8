/**
 * Scale out (issue 10): two api nodes and two workers as processes on one Redis, 1,000
 * clients split across both nodes, short notes (one change each, as in `e2e.*`) posted to both
 * at 50/s; latency POST → change on every client, beside the one-node figure.
 */
import { connectSwarm, measureE2e } from '../lib/e2e.js';
import { sizes } from '../lib/mode.js';
import { record } from '../lib/results.js';
import { startChild } from '../lib/rpc.js';
import { startStack } from '../lib/servers.js';

export async function scaleScenario(): Promise<void> {
  const stack = await startStack({ apis: 2, workers: 2 });
  const swarm = await startChild('swarm');
  const loadgen = await startChild('loadgen');
  try {
    await connectSwarm(swarm, stack, sizes.clients);
    const r = await measureE2e(swarm, loadgen, stack, {
      count: sizes.e2eReports,
      ratePerSecond: sizes.e2eRatePerSecond,
      kind: 'quiet',
    });
    record('scale.two_nodes_e2e_p50_ms', r.fromAccepted.p50, 'ms');
    record('scale.two_nodes_e2e_p99_ms', r.fromAccepted.p99, 'ms');
    record('scale.two_nodes_delivered_pct', (100 * r.received) / Math.max(1, r.expected), '%');
  } finally {
    await loadgen.stop();
    await swarm.stop();
    await stack.stop();
  }
}
