/**
 * The subscriber's calls to /api/subscriptions. Same-origin fetches carry the session cookie,
 * and only that: subscriptions belong to signed-in users, so a display token the tab may hold
 * from a wall URL is never sent (the server would refuse it, and a bearer token wins over the cookie).
 */
import type { DeliveryEntry, SubscriptionInput, SubscriptionPatch, SubscriptionView } from '../../../../shared/alerts.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    credentials: 'same-origin',
    ...init,
    headers: { accept: 'application/json', ...init.headers },
  });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!res.ok) throw new ApiError(res.status, body.error?.message ?? `The server answered ${res.status}`);
  return body as T;
}

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const listSubscriptions = () => call<{ subscriptions: SubscriptionView[] }>('/api/subscriptions').then((r) => r.subscriptions);
export const createSubscription = (input: SubscriptionInput) => call<SubscriptionView>('/api/subscriptions', json('POST', input));
export const updateSubscription = (id: string, patch: SubscriptionPatch) => call<SubscriptionView>(`/api/subscriptions/${id}`, json('PATCH', patch));
export const deleteSubscription = (id: string) => call<void>(`/api/subscriptions/${id}`, { method: 'DELETE' });
export const listDeliveries = (id: string) =>
  call<{ deliveries: DeliveryEntry[] }>(`/api/subscriptions/${id}/deliveries`).then((r) => r.deliveries);
