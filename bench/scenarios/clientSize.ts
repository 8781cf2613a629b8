/**
 * Gzip size of every JavaScript file the wall page loads: the entry chunk and its static
 * imports, plus the wall's lazy chunk and its static imports. Read from Vite's manifest
 * (dist/client/.vite/manifest.json) when the build wrote one; otherwise the same walk is
 * done over the built files' import statements.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { record } from '../lib/results.js';

const clientDir = path.resolve('dist/client');

type ManifestChunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };

/** The wall's lazy chunks (its Recharts troop chart) and what they import, less what `loaded` has. */
function lazyFromManifest(manifest: Record<string, ManifestChunk>, loaded: readonly string[]): string[] {
  const files = new Set<string>(loaded);
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) walk(k);
  };
  // The lazy imports of any chunk the wall loads (the chart's may sit in a chunk the wall shares),
  // but not the entry's: those are the other pages.
  const lazy = Object.keys(manifest).filter((k) => !manifest[k].isEntry && loaded.includes(manifest[k].file));
  for (const key of lazy) for (const k of manifest[key].dynamicImports ?? []) walk(k);
  return [...files].filter((f) => !loaded.includes(f));
}

function fromManifest(manifest: Record<string, ManifestChunk>): string[] {
  const files = new Set<string>();
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) walk(k);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const wall = Object.keys(manifest).find((k) => /features\/wall\/WallPage\.tsx?$/.test(k));
  if (!entry) throw new Error('no entry in the Vite manifest');
  if (!wall) throw new Error('no wall chunk (features/wall/WallPage) in the Vite manifest');
  walk(entry);
  walk(wall);
  return [...files];
}

/** Without a manifest: the entry script of index.html and the WallPage chunk, each with what they import statically. */
function fromImports(): string[] {
  const html = readFileSync(path.join(clientDir, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\/?([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in dist/client/index.html');
  const assets = path.join(clientDir, 'assets');
  const wall = existsSync(assets) ? (readdirSync(assets).find((f) => /^WallPage-.*\.js$/.test(f)) ?? null) : null;
  const files = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(path.join(clientDir, file), 'utf8');
    // Static imports only: `import{…}from"./x.js"` or `import"./x.js"`, never `import("./x.js")`.
    for (const m of code.matchAll(/import\s*(?:[\w${},\s*]+from\s*)?["'](\.\/[^"']+\.js)["']/g))
      walk(path.posix.join(path.posix.dirname(file), m[1]));
  };
  walk(entry);
  if (wall) walk(`assets/${wall}`);
  return [...files];
}

export async function clientSizeScenario(): Promise<void> {
  const manifestPath = path.join(clientDir, '.vite/manifest.json');
  const viaManifest = existsSync(manifestPath);
  const files = viaManifest
    ? fromManifest(JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>)
    : fromImports();
  const gzipped = (list: readonly string[]) =>
    list.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(clientDir, file))).length, 0);
  const total = gzipped(files);
  console.log(`  wall page JavaScript (${viaManifest ? 'Vite manifest' : 'import walk'}): ${files.join(', ')}`);
  record('client.wall_js_gzip_kb', total / 1024, 'KB');
  if (viaManifest) {
    // Fetched after the first paint: reported so a change that weighs on the chart shows.
    const lazy = lazyFromManifest(
      JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>,
      files,
    );
    record('client.wall_js_with_chart_gzip_kb', (total + gzipped(lazy)) / 1024, 'KB');
  }
}
