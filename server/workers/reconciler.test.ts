/**
 * The reconciler against a real Redis and a real BullMQ queue: a report that lost its job is
 * enqueued again; one whose job is only waiting in a backlog is left alone.
 */
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../shared/report.js';
import { startRedis, type TestRedis } from '../../test/helpers/redisServer.js';
import { createIngestQueue, enqueueReport, type IngestQueue } from '../queues/ingestProducer.js';
import { keysFor } from '../storage/keys.js';
import { ReportStore } from '../storage/reportStore.js';
import { reenqueueLostReports } from './reconciler.js';

let redis: TestRedis | undefined;
let client: Redis | undefined;
let queue: IngestQueue | undefined;
afterEach(async () => {
  await queue?.close();
  client?.disconnect();
  await redis?.stop();
  queue = undefined;
  client = undefined;
  redis = undefined;
});

const report = (id: string, receivedAt: string): Report => ({
  id,
  text: `Officials said talks on the crossings would resume in Vienna (${id}).`,
  dateline: '2022-01-19',
  title: `Report ${id}`,
  source: 'reconciler test',
  receivedAt,
});

/** The ids of the jobs in the queue, and how many "duplicated" events BullMQ wrote. */
async function queueState(q: IngestQueue, probe: Redis): Promise<{ jobs: string[]; duplicated: number }> {
  const jobs = (await q.getJobs(['waiting', 'delayed', 'active'])).map((j) => j.id!).sort();
  const events = (await probe.xrange(q.toKey('events'), '-', '+')) as [string, string[]][];
  return { jobs, duplicated: events.filter(([, f]) => f[1] === 'duplicated').length };
}

describe('reconciler', () => {
  it('re-enqueues only the old pending reports that have no job', async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
    const keys = keysFor('rec');
    const reports = new ReportStore(client, keys);
    queue = createIngestQueue(client, keys.queuePrefix);
    const log = pino({ level: 'silent' });

    const old = '2022-01-19T08:00:00.000Z';
    // Waiting in a backlog: stored and enqueued, as the api does.
    await reports.accept(report('queued', old));
    await enqueueReport(queue, 'queued');
    // Lost: stored, but its job never made it.
    await reports.accept(report('lost', old));
    // Too recent to be called lost yet, and also without a job.
    await reports.accept(report('recent', new Date().toISOString()));

    const cutoff = Date.now() - 30_000;
    expect(await reenqueueLostReports({ redis: client, reports, queue, log }, cutoff)).toEqual(['lost']);
    expect(await queueState(queue, client)).toEqual({ jobs: ['lost', 'queued'], duplicated: 0 });

    // The next round finds every old pending report with its job: nothing to add, nothing written.
    expect(await reenqueueLostReports({ redis: client, reports, queue, log }, cutoff)).toEqual([]);
    expect(await queueState(queue, client)).toEqual({ jobs: ['lost', 'queued'], duplicated: 0 });
  });
});
