// npm run bench:search — the content portal on PostgreSQL with BENCH_CONTENT_ITEMS (default 100,000) generated
// published items: full-text search over HTTP (p50/p95/p99 per query, target p95 < 50 ms), then public pages
// req/s against a Fastify hello-world in the same process and run. Writes its section of docs/benchmarks.md
// and prints `search-ratio: <worst p95 ÷ 50 ms>` and, last, `ratio: <portal home req/s ÷ hello-world req/s>`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '../src/platform/config/config.js';
import { openPostgres } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { loadProfile } from '../src/platform/profile/profile.js';
import { seedDatabase } from '../src/seed/seed.js';
import { buildApp } from '../src/server/app.js';
import { generateContent } from './generate-province.js';
import {
  createScratchDatabase,
  machine,
  machineLines,
  ms,
  percentile,
  table,
  writeSection,
  type ScratchDatabase,
} from './lib.js';

const COUNT = Number(process.env.BENCH_CONTENT_ITEMS ?? 100_000);
const RUNS = 200;
const TARGET_MS = 50;
const LOAD_S = Number(process.env.BENCH_LOAD_SECONDS ?? 8);
const CONNECTIONS = 20;

function load(url: string, seconds: number): Promise<{ reqPerSec: number; p95: number; non2xx: number }> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 10 }, (err, r) => {
      if (err) return reject(err);
      resolve({ reqPerSec: r['2xx'] / r.duration, p95: r.latency.p97_5 ?? r.latency.p99, non2xx: r.non2xx });
    });
  });
}

const started = Date.now();
const m = await machine();
const profile = loadProfile('long-an-2022');
let scratch: ScratchDatabase | null = null;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-search-'));
try {
  scratch = await createScratchDatabase();
  console.log(`database ${scratch.name}`);
  const database = await openPostgres(scratch.url, 10);
  try {
    await migrateDatabase(database, scratch.url);
    await seedDatabase(database, profile, 'base', { admin: 'x'.repeat(12), demo: 'unused-demo-password' });
    const genStart = Date.now();
    await generateContent(database, COUNT, (done, total) =>
      console.log(`  inserted ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`),
    );
    const genSeconds = (Date.now() - genStart) / 1000;
    const [size] = await database.query<{ rows: string; total: string }>(
      `select (select count(*) from content_items)::text as rows, pg_size_pretty(pg_total_relation_size('content_items')) as total`,
    );
    const config = loadConfig({
      DATABASE_URL: scratch.url,
      SEED: 'base',
      LOG_LEVEL: 'silent',
      ADMIN_PASSWORD: 'x'.repeat(12),
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      RATE_LIMIT_SCALE: '1000',
    });
    const app = await buildApp(config, { database, jobs: false });
    await app.http.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.http.server.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    try {
      const cases: [string, string][] = [
        ['ngap nuoc (no diacritics)', 'ngap nuoc'],
        ['ngập nước (with diacritics)', 'ngập nước'],
        ['common: chuyen doi so', 'chuyen doi so'],
        ['document number: 310/KH', '310/KH'],
        ['rare: so 4242', 'so 4242'],
        ['three terms: dich vu cong', 'dich vu cong'],
      ];
      const rows: (string | number)[][] = [];
      let worst = 0;
      for (const [label, q] of cases) {
        const url = `${base}/api/v1/content/search?q=${encodeURIComponent(q)}&limit=20`;
        let hits = 0;
        for (let i = 0; i < 10; i++) hits = ((await (await fetch(url)).json()) as { total: number }).total;
        const samples: number[] = [];
        const until = performance.now() + 10_000;
        for (let i = 0; i < RUNS && performance.now() < until; i++) {
          const t = performance.now();
          const res = await fetch(url);
          await res.text();
          if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
          samples.push(performance.now() - t);
        }
        const p95 = percentile(samples, 95);
        worst = Math.max(worst, p95);
        rows.push([
          label,
          hits.toLocaleString('en'),
          samples.length,
          ms(percentile(samples, 50)),
          ms(p95),
          ms(percentile(samples, 99)),
        ]);
        console.log(`  ${label}: ${hits} hits, p95 ${ms(p95)} ms`);
      }

      const hello = Fastify({ logger: false });
      hello.get('/', async () => 'hello');
      await hello.listen({ port: 0, host: '127.0.0.1' });
      const helloAddr = hello.server.address();
      const helloUrl = `http://127.0.0.1:${typeof helloAddr === 'object' && helloAddr ? helloAddr.port : 0}/`;
      const [article] = await database.query<{ slug: string }>(
        `select slug from content_items where type = 'article' order by publish_at desc limit 1`,
      );
      const pages: [string, string][] = [
        ['Fastify hello world (ceiling)', helloUrl],
        ['portal home /chuyen-doi-so', `${base}/chuyen-doi-so`],
        ['article page', `${base}/chuyen-doi-so/tin-tuc/${article!.slug}`],
        ['news list page 2', `${base}/chuyen-doi-so/tin-tuc?trang=2`],
        ['JSON list /api/v1/content/public', `${base}/api/v1/content/public?type=article`],
      ];
      const loadRows: (string | number)[][] = [];
      const rates: number[] = [];
      for (const [label, url] of pages) {
        await load(url, 2);
        const r = await load(url, LOAD_S);
        rates.push(r.reqPerSec);
        loadRows.push([label, Math.round(r.reqPerSec).toLocaleString('en'), ms(r.p95), r.non2xx]);
        console.log(`  ${label}: ${Math.round(r.reqPerSec)} req/s`);
      }
      await hello.close();
      const ratio = rates[1]! / rates[0]!;
      const searchRatio = worst / TARGET_MS;
      const doc = [
        '## Content search and portal pages (`npm run bench:search`)',
        '',
        ...machineLines(m),
        `- ${Number(size?.rows).toLocaleString('en')} published items generated by \`generateContent\` (\`bench/generate-province.ts\`, the portal content of \`npm run data:generate\`) in ${genSeconds.toFixed(1)} s (${size?.total} with indexes) on PostgreSQL; application built with \`buildApp\` (SEED base, rate limits scaled ×1000), requests over HTTP from the same process, sequential for search (up to ${RUNS} per query after 10 warm-up requests).`,
        '',
        '### Full-text search over HTTP (`GET /api/v1/content/search`, 20 per page, the newest 200 matches ranked)',
        '',
        table(['query', 'matches', 'runs', 'p50 ms', 'p95 ms', 'p99 ms'], rows),
        '',
        `Worst p95 ${ms(worst)} ms against the 50 ms target: **search ratio ${searchRatio.toFixed(3)}** (below 1 meets it).`,
        '',
        `### Public pages, ${CONNECTIONS} connections, ${LOAD_S} s each (autocannon in the same process as the servers)`,
        '',
        table(['target', 'req/s', 'p97.5 ms', 'non-2xx'], loadRows),
        '',
        `Portal home ÷ hello world: **ratio ${ratio.toFixed(3)}**. Portal pages come from the in-process page cache (30 s, dropped when content changes); the JSON list is not cached in the process. ETag and \`Cache-Control: public, max-age=60\` let a proxy or CDN in front serve repeats.`,
        '',
        `Run took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      ].join('\n');
      writeSection('search', doc);
      console.log(`search-ratio: ${searchRatio.toFixed(3)}`);
      console.log(`ratio: ${ratio.toFixed(3)}`);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await scratch?.drop();
}
