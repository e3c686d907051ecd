// npm run bench:all — every benchmark once, at reduced sizes so the whole suite takes minutes, not hours.
// Each writes its section to docs/benchmarks-quick.md (the full-size figures in docs/benchmarks.md stay);
// this script adds a summary of every `ratio:` line and prints it. `npm run bench:all -- alerts triage` runs
// only those and replaces only their rows (each row says when it ran). Run a single `npm run bench:<name>`
// for the full-size figure of one benchmark.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * The summary rows already in the quick document, by their first cell; rows written before the 'run at'
 * column existed get the date of their section.
 */
function previousRows(): Map<string, (string | number)[]> {
  const file = path.join(ROOT, QUICK_DOC);
  if (!existsSync(file)) return new Map();
  const section = /<!-- bench:all:start -->([\s\S]*?)<!-- bench:all:end -->/.exec(
    readFileSync(file, 'utf8'),
  )?.[1];
  if (!section) return new Map();
  const sectionDate = /^- (\d{4}-\d\d-\d\dT[\d:.]+Z)/m.exec(section)?.[1] ?? 'unknown';
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| `bench:'))
    .map((line) => line.slice(2, -2).split(' | '));
  return new Map(rows.map((cells) => [cells[0]!, cells.length >= 7 ? cells : [...cells, sectionDate]]));
}

const only = process.argv.slice(2);
const fresh = new Map<string, (string | number)[]>();
for (const r of RUNS.filter((x) => only.length === 0 || only.includes(x.name))) {
  console.log(`\n== bench:${r.name}`);
  const result = await run(r.name, r.env);
  fresh.set(`\`bench:${r.name}\``, [
    `\`bench:${r.name}\``,
    Object.entries(r.env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ') || 'full size',
    result.ok ? result.ratio : `failed (${result.ratio})`,
    result.others || '—',
    r.target,
    `${result.seconds} s`,
    new Date().toISOString(),
  ]);
}
// A partial run keeps the other benchmarks' latest rows.
const previous = only.length === 0 ? new Map() : previousRows();
const rows = RUNS.map((r) => `\`bench:${r.name}\``).flatMap((key) => {
  const row = fresh.get(key) ?? previous.get(key);
  return row ? [row] : [];
});
const summary = table(
  ['benchmark', 'quick inputs', 'ratio', 'other figures', 'target', 'time', 'run at'],
  rows,
);
process.env.BENCH_DOC = QUICK_DOC;
writeSection(
  'all',
  [
    '## All benchmarks, quick sizes (`npm run bench:all`)',
    '',
    `- ${new Date().toISOString()}; each benchmark at the reduced inputs shown, each row from the latest run of that benchmark ('run at'; the full-size runs are in \`docs/benchmarks.md\`)`,
    '',
    summary,
  ].join('\n'),
);
console.log(`\n${summary}`);
