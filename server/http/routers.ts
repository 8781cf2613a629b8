/**
 * Every router of the app, mounted in this one place: the public ones (health, metrics, the
 * OpenAPI description), those under /api (after authentication) and the admins' queue board.
 * server/roles/api.ts builds the stores and queues and hands them here. A route added to a
 * router must also be described in server/http/openapi/paths/ (test/openapi.test.ts names it).
 */
import { Queue } from 'bullmq';
import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { ReassignmentProgress } from '../../shared/events.js';
import type { Accounts } from '../auth/accounts.js';
import type { Ingestor } from '../ingest/acceptReport.js';
import type { HtmlReader } from '../ingest/ninjs.js';
import type { IndexFollower } from '../search/indexFollower.js';
import type { Metrics } from '../metrics.js';
import { outboundPolicy } from '../outbound/guard.js';
import type { CrisesQueue } from '../queues/crisesQueue.js';
import type { FeedsQueue } from '../queues/feedScheduler.js';
import type { IngestQueue } from '../queues/ingestProducer.js';
import { DELIVER_QUEUE, FEEDS_QUEUE } from '../queues/names.js';
import type { RoleContext } from '../roles/context.js';
import { CorrectionLog } from '../storage/correctionLog.js';
import { CorrectionStore } from '../storage/correctionStore.js';
import type { CrisisStore } from '../storage/crisisStore.js';
import { FeedStore } from '../storage/feedStore.js';
import { FlagStore } from '../storage/flagStore.js';
import { OverrideStore } from '../storage/overrideStore.js';
import type { ReportStore } from '../storage/reportStore.js';
import type { AsOfReader } from '../storage/asOfReader.js';
import type { SnapshotReader } from '../storage/snapshot.js';
import { SourceStore } from '../storage/sourceStore.js';
import { SubscriptionStore } from '../storage/subscriptionStore.js';
import { UriIndex } from '../storage/uriIndex.js';
import { VerificationStore } from '../storage/verificationStore.js';
import type { HttpAppDeps } from './app.js';
import { redisRateLimit } from './rateLimit.js';
import { accountAuditRouter, reportAuditRouter } from './routes/audit.js';
import { correctionsRouter } from './routes/corrections.js';
import { crisesRouter } from './routes/crises.js';
import { feedsRouter } from './routes/feeds.js';
import { flagsRouter } from './routes/flags.js';
import { healthRouter } from './routes/health.js';
import { openApiRouter } from './routes/openapi.js';
import { queueBoardRouter } from './routes/queueBoard.js';
import { reportCrisesRouter } from './routes/reportCrises.js';
import { reportsRouter } from './routes/reports.js';
import { sessionRouter } from './routes/session.js';
import { stateRouter } from './routes/state.js';
import { trendsRouter } from './routes/trends.js';
import { sourcesRouter } from './routes/sources.js';
import { subscriptionsRouterFor } from './routes/subscriptions/router.js';
import { tokensRouter } from './routes/tokens.js';
import { usersRouter } from './routes/users.js';
import { verificationRouters } from './routes/verification.js';
import { wallRouter } from './routes/wall.js';

export type RouterDeps = {
  ctx: RoleContext;
  command: Redis;
  metrics: Metrics;
  accounts: Accounts;
  ingestor: Ingestor;
  reports: ReportStore;
  ingestQueue: IngestQueue;
  feedsQueue: FeedsQueue;
  crises: CrisisStore;
  crisesQueue: CrisesQueue;
  snapshots: SnapshotReader;
  /** The pictures of the past (GET /api/state?asOf=). */
  asOf: AsOfReader;
  /** Reads a ninjs item's HTML (off this thread when it is long). */
  readHtml: HtmlReader;
  /** This node's search index over every report (GET /api/reports?q=…). */
  search: IndexFollower;
};

type AppRouters = Pick<HttpAppDeps, 'publicRouters' | 'apiRouters' | 'rootRouters'> & { close(): Promise<void> };

export function appRouters(deps: RouterDeps): AppRouters {
  const { ctx, command, accounts } = deps;
  const { config, keys } = ctx;

  // Report actions share the /api/reports/:id prefix with the reports router's own routes.
  const reportActions = Router({ mergeParams: true });
  reportActions.use(flagsRouter(new FlagStore(command, keys, config.CHANGES_MAXLEN)));
  reportActions.use(
    correctionsRouter({
      reports: deps.reports,
      corrections: new CorrectionStore(command, keys),
      log: new CorrectionLog(command, keys),
      queue: deps.ingestQueue,
    }),
  );
  reportActions.use(reportAuditRouter({ audit: accounts.audit, reports: deps.reports, keys }));
  const verdicts = verificationRouters({
    reports: deps.reports,
    verification: new VerificationStore(command, keys, deps.reports, config.CHANGES_MAXLEN),
    users: accounts.users,
    queue: deps.ingestQueue,
  });
  reportActions.use(verdicts.report);
  reportActions.use(
    reportCrisesRouter({ crises: deps.crises, overrides: new OverrideStore(command, keys), queue: deps.ingestQueue }),
  );

  const reports = Router()
    .post(
      '/',
      redisRateLimit({
        redis: command,
        prefix: `${keys.prefix}:rl:ingest:`,
        windowMs: 60_000,
        limit: config.INGEST_RATE_LIMIT_PER_MINUTE,
        message: `At most ${config.INGEST_RATE_LIMIT_PER_MINUTE} reports a minute per sender; slow down and retry`,
      }),
    )
    .use(
      reportsRouter({
        ingestor: deps.ingestor,
        reports: deps.reports,
        queue: deps.ingestQueue,
        uris: new UriIndex(command, keys),
        readHtml: deps.readHtml,
        indexOf: async (crisis) => {
          if (crisis === 'none') return keys.unassigned;
          await deps.crises.resolve(crisis);
          return keys.crisis(crisis).reports;
        },
        search: deps.search,
      }),
    )
    .use('/:id', reportActions);

  // Queue health shows every queue of the deployment, also those other roles produce into.
  const otherQueues = [DELIVER_QUEUE, FEEDS_QUEUE].map(
    (name) => new Queue(name, { connection: command, prefix: keys.queuePrefix }),
  );
  // The connection's own handler logs its errors (storage/redis.ts).
  for (const q of otherQueues) q.on('error', () => undefined);

  return {
    publicRouters: [
      healthRouter({
        redis: command,
        ingestQueue: deps.ingestQueue,
        metrics: deps.metrics,
        metricsAccess: { token: config.METRICS_TOKEN, allowlist: config.METRICS_ALLOWLIST },
      }),
      openApiRouter(),
    ],
    apiRouters: {
      reports,
      crises: crisesRouter({
        crises: deps.crises,
        queue: deps.crisesQueue,
        reassignment: async () => {
          const json = await command.get(keys.reassignment);
          return json ? (JSON.parse(json) as ReassignmentProgress) : null;
        },
      }),
      feeds: feedsRouter({
        feeds: new FeedStore(command, keys),
        queue: deps.feedsQueue,
        policy: outboundPolicy(config.OUTBOUND_ALLOWLIST),
        minIntervalSeconds: config.FEED_MIN_INTERVAL_SECONDS,
      }),
      state: stateRouter(deps.snapshots, deps.crises, deps.asOf),
      trends: trendsRouter(deps.snapshots, deps.crises, deps.asOf),
      subscriptions: subscriptionsRouterFor(command, keys, config),
      session: sessionRouter({
        users: accounts.users,
        sessions: accounts.sessionStore,
        limiters: accounts.loginLimiters,
        publicOrigin: accounts.publicOrigin,
        trust: accounts.trust,
      }),
      users: usersRouter({
        users: accounts.users,
        sessions: accounts.sessionStore,
        audit: accounts.audit,
        auditKey: keys.accountAudit,
        subscriptions: new SubscriptionStore(command, keys),
      }),
      tokens: tokensRouter(accounts.tokenStore),
      audit: accountAuditRouter({ audit: accounts.audit, keys }),
      wall: wallRouter({ clocks: config.WALL_CLOCKS }),
      verification: verdicts.queue,
      sources: sourcesRouter({
        sources: new SourceStore(command, keys),
        reports: deps.reports,
        audit: accounts.audit,
        keys,
      }),
    },
    rootRouters: [queueBoardRouter([deps.ingestQueue, ...otherQueues])],
    async close() {
      await Promise.all(otherQueues.map((q) => q.close()));
    },
  };
}
