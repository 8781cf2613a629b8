/**
 * Scale out (issue 10): two api nodes and two workers as processes on one Redis, 1,000
 * clients split across both nodes, short notes (one change each, as in `e2e.*`) posted to both
 * at 50/s; latency POST → change on every client, beside the one-node figure.
 */
import { deliveredPct, measureE2e, withConnectedStack } from '../lib/e2e.js';
import { sizes } from '../lib/mode.js';
import { record } from '../lib/results.js';

export async function scaleScenario(): Promise<void> {
  await withConnectedStack({ apis: 2, workers: 2 }, async ({ swarm, loadgen, stack }) => {
    const r = await measureE2e(swarm, loadgen, stack, {
      count: sizes.e2eReports,
      ratePerSecond: sizes.e2eRatePerSecond,
      kind: 'quiet',
    });
    record('scale.two_nodes_e2e_p50_ms', r.fromAccepted.p50, 'ms');
    record('scale.two_nodes_e2e_p99_ms', r.fromAccepted.p99, 'ms');
    record('scale.two_nodes_delivered_pct', deliveredPct(r), '%');
  });
}
