import { describe, expect, it } from 'vitest';
import { datelineFromFeedDate } from './feedDates.js';
import { toCandidate } from './feedItems.js';
import { decodeFeed } from './fetchFeed.js';
import { FeedParseError, parseFeed } from './parseFeed.js';

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire &amp; Co</title>
<item><title>Blinken to meet Lavrov</title><link>https://example.org/a</link><guid isPermaLink="false">0042</guid>
<pubDate>Wed, 19 Jan 2022 23:30:00 -0500</pubDate>
<description><![CDATA[<p>Blinken meets Lavrov in <b>Geneva</b> on Friday.</p>]]></description></item>
<item><title>Second</title><link>/b</link><description>&lt;p&gt;Escaped &amp;amp; markup&lt;/p&gt;</description></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom desk</title>
<entry><title type="html">Talks &lt;em&gt;falter&lt;/em&gt;</title><id>urn:uuid:1</id>
<link rel="self" href="https://example.org/self"/><link rel="alternate" href="https://example.org/talks"/>
<updated>2022-01-10T18:00:00+01:00</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Talks on January 10 faltered.</p></div></content></entry>
<entry><title>Plain</title><id>urn:uuid:2</id><summary type="text">A &lt;plain&gt; summary</summary></entry>
</feed>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items: guid, link, title, date and HTML description as text', () => {
    const feed = parseFeed(rss);
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Wire & Co');
    expect(feed.items[0]).toEqual({
      guid: '0042',
      link: 'https://example.org/a',
      title: 'Blinken to meet Lavrov',
      date: 'Wed, 19 Jan 2022 23:30:00 -0500',
      text: 'Blinken meets Lavrov in Geneva on Friday.',
    });
    expect(feed.items[1].text).toBe('Escaped & markup');
  });

  it('reads Atom entries: alternate link, xhtml content, html title', () => {
    const feed = parseFeed(atom);
    expect(feed.format).toBe('atom');
    expect(feed.items[0]).toMatchObject({
      guid: 'urn:uuid:1',
      link: 'https://example.org/talks',
      title: 'Talks falter',
      text: 'Talks on January 10 faltered.',
    });
    expect(feed.items[1].text).toBe('A <plain> summary');
  });

  it('refuses entity declarations and documents that are not feeds', () => {
    expect(() => parseFeed('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss/>')).toThrow(FeedParseError);
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow(/neither an RSS nor an Atom/);
  });
});

describe('feed items → reports', () => {
  it('dateline from the item date in its own offset; relative links resolve against the feed', () => {
    const [first, second] = parseFeed(rss).items.map((item) =>
      toCandidate(item, { id: 'f1', url: 'https://example.org/feed.xml', title: 'Wire & Co' }),
    );
    expect(first?.input).toEqual({
      text: 'Blinken meets Lavrov in Geneva on Friday.',
      dateline: '2022-01-19T23:30:00-05:00',
      title: 'Blinken to meet Lavrov',
      source: 'Wire & Co',
      url: 'https://example.org/a',
    });
    expect(second?.input.url).toBe('https://example.org/b');
    expect(second?.input.dateline).toBeUndefined();
    expect(first?.seenKeys.map((k) => k[0])).toEqual(['g', 'l', 'c']);
  });

  it('feed dates: RFC 822 with zone names, RFC 3339 as is, garbage ignored', () => {
    expect(datelineFromFeedDate('Fri, 21 Jan 2022 10:00:00 GMT')).toBe('2022-01-21T10:00:00Z');
    expect(datelineFromFeedDate('Fri, 21 Jan 2022 10:00:00 EST')).toBe('2022-01-21T10:00:00-05:00');
    expect(datelineFromFeedDate('2022-01-10T18:00:00+01:00')).toBe('2022-01-10T18:00:00+01:00');
    expect(datelineFromFeedDate('soon')).toBeUndefined();
  });
});

describe('feed items that would not pass the report schema', () => {
  it('drop the offending field rather than the item', () => {
    const candidate = toCandidate(
      { guid: 'g', title: 'T', date: 'Tue, 01 Jan 20222 10:00:00 GMT', link: 'https://x.example/a', text: 'Body' },
      { id: 'f', url: 'https://x.example/feed' },
    );
    expect(candidate?.input.dateline).toBeUndefined();
    expect(candidate?.input.text).toBe('Body');
    expect(toCandidate({ text: '  ' }, { id: 'f', url: 'https://x.example/feed' })).toBeNull();
  });
});

describe("real publishers' feeds (issue 26, item 8)", () => {
  it('decodes a feed in the encoding its declaration names, after white space or a byte-order mark', () => {
    const latin1 = (s: string) => Buffer.from(s, 'latin1');
    const doc =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>São Paulo: café</title></item></channel></rss>';
    expect(decodeFeed(latin1(`\n  ${doc}`), 'application/rss+xml')).toContain('São Paulo: café');
    expect(decodeFeed(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1(doc)]), undefined)).toContain(
      'São Paulo: café',
    );
    // A header that says UTF-8 over Latin-1 bytes is wrong: the declaration wins.
    expect(decodeFeed(latin1(doc), 'text/xml; charset=utf-8')).toContain('São Paulo: café');
    // A true UTF-8 feed behind a mark stays UTF-8, whatever it declares.
    expect(decodeFeed(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc)]), undefined)).toContain(
      'São Paulo: café',
    );
    expect(parseFeed(decodeFeed(latin1(`\n\n${doc}`), undefined)).items[0].title).toBe('São Paulo: café');
  });

  it('reads a date without a zone as UTC, whatever the server runs in', () => {
    expect(datelineFromFeedDate('Mon, 24 Sep 2018 19:42:40')).toBe('2018-09-24T19:42:40Z');
    expect(datelineFromFeedDate('2018-09-24T19:42:40')).toBe('2018-09-24T19:42:40Z');
    expect(datelineFromFeedDate('2018-09-24 19:42')).toBe('2018-09-24T19:42:00Z');
  });

  it('reads dates in other languages', () => {
    expect(datelineFromFeedDate('Seg, 24 Set 2018 19:42:40 -0300')).toBe('2018-09-24T19:42:40-03:00');
    expect(datelineFromFeedDate('Di, 04 Mär 2025 08:00:00 +0100')).toBe('2025-03-04T08:00:00+01:00');
    expect(datelineFromFeedDate('jeu., 13 févr. 2025 10:00:00 +0100')).toBe('2025-02-13T10:00:00+01:00');
    expect(datelineFromFeedDate('sáb, 02 dic 2023 7:05:00 CET')).toBe('2023-12-02T07:05:00+01:00');
    expect(datelineFromFeedDate('Wed, 31 Feb 2022 10:00:00 GMT')).toBeUndefined();
  });

  it("an item with an unreadable date is dated by the feed's last change, never silently by today", () => {
    const feed = { id: 'f', url: 'https://x.example/feed', updated: 'Tue, 25 Sep 2018 08:00:00 GMT' };
    const a = toCandidate({ text: 'Text', date: 'someday soon' }, feed)!;
    expect(a.input.dateline).toBe('2018-09-25T08:00:00Z');
    expect(a.meta).toMatchObject({ dateFrom: 'feed', rawDate: 'someday soon' });
    const b = toCandidate({ text: 'Text' }, { id: 'f', url: 'https://x.example/feed' })!;
    expect(b.input.dateline).toBeUndefined();
    expect(b.meta.dateFrom).toBe('arrival');
    expect(toCandidate({ text: 'Text', date: 'Seg, 24 Set 2018 19:42:40 -0300' }, feed)!.meta.dateFrom).toBe('item');
  });

  it("parses the feed's own date, and items that are not a list", () => {
    const feed = parseFeed(
      '<rss><channel><lastBuildDate>Tue, 25 Sep 2018 08:00:00 GMT</lastBuildDate><item>x</item></channel></rss>',
    );
    expect(feed.updated).toBe('Tue, 25 Sep 2018 08:00:00 GMT');
    expect(feed.items).toEqual([]);
  });
});
