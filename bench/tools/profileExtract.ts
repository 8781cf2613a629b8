/**
 * Loops extract() for a few seconds over the extract bench's reports (or, with `ingest`, the
 * ingest bench's), the built code when there is a build as the bench times it, so that a V8 CPU
 * profile shows where extraction spends its time:
 *   node --cpu-prof --cpu-prof-interval 200 --cpu-prof-dir=DIR --import tsx bench/tools/profileExtract.ts [seconds=8] [ingest]
 *   npx tsx bench/tools/profileSummary.ts DIR/<file>.0.001.cpuprofile 40 1
 * (the .0.001 profile is the main thread's; the other is tsx's loader thread).
 */
import { hasBuiltExtract, importBuiltExtract, type Extract } from '../lib/builtExtract.js';
import { makeReport } from '../lib/extractReport.js';
import { benchReport } from '../lib/reportTexts.js';

const extract: Extract = hasBuiltExtract()
  ? await importBuiltExtract()
  : (await import('../../server/extract/index.js')).extract;
const seconds = Number(process.argv[2] ?? 8);
const reports =
  process.argv[3] === 'ingest'
    ? Array.from({ length: 512 }, (_, i) => benchReport('profile', i))
    : Array.from({ length: 512 }, (_, i) => ({ text: makeReport(i), dateline: '2022-01-19' }));
let done = 0;
const start = performance.now();
while (performance.now() - start < seconds * 1000) {
  const r = reports[done++ % reports.length];
  extract(r.text, r.dateline);
}
console.log(`${done} reports in ${seconds} s: ${Math.round(done / seconds)} reports/s`);
