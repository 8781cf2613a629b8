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
