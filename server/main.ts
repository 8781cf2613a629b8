/**
 * The one entry point: `node dist/server/main.js --role api|worker|all`.
 * Roles are imported lazily so an api node never loads the worker's code and vice versa.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, parseConfig } from './config/index.js';
import { createLogger } from './log.js';
import { createContext, type RunningRole } from './roles/context.js';

const roles = ['api', 'worker', 'all'] as const;
type RoleName = (typeof roles)[number];

function roleFromArgs(argv: string[]): RoleName {
  const i = argv.indexOf('--role');
  const value = i >= 0 ? argv[i + 1] : (argv.find((a) => a.startsWith('--role='))?.split('=')[1] ?? 'all');
  if (!roles.includes(value as RoleName)) {
    console.error(`Unknown role "${value}". Use --role api, --role worker or --role all.`);
    process.exit(2);
  }
  return value as RoleName;
}

async function main(): Promise<void> {
  const role = roleFromArgs(process.argv.slice(2));
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  if (!config.REDIS_URL) {
    console.error(
      'REDIS_URL is not set. Use `npm start`, which runs its own redis-server, or set REDIS_URL=redis://host:6379.',
    );
    process.exit(2);
  }
  const log = createLogger(config.LOG_LEVEL, role);
  const ctx = createContext({ ...config, REDIS_URL: config.REDIS_URL }, log);
  const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client');

  const running: RunningRole[] = [];
  if (role === 'worker' || role === 'all') {
    const { startWorkerRole } = await import('./roles/worker.js');
    running.push(await startWorkerRole(ctx));
  }
  if (role === 'api' || role === 'all') {
    const { startApiRole } = await import('./roles/api.js');
    running.push(await startApiRole(ctx, { clientDir }));
  }

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    for (const r of running.reverse()) await r.close().catch((err: unknown) => log.error({ err }, 'close failed'));
    await ctx.closeConnections();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  if (config.SUPERVISOR_PID) {
    // `npm start` may be killed with -9; then nobody would stop us. Leave with it.
    const supervisor = config.SUPERVISOR_PID;
    setInterval(() => {
      try {
        process.kill(supervisor, 0);
      } catch {
        void stop('supervisor gone');
      }
    }, 1000).unref();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
