import { afterAll, describe, expect, it } from 'vitest';
import { markupPool } from './markupPool.js';

describe('markup read on a thread', () => {
  const pool = markupPool({ inlineHtmlChars: 16 });
  afterAll(() => pool.close());

  it('turns long HTML into text and parses feeds off the calling thread', async () => {
    expect(await pool.htmlToText(`<p>${'Troops massed. '.repeat(10)}</p>`)).toMatch(/^Troops massed\./);
    const feed = await pool.parseFeed('<rss><channel><title>T</title><item><title>a</title></item></channel></rss>');
    expect(feed).toMatchObject({ format: 'rss', title: 'T', items: [{ title: 'a' }] });
    await expect(pool.parseFeed('not xml at all')).rejects.toThrow(/neither an RSS nor an Atom feed/);
  });

  it('a task past its deadline fails and its thread is stopped', async () => {
    const strict = markupPool({ inlineHtmlChars: 0, timeoutMs: 1 });
    await expect(strict.htmlToText('<a'.repeat(1_000_000))).rejects.toThrow(/longer than 1 ms/);
    const relaxed = markupPool({ inlineHtmlChars: 0 });
    expect(await relaxed.htmlToText('<b>ok</b>')).toBe('ok');
    await strict.close();
    await relaxed.close();
  });
});
