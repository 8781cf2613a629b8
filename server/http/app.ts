/**
 * The Express app: security headers, body limits, authentication, the API routers,
 * the static client and one error mapper. Routes write through storage and enqueue
 * through queues; they never emit to sockets.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.js';
import type { SessionResolver, TokenResolver } from '../auth/principal.js';
import { authenticate } from './auth.js';
import { errorHandler, notFoundHandler } from './errorHandler.js';
import type { TrustProxy } from './proxy.js';

export const BODY_LIMIT = '1mb';

export type HttpAppDeps = {
  log: Logger;
  metrics: Metrics;
  tokens: TokenResolver;
  sessions?: SessionResolver;
  /** Mounted before authentication-dependent routes: health, metrics. */
  publicRouters: Router[];
  /** Mounted under /api, after authentication. */
  apiRouters: Record<string, Router>;
  /** Routers mounted at the root after authentication (e.g. /admin/queues). */
  rootRouters?: Router[];
  /** TRUST_PROXY: the load balancers whose X-Forwarded-* headers are read. */
  trustProxy?: TrustProxy;
  /** Built client (vite) to serve; absent in API-only tests. */
  clientDir?: string;
};

export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For and -Proto (req.ip, req.secure) are read only from the balancers TRUST_PROXY names.
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"], // React style props; no inline script is ever allowed
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'self'"],
        },
      },
    }),
  );
  app.use((req, res, next) => {
    res.on('finish', () =>
      deps.metrics.httpRequests.inc({ method: req.method, status: `${Math.floor(res.statusCode / 100)}xx` }),
    );
    next();
  });
  for (const router of deps.publicRouters) app.use(router);

  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
  app.use(express.text({ limit: BODY_LIMIT, type: 'text/plain' }));
  app.use(authenticate(deps.tokens, deps.sessions));
  for (const [mount, router] of Object.entries(deps.apiRouters)) app.use(`/api/${mount}`, router);
  for (const router of deps.rootRouters ?? []) app.use(router);
  app.use('/api', notFoundHandler);

  if (deps.clientDir && existsSync(path.join(deps.clientDir, 'index.html'))) {
    const clientDir = deps.clientDir;
    app.use(express.static(clientDir, { index: false, maxAge: '1h', setHeaders: noCacheHtml }));
    // Client-side routes (/, /wall, /desk, /alerts, /feeds, /users, /trends) all load the same page.
    app.get(/^\/(wall|desk|alerts|feeds|users|trends)?\/?$/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(deps.log));
  return app;
}

function noCacheHtml(res: express.Response, filePath: string): void {
  if (filePath.endsWith('.html') || filePath.endsWith('version.json')) res.setHeader('Cache-Control', 'no-cache');
}
