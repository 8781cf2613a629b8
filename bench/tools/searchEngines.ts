/**
 * Compares the in-process search engines considered for GET /api/reports?q= (docs/search.md) on
 * the bench's 3 KB reports: build time, heap held, and the p95 of the queries the desk asks
 * (a common word, two words, a person, a place, a phrase's words), each answered newest first,
 * 50 at a time. Run: `node --expose-gc --import tsx bench/tools/searchEngines.ts [N] [minisearch,flexsearch]`.
 */
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { wordsOf } from '../../server/search/words.js';
import { benchReport } from '../lib/reportTexts.js';

const N = Number(process.argv[2] ?? 100_000);
const QUERIES = [
  'troops',
  'talks geneva',
  'Lavrov',
  'Vienna',
  'field hospitals',
  'ceasefire violated',
  'Zelensky Kyiv',
];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

type Engine = { add(num: number, title: string, text: string): void; search(q: string): Iterable<number> };

function minisearchEngine(): Engine {
  const index = new MiniSearch<{ id: number; title: string; text: string }>({ fields: ['title', 'text'] });
  return {
    add: (id, title, text) => index.add({ id, title, text }),
    search: (q) => index.search(q, { combineWith: 'AND' }).map((r) => r.id as number),
  };
}

function flexsearchEngine(): Engine {
  // As server/search/reportIndex.ts keeps it: folded words in, split on spaces, exact matches.
  const index = new FlexSearch.Index({
    tokenize: 'strict',
    resolution: 1,
    fastupdate: true,
    encode: (content: string) => content.split(' '),
  });
  return {
    add: (id, title, text) => index.add(id, wordsOf(`${title}\n${text}`).join(' ')),
    search: (q) => index.search(wordsOf(q).join(' '), { limit: N }) as number[],
  };
}

/** The newest 50 of the matches (doc number = arrival order here). */
function newest(matches: Iterable<number>): number[] {
  const all = [...matches];
  all.sort((a, b) => b - a);
  return all.slice(0, 50);
}

function measure(name: string, make: () => Engine): void {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const engine = make();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const r = benchReport('engines', i);
    engine.add(i, r.title, r.text);
  }
  const buildMs = performance.now() - t0;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  const times: number[] = [];
  for (let round = 0; round < 10; round++)
    for (const q of QUERIES) {
      const t = performance.now();
      newest(engine.search(q));
      times.push(performance.now() - t);
    }
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(
    `${name}: ${N} reports, build ${(buildMs / 1000).toFixed(1)} s, heap ${heapMb.toFixed(0)} MB, p95 ${p95.toFixed(1)} ms`,
  );
}

const engines = { minisearch: minisearchEngine, flexsearch: flexsearchEngine };
for (const name of (process.argv[3] ?? 'minisearch,flexsearch').split(',') as (keyof typeof engines)[])
  measure(name, engines[name]);
