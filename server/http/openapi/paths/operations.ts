/** What operators and integrators read: health, metrics, queue health and this description. */
import type { RouteDoc } from '../route.js';

export const operationRoutes: RouteDoc[] = [
  {
    method: 'get',
    path: '/healthz',
    tag: 'operations',
    access: 'public',
    summary: 'The process answers',
    ok: { 200: '`{ok: true}`' },
  },
  {
    method: 'get',
    path: '/readyz',
    tag: 'operations',
    access: 'public',
    summary: 'Ready: Redis reachable and at least one worker connected',
    ok: { 200: '`{ready: true, checks}`' },
    errors: { 503: '`{ready: false, checks}`: what is not ready' },
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'operations',
    access: 'public',
    summary: 'Prometheus metrics',
    description:
      'Open unless METRICS_TOKEN (then `Authorization: Bearer <METRICS_TOKEN>`) or METRICS_ALLOWLIST is set.',
    ok: { 200: 'Prometheus text format' },
    errors: {
      401: 'METRICS_TOKEN is set and was not sent',
      403: 'METRICS_ALLOWLIST is set and the caller is not in it',
    },
  },
  {
    method: 'get',
    path: '/admin/queues',
    tag: 'operations',
    access: 'admin',
    summary: 'Queue health (bull-board): waiting, active and failed jobs; retry and clean',
    description: 'A browser without a session is redirected (303) to /desk. Its own routes live under this path.',
    ok: { 200: 'The bull-board page', 303: 'Redirect to /desk to sign in' },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'operations',
    access: 'public',
    summary: 'This description (OpenAPI 3.1)',
    description: 'Served before authentication: no credentials needed, and any sent are ignored.',
    ok: { 200: 'The OpenAPI document' },
  },
];
