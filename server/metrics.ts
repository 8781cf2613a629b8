/**
 * Prometheus metrics (prom-client). Queue depth and job counters are read from Redis at
 * scrape time, so every api node reports the cluster-wide truth; socket and latency
 * figures are this node's own.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Keys } from './storage/keys.js';

export type Metrics = ReturnType<typeof createMetrics>;

/** The cluster-wide count of reports whose extraction ran past its time budget (workers add, /metrics reads). */
export const extractOverBudgetKey = (keys: Keys): string => `${keys.queuePrefix}:stats:extract-over-budget`;
export const extractErrorsKey = (keys: Keys): string => `${keys.queuePrefix}:stats:extract-errors`;

export function createMetrics(deps: { redis: Redis; keys: Keys; queues: Queue[] }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'crisis_queue_jobs',
    help: 'Jobs in each queue by state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const queue of deps.queues) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
        for (const [state, n] of Object.entries(counts)) this.set({ queue: queue.name, state }, n);
      }
    },
  });
  new Gauge({
    name: 'crisis_jobs_processed_total',
    help: 'Reports folded into state, cluster-wide',
    registers: [registry],
    async collect() {
      this.set(Number((await deps.redis.get(deps.keys.statsProcessed)) ?? 0));
    },
  });
  new Gauge({
    name: 'crisis_jobs_failed_total',
    help: 'Reports that failed for good after every retry, cluster-wide',
    registers: [registry],
    async collect() {
      this.set(Number((await deps.redis.get(deps.keys.statsFailed)) ?? 0));
    },
  });
  new Gauge({
    name: 'crisis_extract_over_budget_total',
    help: 'Reports whose extraction ran past its time budget (EXTRACT_BUDGET_MS) and failed, cluster-wide',
    registers: [registry],
    async collect() {
      this.set(Number((await deps.redis.get(extractOverBudgetKey(deps.keys))) ?? 0));
    },
  });
  new Gauge({
    name: 'crisis_extract_errors_total',
    help: 'Reports on which extract() threw (a bug) and that failed for good, cluster-wide',
    registers: [registry],
    async collect() {
      this.set(Number((await deps.redis.get(extractErrorsKey(deps.keys))) ?? 0));
    },
  });
  const socketsConnected = new Gauge({
    name: 'crisis_sockets_connected',
    help: 'Socket.IO clients connected to this api node',
    registers: [registry],
  });
  const changesEmitted = new Counter({
    name: 'crisis_changes_emitted_total',
    help: 'Changes this api node emitted to its sockets',
    labelNames: ['type'],
    registers: [registry],
  });
  const e2eLatency = new Histogram({
    name: 'crisis_report_e2e_seconds',
    help: 'From a report being accepted to its report.added change being emitted by this api node',
    buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: 'crisis_http_requests_total',
    help: 'HTTP requests by method and status class',
    labelNames: ['method', 'status'],
    registers: [registry],
  });

  return { registry, socketsConnected, changesEmitted, e2eLatency, httpRequests };
}
