/**
 * The product under test, as real processes (`node dist/server/main.js --role …`) on a
 * throwaway redis-server, through the test helpers. Bench settings: the ingest rate limit
 * out of the way, a long change stream, quiet logs, and lib/serverPreload.mjs (SIGUSR2 runs a
 * full GC; BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every server process there on exit;
 * BENCH_SERVER_ENV='{"NAME":"value"}' adds settings for experiments).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { CrisisStore } from '../../server/storage/crisisStore.js';
import { keysFor } from '../../server/storage/keys.js';
import { RUSSIA_UKRAINE } from '../../test/helpers/app.js';
import { startProcess, type AppProcess } from '../../test/helpers/processes.js';
import { startRedis, type TestRedis } from '../../test/helpers/redisServer.js';
import { track } from './cleanup.js';

export { DISPLAY_TOKEN, INGEST_TOKEN, RUSSIA_UKRAINE } from '../../test/helpers/app.js';

const libDir = path.dirname(fileURLToPath(import.meta.url));

export const benchEnv = (): Record<string, string> => ({
  INGEST_RATE_LIMIT_PER_MINUTE: '100000000',
  CHANGES_MAXLEN: '1000000',
  // The bench holds up to 10,000 sockets with one token from one address.
  SOCKETS_PER_CREDENTIAL: '1000000',
  SOCKETS_PER_IP: '1000000',
  LOG_LEVEL: 'warn',
  NODE_OPTIONS: `--import=${path.join(libDir, 'serverPreload.mjs')}`,
  ...(process.env.BENCH_CPU_PROF ? { BENCH_CPU_PROF_DIR: path.resolve(process.env.BENCH_CPU_PROF) } : {}),
  ...(process.env.BENCH_HEAP_DIR ? { BENCH_HEAP_DIR: path.resolve(process.env.BENCH_HEAP_DIR) } : {}),
  // For experiments: extra server settings as JSON, e.g. BENCH_SERVER_ENV='{"EXTRACT_THREADS":"2"}'.
  ...(JSON.parse(process.env.BENCH_SERVER_ENV ?? '{}') as Record<string, string>),
});

export type Stack = {
  redis: TestRedis;
  prefix: string;
  apis: AppProcess[];
  workers: AppProcess[];
  /** Adds one more worker process (e.g. after a burst was queued). */
  addWorker(env?: Record<string, string>): Promise<AppProcess>;
  stop(): Promise<void>;
};

/**
 * A fresh redis-server with `apis` api nodes and `workers` worker processes, following the
 * sample Russia–Ukraine crisis, which the bench's reports are about (bench/lib/reportTexts.ts).
 */
export async function startStack(options: {
  apis: number;
  workers: number;
  env?: Record<string, string>;
}): Promise<Stack> {
  const redis = await startRedis();
  const prefix = `b${randomBytes(4).toString('hex')}`;
  const setup = new Redis(redis.url);
  await new CrisisStore(setup, keysFor(prefix), 1000).create(RUSSIA_UKRAINE, { name: 'bench', role: 'admin' });
  setup.disconnect();
  const env = { ...benchEnv(), ...options.env };
  const stack: Stack = {
    redis,
    prefix,
    apis: [],
    workers: [],
    async addWorker(extra = {}) {
      const w = await startProcess('worker', redis.url, prefix, { ...env, ...extra });
      stack.workers.push(w);
      return w;
    },
    async stop() {
      untrack();
      await Promise.all([...stack.apis, ...stack.workers].map((p) => p.stop().catch(() => undefined)));
      await redis.stop();
    },
  };
  const untrack = track(() => stack.stop());
  try {
    // All at once: each node takes a second or two to boot, and none waits for another.
    const [apis] = await Promise.all([
      Promise.all(Array.from({ length: options.apis }, () => startProcess('api', redis.url, prefix, env))),
      ...Array.from({ length: options.workers }, () => stack.addWorker()),
    ]);
    stack.apis = apis;
  } catch (err) {
    await stack.stop();
    throw err;
  }
  return stack;
}
