#!/usr/bin/env node
// `npm start`: the whole dashboard on one machine, from a fresh clone.
// 1. installs dependencies and builds when they are missing or stale;
// 2. unless REDIS_URL is set, starts and supervises its own redis-server (AOF on, unix socket under DATA_DIR);
// 3. seeds an empty store with the sample reports and serves everything on PORT;
// 4. Ctrl-C stops everything it started. After a kill -9 of this script, the next start cleans up what it left.
// Plain JavaScript on purpose: it must run before any dependency is installed.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const say = (msg) => console.log(`[crisis-desk] ${msg}`);

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function run(cmd, args) {
  say(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[crisis-desk] "${cmd} ${args.join(' ')}" failed`);
    process.exit(result.status ?? 1);
  }
}

// 1. Install and build when needed.
const installedLock = path.join(root, 'node_modules/.package-lock.json');
if (!existsSync(installedLock) || statSync('package-lock.json').mtimeMs > statSync(installedLock).mtimeMs) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
const sources = ['server', 'shared', 'client', 'package.json', 'tsconfig.json', 'tsconfig.server.json'].map(
  newestMtime,
);
const built = Math.min(newestMtime('dist/server/main.js'), newestMtime('dist/client/index.html'));
if (built === 0 || Math.max(...sources) > built) run('npm', ['run', 'build']);

// 2. Redis: the operator's, or our own.
const dataDir = path.resolve(process.env.DATA_DIR || './data');
mkdirSync(dataDir, { recursive: true });
const env = { ...process.env, DATA_DIR: dataDir, SUPERVISOR_PID: String(process.pid) };
let redis = null;
let stopping = false;

const pidFile = path.join(dataDir, 'redis.pid');
const socketPath = path.join(dataDir, 'redis.sock');

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopLeftoverRedis() {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (pid && isAlive(pid)) {
    say(`stopping the redis-server (pid ${pid}) a previous run left behind`);
    process.kill(pid, 'SIGTERM'); // it rewrites nothing: AOF is already on disk
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(pidFile, { force: true });
}

function startRedis() {
  redis = spawn(
    'redis-server',
    [
      '--port',
      '0',
      '--unixsocket',
      socketPath,
      '--unixsocketperm',
      '700',
      '--dir',
      dataDir,
      '--pidfile',
      pidFile,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      // Compact the AOF when it reaches 5× its base, not 2×: each rewrite forks and re-serialises
      // the whole store, on the cores the worker extracts on (docs/operations.md, "Redis persistence").
      '--auto-aof-rewrite-percentage',
      '400',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--logfile',
      path.join(dataDir, 'redis.log'),
    ],
    { stdio: 'ignore' },
  );
  redis.on('error', (err) => {
    if (err.code === 'ENOENT') {
      console.error(
        '[crisis-desk] redis-server was not found on PATH.\n' +
          '  Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis),\n' +
          '  or point Crisis Desk at a Redis you run: REDIS_URL=redis://host:6379 npm start',
      );
      process.exit(1);
    }
  });
  redis.on('exit', (code, signal) => {
    if (stopping) return;
    say(`redis-server exited (${signal ?? code}); restarting it`);
    setTimeout(startRedis, 500);
  });
}

async function waitForSocket() {
  for (let i = 0; i < 100; i++) {
    if (existsSync(socketPath)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not open its socket');
}

// Secrets for a local install: generated once, kept in DATA_DIR, printed for the operator.
function localSecrets() {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    DISPLAY_TOKEN: randomBytes(18).toString('base64url'),
    INGEST_TOKENS: randomBytes(18).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

if (!process.env.REDIS_URL) {
  await stopLeftoverRedis();
  startRedis();
  await waitForSocket();
  env.REDIS_URL = `unix://${socketPath}`;
}
const secrets = localSecrets();
env.DISPLAY_TOKEN ||= secrets.DISPLAY_TOKEN;
env.INGEST_TOKENS ||= secrets.INGEST_TOKENS;
env.SEED_SAMPLE_REPORTS ||= 'true';
const port = env.PORT || '8080';

// 3. The app.
const app = spawn(process.execPath, ['dist/server/main.js', '--role', 'all'], { stdio: 'inherit', env });
say(`dashboard:   http://localhost:${port}/?token=${env.DISPLAY_TOKEN}`);
say(`wall:        http://localhost:${port}/wall?token=${env.DISPLAY_TOKEN}`);
say(`desk:        http://localhost:${port}/desk`);
say(
  `ingest:      curl -H "Authorization: Bearer ${env.INGEST_TOKENS.split(',')[0]}" -H 'content-type: text/plain' --data-binary @report.txt http://localhost:${port}/api/reports`,
);

// 4. Orderly stop.
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (app.exitCode === null) {
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
  }
  if (redis && redis.exitCode === null) {
    redis.kill('SIGTERM');
    await new Promise((r) => redis.once('exit', r));
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
app.on('exit', (code) => void shutdown(code ?? 1));
