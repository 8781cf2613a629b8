/** Schemas of /api/subscriptions: the bodies come from shared/alerts.ts (the client builds them too). */
import { z } from 'zod';

export {
  subscriptionInputSchema,
  subscriptionPatchSchema,
  type SubscriptionInput,
  type SubscriptionPatch,
} from '../../../../shared/alerts.js';

export const subscriptionIdSchema = z
  .string()
  .regex(/^[0-9a-f]{24}$/, 'a subscription id is 24 hexadecimal characters');
export type SubscriptionId = z.infer<typeof subscriptionIdSchema>;

export const deliveriesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export type DeliveriesQuery = z.infer<typeof deliveriesQuerySchema>;

/** How many subscriptions one person may keep. */
export const MAX_SUBSCRIPTIONS_PER_USER = 100;
