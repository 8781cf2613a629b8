/** Shared pieces of the fault drills: posting in bursts, counting what the stream and sockets saw. */
import { Queue } from 'bullmq';
import { afterAll, beforeAll } from 'vitest';
import { Redis } from 'ioredis';
import { CrisisStore } from '../../server/storage/crisisStore.js';
import { keysFor } from '../../server/storage/keys.js';
import { postReport, RUSSIA_UKRAINE, waitFor } from '../helpers/app.js';
import { startProcess, type AppProcess } from '../helpers/processes.js';
import { startRedis, type TestRedis } from '../helpers/redisServer.js';

/**
 * The stage of one drill file: a redis-server of its own (AOF everysec) started before the
 * drill, the sample crisis its reports belong to (made before the first process of a prefix),
 * and every process the drill starts stopped after it, with the Redis.
 */
export function drillStage() {
  let redis: TestRedis | undefined;
  const procs: AppProcess[] = [];
  const prefixes = new Set<string>();
  beforeAll(async () => {
    redis = await startRedis({ appendfsync: 'everysec' });
  });
  afterAll(async () => {
    for (const p of procs) await p.stop().catch(() => undefined);
    await redis?.stop();
  });
  return {
    get redis(): TestRedis {
      if (!redis) throw new Error('drill Redis not started yet');
      return redis;
    },
    async start(role: 'api' | 'worker' | 'all', prefix: string): Promise<AppProcess> {
      if (!prefixes.has(prefix)) {
        prefixes.add(prefix);
        const setup = new Redis(this.redis.url);
        await new CrisisStore(setup, keysFor(prefix), 100_000).create(RUSSIA_UKRAINE, { name: 'drill', role: 'admin' });
        setup.disconnect();
      }
      const proc = await startProcess(role, this.redis.url, prefix);
      procs.push(proc);
      return proc;
    },
  };
}

/** A report of the sample crisis (so it is folded into it, and announced on both its stream and the desk's). */
export const drillText = (label: string, i: number) =>
  `Drill ${label} report ${i}: officials said about ${10_000 + i} Russian troops were near the border with Ukraine on Monday, and envoys plan talks in Vienna on Friday.`;

export type PostOutcome = {
  accepted: string[];
  unavailable: number;
  other: Record<number, number>;
  slowUnavailableMs: number[];
};

/** Posts `count` distinct reports with bounded concurrency; records 202s, 503s (and how long they took) and anything else. */
export async function postMany(
  urls: () => string,
  label: string,
  count: number,
  concurrency = 16,
  onProgress?: (done: number) => void,
): Promise<PostOutcome> {
  const outcome: PostOutcome = { accepted: [], unavailable: 0, other: {}, slowUnavailableMs: [] };
  let next = 0;
  let done = 0;
  const one = async () => {
    while (next < count) {
      const i = next++;
      const started = Date.now();
      let res: Response | null = null;
      try {
        res = await postReport(urls(), { text: drillText(label, i), dateline: '2022-01-19' });
      } catch {
        outcome.other[0] = (outcome.other[0] ?? 0) + 1; // connection refused: the api node is gone
      }
      if (res) {
        const body = (await res.json().catch(() => ({}))) as { id?: string };
        if (res.status === 202 && body.id) outcome.accepted.push(body.id);
        else if (res.status === 503) {
          outcome.unavailable++;
          outcome.slowUnavailableMs.push(Date.now() - started);
        } else outcome.other[res.status] = (outcome.other[res.status] ?? 0) + 1;
      }
      onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, one));
  return outcome;
}

/** report.added entries per report id in a change stream: the desk's, or the sample crisis' (`crisis: true`). */
export async function addedInStream(redis: Redis, prefix: string, crisis = false): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const key = crisis ? keysFor(prefix).crisis(RUSSIA_UKRAINE.slug).changes : keysFor(prefix).changes;
  let cursor = '-';
  for (;;) {
    const entries = await redis.xrange(key, cursor, '+', 'COUNT', 5000);
    for (const [, fields] of entries) {
      const change = JSON.parse(fields[1]) as { type: string; id?: string };
      if (change.type === 'report.added') counts.set(change.id!, (counts.get(change.id!) ?? 0) + 1);
    }
    if (entries.length < 5000) return counts;
    cursor = `(${entries[entries.length - 1][0]}`;
  }
}

export async function statuses(redis: Redis, prefix: string, ids: string[]): Promise<Map<string, string | null>> {
  const pipeline = redis.pipeline();
  for (const id of ids) pipeline.hget(`{${prefix}}:report:${id}`, 'status');
  const results = (await pipeline.exec()) ?? [];
  return new Map(ids.map((id, i) => [id, results[i][1] as string | null]));
}

export async function waitAllDone(redis: Redis, prefix: string, ids: string[], timeoutMs: number): Promise<number> {
  const started = Date.now();
  await waitFor(
    async () => [...(await statuses(redis, prefix, ids)).values()].every((s) => s === 'done'),
    timeoutMs,
    `${ids.length} reports done`,
  );
  return Date.now() - started;
}

export async function ingestWorkers(redisUrl: string, prefix: string): Promise<number> {
  const queue = new Queue('ingest', { connection: { ...parseUrl(redisUrl) }, prefix: `{${prefix}}` });
  try {
    return await queue.getWorkersCount();
  } finally {
    await queue.close();
  }
}

function parseUrl(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port) };
}
