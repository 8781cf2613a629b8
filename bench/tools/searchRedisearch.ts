/**
 * The RediSearch 1.2 side of the engine comparison (docs/search.md): the bench's 3 KB reports
 * FT.ADDed to a redis-server that loaded the Debian module (`--loadmodule
 * /usr/lib/redis/modules/redisearch.so`), then the same queries as searchEngines.ts, newest
 * first, 50 at a time. Run: `npx tsx bench/tools/searchRedisearch.ts PORT [N]`.
 */
import { Redis } from 'ioredis';
import { benchReport } from '../lib/reportTexts.js';

const port = Number(process.argv[2]);
const N = Number(process.argv[3] ?? 100_000);
const QUERIES = [
  'troops',
  'talks geneva',
  'Lavrov',
  'Vienna',
  '"field hospitals"',
  '"ceasefire violated"',
  'Zelensky Kyiv',
];

const redis = new Redis({ port });
await redis.call('FT.DROP', 'bench').catch(() => undefined);
await redis.call(
  'FT.CREATE',
  'bench',
  'SCHEMA',
  'title',
  'TEXT',
  'text',
  'TEXT',
  'crises',
  'TAG',
  'ms',
  'NUMERIC',
  'SORTABLE',
);
const mem0 = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
const t0 = performance.now();
for (let i = 0; i < N; i += 500) {
  const p = redis.pipeline();
  for (let j = i; j < Math.min(N, i + 500); j++) {
    const r = benchReport('engines', j);
    p.call(
      'FT.ADD',
      'bench',
      `d${j}`,
      '1.0',
      'FIELDS',
      'title',
      r.title,
      'text',
      r.text,
      'crises',
      'russia-ukraine',
      'ms',
      String(j),
    );
  }
  await p.exec();
}
const buildMs = performance.now() - t0;
const mem = (Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]) - mem0) / 2 ** 20;
const times: number[] = [];
for (let round = 0; round < 10; round++)
  for (const q of QUERIES) {
    const t = performance.now();
    await redis.call('FT.SEARCH', 'bench', q, 'SORTBY', 'ms', 'DESC', 'LIMIT', '0', '50', 'NOCONTENT');
    times.push(performance.now() - t);
  }
times.sort((a, b) => a - b);
console.log(
  `redisearch: ${N} reports, build ${(buildMs / 1000).toFixed(1)} s, Redis memory ${mem.toFixed(0)} MB, p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms`,
);
redis.disconnect();
