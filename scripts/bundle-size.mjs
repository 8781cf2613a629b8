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
// everything both import statically. The wall has a budget: ≤ 200 KB gzip (a kiosk on a slow link).
const manifestPath = path.resolve('dist/client/.vite/manifest.json');
const budgetsKB = { wall: 200 };
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const closure = (key, seen) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return seen;
    seen.add(chunk.file);
    for (const dep of chunk.imports ?? []) closure(dep, seen);
    return seen;
  };
  let overBudget = false;
  for (const key of Object.keys(manifest).filter((k) => /features\/[^/]+\/\w+Page\.tsx$/.test(k))) {
    const name = key.split('/').at(-2);
    const loaded = closure(key, closure('index.html', new Set()));
    const kb = [...loaded].reduce((sum, f) => sum + gzipKB(f), 0);
    const budget = budgetsKB[name];
    const verdict =
      budget === undefined ? '' : kb <= budget ? ` (budget ${budget} KB: ok)` : ` (budget ${budget} KB: OVER)`;
    if (budget !== undefined && kb > budget) overBudget = true;
    console.log(`page ${name}: ${kb.toFixed(1)} KB gzip JavaScript in ${loaded.size} files${verdict}`);
  }
  if (overBudget) process.exit(1);
}
