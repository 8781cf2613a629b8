/**
 * /api/subscriptions: a person's alert subscriptions and their delivery logs. Only signed-in
 * users (viewer and above) may subscribe: display and ingest tokens are refused (403), since a
 * display token sits in every kiosk URL and a webhook would push crisis data wherever it says.
 * A subscription belongs to the user and is invisible to everyone else (404, not 403, so ids
 * are not confirmed to strangers).
 */
import { Router, type Request } from 'express';
import type { Redis } from 'ioredis';
import type { PublicState } from '../../../../shared/state.js';
import { seedMemo } from '../../../alerts/rules.js';
import { BadRequest, NotFound, Unauthorized } from '../../../errors.js';
import { checkOutbound, outboundPolicy, type OutboundPolicy } from '../../../outbound/guard.js';
import type { Config } from '../../../config/index.js';
import { DeliveryLog } from '../../../storage/deliveryLog.js';
import { CrisisStore } from '../../../storage/crisisStore.js';
import { FoldStore } from '../../../storage/foldStore.js';
import type { Keys } from '../../../storage/keys.js';
import { SubscriptionStore, toView } from '../../../storage/subscriptionStore.js';
import { requirePermission } from '../../auth.js';
import { parseOrThrow } from '../../validate.js';
import {
  deliveriesQuerySchema,
  MAX_SUBSCRIPTIONS_PER_USER,
  subscriptionIdSchema,
  subscriptionInputSchema,
  subscriptionPatchSchema,
} from './schema.js';

export type SubscriptionsRouterDeps = {
  subscriptions: SubscriptionStore;
  deliveries: DeliveryLog;
  policy: OutboundPolicy;
  /** False when SMTP_URL is not set: e-mail subscriptions are refused up front. */
  emailEnabled: boolean;
  /** The public state and its seq, to seed a new subscription's memo. */
  currentState: () => Promise<{ view: Pick<PublicState, 'tension' | 'troops' | 'meetings'> | null; seq: string }>;
};

function owner(req: Request): string {
  if (!req.principal) throw new Unauthorized();
  return req.principal.name;
}

export function subscriptionsRouter(deps: SubscriptionsRouterDeps): Router {
  const router = Router();
  router.use(requirePermission('subscribe'));

  router.post('/', async (req, res) => {
    const user = owner(req);
    const input = parseOrThrow(subscriptionInputSchema, req.body);
    if (input.channel.type === 'webhook') await checkOutbound(input.channel.url, deps.policy); // 400 outbound_refused
    if (input.channel.type === 'email' && !deps.emailEnabled) {
      throw new BadRequest(
        'E-mail alerts are not available: the server has no SMTP_URL. Use a webhook or in-app alerts.',
        undefined,
        'email_unavailable',
      );
    }
    if ((await deps.subscriptions.listByOwner(user)).length >= MAX_SUBSCRIPTIONS_PER_USER) {
      throw new BadRequest(
        `You already have ${MAX_SUBSCRIPTIONS_PER_USER} subscriptions; delete one first`,
        undefined,
        'too_many',
      );
    }
    const { view, seq } = await deps.currentState();
    const created = await deps.subscriptions.create(user, input, seedMemo(input.rule, view, Date.now()), seq);
    res.status(201).json(toView(created));
  });

  router.get('/', async (req, res) => {
    res.json({ subscriptions: (await deps.subscriptions.listByOwner(owner(req))).map(toView) });
  });

  router.get('/:id', async (req, res) => {
    const id = parseOrThrow(subscriptionIdSchema, req.params.id, 'id');
    const found = await deps.subscriptions.getOwned(owner(req), id);
    if (!found) throw new NotFound(`You have no subscription ${id}`);
    res.json(toView(found));
  });

  router.patch('/:id', async (req, res) => {
    const id = parseOrThrow(subscriptionIdSchema, req.params.id, 'id');
    const patch = parseOrThrow(subscriptionPatchSchema, req.body);
    const updated = await deps.subscriptions.update(owner(req), id, patch);
    if (!updated) throw new NotFound(`You have no subscription ${id}`);
    res.json(toView(updated));
  });

  router.delete('/:id', async (req, res) => {
    const id = parseOrThrow(subscriptionIdSchema, req.params.id, 'id');
    if (!(await deps.subscriptions.delete(owner(req), id))) throw new NotFound(`You have no subscription ${id}`);
    res.status(204).end();
  });

  router.get('/:id/deliveries', async (req, res) => {
    const id = parseOrThrow(subscriptionIdSchema, req.params.id, 'id');
    const { limit } = parseOrThrow(deliveriesQuerySchema, req.query, 'query');
    if (!(await deps.subscriptions.getOwned(owner(req), id))) throw new NotFound(`You have no subscription ${id}`);
    res.json({ deliveries: await deps.deliveries.list(id, limit) });
  });

  return router;
}

/** The router wired to Redis and the configuration (what roles/api.ts mounts). */
export function subscriptionsRouterFor(
  redis: Redis,
  keys: Keys,
  config: Pick<Config, 'OUTBOUND_ALLOWLIST' | 'SMTP_URL' | 'CHANGES_MAXLEN'>,
): Router {
  const crises = new CrisisStore(redis, keys, config.CHANGES_MAXLEN);
  return subscriptionsRouter({
    subscriptions: new SubscriptionStore(redis, keys),
    deliveries: new DeliveryLog(redis, keys),
    policy: outboundPolicy(config.OUTBOUND_ALLOWLIST),
    emailEnabled: Boolean(config.SMTP_URL),
    currentState: async () => {
      const crisis = await crises.resolve(undefined);
      return crisis ? new FoldStore(redis, keys.crisis(crisis.slug), 0).readPublic() : { view: null, seq: '0-0' };
    },
  });
}
