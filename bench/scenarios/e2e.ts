/**
 * End to end on one api node and one worker: POST accepted → `change` on each of 1,000
 * connected clients, at 50 reports/s, against the bare Socket.IO baseline.
 *
 * `raw.fanout.*`: a bare Socket.IO server (no app, no Redis) broadcasting 1 KB to 1,000
 * websocket clients at the same rate. `e2e.*` posts short news notes, each announced by exactly
 * one change (`report.added`, ~0.4 KB): one message per report per client, like the baseline.
 * The two are measured in alternating blocks (lib/vsRaw.ts) so `e2e.vs_raw_p99` compares like
 * with like. `e2e.dispatch.*` then posts 3 KB dispatches with troop figures, meetings and
 * tension phrases, each of which also moves the tension, troops and meetings (about 3.7 changes
 * and 7 KB per report per client), at 10 reports/s.
 */
import { deliveredPct, measureE2e, withConnectedStack } from '../lib/e2e.js';
import { sizes } from '../lib/mode.js';
import { record } from '../lib/results.js';
import { startChild } from '../lib/rpc.js';
import { measureVsRaw } from '../lib/vsRaw.js';

export async function e2eScenario(): Promise<void> {
  const [rawServer, rawSwarm] = await Promise.all([startChild('rawServer'), startChild('swarm')]);
  try {
    const { url } = await rawServer.call<{ url: string }>('listen');
    // The bare baseline's sockets connect while the product's stack boots.
    const rawConnected = rawSwarm.call('connect', { urls: [url], count: sizes.clients, waitSnapshot: false }, 120_000);
    await withConnectedStack({ apis: 1, workers: 1 }, async ({ swarm, loadgen, stack }) => {
      await rawConnected;
      const { raw, e2e } = await measureVsRaw(
        { server: rawServer, swarm: rawSwarm },
        { stack, swarm, loadgen },
        {
          count: sizes.e2eReports,
          ratePerSecond: sizes.e2eRatePerSecond,
          blocks: sizes.e2eBlocks,
          warmup: sizes.e2eWarmupReports,
          clients: sizes.clients,
        },
      );
      record('raw.fanout.1000.p50_ms', raw.p50, 'ms');
      record('raw.fanout.1000.p99_ms', raw.p99, 'ms');
      record('e2e.p50_ms', e2e.fromAccepted.p50, 'ms');
      record('e2e.p99_ms', e2e.fromAccepted.p99, 'ms');
      if (e2e.fromPosted) record('e2e.from_post_sent.p50_ms', e2e.fromPosted.p50, 'ms');
      record('e2e.delivered_pct', deliveredPct(e2e), '%');
      record('e2e.vs_raw_p99', e2e.fromAccepted.p99 / raw.p99, '');

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
  } finally {
    await rawSwarm.stop();
    await rawServer.stop();
  }
}
