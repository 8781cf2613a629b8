/**
 * HTML → plain text for feed descriptions and ninjs `body_html`. The result is only ever
 * stored and shown as text (never rendered as HTML), so this is about readability, not
 * sanitising: drop scripts, styles and comments, turn block ends into line breaks, strip
 * every other tag and decode entities.
 *
 * Linear in the input on any markup: htmlparser2's tokenizer reads it once, and no tree is
 * built (its Parser keeps open elements in an array it unshifts and searches, quadratic on
 * 100,000 nested or unclosed tags). Input past MAX_HTML_CHARS is cut before it is read.
 */
import { Tokenizer } from 'htmlparser2';

/** Most markup read: far more than any report (100,000 characters of text) needs. */
export const MAX_HTML_CHARS = 2_000_000;

/** Elements whose content is never text a reader should see. */
const INVISIBLE = new Set(['script', 'style', 'head', 'template', 'noscript', 'iframe', 'object', 'svg']);
/** Tags before which a reader expects a new paragraph. */
const BLOCK_START = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'tr',
  'section',
  'article',
  'figure',
  'ul',
  'ol',
]);
/** Tags after which a reader expects a new paragraph: those, and a few that only close one. */
const BLOCK_END = new Set([...BLOCK_START, 'table', 'header', 'footer', 'figcaption', 'dd', 'dt']);
const LINE_BREAK = new Set(['br', 'hr']);

/** Named entities seen in wire copy and feeds (decodeEntities); the tokenizer knows every HTML one. */
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

/** White space other than a line feed (what `\s` means, less `\n`). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    (c > 0xff &&
      (c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

const isBreak = (c: number) => c === 10 || isSpace(c);

/**
 * Collects text as it is read, with white space collapsed on the way: runs of spaces become one,
 * lines are trimmed, at most one blank line in a row, none at either end. One pass, no re-splitting.
 */
class TextWriter {
  /** Built by concatenation: V8 keeps it as a rope until it is read, with no array of pieces to hold. */
  private out = '';
  /** Line breaks owed before the next word (at most 2: one blank line). */
  private breaks = 0;
  private space = false;

  /**
   * A plain loop over char codes (a regex with captures cost ~0.4 µs a word). Words joined by
   * single spaces are taken as one slice: ordinary prose is copied in a few pieces.
   */
  text(t: string): void {
    const n = t.length;
    let i = 0;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === 10) {
        this.lineBreaks(1);
        i++;
      } else if (isSpace(c)) {
        this.space = true;
        i++;
      } else {
        let j = i + 1;
        for (;;) {
          while (j < n && !isBreak(t.charCodeAt(j))) j++;
          if (j + 1 < n && t.charCodeAt(j) === 32 && !isBreak(t.charCodeAt(j + 1))) j += 2;
          else break;
        }
        this.words(t.slice(i, j));
        i = j;
      }
    }
  }

  lineBreaks(n: 1 | 2): void {
    this.breaks = Math.min(2, this.breaks + n);
  }

  private words(w: string): void {
    if (this.out.length > 0) {
      if (this.breaks > 0) this.out += this.breaks === 1 ? '\n' : '\n\n';
      else if (this.space) this.out += ' ';
    }
    this.out += w;
    this.breaks = 0;
    this.space = false;
  }

  toString(): string {
    return this.out;
  }
}

/** Plain text of an HTML fragment: paragraphs become blank-line separated, whitespace collapsed. */
export function htmlToText(input: string): string {
  const html = input.length > MAX_HTML_CHARS ? input.slice(0, MAX_HTML_CHARS) : input;
  const out = new TextWriter();
  /** Text read inside invisible elements: kept aside, and given back if one is never closed. */
  let hiddenText: string[] = [];
  let hidden = 0;
  let tag = '';
  const emit = (text: string) => (hidden > 0 ? hiddenText.push(text) : out.text(text));
  // The tokenizer reports text in pieces (each stray `<` is one): adjacent pieces are read as one.
  let runStart = 0;
  let runEnd = 0;
  const flush = () => {
    if (runEnd > runStart) emit(html.slice(runStart, runEnd));
    runStart = runEnd = 0;
  };
  const breaks = (n: 1 | 2) => {
    if (hidden === 0) out.lineBreaks(n);
  };
  const open = (name: string, selfClosing: boolean) => {
    if (INVISIBLE.has(name)) {
      if (!selfClosing) hidden++;
    } else if (LINE_BREAK.has(name)) breaks(1);
    else if (BLOCK_START.has(name)) breaks(2);
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext: (start, end) => {
        if (runEnd !== start || runEnd === 0) {
          flush();
          runStart = start;
        }
        runEnd = end;
      },
      ontextentity: (codePoint) => {
        flush();
        emit(String.fromCodePoint(codePoint));
      },
      oncdata: (start, end, offset) => {
        flush();
        emit(html.slice(start, end - offset));
      },
      onopentagname: (start, end) => {
        flush();
        tag = html.slice(start, end).toLowerCase();
      },
      onopentagend: () => open(tag, false),
      onselfclosingtag: () => open(tag, true),
      onclosetag: (start, end) => {
        flush();
        const name = html.slice(start, end).toLowerCase();
        if (INVISIBLE.has(name)) {
          if (hidden > 0 && --hidden === 0) hiddenText = [];
        } else if (BLOCK_END.has(name)) breaks(2);
        else if (LINE_BREAK.has(name)) breaks(1);
      },
      // Attributes, comments, declarations and processing instructions are not text.
      onattribdata: () => undefined,
      onattribentity: () => undefined,
      onattribend: () => undefined,
      onattribname: () => undefined,
      oncomment: flush,
      ondeclaration: flush,
      onprocessinginstruction: flush,
      onend: flush,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  // An invisible element never closed took the rest of the text with it: give that text back.
  if (hidden > 0) for (const text of hiddenText) out.text(text);
  return out.toString();
}

/** True when a string contains markup worth stripping (feeds mix plain and HTML descriptions). */
export function looksLikeHtml(text: string): boolean {
  // Bounded: an unclosed `<a` scans at most 200 characters ahead, never to the end of the text.
  return /<\/?[a-z][^<>]{0,200}>|&(#x?[0-9a-f]{1,6}|[a-z]{1,32});/i.test(text);
}
