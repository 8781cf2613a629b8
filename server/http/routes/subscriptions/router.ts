/**
 * /api/subscriptions: a person's alert subscriptions and their delivery logs. Only signed-in
 * users (viewer and above) may subscribe: display and ingest tokens are refused (403), since a
 * display token sits in every kiosk URL and a webhook would push crisis data wherever it says.
 * A subscription belongs to the user and is invisible to everyone else (404, not 403, so ids
 * are not confirmed to strangers).
 */
import { Router, type Request } from 'express';
import type { Redis } from 'ioredis';
import { confirmEmailSchema } from '../../../../shared/alerts.js';
import type { PublicState } from '../../../../shared/state.js';
import { EmailConfirmations } from '../../../alerts/emailConfirmation.js';
import { createDeliverQueue } from '../../../queues/deliverProducer.js';
import { seedMemo } from '../../../alerts/rules.js';
import { AppError, BadRequest, NotFound, Unauthorized } from '../../../errors.js';
import { checkOutbound, outboundPolicy, type OutboundPolicy } from '../../../outbound/guard.js';
import type { Config } from '../../../config/index.js';
import { DESK_STREAM } from '../../../storage/alertMemoStore.js';
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
  /**
   * The streams a new subscription watches (the desk's, and each crisis' in its scope: one crisis,
   * or all), each with its seq and picture now, to seed the subscription's memos. NotFound names
   * a crisis that does not exist.
   */
  streamsNow: (crisis: string | undefined) => Promise<StreamNow[]>;
  /** Codes that confirm e-mail addresses (sent through the deliver queue). */
  confirmations: Pick<EmailConfirmations, 'send' | 'check'>;
};

export type StreamNow = {
  stream: string;
  seq: string;
  view: Pick<PublicState, 'tension' | 'troops' | 'meetings'> | null;
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
    const now = Date.now();
    const seeds = (await deps.streamsNow(input.crisis)).map(({ stream, seq, view }) => ({
      stream,
      seq,
      memo: seedMemo(input.rule, view, now),
    }));
    const created = await deps.subscriptions.create(user, input, seeds);
    // An e-mail address says yes before it is sent anything: a code goes to it now.
    if (created.channel.type === 'email') await deps.confirmations.send(created.id);
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

  router.post('/:id/confirm', async (req, res) => {
    const id = parseOrThrow(subscriptionIdSchema, req.params.id, 'id');
    const { code } = parseOrThrow(confirmEmailSchema, req.body);
    const found = await deps.subscriptions.getOwned(owner(req), id);
    if (!found) throw new NotFound(`You have no subscription ${id}`);
    if (found.channel.type !== 'email')
      throw new BadRequest('Only e-mail subscriptions are confirmed', undefined, 'not_email');
    if (found.channel.confirmedAt) return res.json(toView(found));
    const verdict = await deps.confirmations.check(id, code);
    if (verdict === 'wrong')
      throw new BadRequest('That is not the code sent to the address; check it and try again', undefined, 'wrong_code');
    if (verdict === 'none')
      throw new AppError(
        409,
        'no_code',
        'No code is waiting (expired, or too many wrong tries): ask for a new one with POST /api/subscriptions/:id/confirm/resend',
      );
    res.json(toView((await deps.subscriptions.confirmEmail(owner(req), id))!));
  });

  router.post('/:id/confirm/resend', async (req, res) => {
    const id = parseOrThrow(subscriptionIdSchema, req.params.id, 'id');
    const found = await deps.subscriptions.getOwned(owner(req), id);
    if (!found) throw new NotFound(`You have no subscription ${id}`);
    if (found.channel.type !== 'email' || found.channel.confirmedAt)
      throw new BadRequest('This subscription has no address waiting to be confirmed', undefined, 'nothing_to_confirm');
    if ((await deps.confirmations.send(id)) === 'wait')
      throw new AppError(
        429,
        'rate_limited',
        'A code was sent less than a minute ago; wait for it, or retry in a minute',
      );
    res.status(202).json({ id, status: 'sent' });
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
  config: Pick<
    Config,
    'OUTBOUND_ALLOWLIST' | 'SMTP_URL' | 'CHANGES_MAXLEN' | 'DELIVERY_ATTEMPTS' | 'DELIVERY_BACKOFF_MS'
  >,
): Router {
  const crises = new CrisisStore(redis, keys, config.CHANGES_MAXLEN);
  const queue = createDeliverQueue(redis, keys.queuePrefix, {
    attempts: config.DELIVERY_ATTEMPTS,
    backoffMs: config.DELIVERY_BACKOFF_MS,
  });
  return subscriptionsRouter({
    confirmations: new EmailConfirmations(redis, keys, queue),
    subscriptions: new SubscriptionStore(redis, keys),
    deliveries: new DeliveryLog(redis, keys),
    policy: outboundPolicy(config.OUTBOUND_ALLOWLIST),
    emailEnabled: Boolean(config.SMTP_URL),
    streamsNow: async (scope) => {
      const { crises: all } = await crises.list();
      if (scope && !all.some((c) => c.slug === scope)) throw new NotFound(`No crisis with slug "${scope}"`);
      const watched = all.filter((c) => !scope || c.slug === scope);
      const [desk, ...pictures] = await Promise.all([
        redis.xrevrange(keys.changes, '+', '-', 'COUNT', 1) as Promise<[string, string[]][]>,
        ...watched.map((c) => new FoldStore(redis, keys.crisis(c.slug), 0).readPublic()),
      ]);
      return [
        { stream: DESK_STREAM, seq: desk[0]?.[0] ?? '0-0', view: null },
        ...watched.map((c, i) => ({ stream: c.slug, seq: pictures[i].seq, view: pictures[i].view })),
      ];
    },
  });
}
