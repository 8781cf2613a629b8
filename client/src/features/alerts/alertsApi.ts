/**
 * The subscriber's calls to /api/subscriptions. Same-origin fetches carry the session cookie,
 * and only that: subscriptions belong to signed-in users, so a display token the tab may hold
 * from a wall URL is never sent (the server would refuse it, and a bearer token wins over the cookie).
 */
import { api } from '../../api/http.js';
import type {
  DeliveryEntry,
  SubscriptionInput,
  SubscriptionPatch,
  SubscriptionView,
} from '../../../../shared/alerts.js';

export { ApiError } from '../../api/http.js';

export const listSubscriptions = () =>
  api<{ subscriptions: SubscriptionView[] }>('GET', '/api/subscriptions').then((r) => r.subscriptions);
export const createSubscription = (input: SubscriptionInput) =>
  api<SubscriptionView>('POST', '/api/subscriptions', input);
export const updateSubscription = (id: string, patch: SubscriptionPatch) =>
  api<SubscriptionView>('PATCH', `/api/subscriptions/${id}`, patch);
export const deleteSubscription = (id: string) => api<void>('DELETE', `/api/subscriptions/${id}`);
export const listDeliveries = (id: string) =>
  api<{ deliveries: DeliveryEntry[] }>('GET', `/api/subscriptions/${id}/deliveries`).then((r) => r.deliveries);
