/**
 * File formats of `npm run import`: each file becomes items to POST to /api/reports, or
 * local rejections with a reason. Plain text (optional first line `date YYYY-MM-DD`), JSON
 * (one report or an array), JSON Lines, IPTC ninjs (by extension or by its fields), and RSS or
 * Atom feeds (each item a report, read as the feed poller reads them).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { looksLikeNinjs } from '../../shared/ninjs.js';
import { toCandidate } from '../../server/feeds/feedItems.js';
import { decodeFeed } from '../../server/feeds/fetchFeed.js';
import { FeedParseError, parseFeed } from '../../server/feeds/parseFeed.js';

/** One POST to make; `origin` says where it came from (file, file#index or file:line). */
export type ImportItem = { origin: string; body: string; contentType: string };
/** Something that never reached the server, and why. */
export type LocalRejection = { origin: string; reason: string };
export type ReadResult = { items: ImportItem[]; rejected: LocalRejection[] };

export const SUPPORTED = ['.txt', '.text', '.json', '.jsonl', '.ndjson', '.ninjs', '.rss', '.atom', '.xml'] as const;
const FEEDS = new Set(['.rss', '.atom', '.xml']);

const JSON_TYPE = 'application/json';
const NINJS_TYPE = 'application/ninjs+json';

function jsonItem(origin: string, value: unknown, forceNinjs: boolean): ImportItem | LocalRejection {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { origin, reason: 'expected a JSON object (a report {text, dateline?, ...} or a ninjs item)' };
  }
  const ninjs = forceNinjs || looksLikeNinjs(value);
  return { origin, body: JSON.stringify(value), contentType: ninjs ? NINJS_TYPE : JSON_TYPE };
}

function collect(results: (ImportItem | LocalRejection)[]): ReadResult {
  const out: ReadResult = { items: [], rejected: [] };
  for (const r of results) {
    if ('reason' in r) out.rejected.push(r);
    else out.items.push(r);
  }
  return out;
}

function parseError(err: unknown): string {
  return `invalid JSON: ${(err as Error).message}`;
}

/**
 * A feed file: each item a report (text, title, link, date as the feed poller takes them; an item
 * without a readable date is dated by the feed's own date, else the file's last change).
 */
function readFeed(file: string, bytes: Buffer, modified?: Date): ReadResult {
  let feed;
  try {
    feed = parseFeed(decodeFeed(bytes, undefined));
  } catch (err) {
    const reason = err instanceof FeedParseError ? err.message : `cannot read the feed: ${(err as Error).message}`;
    return { items: [], rejected: [{ origin: file, reason }] };
  }
  if (feed.items.length === 0)
    return { items: [], rejected: [{ origin: file, reason: `the ${feed.format} feed has no items` }] };
  const context = {
    id: 'import',
    url: pathToFileURL(path.resolve(file)).href,
    title: feed.title,
    updated: feed.updated ?? modified?.toUTCString(),
  };
  return collect(
    feed.items.map((item, i) => {
      const origin = `${file}#${i + 1}`;
      const candidate = toCandidate(item, context);
      return candidate
        ? { origin, body: JSON.stringify(candidate.input), contentType: JSON_TYPE }
        : { origin, reason: 'the item has no text' };
    }),
  );
}

/** Reads one file's content by its name; never throws. Feeds are given as bytes (their encoding is their own). */
export function readSource(file: string, content: string | Buffer, modified?: Date): ReadResult {
  const name = path.basename(file).toLowerCase();
  const ext = path.extname(name);
  if (FEEDS.has(ext)) return readFeed(file, typeof content === 'string' ? Buffer.from(content) : content, modified);
  const raw = typeof content === 'string' ? content : content.toString('utf8');
  const text = raw.replace(/^\uFEFF/, ''); // a byte-order mark is not part of the report
  if (!text.trim()) return { items: [], rejected: [{ origin: file, reason: 'the file is empty' }] };
  switch (ext) {
    case '.txt':
    case '.text':
      // The server reads the optional `date YYYY-MM-DD` first line.
      return { items: [{ origin: file, body: text, contentType: 'text/plain; charset=utf-8' }], rejected: [] };
    case '.json':
    case '.ninjs': {
      const forceNinjs = ext === '.ninjs' || name.endsWith('.ninjs.json');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        return { items: [], rejected: [{ origin: file, reason: parseError(err) }] };
      }
      if (Array.isArray(value)) return collect(value.map((v, i) => jsonItem(`${file}#${i + 1}`, v, forceNinjs)));
      return collect([jsonItem(file, value, forceNinjs)]);
    }
    case '.jsonl':
    case '.ndjson':
      return collect(
        text.split('\n').flatMap((line, i) => {
          if (!line.trim()) return [];
          const origin = `${file}:${i + 1}`;
          try {
            return [jsonItem(origin, JSON.parse(line), false)];
          } catch (err) {
            return [{ origin, reason: parseError(err) }];
          }
        }),
      );
    default:
      return {
        items: [],
        rejected: [{ origin: file, reason: `unsupported file type "${ext || name}": use ${SUPPORTED.join(', ')}` }],
      };
  }
}
