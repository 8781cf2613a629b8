/**
 * HTML → plain text for feed descriptions and ninjs `body_html`. The result is only ever
 * stored and shown as text (never rendered as HTML), so this is about readability, not
 * sanitising: drop scripts, styles and comments, turn block ends into line breaks, strip
 * every other tag and decode entities.
 */

/** Named entities seen in wire copy and feeds; anything else stays as written. */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  bull: '•',
  middot: '·',
  prime: '′',
  Prime: '″',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  minus: '−',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  shy: '',
  zwj: '',
  zwnj: '',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  iexcl: '¡',
  iquest: '¿',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
};

/** Elements whose content is never text a reader should see. */
const INVISIBLE = /<(script|style|head|template|noscript|iframe|object|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Tags after which a reader expects a new line. */
const BLOCK_END =
  /<\/(p|div|h[1-6]|li|blockquote|pre|tr|table|section|article|header|footer|figure|figcaption|ul|ol|dd|dt)\s*>/gi;
const LINE_BREAK = /<(br|hr)\b[^>]*\/?>/gi;
const BLOCK_START = /<(p|div|h[1-6]|li|blockquote|pre|tr|section|article|figure|ul|ol)\b[^>]*>/gi;

/** Decodes `&name;`, `&#123;` and `&#x1F;`; unknown or invalid references are left as they are. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // Surrogates, NUL and out-of-range code points are not characters.
      if (!code || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML fragment: paragraphs become blank-line separated, whitespace collapsed. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(INVISIBLE, '')
    .replace(LINE_BREAK, '\n')
    .replace(BLOCK_END, '\n\n')
    .replace(BLOCK_START, '\n\n')
    .replace(/<\/?[a-z][^>]*>/gi, '') // every remaining tag
    .replace(/<![^>]*>/g, ''); // doctype and other declarations
  return decodeEntities(text)
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** True when a string contains markup worth stripping (feeds mix plain and HTML descriptions). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][^>]*>|&(#x?[0-9a-f]+|[a-z]+);/i.test(text);
}
