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
// paint). A budget bounds a page's whole JavaScript, lazy chunks included: a kiosk on a slow link
// fetches all of it to show the wall complete. The build fails when a page exceeds its budget.
const manifestPath = path.resolve('dist/client/.vite/manifest.json');
const budgetsKB = { wall: 200 };
if (!existsSync(manifestPath)) {
  console.error(`no Vite manifest at ${manifestPath}: the page budgets cannot be checked`);
  process.exit(1);
}
{
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
  const over = [];
  const unseen = new Set(Object.keys(budgetsKB));
  for (const key of Object.keys(manifest).filter((k) => /features\/[^/]+\/\w+Page\.tsx$/.test(k))) {
    const name = key.split('/').at(-2);
    const first = closure(key, closure('index.html', new Set(), false), false);
    const all = new Set([...first, ...closure(key, new Set(), true)]);
    const [firstKB, allKB] = [sizeKB(first), sizeKB(all)];
    const budget = budgetsKB[name];
    unseen.delete(name);
    const verdict =
      budget === undefined ? '' : ` (budget ${budget} KB with lazy chunks: ${allKB <= budget ? 'ok' : 'OVER'})`;
    if (budget !== undefined && allKB > budget) over.push(`${name}: ${allKB.toFixed(1)} KB > ${budget} KB`);
    console.log(
      `page ${name}: ${firstKB.toFixed(1)} KB gzip JavaScript on first load in ${first.size} files, ` +
        `${allKB.toFixed(1)} KB with its lazy chunks${verdict}`,
    );
  }
  for (const name of unseen) over.push(`${name}: no such page in the manifest`);
  if (over.length > 0) {
    console.error(`JavaScript budget exceeded (gzip, lazy chunks included): ${over.join('; ')}`);
    process.exit(1);
  }
}
