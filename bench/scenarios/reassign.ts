/**
 * Re-assignment (issue 24): a store of stored reports (10,000 in a full run) is re-assigned to
 * the crises after (1) a crisis is made that gathers some of them, and (2) a crisis' rules change
 * so that none of them moves. The time is from the job's enqueueing to its progress reading
 * "done" (the worker pages through every report, routes it, and folds those whose crises changed).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ReassignmentProgress } from '../../shared/events.js';
import { createCrisesQueue, enqueueReassignment } from '../../server/queues/crisesQueue.js';
import { CrisisStore } from '../../server/storage/crisisStore.js';
import { keysFor } from '../../server/storage/keys.js';
import type { PostResult } from '../clients/loadgen.js';
import { sleep, wallMs } from '../lib/clock.js';
import { QUICK } from '../lib/mode.js';
import { record } from '../lib/results.js';
import { startChild } from '../lib/rpc.js';
import { INGEST_TOKEN, startStack } from '../lib/servers.js';

const REPORTS = QUICK ? 2_000 : 10_000;
const ACTOR = { name: 'bench', role: 'admin' };

/** A crisis the bench's dispatches partly belong to: those whose sides are Belarus and Ukraine. */
const BELARUS = {
  slug: 'belarus-border',
  name: 'Belarus border',
  actors: ['Belarus', 'Ukraine'],
  places: ['Minsk', 'Brest', 'Gomel'],
  keywords: ['Zapad exercise'],
  createdAt: new Date().toISOString(),
};

export async function reassignScenario(): Promise<void> {
  const [stack, loadgen] = await Promise.all([startStack({ apis: 1, workers: 1 }), startChild('loadgen')]);
  const redis = new Redis(stack.redis.url);
  const keys = keysFor(stack.prefix);
  const queue = createCrisesQueue(redis, keys.queuePrefix);
  const crises = new CrisisStore(redis, keys, 1_000_000);
  try {
    const runId = randomBytes(3).toString('hex');
    const posted = await loadgen.call<PostResult>(
      'post',
      { urls: [stack.apis[0].url!], token: INGEST_TOKEN, runId, from: 0, count: REPORTS, concurrency: 32 },
      600_000,
    );
    const accepted = posted.accepted.length;
    for (let deadline = Date.now() + 600_000; Date.now() < deadline; await sleep(200)) {
      if (Number((await redis.get(keys.statsProcessed)) ?? 0) >= accepted) break;
    }
    record('reassign.reports', accepted, 'reports');

    const timed = async (version: number) => {
      const t0 = wallMs();
      await enqueueReassignment(queue, { version, rebuild: [], removed: [] });
      for (let deadline = Date.now() + 600_000; Date.now() < deadline; await sleep(50)) {
        const progress = JSON.parse((await redis.get(keys.reassignment)) ?? 'null') as ReassignmentProgress | null;
        if (progress?.version === version && progress.state !== 'running')
          return { seconds: (wallMs() - t0) / 1000, progress };
      }
      throw new Error(`re-assignment ${version} did not end in time`);
    };

    const made = await timed((await crises.create(BELARUS, ACTOR)).version);
    record('reassign.new_crisis_s', made.seconds, 's');
    record('reassign.new_crisis_changed', made.progress.changed, 'reports');
    const ruled = await timed((await crises.update(BELARUS.slug, { keywords: ['Zapad exercises'] }, ACTOR)).version);
    record('reassign.rules_changed_s', ruled.seconds, 's');
    record('reassign.rules_changed_changed', ruled.progress.changed, 'reports');
  } finally {
    await queue.close();
    redis.disconnect();
    await loadgen.stop();
    await stack.stop();
  }
}
