/**
 * A parsed feed item → the report it becomes, and the keys that say "already taken":
 * its guid, its link and its content (so a re-posted story under a new guid is not taken
 * again, nor an edited story under its old guid).
 */
import { createHash } from 'node:crypto';
import { MAX_REPORT_CHARS, reportInputSchema, type ReportInput } from '../../shared/report.js';
import { normalizeText } from '../ingest/normalize.js';
import { datelineFromFeedDate } from './feedDates.js';
import type { FeedItem } from './parseFeed.js';

export type FeedCandidate = { input: ReportInput; seenKeys: string[]; meta: Record<string, unknown> };

const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** An absolute http(s) link (relative ones resolve against the feed), else undefined. */
function absoluteLink(link: string | undefined, feedUrl: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link, feedUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 2000 ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export type FeedContext = {
  id: string;
  url: string;
  title?: string;
  /** When the feed says it last changed (its own date, else the HTTP Last-Modified): the date of undated items. */
  updated?: string;
};

/**
 * The report for an item, or null when the item has no text at all. An item whose date is missing
 * or unreadable is dated by the feed's last change, and `meta.dateFrom` says which was used
 * ("item", "feed", or "arrival" when the feed gives no date either).
 */
export function toCandidate(item: FeedItem, feed: FeedContext): FeedCandidate | null {
  const text = (item.text || item.title || '').slice(0, MAX_REPORT_CHARS);
  if (!text.trim()) return null;
  const url = absoluteLink(item.link, feed.url);
  const own = datelineFromFeedDate(item.date);
  const dateline = own ?? datelineFromFeedDate(feed.updated);
  const dateFrom = own ? 'item' : dateline ? 'feed' : 'arrival';
  const input: ReportInput = {
    text,
    ...(dateline ? { dateline } : {}),
    ...(item.title ? { title: item.title.slice(0, 500) } : {}),
    ...(feed.title ? { source: feed.title.slice(0, 200) } : {}),
    ...(url ? { url } : {}),
  };
  // Feed items skip the HTTP edge, so they meet the same schema here; a field that fails it is dropped.
  for (const issue of reportInputSchema.safeParse(input).error?.issues ?? []) {
    const field = issue.path[0];
    if (field === 'text') return null;
    if (field === 'dateline' || field === 'url' || field === 'title' || field === 'source') delete input[field];
  }
  const content = normalizeText(`${item.title ?? ''}\n${text}`)
    .replace(/\s+/g, ' ')
    .toLowerCase();
  const seenKeys = [
    ...(item.guid ? [`g:${digest(item.guid)}`] : []),
    ...(url ? [`l:${digest(url)}`] : []),
    `c:${digest(content)}`,
  ];
  const meta = {
    feed: { id: feed.id, url: feed.url },
    ...(item.guid ? { guid: item.guid } : {}),
    dateFrom: input.dateline === undefined ? 'arrival' : dateFrom,
    ...(item.date !== undefined && !own ? { rawDate: item.date.slice(0, 100) } : {}),
  };
  return { input, seenKeys, meta };
}
