// npm run bench:intake — report intake (POST /api/v1/reports) through the real application versus a bare
// Fastify + pg insert baseline, on a fresh PostgreSQL database; then the same intake on in-memory PGlite.
// Writes its section of docs/benchmarks.md and prints `ratio: <app req/s ÷ baseline req/s>` last.
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  cpuSecondsSince,
  createScratchDatabase,
  machine,
  machineLines,
  mib,
  ms,
  percentile,
  postgresCpuSeconds,
  table,
  writeSection,
  type ScratchDatabase,
} from './lib.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 2;
const PROFILE_S = 5;
const MAX_NON2XX = 0.005;

const REPORT = JSON.stringify({
  categoryCode: 'giao_thong_ha_tang',
  title: 'Ổ gà lớn trên đường Hùng Vương',
  body: 'Mặt đường có nhiều ổ gà lớn, nguy hiểm cho người đi xe máy vào ban đêm, đề nghị sửa chữa sớm.',
  location: { lat: 10.5359, lon: 106.4107 },
  address: 'Đường Hùng Vương, Phường 2, Tân An',
  reporter: { email: 'nguoidan@example.vn' },
  consent: true,
});

interface QueryStat {
  text: string;
  count: number;
  ms: number;
}
interface ChildStats {
  rss: number;
  maxRss: number;
  queries: QueryStat[];
  poolWaitMs: number;
  poolWaits: number;
  cpuSeconds: number;
}
interface Server {
  child: ChildProcess;
  port: number;
  request<T>(type: string): Promise<T>;
  stop(): Promise<void>;
}

function startServer(
  mode: string,
  dbUrl: string,
  extra: { profile?: boolean; cpuProfDir?: string } = {},
): Promise<Server> {
  const execArgv = ['--import', 'tsx'];
  const child = fork(path.join(import.meta.dirname, 'intake-server.ts'), [], {
    execArgv,
    env: {
      ...process.env,
      BENCH_MODE: mode,
      BENCH_DB_URL: dbUrl,
      BENCH_PROFILE: extra.profile ? '1' : '0',
      // The child profiles its CPU between 'reset' and 'stats' only: the measured window, not start-up.
      ...(extra.cpuProfDir ? { BENCH_CPU_PROF_DIR: extra.cpuProfDir } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode}: server did not start within 120 s`)), 120_000);
    child.once('exit', (code) =>
      reject(new Error(`${mode}: server exited with ${code} before it was ready`)),
    );
    child.once('message', (m: { type: string; port: number }) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        child,
        port: m.port,
        request<T>(type: string) {
          return new Promise<T>((res, rej) => {
            const t = setTimeout(() => rej(new Error(`${mode}: no answer to ${type}`)), 10_000);
            child.once('message', (answer: T) => {
              clearTimeout(t);
              res(answer);
            });
            child.send({ type });
          });
        },
        stop() {
          return new Promise<void>((res) => {
            const t = setTimeout(() => {
              child.kill('SIGKILL');
              res();
            }, 20_000);
            child.once('exit', () => {
              clearTimeout(t);
              res();
            });
            child.send({ type: 'stop' });
          });
        },
      });
    });
  });
}

const us = (seconds: number) => `${(seconds * 1e6).toFixed(0)} µs`;

let ipCounter = 0;
/** A distinct client address per request: 10.x.y.z, so the per-IP intake limit (30/min) never applies. */
function nextIp(): string {
  const n = ++ipCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

interface LoadResult {
  requests: number;
  reqPerSec: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
}

function load(port: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/reports',
            headers: { 'content-type': 'application/json' },
            body: REPORT,
            setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': nextIp() } }),
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err);
        const total = r['2xx'] + r.non2xx;
        resolve({
          requests: total,
          reqPerSec: r['2xx'] / r.duration,
          non2xx: r.non2xx,
          errors: r.errors + r.timeouts,
          statuses,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
      latencies.push(time);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
}

interface Measured extends LoadResult {
  name: string;
  rss: number;
  maxRss: number;
  /** CPU seconds per created report over the measured window: the server process, every PostgreSQL process, the load generator. */
  cpu: { server: number; postgres: number | null; loadGenerator: number };
}

async function measure(name: string, mode: string, dbUrl: string): Promise<Measured> {
  console.log(`— ${name}: starting`);
  const server = await startServer(mode, dbUrl);
  try {
    await load(server.port, WARMUP_S);
    await server.request('reset');
    const pgFrom = postgresCpuSeconds(m.postmasterPid);
    const selfFrom = process.cpuUsage();
    const r = await load(server.port, DURATION_S);
    const loadGenerator = cpuSecondsSince(selfFrom);
    const pgTo = postgresCpuSeconds(m.postmasterPid);
    const stats = await server.request<ChildStats>('stats');
    const created = r.statuses['201'] ?? 0;
    const perReport = (s: number) => (created ? s / created : NaN);
    // On PGlite the database runs inside the server process: its CPU is already in the server's figure.
    const postgres = mode === 'app-pglite' || pgFrom === null || pgTo === null ? null : pgTo - pgFrom;
    const cpu = {
      server: perReport(stats.cpuSeconds),
      postgres: postgres === null ? null : perReport(postgres),
      loadGenerator: perReport(loadGenerator),
    };
    console.log(
      `  ${name}: ${r.reqPerSec.toFixed(0)} req/s, p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, p99 ${ms(r.p99)} ms, non-2xx ${r.non2xx}, errors ${r.errors}, RSS ${mib(stats.rss)}, CPU per report: server ${us(cpu.server)}, PostgreSQL ${cpu.postgres === null ? 'n/a' : us(cpu.postgres)}, autocannon ${us(cpu.loadGenerator)}`,
    );
    return { name, ...r, rss: stats.rss, maxRss: stats.maxRss, cpu };
  } finally {
    await server.stop();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function and per package from a V8 .cpuprofile. */
function summariseCpu(file: string) {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n.callFrame]));
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    const f = byId.get(id);
    if (!f) return;
    const where = f.url.replace(/^file:\/\//, '');
    const m = where.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const group = m
      ? m[1]!
      : where.includes('/src/')
        ? 'app src/'
        : where.startsWith('node:')
          ? 'node core'
          : f.functionName
            ? `(${f.functionName})`
            : '(native/other)';
    pkg.set(group, (pkg.get(group) ?? 0) + dt);
    const key =
      `${f.functionName || '(anonymous)'} ${where ? `${path.basename(where)}:${f.lineNumber + 1}` : ''}`.trim();
    fn.set(key, (fn.get(key) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => ({ name: k, share: v / total }));
  return { packages: top(pkg, 10), functions: top(fn, 10) };
}

async function profileApp(dbUrl: string) {
  console.log(
    '— profile: application on PostgreSQL with query counting and a CPU profile of the measured window',
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-cpuprof-'));
  const server = await startServer('app-pg', dbUrl, { profile: true, cpuProfDir: dir });
  let r: LoadResult;
  let stats: ChildStats;
  try {
    await load(server.port, WARMUP_S);
    await server.request('reset');
    r = await load(server.port, PROFILE_S);
    stats = await server.request<ChildStats>('stats');
  } finally {
    await server.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const cpu = file ? summariseCpu(path.join(dir, file)) : null;
  // BENCH_KEEP_CPU_PROFILE=file.cpuprofile keeps the window's profile (open it in Chrome's DevTools).
  if (file && process.env.BENCH_KEEP_CPU_PROFILE)
    copyFileSync(path.join(dir, file), process.env.BENCH_KEEP_CPU_PROFILE);
  rmSync(dir, { recursive: true, force: true });
  const created = r.statuses['201'] ?? 0;
  const queries = stats.queries.sort((a, b) => b.ms - a.ms);
  const totalQueries = queries.reduce((s, q) => s + q.count, 0);
  return {
    created,
    queries,
    totalQueries,
    poolWaitMs: stats.poolWaitMs,
    poolWaits: stats.poolWaits,
    cpu,
    reqPerSec: r.reqPerSec,
  };
}

const started = Date.now();
const m = await machine();
let scratch: ScratchDatabase | null = null;
let failure: string | null = null;
try {
  scratch = await createScratchDatabase();
  console.log(
    `database ${scratch.name}; ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s each`,
  );
  const baseline = await measure('baseline (Fastify + pg insert)', 'baseline', scratch.url);
  const app = await measure('application on PostgreSQL', 'app-pg', scratch.url);
  const lite = await measure('application on PGlite (in memory)', 'app-pglite', '');
  const prof = await profileApp(scratch.url);

  const ratio = app.reqPerSec / baseline.reqPerSec;
  const liteRatio = lite.reqPerSec / app.reqPerSec;
  const perIntake = prof.created ? prof.totalQueries / prof.created : NaN;
  const runs = [baseline, app, lite];
  for (const run of runs) {
    if (run.requests === 0 || (run.non2xx + run.errors) / run.requests > MAX_NON2XX) {
      failure ??= `${run.name}: ${run.non2xx} non-2xx and ${run.errors} errors of ${run.requests} responses (statuses ${JSON.stringify(run.statuses)})`;
    }
  }

  const sqlMs = prof.queries.reduce((sum, q) => sum + q.ms, 0);
  const countOf = (needle: string) =>
    prof.queries.filter((q) => q.text.includes(needle)).reduce((sum, q) => sum + q.count, 0);
  const batches = countOf('insert into "reports"');
  const cpuShare = (name: string) => {
    const share = prof.cpu?.packages.find((p) => p.name === name)?.share;
    return share === undefined ? '< top 10' : `${(share * 100).toFixed(0)} %`;
  };
  const queryRows = prof.queries
    .slice(0, 12)
    .map((q) => [
      `\`${q.text.replace(/\|/g, '\\|')}\``,
      prof.created ? (q.count / prof.created).toFixed(2) : '?',
      ms(q.ms / q.count),
      `${((q.ms / sqlMs) * 100).toFixed(0)} %`,
    ]);
  // The audit log's chains (src/platform/audit/audit.ts): a try-lock on a free chain, or a wait when all are held.
  const lockTry = prof.queries.find((q) => q.text.startsWith('select c as chain'));
  const lockWait = prof.queries.find((q) => q.text.includes('select pg_advisory_xact_lock'));
  const doc = [
    '## Intake: `POST /api/v1/reports` (`npm run bench:intake`)',
    '',
    ...machineLines(m),
    `- Inputs: fresh database \`tinhso_bench_*\`; application built with \`buildApp(loadConfig({ DATABASE_URL, SEED: 'base', LOG_LEVEL: 'silent', TRUST_PROXY: 'true', PROCESS_ROLE: '${process.env.BENCH_INTAKE_ROLE ?? 'web'}', … }), { jobs: true })\` in a child process (on PostgreSQL a web process as deployed: it queues each report's acknowledgement job in the report's transaction and a separate worker process sends it, so the worker is not running during the measurement — \`BENCH_INTAKE_ROLE=all\` measures web and worker in one process; PGlite always runs both in one process); autocannon in the parent, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up then ${DURATION_S} s per system; every request is a valid report (\`giao_thong_ha_tang\`, point in Tân An 10.5359, 106.4107, e-mail contact, consent) from its own \`X-Forwarded-For\` address (the route allows 30 reports a minute per address).`,
    `- Baseline: bare Fastify, JSON-schema validation of the same body, one \`insert … returning id\` into a 4-text-column table in the same database, pg Pool of 10 (the application's pool size).`,
    `- Target (issue): ratio ≥ 1.0 with p99 < 50 ms.`,
    '',
    table(
      ['system', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'RSS after / peak'],
      runs.map((r) => [
        r.name,
        r.reqPerSec.toFixed(0),
        ms(r.p50),
        ms(r.p95),
        ms(r.p99),
        `${r.non2xx} / ${r.requests}`,
        `${mib(r.rss)} / ${mib(r.maxRss)}`,
      ]),
    ),
    '',
    "CPU per created report over the measured window (user + system: the server process from its `cpuUsage()`, PostgreSQL from `/proc/<pid>/stat` of the measured server's processes (its postmaster and every process it started), autocannon from the parent's `cpuUsage()`):",
    '',
    table(
      ['system', 'server process', 'PostgreSQL', 'load generator', 'server + database'],
      runs.map((r) => [
        r.name,
        us(r.cpu.server),
        r.cpu.postgres === null ? 'in the server process' : us(r.cpu.postgres),
        us(r.cpu.loadGenerator),
        us(r.cpu.server + (r.cpu.postgres ?? 0)),
      ]),
    ),
    '',
    `**ratio (application on PostgreSQL ÷ baseline): ${ratio.toFixed(3)}** — target ≥ 1.0 ${ratio >= 1 ? 'met' : 'not met'}; application p99 ${ms(app.p99)} ms (target < 50 ms ${app.p99 < 50 ? 'met' : 'not met'}).`,
    '',
    `PGlite ratio (application on in-memory PGlite ÷ application on PostgreSQL): ${liteRatio.toFixed(3)}. PGlite has one connection, so every intake, pg-boss's polling and the notification worker run one statement at a time; the same ~${perIntake.toFixed(0)} statements per intake set its ceiling.`,
    '',
    `### Where an intake's time goes (profile run: ${PROFILE_S} s, ${prof.created} reports, ${prof.reqPerSec.toFixed(0)} req/s with instrumentation)`,
    '',
    `- SQL statements per intake: **${perIntake.toFixed(1)}** (all statements on the pool divided by reports created; includes pg-boss's own polling, which is a small share). The baseline runs 1.`,
    `- Pool: ${prof.poolWaits} checkouts, ${ms(prof.poolWaits ? prof.poolWaitMs / prof.poolWaits : NaN)} ms average wait for a connection.`,
    `- Audit chains (${'`'}AUDIT_CHAINS${'`'} interleaved hash chains, one advisory lock each, held until commit): ${lockTry ? `${lockTry.count} free-chain look-ups, ${ms(lockTry.ms / lockTry.count)} ms each` : 'no look-up seen'}; ${lockWait ? `${lockWait.count} waits for a chain when all were held, ${ms(lockWait.ms / lockWait.count)} ms average` : 'no transaction had to wait for a chain'}.`,
    '',
    '**Where the time goes (notes for the next person; measured on the code as of this run):**',
    '',
    `1. **Batches.** ${batches ? `${(prof.created / batches).toFixed(1)} reports per transaction on average (${batches} transactions for ${prof.created} reports)` : 'no report inserts were seen'}, ${ms(batches ? sqlMs / batches : NaN)} ms of SQL per transaction; one batch is written at a time (group commit: the submissions arriving meanwhile form the next batch), each on one of the audit chains${lockWait ? `; chain waits are ${((lockWait.ms / sqlMs) * 100).toFixed(0)} % of SQL time` : ''}.`,
    `2. **CPU in the application process** (only ${cpuShare('((idle))')} idle): drizzle-orm ${cpuShare('drizzle-orm')} of self time (query building, \`is()\` entity checks), node core ${cpuShare('node core')} + \`writev\` ${cpuShare('(writev)')}, pg + pg-protocol ${cpuShare('pg')} + ${cpuShare('pg-protocol')}, zod ${cpuShare('zod')}. On 2 shared cores the app, PostgreSQL and the load generator compete (\`writev\` is mostly the wait while the woken PostgreSQL backend takes the core); the baseline does a small fraction of this work per request. The report, event and audit rows are written by \`platform/db/insert-many.ts\`, not drizzle's builder.`,
    `3. **${perIntake.toFixed(1)} SQL statements per intake** (the baseline: 1), ${ms(prof.poolWaits ? prof.poolWaitMs / prof.poolWaits : NaN)} ms average wait for a pool connection; per-statement shares are in the table below.`,
    '',
    table(['statement (first 110 characters)', 'per intake', 'avg ms', 'share of SQL time'], queryRows),
    '',
    ...(prof.cpu
      ? [
          'CPU self time in the application process (V8 `--cpu-prof`), by package and by function:',
          '',
          table(
            ['package', 'share'],
            prof.cpu.packages.map((p) => [p.name, `${(p.share * 100).toFixed(1)} %`]),
          ),
          '',
          table(
            ['function', 'share'],
            prof.cpu.functions.map((p) => [
              `\`${p.name.replace(/\|/g, '\\|')}\``,
              `${(p.share * 100).toFixed(1)} %`,
            ]),
          ),
        ]
      : []),
    '',
    `Run took ${((Date.now() - started) / 1000).toFixed(0)} s.${failure ? `\n\n**FAILED:** ${failure}` : ''}`,
  ].join('\n');
  writeSection('intake', doc);
  if (failure) {
    console.error(`FAILED: ${failure}`);
    process.exitCode = 1;
  }
  console.log(`pglite ratio: ${liteRatio.toFixed(3)}`);
  console.log(`ratio: ${ratio.toFixed(3)}`);
} finally {
  await scratch?.drop();
}
