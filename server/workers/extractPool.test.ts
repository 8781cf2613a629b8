import { UnrecoverableError } from 'bullmq';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { extract } from '../extract/index.js';
import { hostileTexts } from '../extract/fixtures/hostile.js';
import {
  extractionOf,
  INLINE_MAX_CHARS,
  inlineExtractor,
  MAX_BATCH,
  stallMs,
  threadExtractor,
  type Extractor,
} from './extractPool.js';

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

describe('the time budget of one report', () => {
  // Far longer than 50 ms on any machine (over 100 ms here, more under load), where a short report takes under one.
  const heavy = hostileTexts['hyphen chain'](200_000);

  it('fails a report past its budget with an error that says so, counts it, and goes on with the next', async () => {
    let counted = 0;
    pool = threadExtractor(1, { budgetMs: 50, onOverBudget: () => counted++ });
    const [thread] = pool.threads!();
    const err = (await pool.extract(heavy, '2022-01-19').catch((e: unknown) => e)) as Error;
    // Final: BullMQ marks the report failed with this message instead of retrying it.
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect(err.message).toMatch(/extraction exceeded its time budget of 50 ms/);
    expect(counted).toBe(1);
    // The same thread answers the next report: nothing was restarted.
    expect(extractionOf(await pool.extract(text, '2022-01-19')).troops[0].value).toBe(90_000);
    expect(pool.threads!()[0]).toBe(thread);
  });

  it('replaces a thread that holds work and says nothing, failing what it held', async () => {
    let counted = 0;
    // Says it is ready, then never answers.
    const stuck = () =>
      new Worker(
        "const { parentPort } = require('node:worker_threads'); parentPort.postMessage([]); parentPort.on('message', () => { for (;;); });",
        { eval: true },
      );
    pool = threadExtractor(1, { budgetMs: 20, onOverBudget: () => counted++, startThread: stuck });
    const [first] = pool.threads!();
    const t0 = performance.now();
    await expect(pool.extract(text, '2022-01-19')).rejects.toThrow(/no answer for 1060 ms while holding work/);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(stallMs(20) - 50);
    expect(counted).toBe(1);
    expect(pool.threads!()[0]).not.toBe(first);
  });

  it('bounds the short notes extracted on the calling thread too', async () => {
    let counted = 0;
    const inline = inlineExtractor({ budgetMs: 0, onOverBudget: () => counted++ });
    await expect(inline.extract(flash, '2022-01-19')).rejects.toBeInstanceOf(UnrecoverableError);
    expect(counted).toBe(1);
    const generous = inlineExtractor({ budgetMs: 60_000 });
    expect(extractionOf(await generous.extract(flash, '2022-01-19'))).toEqual(extract(flash, '2022-01-19'));
  });

  it('fails a report extract() throws on, for good and counted, and goes on with the next', async () => {
    const errors: Error[] = [];
    const buggy = inlineExtractor({
      onError: (err) => errors.push(err),
      extractWith: (t, dateline) => {
        if (t.includes('Vienna')) throw new TypeError('cannot read properties of undefined');
        return extract(t, dateline);
      },
    });
    const failed = buggy.extract(flash, '2022-01-19');
    await expect(failed).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(failed).rejects.toThrow(/extraction failed \(a bug.*cannot read properties of undefined/);
    expect(errors.map((e) => e.message)).toEqual(['cannot read properties of undefined']);
    const other = 'Officials said about 90,000 troops were near the border.';
    expect(extractionOf(await buggy.extract(other, '2022-01-19'))).toEqual(extract(other, '2022-01-19'));
  });

  it("fails only the report a thread's extract() threw on, not the rest of its batch", async () => {
    const errors: Error[] = [];
    // A thread that answers like extractThread.ts: a bug for the report naming Vienna, an extraction for the others.
    const halfBuggy = () =>
      new Worker(
        `const { parentPort } = require('node:worker_threads'); parentPort.postMessage([]);
         parentPort.on('message', (batch) => { if (!Array.isArray(batch)) return;
           parentPort.postMessage(batch.map(({ id, text }) => text.includes('Vienna')
             ? { id, error: 'TypeError: boom\\n    at find (meetings.ts:1)', bug: true }
             : { id, json: new TextEncoder().encode('{"troops":[],"meetings":[],"tension":[],"entities":[]}') })); });`,
        { eval: true },
      );
    pool = threadExtractor(1, { onError: (err) => errors.push(err), startThread: halfBuggy });
    const quiet = `${'Diplomats described the mood as tense but said channels stayed open. '.repeat(8)}`;
    const [bad, good] = await Promise.allSettled([pool.extract(text, '2022-01-19'), pool.extract(quiet, '2022-01-19')]);
    expect(bad.status).toBe('rejected');
    expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(UnrecoverableError);
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/extraction failed .*TypeError: boom$/);
    expect(good.status).toBe('fulfilled');
    expect(errors).toHaveLength(1);
    expect(errors[0].stack).toContain('meetings.ts:1');
  });
});
