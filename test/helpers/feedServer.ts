/**
 * A feed server on loopback for tests and benchmarks: serves RSS 2.0 or Atom from a mutable
 * list of items, honours If-None-Match / If-Modified-Since with 304, can be told to fail,
 * and records every request it sees.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TestFeedItem = { guid: string; title: string; link: string; date: Date; html: string };

export type FeedPath = {
  format: 'rss' | 'atom';
  items: TestFeedItem[];
  /** Answer this status (e.g. 500) instead of the feed while set. */
  failWith?: number;
  /** When false, no ETag / Last-Modified (forces full responses). Default true. */
  validators?: boolean;
  /** Set whenever items change; Last-Modified. */
  modifiedAt: Date;
  /** Served as it is instead of a rendered feed (hostile documents). */
  raw?: string;
};

export type SeenRequest = { path: string; headers: IncomingHttpHeaders; status: number };

export type FeedServer = {
  url: string;
  requests: SeenRequest[];
  /** Creates (or replaces) the feed at `path`. */
  define(path: string, format: FeedPath['format'], items?: TestFeedItem[]): FeedPath;
  /** Adds items at the top (newest first, as feeds list them) and bumps Last-Modified. */
  publish(path: string, ...items: TestFeedItem[]): void;
  close(): Promise<void>;
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function render(feed: FeedPath, title: string): string {
  if (feed.format === 'rss') {
    const items = feed.items
      .map(
        (i) =>
          `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="false">${esc(i.guid)}</guid>` +
          `<pubDate>${i.date.toUTCString()}</pubDate><description><![CDATA[${i.html}]]></description></item>`,
      )
      .join('\n');
    return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title><link>http://example.org/</link><description>test</description>\n${items}\n</channel></rss>`;
  }
  const entries = feed.items
    .map(
      (i) =>
        `<entry><title>${esc(i.title)}</title><id>${esc(i.guid)}</id><link rel="alternate" href="${esc(i.link)}"/>` +
        `<updated>${i.date.toISOString()}</updated><content type="html">${esc(i.html)}</content></entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:test</id><updated>${feed.modifiedAt.toISOString()}</updated>\n${entries}\n</feed>`;
}

export async function startFeedServer(): Promise<FeedServer> {
  const feeds = new Map<string, FeedPath>();
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const feed = feeds.get(path);
    const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
      requests.push({ path, headers: req.headers, status });
      res.writeHead(status, headers).end(body);
    };
    if (!feed) return answer(404, { 'content-type': 'text/plain' }, 'no such feed');
    if (feed.failWith) return answer(feed.failWith, { 'content-type': 'text/plain' }, 'feed server broken on purpose');
    const body = feed.raw ?? render(feed, `Test feed ${path}`);
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const lastModified = new Date(Math.floor(feed.modifiedAt.getTime() / 1000) * 1000).toUTCString();
    const validators: Record<string, string> = feed.validators === false ? {} : { etag, 'last-modified': lastModified };
    if (feed.validators !== false && req.headers['if-none-match'] === etag) return answer(304, validators);
    const type = feed.format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8';
    answer(200, { 'content-type': type, ...validators }, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    define(path, format, items = []) {
      const feed: FeedPath = { format, items, modifiedAt: new Date() };
      feeds.set(path, feed);
      return feed;
    },
    publish(path, ...items) {
      const feed = feeds.get(path);
      if (!feed) throw new Error(`no feed at ${path}`);
      feed.items.unshift(...items.reverse());
      feed.modifiedAt = new Date(Math.max(Date.now(), feed.modifiedAt.getTime() + 1000));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
