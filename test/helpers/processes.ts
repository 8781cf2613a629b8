/**
 * Runs the built server (`node dist/server/main.js --role …`) as real child processes, for
 * drills that kill -9 one of them. Needs `npm run build:server` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DISPLAY_TOKEN, INGEST_TOKEN, waitFor } from './app.js';
import { freePort } from './redisServer.js';

export const MAIN = path.resolve('dist/server/main.js');
export const hasBuild = existsSync(MAIN);
/** Node flags of a worker process, as `npm run worker` and docker-compose.yml run it (docs/operations.md, "Worker processes"). */
export const WORKER_NODE_FLAGS = ['--v8-pool-size=1'];

export type AppProcess = {
  role: 'api' | 'worker' | 'all';
  child: ChildProcess;
  port?: number;
  url?: string;
  output: string[];
  kill9(): Promise<void>;
  stop(): Promise<void>;
};

export async function startProcess(
  role: 'api' | 'worker' | 'all',
  redisUrl: string,
  prefix: string,
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const port = role === 'worker' ? undefined : await freePort();
  const child = spawn(process.execPath, [...(role === 'worker' ? WORKER_NODE_FLAGS : []), MAIN, '--role', role], {
    env: {
      PATH: process.env.PATH ?? '',
      REDIS_URL: redisUrl,
      KEY_PREFIX: prefix,
      INGEST_TOKENS: INGEST_TOKEN,
      DISPLAY_TOKEN,
      HOST: '127.0.0.1',
      PORT: String(port ?? 0),
      LOG_LEVEL: 'warn',
      LOCK_DURATION_MS: '6000',
      STALLED_INTERVAL_MS: '3000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: AppProcess = {
    role,
    child,
    port,
    url: port ? `http://127.0.0.1:${port}` : undefined,
    output,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  if (handle.url) {
    const url = handle.url;
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${role} exited early:\n${output.join('')}`);
        return (await fetch(`${url}/healthz`).catch(() => null))?.ok;
      },
      // Generous: a loaded 2-core machine starts a process (and compiles its first modules) slowly.
      40_000,
      `${role} on ${url}`,
    );
  } else {
    // A worker is up when it is connected to the queue; give it a moment and check it is alive.
    await new Promise((r) => setTimeout(r, 800));
    if (child.exitCode !== null) throw new Error(`worker exited early:\n${output.join('')}`);
  }
  return handle;
}
