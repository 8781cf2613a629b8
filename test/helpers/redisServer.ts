/**
 * Starts a throwaway redis-server on a free port for a test run, and removes it after.
 * Never touches the machine's own Redis on 6379.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

export type TestRedis = {
  url: string;
  port: number;
  dir: string;
  process: ChildProcess;
  stop(): Promise<void>;
  kill9(): void;
  restart(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPing(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') {
        probe.disconnect();
        return;
      }
    } catch {
      probe.disconnect();
    }
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts redis-server with AOF (everysec, compacted at 5× its base) in a temp dir; `restart()` reuses the dir, so data comes back from the AOF. */
export async function startRedis(
  options: { appendfsync?: 'always' | 'everysec'; extraArgs?: string[] } = {},
): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'crisis-redis-'));
  const launch = () =>
    spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        options.appendfsync ?? 'everysec',
        '--maxmemory-policy',
        'noeviction',
        // As npm start and docker-compose run it (docs/operations.md, "Redis persistence").
        '--auto-aof-rewrite-percentage',
        '400',
        '--loglevel',
        'warning',
        ...(options.extraArgs ?? []),
      ],
      { stdio: 'ignore' },
    );
  const handle: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    process: launch(),
    async stop() {
      if (handle.process.exitCode === null && handle.process.signalCode === null) {
        const exited = new Promise((r) => handle.process.once('exit', r));
        handle.process.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
    kill9() {
      handle.process.kill('SIGKILL');
    },
    async restart() {
      if (handle.process.exitCode === null && handle.process.signalCode === null) {
        const exited = new Promise((r) => handle.process.once('exit', r));
        handle.process.kill('SIGKILL');
        await exited;
      }
      handle.process = launch();
      await waitForPing(port);
    },
  };
  await waitForPing(port);
  return handle;
}
