/**
 * Child program: extract() in a loop on one core over the same 3 KB reports the ingest
 * bench posts: the compute limit the pipeline is compared with. Runs the built code
 * (dist/server/extract), as the worker process does. The process primes extraction as the
 * worker's thread does when it starts (server/extract/prime.ts); the first run then meets the
 * reports with the JIT and memo otherwise cold, as a freshly started worker does; later runs
 * find them warm.
 */
import { importBuiltExtract, importBuiltPrime } from '../lib/builtExtract.js';
import { serve } from '../lib/rpc.js';
import { benchReport } from '../lib/reportTexts.js';

async function run(args: {
  runId: string;
  count: number;
  warmup: number;
  maxMs: number;
}): Promise<{ reportsPerSecond: number; measured: number }> {
  const extract = await importBuiltExtract();
  (await importBuiltPrime())(); // as the worker's thread does at start (cheap when run again)
  const reports = Array.from({ length: args.count }, (_, i) => benchReport(args.runId, i));
  for (let i = 0; i < args.warmup; i++) extract(reports[i % reports.length].text, reports[i % reports.length].dateline);
  const started = performance.now();
  let done = 0;
  while (done < reports.length && performance.now() - started < args.maxMs) {
    const r = reports[done++];
    extract(r.text, r.dateline);
  }
  const seconds = (performance.now() - started) / 1000;
  return { reportsPerSecond: done / seconds, measured: done };
}

serve({ run });
