// Prints the gzip size of the JavaScript each page loads, after `vite build`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = path.resolve('dist/client/assets');
const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
const gzipKB = (file) => gzipSync(readFileSync(path.resolve('dist/client', file))).length / 1024;
let total = 0;
for (const f of files) {
  const size = gzipSync(readFileSync(path.join(dir, f))).length;
  total += size;
  console.log(`  ${f.padEnd(40)} ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(`client JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${files.length} files`);

// Per page, from Vite's manifest: the shell (index.html's entry) plus the page's lazy chunk and
// everything both import statically (its first load), then the same with the chunks the page
// loads later by dynamic import (e.g. the wall's troop chart, fetched after the wall's first
// paint). The wall's first load has a budget of 200 KB gzip (a kiosk on a slow link), printed so
// a change that weighs on it shows.
const manifestPath = path.resolve('dist/client/.vite/manifest.json');
const budgetsKB = { wall: 200 };
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const closure = (key, seen, lazy) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return seen;
    seen.add(chunk.file);
    for (const dep of chunk.imports ?? []) closure(dep, seen, lazy);
    // The shell's dynamic imports are the other pages, not this page's lazy parts.
    if (lazy && key !== 'index.html') for (const dep of chunk.dynamicImports ?? []) closure(dep, seen, lazy);
    return seen;
  };
  const sizeKB = (files) => [...files].reduce((sum, f) => sum + gzipKB(f), 0);
  let overBudget = false;
  for (const key of Object.keys(manifest).filter((k) => /features\/[^/]+\/\w+Page\.tsx$/.test(k))) {
    const name = key.split('/').at(-2);
    const first = closure(key, closure('index.html', new Set(), false), false);
    const all = new Set([...first, ...closure(key, new Set(), true)]);
    const [firstKB, allKB] = [sizeKB(first), sizeKB(all)];
    const budget = budgetsKB[name];
    const verdict =
      budget === undefined
        ? ''
        : firstKB <= budget
          ? ` (first-load budget ${budget} KB: ok)`
          : ` (first-load budget ${budget} KB: OVER)`;
    if (budget !== undefined && firstKB > budget) overBudget = true;
    console.log(
      `page ${name}: ${firstKB.toFixed(1)} KB gzip JavaScript on first load in ${first.size} files, ` +
        `${allKB.toFixed(1)} KB with its lazy chunks${verdict}`,
    );
  }
  if (overBudget) process.exit(1);
}
