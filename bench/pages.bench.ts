// npm run bench:pages — public pages (a published report, a news article, the answers list, the portal
// home) served by the real application on PostgreSQL with its demo data, against the Fastify hello-world
// ceiling measured in the same run. Writes its section of docs/benchmarks.md and prints
// `ratio: <slowest page req/s ÷ hello-world req/s>` last.
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { startServer } from '../tests/e2e/support/server.js';
import { createScratchDatabase, machine, machineLines, ms, ROOT, table, writeSection } from './lib.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);

let ipCounter = 0;
/** A distinct client address per request (X-Forwarded-For, TRUST_PROXY on): visitors, not one flooding IP. */
function nextIp(): string {
  const n = ++ipCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

async function load(url: string, headers: Record<string, string> = {}) {
  const requests = [
    {
      setupRequest: (req: { headers?: Record<string, string> }) => ({
        ...req,
        headers: { ...req.headers, ...headers, 'x-forwarded-for': nextIp() },
      }),
    },
  ];
  // Warm-up (templates, caches, connections), then the measured run.
  await autocannon({ url, connections: CONNECTIONS, duration: 1, requests });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    total: r.requests.total,
  };
}

async function hello(): Promise<{ url: string; stop: () => void }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  // node itself (not npx): killing it stops the server, nothing is left behind.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/hello-server.ts')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) =>
    child.stdout!.on('data', (d: Buffer) => d.includes('ready') && resolve()),
  );
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill('SIGTERM') };
}

const m = await machine();
const db = await createScratchDatabase();
const server = await startServer({
  env: { DATABASE_URL: db.url, TRUST_PROXY: 'true', LOG_LEVEL: 'error' },
});
const rows: (string | number)[][] = [];
let ratio = Infinity;
try {
  const base = server.baseUrl;
  const answers = (await (await fetch(`${base}/api/v1/public/reports?limit=1`)).json()) as {
    items: { trackingCode: string }[];
  };
  const news = (await (await fetch(`${base}/api/v1/content/public?type=article&limit=1`)).json()) as {
    items: { slug: string }[];
  };
  const pages = [
    {
      name: 'một phản ánh đã trả lời / one published report',
      path: `/phan-anh/${answers.items[0]!.trackingCode}`,
    },
    { name: 'danh sách phản ánh đã trả lời / answers list', path: '/phan-anh' },
    { name: 'một bài tin tức / one news article', path: `/chuyen-doi-so/tin-tuc/${news.items[0]!.slug}` },
    { name: 'trang chủ cổng 1022 / portal home', path: '/' },
    { name: 'trang chủ chuyển đổi số / digital-transformation portal home', path: '/chuyen-doi-so' },
    {
      name: 'thư viện tài liệu tuyên truyền / materials library',
      path: '/chuyen-doi-so/tai-lieu-tuyen-truyen',
    },
  ];
  const ceiling = await hello();
  const h = await load(ceiling.url);
  ceiling.stop();
  rows.push(['Fastify hello-world (baseline)', Math.round(h.rps), h.p50, h.p99, '—', '1.00']);
  for (const page of pages) {
    const r = await load(`${base}${page.path}`);
    // 304 answers to revalidation are fine; anything else that is not 2xx is a failure.
    const errors = r.non2xx / Math.max(1, r.total);
    if (errors > 0.01) throw new Error(`${page.path}: ${(errors * 100).toFixed(1)} % answers not 2xx`);
    // A browser that already has the page asks again with its ETag: 304 without a body.
    const first = await fetch(`${base}${page.path}`);
    const etag = first.headers.get('etag');
    const cached = etag ? await load(`${base}${page.path}`, { 'if-none-match': etag }) : null;
    ratio = Math.min(ratio, r.rps / h.rps);
    rows.push([
      `${page.name} (\`${page.path.replace(answers.items[0]!.trackingCode, ':code')}\`)`,
      Math.round(r.rps),
      r.p50,
      r.p99,
      cached ? `${Math.round(cached.rps)} req/s` : 'no ETag',
      (r.rps / h.rps).toFixed(2),
    ]);
    console.log(page.path, Math.round(r.rps), 'req/s');
  }
} finally {
  await server.stop();
  await db.drop();
}

writeSection(
  'pages',
  [
    '## Public pages (`npm run bench:pages`)',
    '',
    ...machineLines(m),
    `- The application (one process, \`tsx src/main.ts\`, demo data) on a fresh PostgreSQL database; autocannon with ${CONNECTIONS} connections for ${DURATION_S} s per page after a 1 s warm-up, on the same machine; each request comes from its own \`X-Forwarded-For\` address (TRUST_PROXY on), so the per-address rate limits see visitors, not one client`,
    '- Baseline: a Fastify hello-world in its own process, measured in the same run; ratio = page req/s ÷ hello-world req/s',
    '- "Revalidated" = the same request with `If-None-Match` (a browser or proxy that has the page): 304 without a body',
    '',
    table(['page', 'req/s', 'p50 ms', 'p99 ms', 'revalidated', 'ratio'], rows),
    '',
    `Slowest page against the hello-world ceiling: ratio ${ms(ratio)}.`,
  ].join('\n'),
);
console.log(`ratio: ${ratio.toFixed(3)}`);
