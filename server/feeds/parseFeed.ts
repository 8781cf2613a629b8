/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom → a list of items, with fast-xml-parser. Descriptions and
 * content (escaped HTML, CDATA or Atom xhtml) are reduced to plain text here.
 */
import { XMLParser } from 'fast-xml-parser';
import { htmlToText } from '../ingest/htmlToText.js';

/** One entry of a feed, as read (nothing resolved yet). */
export type FeedItem = {
  guid?: string;
  link?: string;
  title?: string;
  /** The item's date as written (RFC 822 or RFC 3339). */
  date?: string;
  /** Plain text of content, else description or summary. */
  text: string;
};

export type ParsedFeed = {
  format: 'rss' | 'rdf' | 'atom';
  title?: string;
  /** When the feed says it last changed (RSS lastBuildDate or pubDate, Atom updated), as written. */
  updated?: string;
  items: FeedItem[];
};

export class FeedParseError extends Error {}

const ARRAYS = new Set(['rss.channel.item', 'rdf:RDF.item', 'feed.entry', 'feed.entry.link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false, // a guid of "00123" stays a string
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true, // the five XML entities; numeric and HTML ones are decoded by htmlToText
  htmlEntities: false,
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
});

type Node = string | { [key: string]: Node | Node[] } | undefined;

/** The text of a node: a string, `#text` with attributes, or (Atom xhtml) every text inside it. */
function textOf(node: Node | Node[]): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(textOf).filter(Boolean).join('\n');
  const own = typeof node['#text'] === 'string' ? (node['#text'] as string) : '';
  const children = Object.entries(node)
    .filter(([key]) => key !== '#text' && !key.startsWith('@_'))
    .map(([, child]) => textOf(child))
    .filter(Boolean);
  return [own, ...children].filter(Boolean).join(' ');
}

function attr(node: Node, name: string): string | undefined {
  return node && typeof node === 'object' && !Array.isArray(node) && typeof node[`@_${name}`] === 'string'
    ? (node[`@_${name}`] as string)
    : undefined;
}

const plain = (node: Node | Node[]) => htmlToText(textOf(node));
/** The element's children of one name as a list (one, several, or none), objects only. */
const asList = (node: Node | Node[]): Record<string, Node>[] =>
  (Array.isArray(node) ? node : node === undefined ? [] : [node]).filter(
    (n): n is Record<string, Node> => typeof n === 'object' && n !== null && !Array.isArray(n),
  );
const optional = (s: string) => (s.trim() ? s.trim() : undefined);

function rssItem(item: Record<string, Node>): FeedItem {
  const body = textOf(item['content:encoded']) || textOf(item.description);
  return {
    guid: optional(textOf(item.guid)),
    link: optional(textOf(item.link)),
    title: optional(plain(item.title)),
    date: optional(textOf(item.pubDate) || textOf(item['dc:date'])),
    text: htmlToText(body),
  };
}

function atomLink(links: Node): string | undefined {
  const list = (Array.isArray(links) ? links : [links]) as Node[];
  const alternate = list.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? list[0];
  return attr(alternate, 'href') ?? optional(textOf(alternate));
}

function atomItem(entry: Record<string, Node>): FeedItem {
  const content = entry.content ?? entry.summary;
  // type="text" is plain already; "html" is escaped markup; "xhtml" was parsed as elements.
  const text = attr(content, 'type') === 'text' ? textOf(content).trim() : plain(content);
  return {
    guid: optional(textOf(entry.id)),
    link: entry.link === undefined ? undefined : atomLink(entry.link),
    title: optional(plain(entry.title)),
    date: optional(textOf(entry.published) || textOf(entry.updated)),
    text,
  };
}

/** Parses a feed document; throws FeedParseError when it is neither RSS nor Atom. */
export function parseFeed(document: string): ParsedFeed {
  // A byte-order mark or white space before the XML declaration is common and harmless.
  const xml = document.replace(/^\uFEFF?\s+/, '').replace(/^\uFEFF/, '');
  // Entity declarations are the door to expansion bombs; no real news feed needs them.
  if (/<!ENTITY/i.test(xml)) throw new FeedParseError('the feed declares XML entities, which are refused');
  let doc: Record<string, Node>;
  try {
    doc = parser.parse(xml) as Record<string, Node>;
  } catch (err) {
    throw new FeedParseError(`the feed is not well-formed XML: ${(err as Error).message}`);
  }
  const rss = doc.rss as Record<string, Node> | undefined;
  if (rss && typeof rss === 'object') {
    const channel = asList(rss.channel)[0] ?? {};
    return {
      format: 'rss',
      title: optional(plain(channel.title)),
      updated: optional(textOf(channel.lastBuildDate) || textOf(channel.pubDate) || textOf(channel['dc:date'])),
      items: asList(channel.item).map(rssItem),
    };
  }
  const rdf = doc['rdf:RDF'] as Record<string, Node> | undefined;
  if (rdf && typeof rdf === 'object') {
    const channel = asList(rdf.channel)[0] ?? {};
    return {
      format: 'rdf',
      title: optional(plain(channel.title)),
      updated: optional(textOf(channel['dc:date'])),
      items: asList(rdf.item).map((i) => ({ ...rssItem(i), guid: attr(i, 'rdf:about') })),
    };
  }
  const feed = doc.feed as Record<string, Node> | undefined;
  if (feed && typeof feed === 'object') {
    return {
      format: 'atom',
      title: optional(plain(feed.title)),
      updated: optional(textOf(feed.updated)),
      items: asList(feed.entry).map(atomItem),
    };
  }
  throw new FeedParseError('the document is neither an RSS nor an Atom feed');
}
