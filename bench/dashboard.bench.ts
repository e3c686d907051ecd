// npm run bench:dashboard — the analytics dashboard, map, agency ranking and agency page over generated data:
// PostgreSQL with BENCH_REPORTS (default 1,000,000) reports and BENCH_EVENTS_PER_REPORT (default 10) events
// each, then PGlite with BENCH_PGLITE_REPORTS (default 100,000; 0 skips it).
// Writes its section of docs/benchmarks.md and prints `ratio: <worst PostgreSQL HTTP p95 ÷ baseline p95>` last,
// the baseline being an indexed primary-key look-up on reports measured in the same run.
// BENCH_KEEP_DATABASE=1 keeps the generated PostgreSQL database; BENCH_REUSE_DATABASE=<name> then times the
// same queries again on it without generating anything (a few minutes, for a quiet moment), written to its
// own section `dashboard-retime` so the full run's figures stay.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/platform/config/config.js';
import { openPglite, openPostgres, type Database } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { loadProfile } from '../src/platform/profile/profile.js';
import { hashPassword } from '../src/modules/identity/password.js';
import { refreshRollups } from '../src/modules/analytics/analytics.repository.js';
import { seedDatabase } from '../src/seed/seed.js';
import { buildApp } from '../src/server/app.js';
import { generateReports } from './generate-reports.js';
import {
  createScratchDatabase,
  machine,
  SERVER_URL,
  machineLines,
  ms,
  percentile,
  table,
  writeSection,
  type ScratchDatabase,
} from './lib.js';

const COUNT = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const EVENTS_PER_REPORT = Number(process.env.BENCH_EVENTS_PER_REPORT ?? 10);
const PGLITE_COUNT = Number(process.env.BENCH_PGLITE_REPORTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const WARMUP = 10;
const BUDGET_MS = 15_000;
const TARGET_PG_MS = 200;
const TARGET_PGLITE_MS = 500;
const ADMIN_PASSWORD = 'x'.repeat(12);
const STAFF_PASSWORD = 'bench-analytics-password';
const KEEP = process.env.BENCH_KEEP_DATABASE === '1';
const REUSE = process.env.BENCH_REUSE_DATABASE ?? '';
// A fixed data key, so a kept database opens again in a later run (the app refuses a database sealed with
// another key).
const DATA_KEY = createHash('sha256').update('tinhso bench dashboard key').digest('base64');

interface Timing {
  p50: number;
  p95: number;
  p99: number;
  runs: number;
}
const summarise = (s: number[]): Timing => ({
  p50: percentile(s, 50),
  p95: percentile(s, 95),
  p99: percentile(s, 99),
  runs: s.length,
});

async function time(runs: number, fn: () => Promise<unknown>, budgetMs = BUDGET_MS): Promise<number[]> {
  const out: number[] = [];
  const until = performance.now() + budgetMs;
  for (let i = 0; i < runs && (i === 0 || performance.now() < until); i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const log = (s: string) => console.log(s);
const secs = (t0: number) => ((Date.now() - t0) / 1000).toFixed(1);

/** Report events for every generated report: a timeline of `perReport` steps, 1 in 50 with a return to the IOC. */
async function generateEvents(database: Database, perReport: number): Promise<void> {
  const actions = [
    'submitted',
    'accept',
    'assign',
    'start',
    'note',
    'reporter_notified',
    'submit_answer',
    'approve_answer',
    'publish',
    'close',
  ];
  for (let g = 1; g <= perReport; g++) {
    const t0 = Date.now();
    const action = `case when ${g} = 5 and r.agency_id is not null and abs(hashtext(r.id::text)) % 50 = 0 then 'return_to_ioc' else '${actions[(g - 1) % actions.length]}' end`;
    await database.exec(`
      begin;
      ${database.kind === 'postgres' ? "set local session_replication_role = 'replica';" : ''}
      insert into report_events (report_id, at, action, from_status, to_status, is_public, actor_label, data)
      select r.id, r.received_at + interval '${g * 3} hours', ${action}, null, null, ${g % 2 === 0},
        'bench', case when r.agency_id is null then '{}'::jsonb else jsonb_build_object('agencyId', r.agency_id) end
      from reports r;
      commit;`);
    log(`  events ${g}/${perReport} (${secs(t0)} s)`);
  }
  await database.exec('analyze report_events');
}

async function staff(database: Database, username: string, role: string, agencyId: string | null) {
  const [user] = await database.query<{ id: string }>(
    `insert into users (kind, username, full_name, password_hash) values ('staff', $1, $2, $3) returning id`,
    [username, username, await hashPassword(STAFF_PASSWORD)],
  );
  await database.query(`insert into role_assignments (user_id, role, agency_id) values ($1, $2, $3)`, [
    user!.id,
    role,
    agencyId,
  ]);
}

interface Case {
  id: string;
  label: string;
  path: string;
  as: 'ioc' | 'lead' | 'public';
}

interface EngineResult {
  engine: string;
  reports: number;
  events: number;
  generateSeconds: number;
  fullRefreshMs: number;
  incrementalRefreshMs: number;
  incrementalTouched: number;
  baseline: Timing;
  results: { c: Case; t: Timing }[];
}

async function runEngine(
  engine: 'postgres' | 'pglite',
  database: Database,
  url: string | null,
  count: number,
  dataDir: string,
): Promise<EngineResult> {
  const reuse = engine === 'postgres' && REUSE !== '';
  let generateSeconds = Number.NaN;
  let fullRefreshMs = Number.NaN;
  let incrementalRefreshMs = Number.NaN;
  const touched = 200;
  // A kept database gets the migrations written since it was generated, like a deployed one.
  await migrateDatabase(database, url);
  if (!reuse) {
    const profile = loadProfile('long-an-2022');
    await seedDatabase(database, profile, 'base', { admin: ADMIN_PASSWORD, demo: 'unused-demo-password' });
    const gen0 = Date.now();
    await generateReports(database, count, (p) => {
      if (p.phase !== 'index')
        log(
          `  ${engine} ${p.phase}: ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')} (${(p.elapsedMs / 1000).toFixed(1)} s)`,
        );
    });
    await generateEvents(database, EVENTS_PER_REPORT);
    generateSeconds = (Date.now() - gen0) / 1000;

    let t0 = performance.now();
    await refreshRollups(database.db, new Date(), { full: true });
    fullRefreshMs = performance.now() - t0;
    await database.exec('analyze analytics_daily; analyze analytics_monthly; analyze analytics_returns');
    log(`  full rollup rebuild ${ms(fullRefreshMs)} ms`);

    // Incremental: 200 reports change (one event each) — what a minute of a busy day looks like.
    await database.exec(`
      insert into report_events (report_id, action, actor_label)
      select id, 'note', 'bench' from reports where status = 'in_progress' limit ${touched}`);
    t0 = performance.now();
    await refreshRollups(database.db, new Date());
    incrementalRefreshMs = performance.now() - t0;
    log(`  incremental refresh after ${touched} changed reports ${ms(incrementalRefreshMs)} ms`);
  }
  const [n] = await database.query<{ r: string; e: string }>(
    'select (select count(*) from reports)::text as r, (select count(*) from report_events)::text as e',
  );
  log(`${engine}: ${n?.r} reports, ${n?.e} events${reuse ? ' (reused database)' : ''}`);
  const [busiest] = await database.query<{ id: string }>(
    `select agency_id::text as id from analytics_monthly_agency where agency_id is not null group by 1 order by sum(received) desc limit 1`,
  );
  const [district] = await database.query<{ code: string }>(
    `select area_code as code from analytics_monthly where area_code is not null group by 1 order by sum(received) desc limit 1`,
  );
  const [category] = await database.query<{ code: string }>(
    `select category_code as code from analytics_monthly group by 1 order by sum(received) desc limit 1`,
  );
  if (!reuse) {
    await staff(database, 'bench.ioc', 'ioc_operator', null);
    await staff(database, 'bench.lead', 'agency_lead', busiest!.id);
  }

  const config = loadConfig({
    ...(url ? { DATABASE_URL: url } : {}),
    SEED: 'base',
    LOG_LEVEL: 'silent',
    ADMIN_PASSWORD,
    DATA_DIR: dataDir,
    DATA_ENCRYPTION_KEY: DATA_KEY,
    HOST: '127.0.0.1',
    TRUST_PROXY: 'true',
  });
  const app = await buildApp(config, { database, jobs: false });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const cookies: Record<string, string> = { public: '' };
    for (const [who, login] of [
      ['ioc', 'bench.ioc'],
      ['lead', 'bench.lead'],
    ] as const) {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password: STAFF_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`sign-in ${login}: ${res.status} ${await res.text()}`);
      cookies[who] = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    }
    const today = new Date(Date.now() + 7 * 3600_000);
    const y = today.getUTCFullYear();
    const mo = today.getUTCMonth(); // 0-based; the last whole month is mo - 1
    const lastMonthEnd = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
    const yearStart = new Date(Date.UTC(y, mo - 12, 1)).toISOString().slice(0, 10);
    const lastMonth = lastMonthEnd.slice(0, 7);
    const cases: Case[] = [
      {
        id: 'dash-30',
        label: 'dashboard, last 30 days by day',
        path: '/api/v1/analytics/dashboard',
        as: 'ioc',
      },
      {
        id: 'dash-12m',
        label: 'dashboard, 12 whole months by month',
        path: `/api/v1/analytics/dashboard?from=${yearStart}&to=${lastMonthEnd}&granularity=month`,
        as: 'ioc',
      },
      {
        id: 'dash-week',
        label: 'dashboard, last 92 days by week (daily rollup)',
        path: `/api/v1/analytics/dashboard?from=${new Date(Date.now() + 7 * 3600_000 - 91 * 86400_000).toISOString().slice(0, 10)}&granularity=week`,
        as: 'ioc',
      },
      {
        id: 'dash-filter',
        label: `dashboard, 30 days, district ${district!.code} + category ${category!.code}`,
        path: `/api/v1/analytics/dashboard?unit=${district!.code}&category=${category!.code}`,
        as: 'ioc',
      },
      {
        id: 'dash-lead',
        label: 'dashboard as agency lead (busiest agency)',
        path: '/api/v1/analytics/dashboard',
        as: 'lead',
      },
      { id: 'map', label: 'district map figures, 30 days', path: '/api/v1/analytics/map', as: 'ioc' },
      {
        id: 'ranking',
        label: 'agency ranking, 12 months, with 6-month trends',
        path: `/api/v1/analytics/agencies?from=${yearStart}&to=${lastMonthEnd}`,
        as: 'ioc',
      },
      {
        id: 'agency-page',
        label: 'one agency page, 30 days',
        path: `/api/v1/analytics/agencies/${busiest!.id}`,
        as: 'ioc',
      },
      {
        id: 'public',
        label: `public /thong-ke (${lastMonth})`,
        path: `/thong-ke?thang=${lastMonth}`,
        as: 'public',
      },
      {
        id: 'open-data',
        label: 'open data JSON, agencies of a month',
        path: `/api/v1/open-data/agencies?month=${lastMonth}`,
        as: 'public',
      },
    ];
    // Public pages are rate-limited per address: each request comes from its own X-Forwarded-For address
    // (TRUST_PROXY on), so the limit sees visitors, not one client.
    let ip = 0;
    const nextIp = () => `10.${(++ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`;
    const get = async (c: Case) => {
      const res = await fetch(`${base}${c.path}`, {
        headers: c.as === 'public' ? { 'x-forwarded-for': nextIp() } : { cookie: cookies[c.as]! },
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${c.path}: ${res.status} ${text.slice(0, 300)}`);
      return text;
    };
    const [one] = await database.query<{ id: string }>('select id::text from reports limit 1');
    const baseline = summarise(
      await time(RUNS * 2, () => database.query('select id, status from reports where id = $1', [one!.id])),
    );
    log(`  baseline (primary-key look-up) p95 ${ms(baseline.p95)} ms`);
    const results: { c: Case; t: Timing }[] = [];
    for (const c of cases) {
      if (c.id === 'public' || c.id === 'open-data') {
        const probe = await fetch(`${base}${c.path}`, { headers: { 'x-forwarded-for': nextIp() } });
        if (probe.status === 404) {
          log(`  ${c.label}: not served, skipped`);
          continue;
        }
      }
      await time(WARMUP, () => get(c), 3000);
      const t = summarise(await time(RUNS, () => get(c)));
      results.push({ c, t });
      log(`  ${c.label}: p50 ${ms(t.p50)} / p95 ${ms(t.p95)} / p99 ${ms(t.p99)} ms (${t.runs} runs)`);
    }
    return {
      engine,
      reports: Number(n?.r),
      events: Number(n?.e),
      generateSeconds,
      fullRefreshMs,
      incrementalRefreshMs,
      incrementalTouched: touched,
      baseline,
      results,
    };
  } finally {
    await app.close();
  }
}

const started = Date.now();
const m = await machine();
const engines: EngineResult[] = [];
let scratch: ScratchDatabase | null = null;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-dash-'));
try {
  let url: string;
  if (REUSE) {
    const u = new URL(SERVER_URL);
    u.pathname = `/${REUSE}`;
    url = u.toString();
    log(`database ${REUSE} (reused)`);
  } else {
    scratch = await createScratchDatabase();
    url = scratch.url;
    log(`database ${scratch.name}`);
  }
  const database = await openPostgres(url, 10);
  try {
    engines.push(await runEngine('postgres', database, url, COUNT, dataDir));
  } finally {
    await database.close();
  }
  if (KEEP && scratch)
    log(`kept database ${scratch.name}: BENCH_REUSE_DATABASE=${scratch.name} times it again`);
  else await scratch?.drop();
  scratch = null;
  if (PGLITE_COUNT > 0 && !REUSE) {
    const liteDir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-dash-lite-'));
    const lite = await openPglite(null);
    try {
      engines.push(await runEngine('pglite', lite, null, PGLITE_COUNT, liteDir));
    } finally {
      await lite.close();
      rmSync(liteDir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await scratch?.drop();
}

const pgResult = engines[0]!;
const worst = pgResult.results.reduce((a, b) => (b.t.p95 > a.t.p95 ? b : a));
const ratio = worst.t.p95 / pgResult.baseline.p95;
const sections = engines.map((e) => {
  const target = e.engine === 'postgres' ? TARGET_PG_MS : TARGET_PGLITE_MS;
  const w = e.results.reduce((a, b) => (b.t.p95 > a.t.p95 ? b : a));
  return [
    `### ${e.engine === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}: ${e.reports.toLocaleString('en')} reports, ${e.events.toLocaleString('en')} events`,
    '',
    Number.isNaN(e.generateSeconds)
      ? `- Reused database \`${REUSE}\` generated by an earlier run with BENCH_KEEP_DATABASE=1 (see the \`dashboard\` section for its generation and rollup figures); its rollups are current, nothing changes during the timed reads.`
      : `- Generated in ${e.generateSeconds.toFixed(0)} s (\`bench/generate-reports.ts\` + ${EVENTS_PER_REPORT} events per report, 1 in 50 assigned reports with a return to the IOC).`,
    ...(Number.isNaN(e.fullRefreshMs)
      ? []
      : [
          `- Rollups: full rebuild ${ms(e.fullRefreshMs)} ms; incremental refresh after ${e.incrementalTouched} changed reports ${ms(e.incrementalRefreshMs)} ms. Freshness: a read folds in the changed reports itself when at most 500 changed since the last refresh (the cost follows the changed reports, as the incremental figure shows), otherwise it serves the last rollup with its \`freshness.refreshedAt\` and the job (every minute) catches up; overdue counts are at most one minute old. During the timed reads nothing changes, so every figure is current.`,
        ]),
    `- Baseline: primary-key look-up on \`reports\` through the app's pool: p50 ${ms(e.baseline.p50)} / p95 ${ms(e.baseline.p95)} ms.`,
    `- Each query: ${WARMUP} warm-up runs then up to ${RUNS} sequential HTTP GETs over loopback (session, validation, JSON or HTML), capped at ${BUDGET_MS / 1000} s. Target p95 < ${target} ms.`,
    '',
    table(
      ['query', 'runs', 'p50', 'p95', 'p99', `p95 ÷ baseline p95`, `meets ${target} ms`],
      e.results.map((r) => [
        r.c.label,
        r.t.runs,
        ms(r.t.p50),
        ms(r.t.p95),
        ms(r.t.p99),
        (r.t.p95 / e.baseline.p95).toFixed(1),
        r.t.p95 < target ? 'yes' : '**no**',
      ]),
    ),
    '',
    `Worst p95: ${w.c.label}, ${ms(w.t.p95)} ms (${w.t.p95 < target ? 'under' : '**over**'} the ${target} ms target).`,
  ].join('\n');
});
writeSection(
  REUSE ? 'dashboard-retime' : 'dashboard',
  [
    REUSE
      ? '## Analytics dashboard, queries timed again on a kept database (`BENCH_REUSE_DATABASE=… npm run bench:dashboard`)'
      : '## Analytics dashboard over generated data (`npm run bench:dashboard`)',
    '',
    ...machineLines(m),
    ...(REUSE
      ? []
      : [
          `- Sizes: BENCH_REPORTS=${COUNT}, BENCH_EVENTS_PER_REPORT=${EVENTS_PER_REPORT}, BENCH_PGLITE_REPORTS=${PGLITE_COUNT}${COUNT < 1_000_000 ? ' (**smaller than the 1,000,000 target**)' : ''}.`,
        ]),
    '',
    ...sections.flatMap((s) => [s, '']),
    `**ratio = worst PostgreSQL p95 ÷ baseline p95 = ${ratio.toFixed(1)}** (worst: ${worst.c.label}).`,
    '',
    `Run took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  ].join('\n'),
);
console.log(`ratio: ${ratio.toFixed(1)}`);
