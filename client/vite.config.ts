import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const outDir = path.resolve(import.meta.dirname, '../dist/client');
const build = `${Date.now().toString(36)}`;

/** Writes version.json beside the bundle: api nodes announce it, kiosks reload when it changes. */
function versionFile(): Plugin {
  return {
    name: 'crisis-version-file',
    closeBundle() {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path.join(outDir, 'version.json'), JSON.stringify({ build }));
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), versionFile()],
  define: { __BUILD_ID__: JSON.stringify(build) },
  build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800, manifest: true }, // manifest: bundle-size sizes each page
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true } } },
});
