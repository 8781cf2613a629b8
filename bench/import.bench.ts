/**
 * `npm run import` on generated files against the real app (api and worker processes on
 * their own redis-server). Prints:
 *   bench import.files_per_s: <value> files/s        (first run: every file a new report)
 *   bench import.rerun_files_per_s: <value> files/s  (second run: every file a duplicate)
 * 5,000 small files (a mix of .txt with a date line, .json and ninjs); BENCH_QUICK=1: 100. Enough
 * for a steady rate, and few enough that both passes (about 17 s each on the project machine) fit
 * in the full run's time budget beside the other scenarios.
 * The time is the whole command, start-up (tsx) included, as an operator would see it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Summary } from '../scripts/import/summary.js';
import { INGEST_TOKEN, startStack } from './lib/servers.js';

const QUICK = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';
const FILES = QUICK ? 100 : 5_000;
const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');
/** The command's own default unless IMPORT_CONCURRENCY says otherwise (to compare settings). */
const CONCURRENCY = process.env.IMPORT_CONCURRENCY ?? '8';

function writeFiles(dir: string, count: number): void {
  const places = ['Geneva', 'Vienna', 'Brussels', 'Kyiv', 'Minsk'];
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const text = `Ministers will meet in ${places[i % 5]} on Friday, officials said (file ${i}). About ${40 + (i % 60)},000 troops remain near the border.`;
    if (i % 3 === 0) writeFileSync(path.join(dir, `r${i}.txt`), `date 2022-01-${day}\n${text}`);
    else if (i % 3 === 1)
      writeFileSync(
        path.join(dir, `r${i}.json`),
        JSON.stringify({ text, dateline: `2022-01-${day}`, source: 'bench' }),
      );
    else
      writeFileSync(
        path.join(dir, `r${i}.ninjs.json`),
        JSON.stringify({
          uri: `urn:bench:${i}`,
          headline: `Item ${i}`,
          body_html: `<p>${text}</p>`,
          versioncreated: `2022-01-${day}T08:00:00Z`,
        }),
      );
  }
}

async function timedImport(url: string, dir: string): Promise<{ seconds: number; summary: Summary }> {
  const started = process.hrtime.bigint();
  const { stdout } = await run(
    TSX,
    ['scripts/import.ts', '--url', url, '--token', INGEST_TOKEN, '--json', '--concurrency', CONCURRENCY, dir],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, summary: JSON.parse(stdout) as Summary };
}

const dir = mkdtempSync(path.join(tmpdir(), 'crisis-import-bench-'));
const stack = await startStack({ apis: 1, workers: 1 });
try {
  writeFiles(dir, FILES);
  const first = await timedImport(stack.apis[0].url!, dir);
  if (first.summary.accepted !== FILES)
    throw new Error(
      `expected ${FILES} accepted, got ${JSON.stringify({ ...first.summary, rejected: first.summary.rejected.slice(0, 3) })}`,
    );
  console.log(`bench import.files_per_s: ${Math.round(FILES / first.seconds)} files/s`);
  const again = await timedImport(stack.apis[0].url!, dir);
  if (again.summary.duplicate !== FILES)
    throw new Error(`expected ${FILES} duplicates on the second run, got ${again.summary.duplicate}`);
  console.log(`bench import.rerun_files_per_s: ${Math.round(FILES / again.seconds)} files/s`);
} finally {
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
