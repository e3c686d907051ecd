import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Builds the web app once before the browser journeys: the server serves dist/web. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
