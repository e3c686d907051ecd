/**
 * Builds the web app (Vite) before `npm start` when it is missing or older than its sources, so a new
 * checkout starts with one command and later starts skip the build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist/web/console/index.html');
const sources = ['src/web', 'src/contracts', 'vite.config.ts', 'package-lock.json'].map((p) =>
  path.join(root, p),
);

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (built >= Math.max(...sources.map(newestMtime))) process.exit(0);

console.log('Đang build ứng dụng web / building the web app (vite build)…');
const vite = path.join(root, 'node_modules/.bin/vite');
const result = spawnSync(vite, ['build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
process.exit(result.status ?? 1);
