// npm run bench:all — every benchmark once, at reduced sizes so the whole suite takes minutes, not hours.
// Each writes its section to docs/benchmarks-quick.md (the full-size figures in docs/benchmarks.md stay);
// this script adds a summary of every `ratio:` line and prints it. Run a single `npm run bench:<name>` for
// the full-size figure of one benchmark.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, table, writeSection } from './lib.js';

const QUICK_DOC = path.join('docs', 'benchmarks-quick.md');

const RUNS: { name: string; target: string; env: Record<string, string> }[] = [
  { name: 'intake', target: '≥ 1.0 (app ÷ bare insert)', env: { BENCH_DURATION: '5' } },
  { name: 'queue', target: 'p95 < 50 ms (ratio = worst p95 ÷ 50 ms)', env: { BENCH_REPORTS: '100000' } },
  { name: 'pages', target: 'req/s ÷ hello-world', env: { BENCH_DURATION: '4' } },
  {
    name: 'search',
    target: 'p95 < 50 ms (search-ratio = worst p95 ÷ 50 ms; ratio = portal ÷ hello-world)',
    env: { BENCH_CONTENT_ITEMS: '20000', BENCH_LOAD_SECONDS: '4' },
  },
  {
    name: 'dashboard',
    target: 'p95 < 200 ms (target-ratio = worst p95 ÷ 200 ms; ratio = ÷ primary-key look-up)',
    env: {
      BENCH_REPORTS: '100000',
      BENCH_EVENTS_PER_REPORT: '5',
      BENCH_PGLITE_REPORTS: '20000',
      BENCH_RUNS: '30',
    },
  },
  { name: 'alerts', target: '≥ 0.8 (fan-out ÷ request generation)', env: { BENCH_SUBSCRIPTIONS: '5000' } },
  { name: 'triage', target: 'suggestion < 5 ms, training < 60 s', env: {} },
  { name: 'lighthouse', target: '≥ 95 in each category (score ÷ 95)', env: {} },
];

function run(
  name: string,
  env: Record<string, string>,
): Promise<{ ratio: string; others: string; seconds: number; ok: boolean }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', `bench:${name}`], {
      cwd: ROOT,
      env: { ...process.env, ...env, BENCH_DOC: QUICK_DOC },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d);
    });
    child.on('close', (code) => {
      const ratio = /ratio:\s*([0-9.]+)\s*$/m.exec(out.trimEnd().split('\n').at(-1) ?? '')?.[1] ?? 'n/a';
      // Figures a benchmark prints besides its last line, e.g. `search-ratio: 0.64` (p95 ÷ target).
      const others = [...out.matchAll(/^([\w-]+[ -]ratio):\s*([0-9.]+)\s*$/gm)]
        .map((m) => `${m[1]} ${m[2]}`)
        .join('; ');
      resolve({ ratio, others, seconds: Math.round((Date.now() - started) / 1000), ok: code === 0 });
    });
  });
}

const only = process.argv.slice(2);
const rows: (string | number)[][] = [];
for (const r of RUNS.filter((x) => only.length === 0 || only.includes(x.name))) {
  console.log(`\n== bench:${r.name}`);
  const result = await run(r.name, r.env);
  rows.push([
    `\`bench:${r.name}\``,
    Object.entries(r.env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ') || 'full size',
    result.ok ? result.ratio : `failed (${result.ratio})`,
    result.others || '—',
    r.target,
    `${result.seconds} s`,
  ]);
}
const summary = table(['benchmark', 'quick inputs', 'ratio', 'other figures', 'target', 'time'], rows);
process.env.BENCH_DOC = QUICK_DOC;
writeSection(
  'all',
  [
    '## All benchmarks, quick sizes (`npm run bench:all`)',
    '',
    `- ${new Date().toISOString()}; each benchmark at the reduced inputs shown (the full-size runs are in \`docs/benchmarks.md\`)`,
    '',
    summary,
  ].join('\n'),
);
console.log(`\n${summary}`);
