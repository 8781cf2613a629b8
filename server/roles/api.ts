/**
 * The api role: HTTP (Express), Socket.IO and the change-stream tailer. Any number of
 * api nodes can run against one Redis; each tails the stream and serves its own sockets.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Express } from 'express';
import { createAccounts } from '../auth/accounts.js';
import { configTokenResolver } from '../auth/principal.js';
import { createHttpApp } from '../http/app.js';
import { trustFunction } from '../http/proxy.js';
import { appRouters } from '../http/routers.js';
import { createIngestor } from '../ingest/acceptReport.js';
import { markupPool } from '../ingest/markupPool.js';
import { createMetrics } from '../metrics.js';
import { createCrisesQueue } from '../queues/crisesQueue.js';
import { createFeedsQueue } from '../queues/feedScheduler.js';
import { createIngestQueue } from '../queues/ingestProducer.js';
import { ChangeTailer } from '../realtime/changeTailer.js';
import { watchRevocations } from '../realtime/socketRevocation.js';
import { createSocketServer } from '../realtime/socketServer.js';
import { seedSampleReports } from '../seed/seed.js';
import { CrisisStore } from '../storage/crisisStore.js';
import { ReportStore } from '../storage/reportStore.js';
import { IndexFollower } from '../search/indexFollower.js';
import { IndexSource } from '../search/indexSource.js';
import { waitReady } from '../storage/redis.js';
import { AsOfReader } from '../storage/asOfReader.js';
import { SnapshotReader } from '../storage/snapshot.js';
import type { RoleContext, RunningRole } from './context.js';

/** `app` is exposed for tests that walk its routes (the route × role table). */
export type ApiRole = RunningRole & { port: number; url: string; httpServer: Server; app: Express };

/** The client build id (written by the client build), so kiosks notice a deploy and reload. */
function readBuildId(clientDir: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(clientDir, 'version.json'), 'utf8')) as { build: string }).build;
  } catch {
    return 'dev';
  }
}

export async function startApiRole(ctx: RoleContext, options: { clientDir?: string } = {}): Promise<ApiRole> {
  const { config, keys, log } = ctx;
  const command = ctx.connect('command', 'api-command');
  // Start once Redis answers: the Redis-backed rate limiter loads its scripts on creation.
  await waitReady(command, 60_000);
  const reports = new ReportStore(command, keys);
  const ingestQueue = createIngestQueue(command, keys.queuePrefix);
  const ingestor = createIngestor(reports, ingestQueue);
  const feedsQueue = createFeedsQueue(command, keys.queuePrefix);
  const crises = new CrisisStore(command, keys, config.CHANGES_MAXLEN);
  const crisesQueue = createCrisesQueue(command, keys.queuePrefix);
  const snapshots = new SnapshotReader(command, keys, reports);
  const asOf = new AsOfReader(command, keys, reports);
  const metrics = createMetrics({ redis: command, keys, queues: [ingestQueue] });
  const accounts = createAccounts(ctx, {
    command,
    configTokens: configTokenResolver(config.INGEST_TOKENS, config.DISPLAY_TOKEN),
  });
  const tokens = accounts.tokens;
  const clientDir = options.clientDir;
  // A ninjs body of a megabyte of HTML is read on a thread of its own, not on this event loop.
  const markup = markupPool();
  // Every report searchable on this node: built from Redis now, then kept from the desk stream.
  const searchConnection = ctx.connect('blocking', 'api-search');
  const search = new IndexFollower(searchConnection, command, new IndexSource(command, keys), keys.changes, log);
  search.start();
  const routers = appRouters({
    ctx,
    command,
    metrics,
    accounts,
    ingestor,
    reports,
    ingestQueue,
    feedsQueue,
    crises,
    crisesQueue,
    snapshots,
    asOf,
    search,
    readHtml: (html) => markup.htmlToText(html),
  });

  const app = createHttpApp({
    log,
    metrics,
    tokens,
    sessions: accounts.sessions,
    trustProxy: config.TRUST_PROXY,
    publicRouters: routers.publicRouters,
    apiRouters: routers.apiRouters,
    rootRouters: routers.rootRouters,
    clientDir,
  });
  const httpServer = createServer(app);
  httpServer.requestTimeout = 30_000;
  httpServer.headersTimeout = 10_000;

  const realtime = createSocketServer(httpServer, {
    redis: command,
    deskStreamKey: keys.changes,
    crisisStreamKey: (slug) => keys.crisis(slug).changes,
    crises,
    snapshots,
    tokens,
    sessions: accounts.sessions,
    metrics,
    log,
    build: clientDir ? readBuildId(clientDir) : 'dev',
    trust: trustFunction(config.TRUST_PROXY),
    publicOrigin: config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : undefined,
    limits: { perCredential: config.SOCKETS_PER_CREDENTIAL, perIp: config.SOCKETS_PER_IP },
    frameBroadcast: config.FRAME_BROADCAST,
  });
  const tailConnection = ctx.connect('blocking', 'api-tail');
  const tailer = new ChangeTailer(
    tailConnection,
    {
      deskKey: keys.changes,
      crisisKey: (slug) => keys.crisis(slug).changes,
      crises: async () => (await crises.list()).crises.map((c) => c.slug),
    },
    realtime.emit,
    log,
  );
  await tailer.start();
  realtime.attach(tailer);
  // Drops this node's sockets whose session or token gets revoked (on any node).
  const revocations = watchRevocations({
    io: realtime.io,
    subscriber: ctx.connect('blocking', 'api-revocations'),
    channel: keys.revocations,
    sessions: accounts.sessionStore,
    tokens,
    log,
  });
  await accounts.bootstrap();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  log.info({ port }, 'api role listening');

  if (config.SEED_SAMPLE_REPORTS) await seedSampleReports({ reports, ingestor, crises, crisesQueue }, log);

  return {
    port,
    url,
    httpServer,
    app,
    async close() {
      await new Promise<void>((resolve) => {
        void realtime.io.close(() => resolve()); // also closes the HTTP server
        httpServer.closeAllConnections();
      });
      const stopping = tailer.stop();
      tailConnection.disconnect(); // wakes the blocked XREAD
      await stopping;
      const searchStopping = search.stop();
      searchConnection.disconnect(); // wakes its blocked XREAD
      await searchStopping;
      revocations.close();
      await routers.close();
      await ingestQueue.close();
      await feedsQueue.close();
      await crisesQueue.close();
      await markup.close();
    },
  };
}
