/** The editors' feeds API, with the session cookie (same origin). Errors carry the server's message and status. */
import type { Feed, FeedInput } from '../../../../shared/feeds.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init.headers } });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!res.ok) throw new ApiError(res.status, body.error?.message ?? `The server answered ${res.status}`);
  return body as T;
}

export const listFeeds = () => call<{ feeds: Feed[] }>('/api/feeds').then((r) => r.feeds);

export const addFeed = (input: FeedInput) =>
  call<Feed>('/api/feeds', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });

export const removeFeed = (id: string) => call<void>(`/api/feeds/${encodeURIComponent(id)}`, { method: 'DELETE' });
