import { afterEach, describe, expect, it } from 'vitest';
import { extract } from '../extract/index.js';
import { extractionOf, INLINE_MAX_CHARS, MAX_BATCH, threadExtractor, type Extractor } from './extractPool.js';

const flash = 'Officials said about 90,000 troops were near the border, and ministers will meet in Vienna on Friday.';
// Long enough to go to a thread.
const text = `${flash} ${'Diplomats in the capital described the mood as tense but said channels stayed open. '.repeat(5)}`;
let pool: Extractor | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('extraction on worker threads', () => {
  it('gives exactly what extract() gives inline, for many reports at once', async () => {
    pool = threadExtractor(2);
    const texts = Array.from({ length: 50 }, (_, i) => text.replace('90,000', `${90_000 + i * 1000}`));
    const results = await Promise.all(texts.map((t) => pool!.extract(t, '2022-01-19')));
    const inline = texts.map((t) => extract(t, '2022-01-19'));
    // The JSON (UTF-8) that is stored is that of the extraction folded.
    expect(results.map((r) => r.json.toString())).toEqual(inline.map((e) => JSON.stringify(e)));
    expect(results.map(extractionOf)).toEqual(inline);
    expect(extractionOf(results[7]).troops[0].value).toBe(97_000);
  });

  it('extracts a short text on the calling thread and a long one on a thread', async () => {
    pool = threadExtractor(1);
    const [thread] = pool.threads!();
    let posted = 0;
    const post = thread.postMessage.bind(thread);
    thread.postMessage = (message: unknown) => {
      posted++;
      post(message);
    };
    expect(flash.length).toBeLessThanOrEqual(INLINE_MAX_CHARS);
    const short = extract(flash, '2022-01-19');
    expect(await pool.extract(flash, '2022-01-19')).toEqual({
      extraction: short,
      json: Buffer.from(JSON.stringify(short)),
    });
    expect(posted).toBe(0);
    expect(text.length).toBeGreaterThan(INLINE_MAX_CHARS);
    expect(extractionOf(await pool.extract(text, '2022-01-19'))).toEqual(extract(text, '2022-01-19'));
    expect(posted).toBe(1);
  });

  it('hands the texts asked for together to a thread in batches of at most MAX_BATCH, each answered', async () => {
    pool = threadExtractor(1);
    const [thread] = pool.threads!();
    const batches: number[] = [];
    const post = thread.postMessage.bind(thread);
    thread.postMessage = (message: unknown) => {
      batches.push((message as unknown[]).length);
      post(message);
    };
    const texts = Array.from({ length: MAX_BATCH + 8 }, (_, i) => text.replace('90,000', `${10_000 + i}`));
    const results = await Promise.all(texts.map((t) => pool!.extract(t, '2022-01-19')));
    expect(batches).toEqual([MAX_BATCH, 8]);
    expect(results.map((r) => extractionOf(r).troops[0].value)).toEqual(texts.map((_, i) => 10_000 + i));
    // One asked for later goes on its own, not held for company.
    expect(extractionOf(await pool.extract(text, '2022-01-19')).troops[0].value).toBe(90_000);
    expect(batches).toEqual([MAX_BATCH, 8, 1]);
  });

  it('replaces a thread that dies, failing only what it held', async () => {
    pool = threadExtractor(1);
    expect(extractionOf(await pool.extract(text, '2022-01-19')).troops[0].value).toBe(90_000);
    const [first] = pool.threads!();
    const held = pool.extract(text, '2022-01-19');
    await first.terminate();
    await expect(held).rejects.toThrow(/extraction thread exited/);
    expect(pool.threads!()[0]).not.toBe(first);
    expect(extractionOf(await pool.extract(text, '2022-01-19')).troops[0].value).toBe(90_000);
  });
});
