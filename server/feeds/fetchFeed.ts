/**
 * A guarded conditional GET of a feed: every hop passes the outbound guard and the socket
 * connects to the address the guard checked (no second DNS answer can slip in); at most
 * three redirects, each checked again; a deadline; a cap on the (decompressed) size.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import zlib from 'node:zlib';
import { checkOutbound, type OutboundPolicy } from '../outbound/guard.js';

export type FetchFeedOptions = {
  policy: OutboundPolicy;
  etag?: string;
  lastModified?: string;
  /** Whole request, all hops. Default 10 s. */
  timeoutMs?: number;
  /** Largest body accepted, after decompression. Default 5 MB. */
  maxBytes?: number;
  maxRedirects?: number;
};

export type FetchedFeed =
  { notModified: true } | { notModified: false; body: string; etag?: string; lastModified?: string; finalUrl: string };

/** Why a poll failed, in words an editor can act on. */
export class FeedFetchError extends Error {}

const USER_AGENT = 'CrisisDesk-FeedPoller/1.0 (+https://github.com/)';

function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address) === 6 ? 6 : 4;
  return (_hostname, options, callback) => {
    // Node asks for all addresses when it races IPv4 and IPv6 (autoSelectFamily).
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function decoderFor(res: IncomingMessage): NodeJS.ReadableStream {
  switch ((res.headers['content-encoding'] ?? '').toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

/** A byte-order mark's encoding and length, if the bytes start with one. */
function byteOrderMark(bytes: Buffer): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return undefined;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeAs(bytes: Buffer, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return undefined; // an encoding TextDecoder does not know
  }
}

/**
 * The feed's text. Its encoding: the charset of Content-Type, else the XML declaration's, which
 * may follow white space or a byte-order mark (read as Latin-1 to find it), else UTF-8. A UTF-8
 * mark, or a header saying UTF-8, before a declaration of another encoding is believed only when
 * the bytes are valid UTF-8: publishers' templates add them to ISO-8859-1 feeds.
 */
export function decodeFeed(bytes: Buffer, contentType: string | undefined): string {
  const bom = byteOrderMark(bytes);
  if (bom && bom.encoding !== 'utf-8') return decodeAs(bytes.subarray(bom.length), bom.encoding) ?? '';
  const body = bom ? bytes.subarray(bom.length) : bytes;
  const header = /charset=["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const declared = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(
    body.subarray(0, 512).toString('latin1'),
  )?.[1];
  const utf8 = (e: string | undefined) => !e || /^utf-?8$/i.test(e);
  // A header that says UTF-8 over bytes that are not is wrong; the declaration may know better.
  const chosen = header && !(utf8(header) && !utf8(declared) && !isUtf8(body)) ? header : declared;
  if (!utf8(chosen) && !(bom && isUtf8(body))) {
    const text = decodeAs(body, chosen!);
    if (text !== undefined) return text;
  }
  return new TextDecoder('utf-8').decode(body);
}

type Hop = { status: number; headers: IncomingMessage['headers']; body?: Buffer };

function requestOnce(
  url: URL,
  address: string,
  headers: Record<string, string>,
  deadline: number,
  maxBytes: number,
): Promise<Hop> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new FeedFetchError('the feed did not answer in time'));
    const req = client.request(
      url,
      { method: 'GET', headers, lookup: pinnedLookup(address), timeout: remaining },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          res.resume(); // nothing to read from redirects, 304 and errors
          return resolve({ status, headers: res.headers });
        }
        const declared = Number(res.headers['content-length']);
        if (declared > maxBytes) {
          req.destroy();
          return reject(new FeedFetchError(`the feed is larger than ${maxBytes} bytes`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const stream = decoderFor(res);
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            req.destroy();
            reject(new FeedFetchError(`the feed is larger than ${maxBytes} bytes`));
          } else chunks.push(chunk);
        });
        stream.on('end', () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks) }));
        stream.on('error', (err: Error) => reject(new FeedFetchError(`the feed could not be read: ${err.message}`)));
        res.on('aborted', () => reject(new FeedFetchError('the feed closed the connection early')));
      },
    );
    const timer = setTimeout(() => req.destroy(new FeedFetchError('the feed did not answer in time')), remaining);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new FeedFetchError('the feed did not answer in time')));
    req.on('error', (err: Error & { code?: string }) =>
      reject(
        err instanceof FeedFetchError
          ? err
          : new FeedFetchError(`the feed is unreachable (${err.code ?? err.message})`),
      ),
    );
    req.end();
  });
}

/** Fetches a feed, sending If-None-Match / If-Modified-Since when it has them. Throws FeedFetchError or OutboundRefused. */
export async function fetchFeed(feedUrl: string, options: FetchFeedOptions): Promise<FetchedFeed> {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 3;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;

  let current = feedUrl;
  for (let hop = 0; ; hop++) {
    const { url, address } = await checkOutbound(current, options.policy);
    const res = await requestOnce(url, address, headers, deadline, maxBytes);
    if (res.status === 304) return { notModified: true };
    if ([301, 302, 303, 307, 308].includes(res.status)) {
      const location = res.headers.location;
      if (!location) throw new FeedFetchError(`the feed answered HTTP ${res.status} without a Location`);
      if (hop >= maxRedirects) throw new FeedFetchError(`the feed redirected more than ${maxRedirects} times`);
      current = new URL(location, url).href;
      continue;
    }
    if (res.status !== 200 || !res.body) throw new FeedFetchError(`the feed answered HTTP ${res.status}`);
    return {
      notModified: false,
      body: decodeFeed(res.body, res.headers['content-type']),
      etag: typeof res.headers.etag === 'string' ? res.headers.etag : undefined,
      lastModified: typeof res.headers['last-modified'] === 'string' ? res.headers['last-modified'] : undefined,
      finalUrl: url.href,
    };
  }
}
