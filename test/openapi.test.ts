/**
 * GET /api/openapi.json against the real app: served without credentials, and describing every
 * route the mounted Express routers serve, with the roles the route × role table allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { oas31 } from 'zod-openapi';
import { openApiPath } from '../server/http/openapi/document.js';
import { startTestApp, type TestApp } from './helpers/app.js';
import { startRedis, type TestRedis } from './helpers/redisServer.js';
import { allowedBy, apiRoutes, routeTable } from './helpers/routes.js';

let redis: TestRedis;
let app: TestApp;
let doc: oas31.OpenAPIObject;

beforeAll(async () => {
  redis = await startRedis();
  app = await startTestApp(redis.url, { workers: 0 });
  const res = await fetch(`${app.url}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as oas31.OpenAPIObject;
});
afterAll(async () => {
  await app?.close();
  await redis?.stop();
});

type Operation = oas31.OperationObject & { 'x-roles'?: string[] };

function described(): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const op = (item as oas31.PathItemObject)[method];
      if (op) out.set(`${method.toUpperCase()} ${path}`, op);
    }
  return out;
}

/** "GET /api/reports/:id" → "GET /api/reports/{id}". */
const key = (route: string) => {
  const [method, path] = route.split(' ');
  return `${method} ${openApiPath(path)}`;
};

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1, served to anyone: no credentials, and a bearer token that matches nothing is not checked', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const withJunk = await fetch(`${app.url}/api/openapi.json`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(withJunk.status).toBe(200);
    expect(withJunk.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('describes every route the mounted routers serve, and none they do not', () => {
    const served = apiRoutes(app.api.app);
    expect(served.length).toBeGreaterThan(40);
    const ops = described();
    expect(
      served.filter((route) => !ops.has(key(route))),
      'routes the app serves that server/http/openapi/paths/ does not describe',
    ).toEqual([]);
    const servedKeys = new Set(served.map(key));
    expect(
      [...ops.keys()].filter((k) => !servedKeys.has(k)),
      'described routes the app does not serve',
    ).toEqual([]);
  });

  it("names each route's roles as the route × role table allows them, and its auth errors", () => {
    const ops = described();
    for (const [route, permission] of Object.entries(routeTable)) {
      const op = ops.get(key(route));
      expect(op, `${route} is described`).toBeDefined();
      const expected = permission === 'public' ? ['anyone'] : allowedBy[permission];
      expect({ route, roles: op!['x-roles'] }).toEqual({ route, roles: expected });
      const statuses = Object.keys(op!.responses ?? {});
      if (permission !== 'public') expect(statuses, route).toContain('401');
      if (permission !== 'public' && permission !== 'read') expect(statuses, route).toContain('403');
    }
  });

  it('gives every input-validating route a 400 in the one error shape, and every $ref resolves', () => {
    for (const [k, op] of described()) {
      const validates = (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined;
      if (!validates) continue;
      const bad = op.responses?.['400'] as oas31.ResponseObject | undefined;
      expect(bad?.content?.['application/json']?.schema, `${k} answers 400 with the Error schema`).toEqual({
        $ref: '#/components/schemas/Error',
      });
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    const schemas = doc.components?.schemas ?? {};
    expect(refs.filter((name) => !(name in schemas))).toEqual([]);
  });

  it('describes request bodies from the zod schemas the handlers parse with', () => {
    const crisis = described().get('POST /api/crises')!.requestBody as oas31.RequestBodyObject;
    const schema = crisis.content['application/json'].schema as oas31.SchemaObject;
    expect(schema.required).toEqual(expect.arrayContaining(['slug', 'name']));
    const slug = schema.properties?.slug as oas31.SchemaObject;
    expect(slug.pattern).toBeDefined();
  });
});
