/**
 * The OpenAPI 3.1 description of the HTTP API, made from the zod schemas the handlers parse
 * with (zod-openapi), so the description cannot drift from what the server accepts. Each
 * operation names who may call it in `x-roles` (from `can()`) and `x-permission`, and lists
 * the errors it can answer with, all in the one `Error` shape.
 */
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import type { oas31 } from 'zod-openapi';
import { SESSION_COOKIE } from '../../auth/cookies.js';
import { accountRoles, can, roles } from '../../../shared/roles.js';
import { errorBodySchema, errorStatuses } from './errors.js';
import { routeDocs } from './paths/index.js';
import type { Access, RouteDoc } from './route.js';

/** The roles that pass a route's check; `anyone` for a public route. */
export function rolesFor(access: Access): string[] {
  if (access === 'public') return ['anyone'];
  if (access === 'signedIn') return [...accountRoles];
  return roles.filter((role) => can(role, access));
}

/** `/api/reports/:id` → `/api/reports/{id}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

/** `delete /api/reports/:id/flags/:flag` → `deleteReportsIdFlagsFlag`: one identifier per route, for client generators. */
function operationId(route: RouteDoc): string {
  const words = route.path.split(/[^A-Za-z0-9]+/).filter((w) => w && w !== 'api');
  return route.method + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function security(access: Access): oas31.SecurityRequirementObject[] {
  if (access === 'public') return [];
  if (access === 'signedIn' || access === 'subscribe') return [{ session: [] }];
  return [{ bearer: [] }, { session: [] }];
}

function operation(route: RouteDoc): ZodOpenApiOperationObject {
  const roles = rolesFor(route.access);
  const responses: ZodOpenApiOperationObject['responses'] = {};
  for (const [status, description] of Object.entries(route.ok)) responses[status as '200'] = { description };
  for (const [status, description] of Object.entries(errorStatuses(route)))
    responses[status as '400'] = { description, content: { 'application/json': { schema: errorBodySchema } } };
  const who = route.access === 'public' ? 'anyone, without credentials' : roles.join(', ');
  return {
    operationId: operationId(route),
    summary: route.summary,
    description: [route.description, `Who: ${who}.`].filter(Boolean).join('\n\n'),
    tags: [route.tag],
    security: security(route.access),
    'x-roles': roles,
    'x-permission': route.access,
    requestParams: { ...(route.params ? { path: route.params } : {}), ...(route.query ? { query: route.query } : {}) },
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(Object.entries(route.body).map(([type, schema]) => [type, { schema }])),
          },
        }
      : {}),
    responses,
  };
}

let built: oas31.OpenAPIObject | null = null;

/** The document (built once: it depends on the code only). */
export function openApiDocument(routes: RouteDoc[] = routeDocs): oas31.OpenAPIObject {
  if (routes === routeDocs && built) return built;
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  const document = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Crisis Desk',
      version: '0.1.0',
      description:
        'Reports in; per-crisis tension, troops and meetings out. Errors are always `{"error": {"code", "message", "details?"}}`. ' +
        "Cookie-authenticated writes need the app's Origin header. The live side is Socket.IO (docs/api.md#socketio).",
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An ingest or display token (INGEST_TOKENS, DISPLAY_TOKEN) or one an admin issued',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'A signed-in person (POST /api/session)',
        },
      },
    },
    paths,
  });
  if (routes === routeDocs) built = document;
  return document;
}
