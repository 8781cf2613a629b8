import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundPolicy, OutboundRefused } from '../outbound/guard.js';
import { FeedFetchError, fetchFeed } from './fetchFeed.js';

let server: Server;
let base: string;
const policy = outboundPolicy(['127.0.0.1']);

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/gzip':
        res.writeHead(200, { 'content-encoding': 'gzip', etag: '"v1"' }).end(gzipSync('<rss>héllo</rss>'));
        return;
      case '/latin1':
        res
          .writeHead(200, { 'content-type': 'application/rss+xml; charset=iso-8859-1' })
          .end(Buffer.from('<rss>caf\xe9</rss>', 'latin1'));
        return;
      case '/big':
        res.writeHead(200).end('x'.repeat(5000));
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/to-private':
        res.writeHead(301, { location: 'http://10.255.255.1/feed.xml' }).end();
        return;
      case '/hang':
        return; // never answers
      case '/conditional':
        res
          .writeHead(req.headers['if-none-match'] === '"v1"' ? 304 : 200, { etag: '"v1"' })
          .end(req.headers['if-none-match'] ? '' : '<rss/>');
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('fetchFeed', () => {
  it('decompresses, decodes the declared charset and returns the validators', async () => {
    expect(await fetchFeed(`${base}/gzip`, { policy })).toMatchObject({
      notModified: false,
      body: '<rss>héllo</rss>',
      etag: '"v1"',
    });
    expect(await fetchFeed(`${base}/latin1`, { policy })).toMatchObject({ body: '<rss>café</rss>' });
  });

  it('sends If-None-Match and reports a 304', async () => {
    expect(await fetchFeed(`${base}/conditional`, { policy, etag: '"v1"' })).toEqual({ notModified: true });
    expect(await fetchFeed(`${base}/conditional`, { policy })).toMatchObject({ notModified: false });
  });

  it('refuses what it must: too big, too many redirects, a redirect to a private address, no answer, an error status', async () => {
    await expect(fetchFeed(`${base}/big`, { policy, maxBytes: 1000 })).rejects.toThrow(/larger than 1000 bytes/);
    await expect(fetchFeed(`${base}/loop`, { policy })).rejects.toThrow(/redirected more than 3 times/);
    await expect(fetchFeed(`${base}/to-private`, { policy })).rejects.toBeInstanceOf(OutboundRefused);
    await expect(fetchFeed(`${base}/hang`, { policy, timeoutMs: 300 })).rejects.toThrow(/did not answer in time/);
    await expect(fetchFeed(`${base}/missing`, { policy })).rejects.toThrow(
      new FeedFetchError('the feed answered HTTP 404'),
    );
    await expect(fetchFeed(`${base}/gzip`, { policy: outboundPolicy([]) })).rejects.toBeInstanceOf(OutboundRefused);
  });
});
