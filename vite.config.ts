import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = path.resolve(import.meta.dirname, 'src/web');

/** Two browser faces built from one root: the citizen app (/app/) and the staff console (/console/). */
export default defineConfig({
  root: webRoot,
  base: '/',
  // src/web/public holds server-rendered page components, not static files to copy.
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
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
