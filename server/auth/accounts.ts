/**
 * Wires the journalists' desk into the api role: users and sessions, admin-issued tokens,
 * the login limits, flags, verdicts, corrections, the audit trail, queue health, and the watcher that
 * drops sockets whose session or token was revoked. server/roles/api.ts calls this once.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Router } from 'express';
import { chainTokenResolvers, type SessionResolver, type TokenResolver } from '../http/auth.js';
import { trustFunction } from '../http/proxy.js';
import { accountAuditRouter, reportAuditRouter } from '../http/routes/audit.js';
import { correctionsRouter } from '../http/routes/corrections.js';
import { flagsRouter } from '../http/routes/flags.js';
import { sessionRouter } from '../http/routes/session.js';
import { tokensRouter } from '../http/routes/tokens.js';
import { usersRouter } from '../http/routes/users.js';
import { verificationRouters } from '../http/routes/verification.js';
import { DELIVER_QUEUE, FEEDS_QUEUE } from '../queues/names.js';
import type { IngestQueue } from '../queues/ingestProducer.js';
import type { CrisisServer } from '../realtime/socketServer.js';
import type { RoleContext } from '../roles/context.js';
import { AuditStore } from '../storage/auditStore.js';
import { CorrectionLog } from '../storage/correctionLog.js';
import { CorrectionStore } from '../storage/correctionStore.js';
import { FlagStore } from '../storage/flagStore.js';
import type { ReportStore } from '../storage/reportStore.js';
import { SessionStore } from '../storage/sessionStore.js';
import { SubscriptionStore } from '../storage/subscriptionStore.js';
import { TokenStore } from '../storage/tokenStore.js';
import { UserStore } from '../storage/userStore.js';
import { VerificationStore } from '../storage/verificationStore.js';
import { bootstrapAdmin, writeToTerminal } from './bootstrapAdmin.js';
import { loginLimiters } from './loginLimiter.js';
import { queueBoardRouter } from './queueBoard.js';
import { issuedTokenResolver, sessionResolver } from './resolvers.js';
import { watchRevocations } from './socketRevocation.js';

export type AccountsDeps = {
  command: Redis;
  /** Tokens from the environment; admin-issued tokens are tried after them. */
  configTokens: TokenResolver;
  reports: ReportStore;
  ingestQueue: IngestQueue;
};

export function createAccounts(ctx: RoleContext, deps: AccountsDeps) {
  const { config, keys, log } = ctx;
  const { command } = deps;
  const users = new UserStore(command, keys);
  const sessionStore = new SessionStore(command, keys);
  const tokenStore = new TokenStore(command, keys);
  const audit = new AuditStore(command);
  const publicOrigin = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : undefined;
  const tokens = chainTokenResolvers(deps.configTokens, issuedTokenResolver(tokenStore));
  const trust = trustFunction(config.TRUST_PROXY);
  const sessions: SessionResolver = sessionResolver(sessionStore, publicOrigin, trust);

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
  reportActions.use(reportAuditRouter({ audit, reports: deps.reports, keys }));
  const verdicts = verificationRouters({
    reports: deps.reports,
    verification: new VerificationStore(command, keys, deps.reports, config.CHANGES_MAXLEN),
    users,
    queue: deps.ingestQueue,
  });
  reportActions.use(verdicts.report);

  // Queue health shows every queue of the deployment, also those other roles produce into.
  const otherQueues = [DELIVER_QUEUE, FEEDS_QUEUE].map(
    (name) => new Queue(name, { connection: command, prefix: keys.queuePrefix }),
  );
  for (const q of otherQueues) q.on('error', () => undefined);

  let watcher: ReturnType<typeof watchRevocations> | null = null;

  return {
    tokens,
    sessions,
    apiRouters: {
      session: sessionRouter({
        users,
        sessions: sessionStore,
        limiters: loginLimiters(command, keys),
        publicOrigin,
        trust,
      }),
      users: usersRouter({
        users,
        sessions: sessionStore,
        audit,
        auditKey: keys.accountAudit,
        subscriptions: new SubscriptionStore(command, keys),
      }),
      tokens: tokensRouter(tokenStore),
      audit: accountAuditRouter({ audit, keys }),
      'reports/:id': reportActions,
      verification: verdicts.queue,
    } as Record<string, Router>,
    rootRouters: [queueBoardRouter([deps.ingestQueue, ...otherQueues])],

    /** Creates the first admin once per store (prints a generated password once). */
    async bootstrap(): Promise<void> {
      await bootstrapAdmin(command, keys, users, {
        adminPassword: config.ADMIN_PASSWORD,
        // Never stdout or stderr: those are the log stream. (A silent run, such as a test, shows nothing.)
        terminal: (text) => config.LOG_LEVEL === 'silent' || writeToTerminal(text),
        dataDir: config.DATA_DIR,
        log,
      });
    },

    /** Starts dropping this node's sockets whose session or token gets revoked. */
    watchSockets(io: CrisisServer): void {
      watcher = watchRevocations({
        io,
        subscriber: ctx.connect('blocking', 'api-revocations'),
        channel: keys.revocations,
        sessions: sessionStore,
        tokens,
        log,
      });
    },

    async close(): Promise<void> {
      watcher?.close();
      await Promise.all(otherQueues.map((q) => q.close()));
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
