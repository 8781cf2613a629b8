/**
 * This machine's own speed, measured first in every run so the other figures can be read with
 * it: the reference figures for the bare libraries were taken with Redis answering
 * ~80–95k unpipelined ops/s. `redis-benchmark` (shipped with redis-server) runs its default
 * unpipelined SET/GET load (50 connections) against a fresh redis-server. Every figure that
 * involves system calls (socket writes and reads, Redis round trips) moves with this one.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { QUICK } from '../lib/mode.js';
import { record } from '../lib/results.js';
import { startRedis } from '../../test/helpers/redisServer.js';

const run = promisify(execFile);

export async function machineScenario(): Promise<void> {
  const redis = await startRedis();
  try {
    const { stdout } = await run(
      'redis-benchmark',
      ['-p', String(redis.port), '-t', 'set,get', '-n', QUICK ? '30000' : '100000', '--csv'],
      { timeout: 60_000 },
    ).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return { stdout: '' };
      throw err;
    });
    // CSV: "test","rps","avg_latency_ms",…
    const rps = (test: string) =>
      Number(/^"([A-Z]+)","([\d.]+)"/m.exec(stdout.split('\n').find((l) => l.startsWith(`"${test}"`)) ?? '')?.[2]);
    const set = rps('SET');
    const get = rps('GET');
    if (!Number.isFinite(set) || !Number.isFinite(get)) {
      record('machine.redis_ops_per_s', 'n/a (redis-benchmark not on PATH)');
      return;
    }
    record('machine.redis_ops_per_s', Math.round((set + get) / 2), 'ops/s');
  } finally {
    await redis.stop();
  }
}
