/**
 * `npm start` as a newcomer runs it (scripts/start.mjs on the built app): its own redis-server
 * under DATA_DIR, sample data, a kill -9 that loses nothing, and Ctrl-C that stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from './helpers/app.js';
import { hasBuild } from './helpers/processes.js';
import { freePort } from './helpers/redisServer.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'crisis-start-'));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  try {
    process.kill(Number(readFileSync(path.join(dataDir, 'redis.pid'), 'utf8')), 'SIGTERM');
  } catch {
    // already stopped
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function startNpmStart(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const { REDIS_URL: _unset, ...rest } = process.env;
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...rest, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

describe.skipIf(!hasBuild)('npm start', () => {
  it('says in one clear message how to get redis-server when it is missing', async () => {
    // A PATH with node and npm but no redis-server.
    const bin = mkdtempSync(path.join(tmpdir(), 'crisis-bin-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const port = await freePort();
    const run = startNpmStart({ PATH: bin, PORT: String(port), DATA_DIR: path.join(dataDir, 'no-redis') });
    expect(await exited(run.child)).toBe(1);
    expect(run.output()).toMatch(/redis-server was not found/);
    expect(run.output()).toMatch(/apt-get install redis-server/);
    expect(run.output()).toMatch(/REDIS_URL=redis:\/\//);
    rmSync(bin, { recursive: true, force: true });
  });

  it('comes up with the sample reports, survives kill -9 with every report, and Ctrl-C stops everything', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), DATA_DIR: dataDir };
    const first = startNpmStart(env);
    const token = () =>
      (JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { DISPLAY_TOKEN: string }).DISPLAY_TOKEN;
    const reports = async () => {
      if ((await fetch(`${url}/healthz`).catch(() => null))?.ok !== true) return null;
      const res = await fetch(`${url}/api/reports?limit=100`, {
        headers: { authorization: `Bearer ${token()}` },
      }).catch(() => null);
      return res?.ok ? ((await res.json()) as { reports: { id: string; status: string }[] }).reports : null;
    };
    const seeded = await waitFor(
      async () => {
        const list = await reports();
        return list && list.length >= 4 && list.every((r) => r.status === 'done') ? list : null;
      },
      60_000,
      `npm start on ${url}\n${first.output()}`,
    );
    expect(first.output()).toContain(`/wall?token=${token()}`);
    const redisPid = Number(readFileSync(path.join(dataDir, 'redis.pid'), 'utf8'));
    expect(alive(redisPid)).toBe(true);
    // Its Redis keeps an AOF, compacted at 5× its base (docs/operations.md, "Redis persistence").
    const probe = new Redis({ path: path.join(dataDir, 'redis.sock') });
    expect(await probe.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await probe.config('GET', 'auto-aof-rewrite-percentage')).toEqual(['auto-aof-rewrite-percentage', '400']);
    probe.disconnect();

    // kill -9 of npm start: the app notices and leaves; the orphaned Redis is handled next time.
    first.child.kill('SIGKILL');
    await waitFor(async () => (await fetch(`${url}/healthz`).catch(() => null)) === null, 10_000, 'the app to leave');
    const second = startNpmStart(env);
    const after = await waitFor(
      async () => {
        const list = await reports();
        return list && list.length >= 4 ? list : null;
      },
      60_000,
      `npm start again\n${second.output()}`,
    );
    expect(after.map((r) => r.id).sort()).toEqual(seeded.map((r) => r.id).sort());
    expect(alive(redisPid)).toBe(false);
    const secondRedisPid = Number(readFileSync(path.join(dataDir, 'redis.pid'), 'utf8'));
    expect(alive(secondRedisPid)).toBe(true);

    // Ctrl-C stops the app and its Redis.
    second.child.kill('SIGINT');
    expect(await exited(second.child)).toBe(0);
    expect((await fetch(`${url}/healthz`).catch(() => null)) === null).toBe(true);
    await waitFor(async () => !alive(secondRedisPid), 5000, 'redis-server to stop');
  });
});
