/** The editors' feeds API, with the session cookie (same origin). Errors carry the server's message and status. */
import { api } from '../../api/http.js';
import type { Feed, FeedInput } from '../../../../shared/feeds.js';

export { ApiError } from '../../api/http.js';

export const listFeeds = () => api<{ feeds: Feed[] }>('GET', '/api/feeds').then((r) => r.feeds);

export const addFeed = (input: FeedInput) => api<Feed>('POST', '/api/feeds', input);

export const removeFeed = (id: string) => api<void>('DELETE', `/api/feeds/${encodeURIComponent(id)}`);
