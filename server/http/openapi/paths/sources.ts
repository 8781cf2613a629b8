/** Sources and settings: RSS/Atom feeds (editors) and the wall's configuration. */
import { z } from 'zod';
import { feedInputSchema } from '../../../../shared/feeds.js';
import { feedIdSchema } from '../../routes/feeds.js';
import type { RouteDoc } from '../route.js';

const byId = z.object({ id: feedIdSchema });

export const sourceRoutes: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/feeds',
    tag: 'feeds',
    access: 'edit',
    summary: 'Poll an RSS or Atom feed',
    body: { 'application/json': feedInputSchema },
    ok: { 201: 'The feed: `{id, url, intervalSeconds, itemCount, consecutiveFailures, …}`' },
    errors: {
      400: '`invalid_input`, or the URL resolves to a private address not in OUTBOUND_ALLOWLIST',
      409: 'The feed is already polled',
    },
  },
  {
    method: 'get',
    path: '/api/feeds',
    tag: 'feeds',
    access: 'edit',
    summary: 'Every polled feed',
    ok: { 200: '`{feeds}`' },
  },
  {
    method: 'get',
    path: '/api/feeds/:id',
    tag: 'feeds',
    access: 'edit',
    summary: 'One feed',
    params: byId,
    ok: { 200: 'The feed' },
  },
  {
    method: 'delete',
    path: '/api/feeds/:id',
    tag: 'feeds',
    access: 'edit',
    summary: 'Stop polling a feed',
    params: byId,
    ok: { 204: 'Removed' },
  },
  {
    method: 'get',
    path: '/api/wall/config',
    tag: 'wall',
    access: 'read',
    summary: "The wall's clocks (WALL_CLOCKS)",
    ok: { 200: '`{clocks: [{label, timeZone}]}`' },
  },
];
