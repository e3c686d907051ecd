import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '../../dist/web');
const BUDGET_BYTES = 150 * 1024;

/** The JavaScript a phone downloads to open the citizen app: the entry and every module it preloads. */
function firstLoadScripts(): string[] {
  const html = readFileSync(path.join(DIST, 'app', 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

describe('the citizen app stays light on a cheap phone', () => {
  it(`first load is at most ${BUDGET_BYTES / 1024} KB of compressed JavaScript (built by the e2e setup)`, () => {
    const scripts = firstLoadScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((s) => gzipSync(readFileSync(path.join(DIST, s))).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`citizen app first load: ${(total / 1024).toFixed(1)} KB gzip in ${scripts.length} scripts`);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
