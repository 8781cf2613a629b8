import { describe, expect, it } from 'vitest';
import { looksLikeNinjs, ninjsSchema } from '../../shared/ninjs.js';
import { ninjsToReport } from './ninjs.js';

describe('ninjs → report', () => {
  it('maps headline, body_html, versioncreated, uri and provider; keeps the item as meta', async () => {
    const item = {
      uri: 'https://wire.example/items/123',
      headline: 'Talks in Geneva',
      body_html: '<p>Blinken meets Lavrov on <b>Friday</b>.</p>',
      versioncreated: '2022-01-19T08:30:00Z',
      located: 'Geneva',
      provider: { name: 'Example Wire' },
      subject: [{ code: 'medtop:11000000' }],
    };
    const { input, meta } = await ninjsToReport(ninjsSchema.parse(item));
    expect(input).toEqual({
      text: 'Blinken meets Lavrov on Friday.',
      dateline: '2022-01-19T08:30:00Z',
      title: 'Talks in Geneva',
      source: 'Example Wire',
      url: 'https://wire.example/items/123',
    });
    expect(meta).toEqual({ format: 'ninjs', ninjs: item });
  });

  it('prefers body_text, reads ninjs 2 headlines/bodies, ignores a non-http uri', async () => {
    const a = await ninjsToReport(
      ninjsSchema.parse({ uri: 'urn:x:1', body_text: 'Plain text', body_html: '<p>other</p>' }),
    );
    expect(a.input).toEqual({ text: 'Plain text' });
    const b = await ninjsToReport(
      ninjsSchema.parse({
        headlines: [{ value: 'H2' }],
        bodies: [{ contenttype: 'text/html', value: '<p>Body 2</p>' }],
      }),
    );
    expect(b.input).toEqual({ text: 'Body 2', title: 'H2' });
  });

  it('an item without any text is refused; detection by fields or media type', () => {
    expect(ninjsSchema.safeParse({ headline: '   ', uri: 'urn:x' }).success).toBe(false);
    expect(looksLikeNinjs({ headline: 'x', body_text: 'y' })).toBe(true);
    expect(looksLikeNinjs({ text: 'ours', uri: 'x' })).toBe(false);
    expect(looksLikeNinjs({ anything: 1 }, 'application/ninjs+json')).toBe(true);
  });
});

describe('ninjs from real agencies (issue 26, item 8)', () => {
  const parse = (item: object) => ninjsToReport(ninjsSchema.parse(item));

  it('ninjs 1.0 with only body_xhtml', async () => {
    const item = {
      uri: 'urn:x:1',
      headline: 'H',
      body_xhtml: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Talks in <em>Geneva</em>.</p></div>',
    };
    expect(ninjsSchema.safeParse(item).success).toBe(true);
    expect((await parse(item)).input).toMatchObject({ text: 'Talks in Geneva.', title: 'H' });
  });

  it('ninjs 2.x whose text is in descriptions[] (role text first)', async () => {
    const item = {
      uri: 'urn:x:2',
      headlines: [{ role: 'main', value: 'Council meets' }],
      descriptions: [
        { role: 'summary', value: 'A summary' },
        { role: 'text', contenttype: 'text/html', value: '<p>The Council meets on <b>Friday</b>.</p>' },
      ],
    };
    expect((await parse(item)).input).toEqual({ text: 'The Council meets on Friday.', title: 'Council meets' });
  });

  it('ninjs 2.x that is only its headlines: the headline is the text', async () => {
    const item = {
      uri: 'urn:x:3',
      headlines: [
        { role: 'sub', value: 'Sub' },
        { role: 'main', value: 'FLASH: ceasefire agreed' },
      ],
    };
    expect((await parse(item)).input).toEqual({ text: 'FLASH: ceasefire agreed', title: 'FLASH: ceasefire agreed' });
  });

  it('an item without any text at all is still refused, saying what it needs', () => {
    const result = ninjsSchema.safeParse({ uri: 'urn:x:4', headlines: [{ value: '  ' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/body_text, body_html, body_xhtml, bodies\[\]/);
  });

  it('reads long HTML through the reader it is given (an api node passes its markup thread)', async () => {
    const seen: string[] = [];
    const out = await ninjsToReport(ninjsSchema.parse({ body_html: '<p>x</p>' }), async (html) => {
      seen.push(html);
      return 'read elsewhere';
    });
    expect(seen).toEqual(['<p>x</p>']);
    expect(out.input.text).toBe('read elsewhere');
  });
});
