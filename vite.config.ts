import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = path.resolve(import.meta.dirname, 'src/web');

/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to every built text file worth compressing, once at
 * build time, so the server sends compressed bytes without spending CPU per request (@fastify/static
 * `preCompressed`).
 */
function precompress(outDir: string): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  return {
    name: 'tinhso-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|webmanifest)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

const outDir = path.resolve(import.meta.dirname, 'dist/web');

/** Two browser faces built from one root: the citizen app (/app/) and the staff console (/console/). */
export default defineConfig({
  root: webRoot,
  base: '/',
  // src/web/public holds server-rendered page components, not static files to copy.
  publicDir: false,
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    rolldownOptions: {
      input: {
        app: path.join(webRoot, 'app/index.html'),
        console: path.join(webRoot, 'console/index.html'),
      },
      output: {
        // Name the shared chunks so bundle sizes are easy to read: React for both faces, zod for the console only.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
