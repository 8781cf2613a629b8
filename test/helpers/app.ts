/**
 * Starts the real app in-process (api and/or worker roles) against a test Redis, with a
 * unique key prefix per test so tests never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { Crisis } from '../../shared/crisis.js';
import { parseConfig, type Config } from '../../server/config/index.js';
import { sampleCrises } from '../../server/crises/sampleCrises.js';
import { CrisisStore } from '../../server/storage/crisisStore.js';
import { waitReady } from '../../server/storage/redis.js';
import { startApiRole, type ApiRole } from '../../server/roles/api.js';
import { createContext, type RoleContext, type RunningRole } from '../../server/roles/context.js';
import { startWorkerRole, type WorkerRoleOptions } from '../../server/roles/worker.js';

export const INGEST_TOKEN = 'test-ingest-token-0123456789';
/** The sample scenario's crisis, which the tests' reports are about unless they say otherwise. */
export const RUSSIA_UKRAINE: Crisis = sampleCrises().find((c) => c.slug === 'russia-ukraine')!;
export const DISPLAY_TOKEN = 'test-display-token-0123456789';

export type TestApp = {
  api: ApiRole;
  url: string;
  ctx: RoleContext;
  workers: RunningRole[];
  prefix: string;
  close(): Promise<void>;
};

export function testConfig(redisUrl: string, env: Record<string, string> = {}): Config & { REDIS_URL: string } {
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: redisUrl,
    INGEST_TOKENS: INGEST_TOKEN,
    DISPLAY_TOKEN,
    KEY_PREFIX: `t${randomBytes(5).toString('hex')}`,
    LOG_LEVEL: 'silent',
    LOCK_DURATION_MS: '2000',
    STALLED_INTERVAL_MS: '1000',
    // In-process apps extract inline; the threaded path runs in the process drills, the
    // scale test and the benches (the built server, default threads), and in extractPool.test.ts.
    EXTRACT_THREADS: '0',
    ...env,
  });
  return { ...config, REDIS_URL: redisUrl };
}

export async function startTestApp(
  redisUrl: string,
  options: {
    workers?: number;
    env?: Record<string, string>;
    workerOptions?: WorkerRoleOptions;
    clientDir?: string;
    /** The crises the store starts with (default: the sample Russia–Ukraine crisis). */
    crises?: Crisis[];
  } = {},
): Promise<TestApp> {
  const config = testConfig(redisUrl, options.env);
  const ctx = createContext(config, pino({ level: 'silent' }));
  const crisisConnection = ctx.connect('command', 'test-crises');
  await waitReady(crisisConnection);
  const store = new CrisisStore(crisisConnection, ctx.keys, config.CHANGES_MAXLEN);
  for (const crisis of options.crises ?? [RUSSIA_UKRAINE]) await store.create(crisis, { name: 'test', role: 'admin' });
  const workers: RunningRole[] = [];
  for (let i = 0; i < (options.workers ?? 1); i++) workers.push(await startWorkerRole(ctx, options.workerOptions));
  const api = await startApiRole(ctx, { clientDir: options.clientDir });
  return {
    api,
    url: api.url,
    ctx,
    workers,
    prefix: config.KEY_PREFIX,
    async close() {
      await api.close();
      for (const w of workers) await w.close();
      await ctx.closeConnections();
    },
  };
}

/** POSTs JSON with the ingest token. */
export async function postReport(url: string, body: unknown, token = INGEST_TOKEN): Promise<Response> {
  return fetch(`${url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
