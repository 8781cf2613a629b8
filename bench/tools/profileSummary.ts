/**
 * Summarises a V8 .cpuprofile (from BENCH_CPU_PROF): self time by function and by package,
 * and total (inclusive) time of the heaviest functions. Usage:
 *   npx tsx bench/tools/profileSummary.ts <file.cpuprofile> [top=25] [skip=0]
 * `skip` leaves out the first seconds of the profile (a server's start-up: module loading).
 */
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const [file, topArg, skipArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx bench/tools/profileSummary.ts <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const skipUs = Number(skipArg ?? 0) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfUs = new Map<number, number>();
let sinceStartUs = 0;
profile.samples.forEach((id, i) => {
  sinceStartUs += profile.timeDeltas[i] ?? 0;
  if (sinceStartUs >= skipUs) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const totalUs = profile.endTime - profile.startTime - skipUs;

const label = (n: Node) => {
  const url = n.callFrame.url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, 'nm:')
    .replace(/.*\/work\/main\//, '');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};
const pkg = (n: Node) => {
  const url = n.callFrame.url;
  if (!url) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return url.split('/')[0];
  return url
    .replace(/^file:\/\//, '')
    .replace(/.*\/work\/main\//, '')
    .split('/')
    .slice(0, 3)
    .join('/');
};

const selfBy = new Map<string, number>();
const pkgBy = new Map<string, number>();
const inclBy = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  selfBy.set(label(n), (selfBy.get(label(n)) ?? 0) + us);
  pkgBy.set(pkg(n), (pkgBy.get(pkg(n)) ?? 0) + us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    inclBy.set(l, (inclBy.get(l) ?? 0) + us);
  }
}
const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`;
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`);
};
console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s profiled`);
print('self time by package', pkgBy);
print('self time by function', selfBy);
print('total time by function', inclBy);
