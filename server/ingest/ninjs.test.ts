import { describe, expect, it } from 'vitest';
import { looksLikeNinjs, ninjsSchema } from '../../shared/ninjs.js';
import { ninjsToReport } from './ninjs.js';

describe('ninjs → report', () => {
  it('maps headline, body_html, versioncreated, uri and provider; keeps the item as meta', () => {
    const item = {
      uri: 'https://wire.example/items/123',
      headline: 'Talks in Geneva',
      body_html: '<p>Blinken meets Lavrov on <b>Friday</b>.</p>',
      versioncreated: '2022-01-19T08:30:00Z',
      located: 'Geneva',
      provider: { name: 'Example Wire' },
      subject: [{ code: 'medtop:11000000' }],
    };
    const { input, meta } = ninjsToReport(ninjsSchema.parse(item));
    expect(input).toEqual({
      text: 'Blinken meets Lavrov on Friday.',
      dateline: '2022-01-19T08:30:00Z',
      title: 'Talks in Geneva',
      source: 'Example Wire',
      url: 'https://wire.example/items/123',
    });
    expect(meta).toEqual({ format: 'ninjs', ninjs: item });
  });

  it('prefers body_text, reads ninjs 2 headlines/bodies, ignores a non-http uri', () => {
    const a = ninjsToReport(ninjsSchema.parse({ uri: 'urn:x:1', body_text: 'Plain text', body_html: '<p>other</p>' }));
    expect(a.input).toEqual({ text: 'Plain text' });
    const b = ninjsToReport(
      ninjsSchema.parse({
        headlines: [{ value: 'H2' }],
        bodies: [{ contenttype: 'text/html', value: '<p>Body 2</p>' }],
      }),
    );
    expect(b.input).toEqual({ text: 'Body 2', title: 'H2' });
  });

  it('an item without any body is refused; detection by fields or media type', () => {
    expect(ninjsSchema.safeParse({ headline: 'only a headline' }).success).toBe(false);
    expect(looksLikeNinjs({ headline: 'x', body_text: 'y' })).toBe(true);
    expect(looksLikeNinjs({ text: 'ours', uri: 'x' })).toBe(false);
    expect(looksLikeNinjs({ anything: 1 }, 'application/ninjs+json')).toBe(true);
  });
});
