import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, looksLikeHtml } from './htmlToText.js';

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks, drops tags', () => {
    expect(htmlToText('<p>Talks in <b>Geneva</b>.</p><p>Second<br/>line</p>')).toBe('Talks in Geneva.\n\nSecond\nline');
  });

  it('drops scripts, styles and comments entirely', () => {
    expect(htmlToText('<script>alert(1)</script><style>p{}</style><!-- note -->Text')).toBe('Text');
  });

  it('decodes named, decimal and hex entities, once', () => {
    expect(htmlToText('Kyiv &amp; Moscow &#8217;s &#x2014; &nbsp;&lt;b&gt;')).toBe('Kyiv & Moscow ’s — <b>');
    expect(decodeEntities('&unknown; &#0; &#xD800;')).toBe('&unknown; &#0; &#xD800;');
  });

  it('turns markup that arrived escaped into text, never into tags', () => {
    expect(htmlToText('&lt;img src=x onerror=alert(1)&gt;')).toBe('<img src=x onerror=alert(1)>');
  });

  it('tells markup from plain text', () => {
    expect(looksLikeHtml('<p>x</p>')).toBe(true);
    expect(looksLikeHtml('Troops: 100,000 < 200,000')).toBe(false);
  });
});
