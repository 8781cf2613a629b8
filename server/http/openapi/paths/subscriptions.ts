/** Alert subscriptions: a person's own, never a token's. */
import { z } from 'zod';
import { confirmEmailSchema } from '../../../../shared/alerts.js';
import {
  deliveriesQuerySchema,
  subscriptionIdSchema,
  subscriptionInputSchema,
  subscriptionPatchSchema,
} from '../../routes/subscriptions/schema.js';
import type { RouteDoc } from '../route.js';

const byId = z.object({ id: subscriptionIdSchema });
const tag = 'subscriptions';
const view = 'The subscription (a channel secret is never sent back: `hasSecret`)';

export const subscriptionRoutes: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/subscriptions',
    tag,
    access: 'subscribe',
    summary: 'Subscribe to alerts (webhook, e-mail or in-app)',
    body: { 'application/json': subscriptionInputSchema },
    ok: { 201: view },
    errors: {
      400: '`invalid_input`, a webhook URL that resolves to a private address, or too many subscriptions',
      404: 'No crisis with that slug',
    },
  },
  {
    method: 'get',
    path: '/api/subscriptions',
    tag,
    access: 'subscribe',
    summary: "The caller's subscriptions",
    ok: { 200: '`{subscriptions}`' },
  },
  {
    method: 'get',
    path: '/api/subscriptions/:id',
    tag,
    access: 'subscribe',
    summary: 'One subscription',
    params: byId,
    ok: { 200: view },
  },
  {
    method: 'patch',
    path: '/api/subscriptions/:id',
    tag,
    access: 'subscribe',
    summary: 'Rename, re-throttle, set quiet hours or a silence (`null` clears)',
    params: byId,
    body: { 'application/json': subscriptionPatchSchema },
    ok: { 200: view },
  },
  {
    method: 'delete',
    path: '/api/subscriptions/:id',
    tag,
    access: 'subscribe',
    summary: 'Unsubscribe',
    params: byId,
    ok: { 204: 'Removed' },
  },
  {
    method: 'get',
    path: '/api/subscriptions/:id/deliveries',
    tag,
    access: 'subscribe',
    summary: 'The delivery log, newest first',
    params: byId,
    query: deliveriesQuerySchema,
    ok: { 200: '`{deliveries: [{at, key, status, attempt, title, code?, error?, note?}]}`' },
  },
  {
    method: 'post',
    path: '/api/subscriptions/:id/confirm',
    tag,
    access: 'subscribe',
    summary: 'Confirm an e-mail address with the code sent to it',
    params: byId,
    body: { 'application/json': confirmEmailSchema },
    ok: { 200: view },
    errors: {
      400: '`invalid_input`, `not_email`, or `wrong_code`',
      409: '`no_code`: no code is waiting (expired or too many wrong tries)',
    },
  },
  {
    method: 'post',
    path: '/api/subscriptions/:id/confirm/resend',
    tag,
    access: 'subscribe',
    summary: 'Send a new confirmation code',
    params: byId,
    ok: { 202: '`{id, status: "sent"}`' },
    errors: {
      400: '`nothing_to_confirm`: no address is waiting to be confirmed',
      429: '`rate_limited`: a code was sent less than a minute ago',
    },
  },
];
