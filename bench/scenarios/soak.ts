/**
 * Soak: one api node and one worker under 20 reports/s (a wire-like mix: every tenth a 3 KB
 * dispatch that moves tension, troops and meetings, the rest short notes) with 1,000 clients for SOAK_SECONDS
 * (180 s by default in a full run, so the whole run stays within 10 minutes;
 * `SOAK_SECONDS=600 npm run bench` gives the 10-minute figure). RSS of the api node is
 * sampled every 5 s; growth = median of the last three samples − median of the first
 * three after a warm-up of a fifth of the run (at most 30 s).
 */
import { connectSwarm, type E2eResult } from '../lib/e2e.js';
import { randomBytes } from 'node:crypto';
import { sleep } from '../lib/clock.js';
import { SOAK_SECONDS, sizes } from '../lib/mode.js';
import { record } from '../lib/results.js';
import { startChild } from '../lib/rpc.js';
import { rssKb } from '../lib/rss.js';
import { INGEST_TOKEN, startStack } from '../lib/servers.js';
import type { PostResult } from '../clients/loadgen.js';

const median3 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function soakScenario(): Promise<void> {
  const [stack, swarm, loadgen] = await Promise.all([
    startStack({ apis: 1, workers: 1 }),
    startChild('swarm'),
    startChild('loadgen'),
  ]);
  const api = stack.apis[0];
  const worker = stack.workers[0];
  try {
    await connectSwarm(swarm, stack, sizes.clients);
    const rate = sizes.soakRatePerSecond;
    const count = Math.round(SOAK_SECONDS * rate);
    const warmupMs = Math.min(30_000, (SOAK_SECONDS * 1000) / 5);
    const samples: { at: number; api: number; worker: number }[] = [];
    const started = Date.now();
    const posting = loadgen.call<PostResult>(
      'post',
      {
        urls: [api.url!],
        token: INGEST_TOKEN,
        runId: randomBytes(3).toString('hex'),
        from: 0,
        count,
        ratePerSecond: rate,
        kind: 'mixed',
      },
      SOAK_SECONDS * 1000 + 120_000,
    );
    let finished = false;
    void posting.finally(() => (finished = true)).catch(() => undefined);
    const stepMs = Math.min(5_000, (SOAK_SECONDS * 1000) / 12);
    while (!finished && Date.now() - started < SOAK_SECONDS * 1000 + 60_000) {
      await sleep(stepMs);
      samples.push({ at: Date.now() - started, api: rssKb(api.child.pid!), worker: rssKb(worker.child.pid!) });
    }
    const posted = await posting;
    const sent = Object.values(posted.statuses).reduce((sum, n) => sum + n, 0);
    if (sent < count) throw new Error(`soak: the load generator stopped after ${sent} of ${count} reports`);
    const latencies = await swarm.call<E2eResult>('latencies', { accepted: posted.accepted, waitMs: 15_000 }, 60_000);
    const after = samples.filter((s) => s.at >= warmupMs);
    const first = after.slice(0, 3);
    const last = after.slice(-3);
    if (first.length === 0) throw new Error('soak: no RSS samples after the warm-up');
    const growth = (pick: (s: (typeof samples)[number]) => number) =>
      (median3(last.map(pick)) - median3(first.map(pick))) / 1024;
    // How long the load ran, measured, not the length asked for.
    record('soak.seconds', posted.durationMs / 1000, 's');
    record(
      'soak.rss_growth_mb',
      growth((s) => s.api),
      'MB',
    );
    record('soak.api_rss_end_mb', median3(last.map((s) => s.api)) / 1024, 'MB');
    record(
      'soak.worker_rss_growth_mb',
      growth((s) => s.worker),
      'MB',
    );
    record('soak.e2e_p99_ms', latencies.fromAccepted.p99, 'ms');
    record('soak.delivered_pct', (100 * latencies.received) / Math.max(1, latencies.expected), '%');
    if (latencies.disconnected > 0) record('soak.sockets_dropped', latencies.disconnected, 'sockets');
  } finally {
    await loadgen.stop();
    await swarm.stop();
    await stack.stop();
  }
}
