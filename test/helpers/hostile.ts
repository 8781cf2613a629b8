/**
 * Hostile input of every shape, 100,000 characters each (issue 26, item 9): what the fuzz
 * suite's hostile section sends through HTTP, ninjs, feeds and import, and what the bench's
 * `hostile.*` figures time. Text shapes aim at extraction (words, numbers, names, dates,
 * punctuation, scripts), HTML shapes at htmlToText, XML shapes at the feed parser.
 */
export const HOSTILE_CHARS = 100_000;

/** `unit` repeated to exactly `n` characters. */
export const fill = (unit: string, n = HOSTILE_CHARS) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

export const textShapes: Record<string, string> = {
  'one long word': fill('a'),
  'one endless sentence': fill('troops massed near the border and '),
  digits: fill('1234567890'),
  'numbers with separators': fill('100,000 '),
  'number words': fill('tens of thousands hundred million doubling that '),
  weekdays: fill('on Friday next Tuesday '),
  dates: fill('January 10, 2022 on 2022-01-19 '),
  'capitalised names': fill('Joe Biden Vladimir Putin Antony Blinken '),
  titles: fill('President Minister Mr. Secretary-General '),
  places: fill('in Geneva in Kyiv near Donetsk '),
  'meeting words': fill('will meet talks call summit postponed '),
  'tension words': fill('massing troops invasion ceasefire sanctions '),
  'news salad': fill(
    'Over 100,000 troops massed as President Joe Biden will meet Vladimir Putin in Geneva on Friday. ',
  ),
  'open brackets': fill('(['),
  quotes: fill('"\'“”'),
  periods: fill('. '),
  abbreviations: fill('U.S. e.g. Dr. No. '),
  'combining marks': fill('a\u0301\u0302\u0303'),
  'emoji and bidi': fill('🙂\u202eعربي\u202c '),
  'white space': fill(' \t\n\u00a0'),
  'line breaks': fill('\n'),
};

export const htmlShapes: Record<string, string> = {
  'unclosed tags': fill('<a'),
  'deep nesting': fill('<div>'),
  'unmatched closing tags': fill('</p>'),
  'entity storm': fill('&amp;&#x1F600;&nbsp;'),
  'broken entities': fill('&#'),
  'unclosed comment': `<!--${fill('x', HOSTILE_CHARS - 4)}`,
  'unclosed attribute': `<a href="${fill('x', HOSTILE_CHARS - 9)}`,
  'script flood': fill('<script>'),
  'stray brackets': fill('< <<'),
  'invisible never closed': `<svg>${fill('Troops massed near Kyiv. ', HOSTILE_CHARS - 5)}`,
};

const rss = (inside: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>${inside}`;

/** Whole feed documents, each about HOSTILE_CHARS long. */
export const xmlShapes: Record<string, string> = {
  'deep nesting': rss(fill('<x>')),
  'unclosed elements': rss(`<item><title>${fill('<t')}`),
  'entity storm': rss(
    `<item><title>t</title><description>${fill('&amp;lt;b&amp;gt;')}</description></item></channel></rss>`,
  ),
  'attribute flood': rss(`<item ${fill(' a="b"')}><title>x</title></item></channel></rss>`),
  'many items': rss(`${fill('<item><title>t</title><description>d</description></item>')}</channel></rss>`),
  'entity declaration': `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${fill('a', 1000)}">]><rss><channel>${fill('&a;')}</channel></rss>`,
  'cdata flood': rss(`<item><description><![CDATA[${fill('<a')}]]></description></item></channel></rss>`),
};
