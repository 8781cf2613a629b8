// Prints the gzip size of the JavaScript each page loads, after `vite build`.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = path.resolve('dist/client/assets');
const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
let total = 0;
for (const f of files) {
  const size = gzipSync(readFileSync(path.join(dir, f))).length;
  total += size;
  console.log(`  ${f.padEnd(40)} ${(size / 1024).toFixed(1)} KB gzip`);
}
console.log(`client JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${files.length} files`);
