/** Lists the routes an Express app serves, so tests can cover every one (route × role, fuzzing). */
import type { Express } from 'express';

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  rawPath?: unknown;
  handle: { stack?: Layer[] };
};

/** Walks Express' router tree: "METHOD /path" for every route (bull-board's own routes count as one). */
export function enumerateRoutes(stack: Layer[], prefix = ''): string[] {
  const out: string[] = [];
  for (const layer of stack) {
    const raw = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) {
        if (method !== '_all')
          out.push(`${method.toUpperCase()} ${(prefix + layer.route.path).replace(/(.)\/$/, '$1')}`);
      }
    } else if (`${prefix}${raw}` === '/admin/queues') {
      out.push('GET /admin/queues');
    } else if (layer.handle.stack) {
      out.push(...enumerateRoutes(layer.handle.stack, prefix + raw));
    }
  }
  return out;
}

/** The API's own routes ("METHOD /path"), deduplicated. */
export function apiRoutes(app: Express): string[] {
  const stack = (app as Express & { router: { stack: Layer[] } }).router.stack;
  return [...new Set(enumerateRoutes(stack).filter((r) => / \/(api|admin|healthz|readyz|metrics)/.test(r)))];
}

export type Who = 'anonymous' | 'display' | 'ingest' | 'viewer' | 'journalist' | 'editor' | 'admin';
export const everyone: Who[] = ['anonymous', 'display', 'ingest', 'viewer', 'journalist', 'editor', 'admin'];
/** Who may pass the role check of each kind of route. */
export const allowedBy = {
  public: everyone,
  read: ['display', 'ingest', 'viewer', 'journalist', 'editor', 'admin'],
  ingest: ['ingest', 'journalist', 'editor', 'admin'],
  signedIn: ['viewer', 'journalist', 'editor', 'admin'],
  flag: ['journalist', 'editor', 'admin'],
  edit: ['editor', 'admin'],
  admin: ['admin'],
} satisfies Record<string, Who[]>;

/**
 * Every route of the app and the permission it needs. A route missing here fails the route × role
 * test (test/desk.test.ts), and one whose roles differ from its OpenAPI `x-roles` fails test/openapi.test.ts.
 */
export const routeTable: Record<string, keyof typeof allowedBy> = {
  'GET /healthz': 'public',
  'GET /api/openapi.json': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'public',
  'POST /api/reports': 'ingest',
  'GET /api/reports': 'read',
  'GET /api/reports/:id': 'read',
  'POST /api/reports/:id/flags': 'flag',
  'DELETE /api/reports/:id/flags/:flag': 'flag',
  'GET /api/reports/:id/corrections': 'read',
  'POST /api/reports/:id/corrections': 'flag',
  'GET /api/reports/:id/audit': 'signedIn',
  'PUT /api/reports/:id/verification': 'flag',
  'PUT /api/reports/:id/facts/:kind/:index/verification': 'flag',
  'GET /api/verification/queue': 'flag',
  'GET /api/verification/assignees': 'flag',
  'GET /api/state': 'read',
  'GET /api/trends': 'read',
  'GET /api/crises': 'read',
  'GET /api/crises/:slug': 'read',
  'GET /api/crises/:slug/audit': 'signedIn',
  'POST /api/crises': 'edit',
  'PATCH /api/crises/:slug': 'edit',
  'DELETE /api/crises/:slug': 'edit',
  'POST /api/reports/:id/crises': 'flag',
  'DELETE /api/reports/:id/crises/:slug': 'flag',
  'DELETE /api/reports/:id/crises/:slug/override': 'flag',
  'POST /api/session': 'public',
  'GET /api/session': 'signedIn',
  'DELETE /api/session': 'public',
  'POST /api/users': 'admin',
  'GET /api/users': 'admin',
  'PATCH /api/users/:username': 'admin',
  'DELETE /api/users/:username': 'admin',
  'DELETE /api/users/:username/sessions': 'admin',
  'POST /api/tokens': 'admin',
  'GET /api/tokens': 'admin',
  'DELETE /api/tokens/:id': 'admin',
  'GET /api/audit': 'admin',
  'GET /admin/queues': 'admin',
  'POST /api/feeds': 'edit',
  'GET /api/feeds': 'edit',
  'GET /api/feeds/:id': 'edit',
  'DELETE /api/feeds/:id': 'edit',
  'GET /api/wall/config': 'read',
  'GET /api/sources': 'read',
  'GET /api/sources/of-reports': 'read',
  'GET /api/sources/audit': 'edit',
  'PUT /api/sources/:name/tier': 'edit',
  // Subscriptions belong to people: tokens (the kiosk's display token included) may not subscribe.
  'POST /api/subscriptions': 'signedIn',
  'GET /api/subscriptions': 'signedIn',
  'GET /api/subscriptions/:id': 'signedIn',
  'PATCH /api/subscriptions/:id': 'signedIn',
  'DELETE /api/subscriptions/:id': 'signedIn',
  'GET /api/subscriptions/:id/deliveries': 'signedIn',
  'POST /api/subscriptions/:id/confirm': 'signedIn',
  'POST /api/subscriptions/:id/confirm/resend': 'signedIn',
};
