/**
 * Benchmark of relevance routing: 10,000 distinct ~3 KB reports (bench/lib/reportTexts.ts, our own
 * words) routed among the sample crises and one more (8 crises), as when a crisis' rules change
 * and every stored report is routed again. Extraction runs first, untimed. Prints:
 *   bench routing.compile_ms: <value> ms
 *   bench routing.10k_reports_ms: <value> ms
 * BENCH_QUICK=1 routes 2,000 reports and scales the figure to 10,000.
 */
import type { Crisis } from '../shared/crisis.js';
import { compileRouting } from '../server/crises/routing.js';
import { sampleCrises } from '../server/crises/sampleCrises.js';
import { extract } from '../server/extract/index.js';
import { benchReport } from './lib/reportTexts.js';

const QUICK = process.env.BENCH_QUICK === '1';
const REPORTS = QUICK ? 2_000 : 10_000;

const eighth: Crisis = {
  slug: 'belarus-poland',
  name: 'Belarus–Poland',
  actors: ['Belarus', 'Poland'],
  places: ['Brest', 'Grodno', 'Bialowieza', 'Kuznica'],
  keywords: ['Suwalki Gap'],
  createdAt: '2026-01-01T00:00:07.000Z',
};

function main(): void {
  const reports = Array.from({ length: REPORTS }, (_, i) => benchReport('routing', i));
  const facts = reports.map((r) => extract(r.text, r.dateline));
  const crises = [...sampleCrises(), eighth];
  const t0 = performance.now();
  const router = compileRouting(crises);
  const compileMs = performance.now() - t0;
  // One warm-up pass over a tenth, then the timed pass over all.
  for (let i = 0; i < REPORTS / 10; i++) router.route(reports[i], facts[i]);
  let routed = 0;
  const t1 = performance.now();
  for (let i = 0; i < REPORTS; i++) routed += router.route(reports[i], facts[i]).length;
  const ms = ((performance.now() - t1) * 10_000) / REPORTS;
  const avg = Math.round(reports.reduce((s, r) => s + r.text.length + r.title.length, 0) / REPORTS);
  console.error(`(${REPORTS} reports of ≈ ${avg} chars, ${crises.length} crises, ${routed} assignments)`);
  console.log(`bench routing.compile_ms: ${compileMs.toFixed(2)} ms`);
  console.log(`bench routing.10k_reports_ms: ${ms.toFixed(0)} ms`);
}

main();
