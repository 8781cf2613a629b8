/**
 * The only reader of process.env. Parsed once at start-up; every bad value is
 * listed in one error so an operator fixes them all in one go.
 */
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';

const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  );

/** An IP address or a CIDR range (v4 or v6). */
const isAddressOrRange = (entry: string) => {
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
};
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  REDIS_URL: z
    .string()
    .regex(
      /^(rediss?:\/\/|unix:\/\/|redis\+sentinel:\/\/)/,
      'must start with redis://, rediss://, unix:// or redis+sentinel://',
    )
    .optional(),
  DATA_DIR: z.string().default('./data'),
  INGEST_TOKENS: csv.refine((a) => a.every((t) => t.length >= 16), 'each token must be at least 16 characters'),
  DISPLAY_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().default('Crisis Desk <alerts@crisis-desk.invalid>'),
  OUTBOUND_ALLOWLIST: csv,
  /** Shortest poll interval an editor may give a feed (POST /api/feeds intervalSeconds). */
  FEED_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  /**
   * The load balancers whose X-Forwarded-For, -Proto and -Host are believed: `false` (none),
   * or a list of IPs, CIDRs and the names loopback, linklocal, uniquelocal. Clients' own
   * addresses (login limits, socket caps, /metrics allowlist) and HTTPS (Secure cookies) are read
   * from those headers only when the request comes from one of them.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .refine(
      (list) =>
        (list.length === 1 && ['false', 'none'].includes(list[0])) ||
        (list.length > 0 && list.every((t) => PROXY_NAMES.includes(t) || isAddressOrRange(t))),
      'must be "false", or a comma-separated list of IPs, CIDRs, loopback, linklocal or uniquelocal',
    )
    .transform((list): string[] | false => (['false', 'none'].includes(list[0]) ? false : list)),
  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>` (or a client address in METRICS_ALLOWLIST). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Client addresses (IPs or CIDRs) that may read /metrics without the token, e.g. the Prometheus server. */
  METRICS_ALLOWLIST: csv.refine((a) => a.every(isAddressOrRange), 'each entry must be an IP or a CIDR'),
  /** Live sockets one credential (a user, a token) may hold on one api node; one more is refused. */
  SOCKETS_PER_CREDENTIAL: z.coerce.number().int().min(1).default(500),
  /** Live sockets one client address may hold on one api node (behind NAT a newsroom shares one). */
  SOCKETS_PER_IP: z.coerce.number().int().min(1).default(1000),
  /**
   * Reports older than this many days (by arrival) are removed, with their crises' share of them,
   * flags, corrections and audit. Unset: kept forever.
   */
  REPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Prefix of every Redis key (queues included) inside one hash tag, so Redis Cluster keeps them together. */
  KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .default('cd'),
  /** Approximate bound of the change stream (XADD MAXLEN ~). */
  CHANGES_MAXLEN: z.coerce.number().int().min(100).default(100_000),
  /**
   * Worker threads that run extraction in each worker process (0 = on the main thread).
   * Default: one per core beyond the first, at most 4.
   */
  EXTRACT_THREADS: z.coerce
    .number()
    .int()
    .min(0)
    .max(32)
    .default(Math.max(0, Math.min(4, availableParallelism() - 1))),
  /**
   * Time budget of one report's extraction (ms). Past it the report fails for good with an error
   * that says so (crisis_extract_over_budget_total counts them) and the worker goes on; a thread
   * silent for three budgets and a second while it holds work is replaced. Extraction of a real
   * report takes about a millisecond, of 200,000 hostile characters a few hundred at most.
   */
  EXTRACT_BUDGET_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  /**
   * Ingest jobs in flight in one worker process. A job ends when its batch is committed, so while
   * one batch is folded and committed the extraction thread needs enough other jobs in hand not
   * to sit idle: 64 left it a third idle under a burst (870 reports/s), 1000 keeps it busy (1,080/s).
   * Idle, it costs nothing; a killed worker's jobs all come back after LOCK_DURATION_MS.
   */
  INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(2000).default(1000),
  /** How long a job lock lives; a killed worker's jobs are taken up again after about this long. */
  LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(6000),
  STALLED_INTERVAL_MS: z.coerce.number().int().min(1000).default(3000),
  /** Reports one ingest token (or user, or IP) may POST per minute, across all api nodes. */
  INGEST_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  SEED_SAMPLE_REPORTS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * Fan-out of changes written straight to each websocket (realtime/frameBroadcast.ts), which
   * reads engine.io's and ws' private fields (a contract test checks them); false: Socket.IO's
   * own broadcast. On by default: with 1,000 walls at 50 changes/s Socket.IO's per-socket path
   * keeps the api node's core saturated (bench e2e: p50 26–113 ms against 17 ms on this path).
   */
  FRAME_BROADCAST: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Public base URL used in links in e-mails and webhooks. */
  PUBLIC_URL: z.string().url().optional(),
  /** Alert deliveries: tries per alert, exponential backoff base and cap, per-request timeout, jobs in flight per worker. */
  DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  DELIVERY_BACKOFF_MS: z.coerce.number().int().min(10).default(1000),
  DELIVERY_BACKOFF_MAX_MS: z.coerce.number().int().min(10).default(120_000),
  DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(16),
  /** A change left unacknowledged this long by an alert evaluator (a dead worker) is claimed by another. */
  ALERTS_CLAIM_IDLE_MS: z.coerce.number().int().min(100).default(15_000),
  /** How often one worker looks for meetings about to start (meeting.soon rules). */
  ALERTS_SWEEP_MS: z.coerce.number().int().min(1000).default(60_000),
  /**
   * How long one minute of a subscription's `throttleMinutes` lasts. Always a minute in service;
   * tests shorten it to see a throttle window end and its digest go out without waiting minutes.
   */
  ALERTS_THROTTLE_MINUTE_MS: z.coerce.number().int().min(100).default(60_000),
  /** Set by scripts/start.mjs: the app exits when that process is gone (so a kill -9 of `npm start` leaves nothing behind). */
  SUPERVISOR_PID: z.coerce.number().int().positive().optional(),
  /** Capitals shown by the wall's clocks: "Label=IANA zone" pairs. */
  WALL_CLOCKS: z
    .string()
    .default('Kyiv=Europe/Kyiv,Moscow=Europe/Moscow,Brussels=Europe/Brussels,Washington=America/New_York')
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.split('='))
        .filter((p) => p.length === 2)
        .map(([label, zone]) => ({ label: label.trim(), zone: zone.trim() })),
    ),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses an environment (process.env by default); throws ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const result = envSchema.safeParse(blankToUndefined);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}
