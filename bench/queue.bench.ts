// npm run bench:queue — the IOC queue (GET /api/v1/reports and the repository's queryQueue) over a fresh
// PostgreSQL database holding BENCH_REPORTS (default 1,000,000) generated reports.
// Writes its section of docs/benchmarks.md and prints `ratio: <worst HTTP p95 ÷ 50 ms>` last.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ReportStatus } from '../src/contracts/report-lifecycle.js';
import { loadConfig } from '../src/platform/config/config.js';
import { openPostgres } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { loadProfile } from '../src/platform/profile/profile.js';
import { hashPassword } from '../src/modules/identity/password.js';
import { queryQueue, type QueueFilter } from '../src/modules/feedback/feedback.repository.js';
import { seedDatabase } from '../src/seed/seed.js';
import { buildApp } from '../src/server/app.js';
import { generateReports } from './generate-reports.js';
import {
  createScratchDatabase,
  machine,
  machineLines,
  mib,
  ms,
  percentile,
  table,
  writeSection,
  type ScratchDatabase,
} from './lib.js';

const COUNT = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const RUNS = 200;
const WARMUP = 20;
const TARGET_MS = 50;
const MEASURE_BUDGET_MS = 8_000;
const WARMUP_BUDGET_MS = 2_000;
const PAGE = 50;
const ADMIN_PASSWORD = 'x'.repeat(12);
const STAFF_PASSWORD = 'bench-ioc-password';

interface QueueCase {
  id: string;
  label: string;
  query: Record<string, string>;
  filter: Omit<QueueFilter, 'now' | 'limit'>;
}

interface Timing {
  p50: number;
  p95: number;
  p99: number;
}

function summarise(samples: number[]): Timing {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}

/** Up to `runs` sequential runs, stopping early once `budgetMs` is spent (a slow query must not stall the run). */
async function time(
  runs: number,
  fn: () => Promise<unknown>,
  budgetMs = MEASURE_BUDGET_MS,
): Promise<number[]> {
  const out: number[] = [];
  const until = performance.now() + budgetMs;
  for (let i = 0; i < runs && (i === 0 || performance.now() < until); i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Runs fn once and returns the SQL text and values the pg client sent (the last statement). */
async function captureSql(fn: () => Promise<unknown>): Promise<{ text: string; values: unknown[] } | null> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let captured: { text: string; values: unknown[] } | null = null;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text: string; values?: unknown[] };
    captured =
      typeof first === 'string'
        ? { text: first, values: (args[1] as unknown[]) ?? [] }
        : { text: first.text, values: first.values ?? (args[1] as unknown[] | undefined) ?? [] };
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return captured;
}

/** The plan lines worth reading: the top node, scans, filters that discard rows, and the execution time. */
function keyPlanLines(plan: string[]): string[] {
  const keep = plan.filter(
    (l, i) =>
      i === 0 || /Scan|Sort|Rows Removed|Buffers: shared|Execution Time|Recheck|Index Cond|Filter/.test(l),
  );
  return keep.slice(0, 14).map((l) => l.replace(/\s+$/, ''));
}

const SUGGESTIONS: Record<string, string> = {
  'category-unit':
    'the district filter is `unit_code = $d or unit_code in (select code from admin_units where parent_code = $d)`, an OR the planner cannot push into `reports_category_idx`; rewrite it as `unit_code = any($codes)` with the district and its communes resolved first (one small query, cacheable), or add `create index on reports (category_code, unit_code, received_at desc, id)` and query with `= any(...)`',
  overdue:
    '`coalesce(extended_deadline_at, deadline_at) < now` is not indexable and the newest-first order walks `reports_received_idx`; add `create index reports_overdue_idx on reports (received_at desc, id) where status in (<open statuses>)` plus a stored/expression column for the effective deadline, e.g. `create index on reports ((coalesce(extended_deadline_at, deadline_at))) where status in (<open>)`',
  'q-diacritics':
    'a common term matches a large share of rows: the GIN bitmap then sorts every match to return 50; order the search by rank with a cap, or combine with `received_at` via a `btree_gin` index `(search, received_at)` (btree_gin is already an extension), or restrict searches to a time window by default',
  'q-plain': 'as for the search with diacritics (same tsquery after f_unaccent)',
  'agency-open':
    '`reports_agency_idx (agency_id, status, received_at desc)` with two statuses needs a sort of both ranges; add `id` to the index and let the planner merge, or keep as is if fast enough',
  received: '`reports_queue_idx (status, received_at desc, id)` should serve it directly',
  first:
    "**bug**: drizzle's `.desc()` in the schema creates `reports_received_idx` as `received_at DESC NULLS LAST, id DESC NULLS LAST`, but `queryQueue` orders by `received_at DESC, id DESC` (PostgreSQL's default is NULLS FIRST for DESC), so the index cannot give the order and every queue page is a full parallel seq scan + top-N sort. Make the two agree: `.desc().nullsFirst()` on the index columns (a new migration) or order with `sql`${reports.receivedAt} desc nulls last`` (the columns are NOT NULL, so results are unchanged). Checked by hand: the same query with `nulls last` uses an index-only scan, 0.7 ms instead of 880 ms. Same mismatch in `reports_queue_idx`, `reports_category_idx`, `reports_unit_idx`, `reports_agency_idx`",
  page5:
    'same NULLS LAST / NULLS FIRST mismatch as the first page; also, keyset on `(received_at, id)`: the cursor predicate is an OR; write it as the row comparison `(received_at, id) < ($1, $2)` so the index range starts at the cursor',
};

const started = Date.now();
const m = await machine();
const profile = loadProfile('long-an-2022');
let scratch: ScratchDatabase | null = null;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-queue-'));
try {
  scratch = await createScratchDatabase();
  console.log(`database ${scratch.name}`);
  const database = await openPostgres(scratch.url, 10);
  try {
    await migrateDatabase(database, scratch.url);
    await seedDatabase(database, profile, 'base', { admin: ADMIN_PASSWORD, demo: 'unused-demo-password' });

    const genStart = Date.now();
    await generateReports(database, COUNT, (p) => {
      const rate =
        p.phase === 'insert'
          ? `, ${Math.round(p.done / (p.elapsedMs / 1000)).toLocaleString('en')} rows/s`
          : '';
      console.log(
        `  ${p.phase}: ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')} (${(p.elapsedMs / 1000).toFixed(1)} s${rate})`,
      );
    });
    const genSeconds = (Date.now() - genStart) / 1000;
    const [size] = await database.query<{ rows: string; total: string; heap: string }>(
      `select (select count(*) from reports)::text as rows, pg_size_pretty(pg_total_relation_size('reports')) as total, pg_size_pretty(pg_relation_size('reports')) as heap`,
    );
    const dist = await database.query<{ status: string; n: string }>(
      'select status, count(*)::text as n from reports group by status order by count(*) desc',
    );
    console.log(
      `generated ${size?.rows} reports in ${genSeconds.toFixed(1)} s (${size?.total} with indexes)`,
    );

    // An IOC operator (no 2FA needed for the queue) created directly, as the admin would.
    const passwordHash = await hashPassword(STAFF_PASSWORD);
    const [user] = await database.query<{ id: string }>(
      `insert into users (kind, username, full_name, password_hash) values ('staff', 'bench.ioc', 'Điều hành viên (benchmark)', $1) returning id`,
      [passwordHash],
    );
    await database.query(`insert into role_assignments (user_id, role) values ($1, 'ioc_operator')`, [
      user!.id,
    ]);

    const config = loadConfig({
      DATABASE_URL: scratch.url,
      SEED: 'base',
      LOG_LEVEL: 'silent',
      ADMIN_PASSWORD,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
    });
    const app = await buildApp(config, { database, jobs: false });
    await app.http.listen({ port: 0, host: '127.0.0.1' });
    const address = app.http.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'bench.ioc', password: STAFF_PASSWORD }),
      });
      if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const get = async (query: Record<string, string>) => {
        const res = await fetch(`${base}/api/v1/reports?${new URLSearchParams(query)}`, {
          headers: { cookie },
        });
        const text = await res.text();
        if (res.status !== 200)
          throw new Error(
            `GET /api/v1/reports?${new URLSearchParams(query)}: ${res.status} ${text.slice(0, 300)}`,
          );
        return JSON.parse(text) as { items: unknown[]; nextCursor: string | null };
      };

      // Realistic filter values: the busiest agency for open work, the district with most reports, the commonest category.
      const [agency] = await database.query<{ id: string }>(
        `select agency_id as id from reports where status in ('assigned','in_progress') and agency_id is not null group by agency_id order by count(*) desc limit 1`,
      );
      const [district] = await database.query<{ code: string }>(
        `select u.parent_code as code from reports r join admin_units u on u.code = r.unit_code where u.parent_code is not null group by u.parent_code order by count(*) desc limit 1`,
      );
      const [category] = await database.query<{ code: string }>(
        `select category_code as code from reports group by 1 order by count(*) desc limit 1`,
      );

      // Page 5 through the HTTP cursor (pages 1–4 first).
      let cursor: string | null = null;
      for (let i = 0; i < 4; i++) cursor = (await get(cursor ? { after: cursor } : {})).nextCursor;
      if (!cursor) throw new Error('fewer than five pages');
      const [cAt, cId] = Buffer.from(cursor, 'base64url').toString().split('|');

      const cases: QueueCase[] = [
        { id: 'first', label: 'first page, no filter', query: {}, filter: {} },
        {
          id: 'received',
          label: 'status=received',
          query: { status: 'received' },
          filter: { statuses: ['received'] },
        },
        {
          id: 'agency-open',
          label: 'status=assigned,in_progress + agency',
          query: { status: 'assigned', agencyId: agency!.id },
          filter: { statuses: ['assigned', 'in_progress'] as ReportStatus[], agencyId: agency!.id },
        },
        {
          id: 'category-unit',
          label: `category + district (${category!.code}, ${district!.code})`,
          query: { category: category!.code, unit: district!.code },
          filter: { category: category!.code, unit: district!.code },
        },
        { id: 'overdue', label: 'overdue=true', query: { overdue: 'true' }, filter: { overdue: true } },
        { id: 'q-diacritics', label: 'q="ngập nước"', query: { q: 'ngập nước' }, filter: { q: 'ngập nước' } },
        {
          id: 'q-plain',
          label: 'q="ngap nuoc" (no diacritics)',
          query: { q: 'ngap nuoc' },
          filter: { q: 'ngap nuoc' },
        },
        {
          id: 'page5',
          label: 'page 5 by keyset cursor',
          query: { after: cursor },
          filter: { after: { key: new Date(cAt!), id: cId! } },
        },
      ];
      // A record cannot repeat a key: the two-status case is sent as a repeated parameter.
      const getCase = async (c: QueueCase) => {
        if (c.id !== 'agency-open') return get(c.query);
        const qs = new URLSearchParams([
          ['status', 'assigned'],
          ['status', 'in_progress'],
          ['agencyId', agency!.id],
        ]);
        const res = await fetch(`${base}/api/v1/reports?${qs}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`agency-open: ${res.status} ${await res.text()}`);
        return (await res.json()) as { items: unknown[] };
      };

      const ping = summarise(await time(RUNS, () => database.query('select 1')));
      const results: {
        c: QueueCase;
        repo: Timing;
        http: Timing;
        rows: number;
        runs: string;
        plan?: string[];
      }[] = [];
      for (const c of cases) {
        const runRepo = () => queryQueue(database.db, { ...c.filter, now: new Date(), limit: PAGE + 1 });
        await time(WARMUP, runRepo, WARMUP_BUDGET_MS);
        const repoSamples = await time(RUNS, runRepo);
        const repoT = summarise(repoSamples);
        await time(WARMUP, () => getCase(c), WARMUP_BUDGET_MS);
        const httpSamples = await time(RUNS, () => getCase(c));
        const httpT = summarise(httpSamples);
        const rows = (await getCase(c)).items.length;
        const r: (typeof results)[number] = {
          c,
          repo: repoT,
          http: httpT,
          rows,
          runs: `${repoSamples.length} / ${httpSamples.length}`,
        };
        if (repoT.p95 > TARGET_MS || httpT.p95 > TARGET_MS) {
          const q = await captureSql(runRepo);
          if (q) {
            const plan = await database.query<{ 'QUERY PLAN': string }>(
              `explain (analyze, buffers) ${q.text}`,
              q.values,
            );
            r.plan = keyPlanLines(plan.map((p) => p['QUERY PLAN']));
          }
        }
        results.push(r);
        console.log(
          `  ${c.label}: repository p50 ${ms(repoT.p50)} / p95 ${ms(repoT.p95)} / p99 ${ms(repoT.p99)} ms; HTTP p50 ${ms(httpT.p50)} / p95 ${ms(httpT.p95)} / p99 ${ms(httpT.p99)} ms; ${rows} rows`,
        );
      }
      const worst = results.reduce((a, b) => (b.http.p95 > a.http.p95 ? b : a));
      const worstRepo = results.reduce((a, b) => (b.repo.p95 > a.repo.p95 ? b : a));
      const ratio = worst.http.p95 / TARGET_MS;
      const rss = process.memoryUsage().rss;
      const maxRss = process.resourceUsage().maxRSS * 1024;

      const slow = results.filter((r) => r.plan);
      const doc = [
        '## IOC queue: `GET /api/v1/reports` over 1,000,000 reports (`npm run bench:queue`)',
        '',
        ...machineLines(m),
        `- Inputs: fresh database \`tinhso_bench_*\`, migrations + \`SEED=base\` (Long An 2022 profile), then \`generateReports\` (\`bench/generate-reports.ts\`): ${Number(size?.rows).toLocaleString('en')} reports in ${genSeconds.toFixed(0)} s, table ${size?.heap} (${size?.total} with indexes). Status mix: ${dist.map((d) => `${d.status} ${((Number(d.n) / Number(size?.rows)) * 100).toFixed(1)} %`).join(', ')}. 25 categories (skewed), communes of \`admin_units\` uniform, agencies skewed; open reports received in the last 90 days, the rest over 3 years; deadlines 1/7/21 days by urgency; Vietnamese titles and bodies from a small word list.`,
        `- Each query: ${WARMUP} warm-up runs, then ${RUNS} sequential runs (each capped at ${WARMUP_BUDGET_MS / 1000} s / ${MEASURE_BUDGET_MS / 1000} s so a slow query cannot stall the benchmark: fewer runs are shown when the cap hit), page size ${PAGE}; "repository" calls \`queryQueue\` directly on the app's pg Pool (10); "HTTP" is \`GET /api/v1/reports\` over loopback with an \`ioc_operator\` session (includes session lookup, validation, \`presentReports\` and JSON).`,
        `- Baseline: \`select 1\` round trip on the same pool: p50 ${ms(ping.p50)} / p95 ${ms(ping.p95)} / p99 ${ms(ping.p99)} ms. Target: p95 < ${TARGET_MS} ms per query.`,
        `- Memory: bench process (generator client + application in process) RSS ${mib(rss)}, peak ${mib(maxRss)}.`,
        '',
        table(
          [
            'query',
            'rows',
            'runs (repo / HTTP)',
            'repo p50',
            'repo p95',
            'repo p99',
            'HTTP p50',
            'HTTP p95',
            'HTTP p99',
            'HTTP p95 ÷ select 1 p95',
          ],
          results.map((r) => [
            r.c.label,
            r.rows,
            r.runs,
            ms(r.repo.p50),
            ms(r.repo.p95),
            ms(r.repo.p99),
            ms(r.http.p50),
            ms(r.http.p95),
            ms(r.http.p99),
            (r.http.p95 / ping.p95).toFixed(0),
          ]),
        ),
        '',
        `(milliseconds)`,
        '',
        `**ratio = worst HTTP p95 ÷ ${TARGET_MS} ms = ${ratio.toFixed(3)}** (worst: ${worst.c.label}, ${ms(worst.http.p95)} ms; worst repository p95: ${worstRepo.c.label}, ${ms(worstRepo.repo.p95)} ms). Below 1.0 means every queue query meets the target; the ratio against \`select 1\` is in the last column.`,
        '',
        ...(slow.length
          ? [
              '### Queries over 50 ms: `EXPLAIN (ANALYZE, BUFFERS)` key lines and a suggested fix',
              '',
              ...slow.flatMap((r) => [
                `**${r.c.label}** — suggestion: ${SUGGESTIONS[r.c.id] ?? 'see the plan'}`,
                '',
                '```',
                ...(r.plan ?? []),
                '```',
                '',
              ]),
            ]
          : ['No query was over 50 ms, so no plans are shown.']),
        `Run took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      ].join('\n');
      writeSection('queue', doc);
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
