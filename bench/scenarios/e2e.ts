/**
 * End to end on one api node and one worker: POST accepted → `change` on each of 1,000
 * connected clients, at 50 reports/s.
 *
 * `e2e.*` posts short news notes, each announced by exactly one change (`report.added`,
 * ~0.4 KB): one message per report per client, like the bare Socket.IO baseline of the
 * same run it is compared with (`e2e.vs_raw_p99`). `e2e.dispatch.*` posts 3 KB dispatches
 * with troop figures, meetings and tension phrases, each of which also moves the tension,
 * troops and meetings (about 3.7 changes and 7 KB per report per client), at 10 reports/s.
 */
import { deliveredPct, measureE2e, withConnectedStack } from '../lib/e2e.js';
import { sizes } from '../lib/mode.js';
import { record, valueOf } from '../lib/results.js';

export async function e2eScenario(): Promise<void> {
  await withConnectedStack({ apis: 1, workers: 1 }, async ({ swarm, loadgen, stack }) => {
    const r = await measureE2e(swarm, loadgen, stack, {
      count: sizes.e2eReports,
      ratePerSecond: sizes.e2eRatePerSecond,
      kind: 'quiet',
    });
    record('e2e.p50_ms', r.fromAccepted.p50, 'ms');
    record('e2e.p99_ms', r.fromAccepted.p99, 'ms');
    if (r.fromPosted) record('e2e.from_post_sent.p50_ms', r.fromPosted.p50, 'ms');
    record('e2e.delivered_pct', deliveredPct(r), '%');
    const raw = valueOf('raw.fanout.1000.p99_ms');
    record('e2e.vs_raw_p99', raw ? r.fromAccepted.p99 / raw : 'n/a (no raw baseline)', '');

    const d = await measureE2e(swarm, loadgen, stack, {
      count: sizes.dispatchReports,
      ratePerSecond: 10,
      kind: 'dispatch',
      warmup: 2,
    });
    record('e2e.dispatch.p50_ms', d.fromAccepted.p50, 'ms');
    record('e2e.dispatch.p99_ms', d.fromAccepted.p99, 'ms');
    record('e2e.dispatch.delivered_pct', deliveredPct(d), '%');
  });
}
