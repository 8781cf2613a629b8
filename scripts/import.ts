/**
 * `npm run import -- --url URL --token TOKEN FILES...|DIR`: sends reports from files to
 * POST /api/reports with bounded concurrency. Safe to run again: the server answers reports
 * it already has as duplicates, so nothing is doubled. Exit code 0 unless some item could not
 * be delivered (1), or the command itself was wrong (2).
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { expandPaths } from './import/files.js';
import { AuthError, postItem, type Outcome } from './import/poster.js';
import { createProgress } from './import/progress.js';
import { readSource, type ImportItem, type LocalRejection } from './import/readers.js';
import { formatSummary, summarize } from './import/summary.js';

const USAGE = `Usage: npm run import -- --url URL --token TOKEN [--concurrency 8] [--attempts 6] [--json] FILES...|DIR
  FILES: .txt (optional first line "date YYYY-MM-DD"), .json (a report or an array), .jsonl, .ninjs / .ninjs.json,
         .rss / .atom / .xml (each item of the feed a report)
  --token may also come from the IMPORT_TOKEN environment variable (keeps it out of the process list).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** Runs `task` on every item with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        concurrency: { type: 'string', default: '8' },
        attempts: { type: 'string', default: '6' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    fail((err as Error).message);
  }
  const { values, positionals } = parsed;
  const token = values.token ?? process.env.IMPORT_TOKEN;
  if (!values.url || !URL.canParse(values.url)) fail("--url must be the app's base URL, e.g. http://localhost:8080");
  if (!token) fail("--token (or IMPORT_TOKEN) is required: an ingest token or a journalist's API token");
  if (positionals.length === 0) fail('Give the files or folders to import.');
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    fail('--concurrency must be a whole number from 1 to 256');
  const attempts = Number(values.attempts);
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 100)
    fail('--attempts must be a whole number from 1 to 100');
  const baseUrl = values.url.replace(/\/+$/, '');

  const started = Date.now();
  let files: string[];
  try {
    files = await expandPaths(positionals);
  } catch (err) {
    fail(`Cannot read ${(err as NodeJS.ErrnoException).path ?? ''}: ${(err as Error).message}`);
  }
  // Read in parallel, keep the files' order (reports are sent in the order given).
  const reads: { items: ImportItem[]; rejected: LocalRejection[] }[] = new Array(files.length);
  const progress = createProgress(files.length);
  await pool([...files.keys()], 32, async (i) => {
    try {
      const [bytes, info] = await Promise.all([readFile(files[i]), stat(files[i])]);
      reads[i] = readSource(files[i], bytes, info.mtime);
      progress.fileRead(reads[i].items.length + reads[i].rejected.length, reads[i].rejected.length);
    } catch (err) {
      reads[i] = {
        items: [],
        rejected: [{ origin: files[i], reason: `cannot read the file: ${(err as Error).message}` }],
      };
      progress.fileRead(1, 1);
    }
  });
  const items = reads.flatMap((r) => r.items);
  const local = reads.flatMap((r) => r.rejected);

  const outcomes: Outcome[] = [];
  try {
    await pool(items, concurrency, async (item) => {
      outcomes.push(await postItem(item, { baseUrl, token, attempts }));
      progress.tick();
    });
  } catch (err) {
    progress.stop();
    if (err instanceof AuthError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  progress.stop();

  const summary = summarize(files.length, outcomes, local, (Date.now() - started) / 1000);
  process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
  process.exitCode = summary.failed.length > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`import failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
