import { afterEach, describe, expect, it } from 'vitest';
import { extract } from '../extract/index.js';
import { threadExtractor, type Extractor } from './extractPool.js';

const text = 'Officials said about 90,000 troops were near the border, and ministers will meet in Vienna on Friday.';
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
    expect(results).toEqual(texts.map((t) => extract(t, '2022-01-19')));
    expect(results[7].troops[0].value).toBe(97_000);
  });

  it('replaces a thread that dies, failing only what it held', async () => {
    pool = threadExtractor(1);
    expect((await pool.extract(text, '2022-01-19')).troops[0].value).toBe(90_000);
    const [first] = pool.threads!();
    const held = pool.extract(text, '2022-01-19');
    await first.terminate();
    await expect(held).rejects.toThrow(/extraction thread exited/);
    expect(pool.threads!()[0]).not.toBe(first);
    expect((await pool.extract(text, '2022-01-19')).troops[0].value).toBe(90_000);
  });
});
