/**
 * How many sockets one api node holds, and what each costs: sockets are added in steps
 * (1,000 → 5,000 → 10,000 in a full run), and at each step short reports (one
 * `report.added` each) are posted slowly, so each broadcast stands alone; p99 is over
 * every (report, socket). Memory per socket = (api RSS with N sockets − RSS before any)
 * / N, each reading taken after a settle. Both fan-out paths are measured, each on its own
 * stack: FRAME_BROADCAST's direct writes (`fanout.*`, the default) and Socket.IO's own broadcast
 * (`fanout.socketio.*`, FRAME_BROADCAST=false).
 */
import { cpuSeconds } from '../lib/cpu.js';
import { connectSwarm, measureE2e } from '../lib/e2e.js';
import { QUICK, sizes } from '../lib/mode.js';
import { record } from '../lib/results.js';
import { startChild } from '../lib/rpc.js';
import { settledRssKb } from '../lib/rss.js';
import { startStack } from '../lib/servers.js';

/** The two fan-out paths: FRAME_BROADCAST's direct writes (the default) and Socket.IO's own broadcast. */
const paths = [
  { name: 'frame', prefix: 'fanout', env: { FRAME_BROADCAST: 'true' } },
  { name: 'socketio', prefix: 'fanout.socketio', env: { FRAME_BROADCAST: 'false' } },
] as const;

/** Each path on a fresh stack, one after the other: `fanout.*` (the default) beside `fanout.socketio.*`. */
export async function fanoutScenario(): Promise<void> {
  for (const path of paths) await fanoutLadder(path);
}

async function fanoutLadder(path: (typeof paths)[number]): Promise<void> {
  const [stack, swarm, loadgen] = await Promise.all([
    startStack({ apis: 1, workers: 1, env: { ...path.env } }),
    // One client process holds every socket; a large heap keeps 10,000 of them comfortable.
    startChild('swarm', { execArgv: ['--max-old-space-size=4096'] }),
    startChild('loadgen'),
  ]);
  const api = stack.apis[0];
  try {
    // Warm the api node (JIT, buffers) with a few sockets and reports, then let them go.
    await connectSwarm(swarm, stack, 100);
    await measureE2e(swarm, loadgen, stack, { count: QUICK ? 2 : 5, ratePerSecond: 5, kind: 'quiet', warmup: 0 });
    await swarm.call('disconnect');
    const before = await settledRssKb(api.child.pid!, sizes.settleMs, sizes.rssReadings);
    let held = 0;
    let top = 0;
    let topRss = before;
    for (const n of sizes.fanoutLadder) {
      await connectSwarm(swarm, stack, n - held);
      held = n;
      topRss = await settledRssKb(api.child.pid!, sizes.settleMs, sizes.rssReadings);
      top = n;
      const rate = n >= 10_000 ? 1 : n >= 5_000 ? 2 : 4;
      const cpuBefore = cpuSeconds(api.child.pid!);
      const r = await measureE2e(swarm, loadgen, stack, {
        count: sizes.fanoutReports,
        ratePerSecond: rate,
        kind: 'quiet',
        warmup: QUICK ? 1 : 2,
      });
      record(`${path.prefix}.${n}.p50_ms`, r.fromAccepted.p50, 'ms');
      record(`${path.prefix}.${n}.p99_ms`, r.fromAccepted.p99, 'ms');
      // The api node's CPU over the reports (warm-up included): what the fan-out costs it.
      const cpuMs = (cpuSeconds(api.child.pid!) - cpuBefore) * 1000;
      record(`${path.prefix}.${n}.api_cpu_ms_per_report`, cpuMs / (sizes.fanoutReports + (QUICK ? 1 : 2)), 'ms');
      const { connected } = await swarm.call<{ connected: number }>('count');
      record(`${path.prefix}.${n}.held`, connected, 'sockets');
    }
    record(`${path.prefix}.kb_per_socket`, (topRss - before) / top, 'KB');
    record(`${path.prefix}.api_rss_mb`, topRss / 1024, 'MB');
  } finally {
    await loadgen.stop();
    await swarm.stop();
    await stack.stop();
  }
}
