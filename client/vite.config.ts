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
  resolve: {
    // Recharts imports all of d3-scale by namespace; our charts need three scales (see d3Scales.ts).
    alias: { 'victory-vendor/d3-scale': path.resolve(import.meta.dirname, 'src/components/charts/d3Scales.ts') },
  },
  define: { __BUILD_ID__: JSON.stringify(build) },
  build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800, manifest: true }, // manifest: bundle-size sizes each page
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true } } },
});
