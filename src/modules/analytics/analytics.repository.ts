import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../contracts/report-lifecycle.js';
import type { Executor } from '../../platform/db/database.js';
import { BUCKET_COUNT, DURATION_BOUNDS_HOURS } from './analytics-rules.js';

/** Every query of the analytics module: rollup maintenance and the aggregate reads. */

const BUCKETS = Array.from({ length: BUCKET_COUNT }, (_, i) => i);
const OPEN = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(','));
const REFRESH_LOCK = 7_100_009;

/** Measure columns of analytics_daily / analytics_monthly, in one order. */
export const MEASURES = [
  'received',
  'open_count',
  'overdue_open',
  'rejected',
  'merged',
  'answered',
  'on_time',
  'late',
  'late_with_extension',
  'rated',
  'satisfied',
  'fa_count',
  'fa_sum_hours',
  'ans_sum_hours',
  ...BUCKETS.map((i) => `fa_h${i}` as const),
  ...BUCKETS.map((i) => `ans_h${i}` as const),
] as const;
export type Measure = (typeof MEASURES)[number];
export type MeasureRow = Record<Measure, number>;

const DIMS = 'area_code, category_code, channel, agency_id';

const vnDayOf = (col: string) => `((${col} at time zone 'UTC') + interval '7 hours')::date`;

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

function bucketSums(prefix: 'fa' | 'ans', hours: string): string {
  return BUCKETS.map((i) => {
    const lower = i === 0 ? null : DURATION_BOUNDS_HOURS[i - 1];
    const upper = DURATION_BOUNDS_HOURS[i];
    const cond = [
      `${hours} is not null`,
      lower === null ? null : `${hours} >= ${lower}`,
      upper === undefined ? null : `${hours} < ${upper}`,
    ]
      .filter(Boolean)
      .join(' and ');
    return `sum(case when ${cond} then f.s else 0 end) as ${prefix}_h${i}`;
  }).join(',\n');
}

/**
 * One report's contribution (a row of analytics_facts) from `reports r` left-joined to admin_units u;
 * `now` decides which open reports are overdue.
 */
function factColumns(now: string): SQL {
  const flag = (cond: string) => `case when ${cond} then 1 else 0 end`;
  return sql.raw(`
    r.id as report_id, ${vnDayOf('r.received_at')} as day,
    case when u.level = 2 then u.code when u.level = 3 then u.parent_code else null end as area_code,
    r.category_code, r.channel, r.agency_id,
    ${flag(`r.status in (${OPEN_LIST})`)} as open_count,
    ${flag(`r.status in (${OPEN_LIST}) and coalesce(r.extended_deadline_at, r.deadline_at) < '${now}'::timestamptz`)} as overdue_open,
    ${flag(`r.status = 'rejected'`)} as rejected,
    ${flag(`r.status = 'merged'`)} as merged,
    ${flag('r.answered_at is not null')} as answered,
    ${flag(`r.timeliness = 'on_time'`)} as on_time,
    ${flag(`r.timeliness = 'late'`)} as late,
    ${flag(`r.timeliness = 'late_with_extension'`)} as late_with_extension,
    ${flag('r.rating is not null')} as rated,
    ${flag(`r.rating = 'satisfied'`)} as satisfied,
    extract(epoch from (r.first_action_at - r.received_at)) / 3600.0 as fa_hours,
    extract(epoch from (r.answered_at - r.received_at)) / 3600.0 as ans_hours`);
}

const FACT_COLUMNS =
  'report_id, day, area_code, category_code, channel, agency_id, open_count, overdue_open, rejected, merged, ' +
  'answered, on_time, late, late_with_extension, rated, satisfied, fa_hours, ans_hours';

/** Every measure summed over signed fact rows `f` (column `s`: +1 adds a report, −1 takes it away), in MEASURES order. */
const SIGNED_SUMS = [
  'sum(f.s) as received',
  ...[
    'open_count',
    'overdue_open',
    'rejected',
    'merged',
    'answered',
    'on_time',
    'late',
    'late_with_extension',
    'rated',
    'satisfied',
  ].map((c) => `sum(f.s * f.${c}) as ${c}`),
  'sum(case when f.fa_hours is not null then f.s else 0 end) as fa_count',
  'coalesce(sum(f.s * greatest(f.fa_hours, 0)), 0) as fa_sum_hours',
  'coalesce(sum(f.s * greatest(f.ans_hours, 0)), 0) as ans_sum_hours',
  bucketSums('fa', 'f.fa_hours'),
  bucketSums('ans', 'f.ans_hours'),
].join(',\n');

const ROLLUPS = [
  'analytics_daily',
  'analytics_monthly',
  'analytics_monthly_agency',
  'analytics_daily_dims',
  'analytics_monthly_dims',
  'analytics_daily_agency_dims',
] as const;

const OPEN_LIST = OPEN_STATUSES.map((s) => `'${s}'`).join(',');
const ADD = MEASURES.map((m) => `${m} = t.${m} + excluded.${m}`).join(', ');

const PLAIN_SUMS = MEASURES.map((m) => `sum(a.${m}) as ${m}`).join(', ');

/**
 * Adds signed fact rows (a relation with column `s` and the fact columns) to every rollup. The facts are
 * summed once per cohort (day × area × category × channel × agency); the other rollups are sums of those
 * cohort rows, so the cost follows the number of changed cohorts. `empty`: the rollups were just emptied
 * (a full rebuild), so plain inserts do and the cohort rows go straight into analytics_daily.
 */
async function applyFacts(tx: Executor, source: string, empty: boolean): Promise<void> {
  const keys = `day, ${DIMS}`;
  const upsert = (constraint: string) =>
    empty ? '' : `on conflict on constraint ${constraint} do update set ${ADD}`;
  let cohorts = 'analytics_daily';
  const grouped = `select f.day, f.area_code, f.category_code, f.channel, f.agency_id, ${SIGNED_SUMS}
      from ${source} f group by 1, 2, 3, 4, 5`;
  if (empty) {
    await tx.execute(
      sql.raw(`insert into analytics_daily (${keys}, ${MEASURES.join(', ')}) ${grouped} order by 1`),
    );
  } else {
    cohorts = 'analytics_delta_cohorts';
    await tx.execute(sql.raw(`create temp table analytics_delta_cohorts on commit drop as ${grouped}`));
    await tx.execute(
      sql.raw(`
      insert into analytics_daily as t (${keys}, ${MEASURES.join(', ')})
      select ${keys}, ${MEASURES.join(', ')} from analytics_delta_cohorts
      ${upsert('analytics_daily_key_uq')}`),
    );
  }
  const month = `date_trunc('month', a.day)::date`;
  const allDims = `cross join lateral (values ('channel', a.channel), ('category', a.category_code),
      ('area', a.area_code), ('agency', a.agency_id::text)) d(dim, key)`;
  const statements: [string, string, string, string, string][] = [
    // [table, key columns, key expressions, from, constraint]
    [
      'analytics_monthly',
      'month, area_code, category_code, channel',
      `${month}, a.area_code, a.category_code, a.channel`,
      `${cohorts} a`,
      'analytics_monthly_key_uq',
    ],
    [
      'analytics_monthly_agency',
      'month, agency_id',
      `${month}, a.agency_id`,
      `${cohorts} a`,
      'analytics_monthly_agency_key_uq',
    ],
    [
      'analytics_daily_dims',
      'day, dim, key',
      'a.day, d.dim, d.key',
      `${cohorts} a ${allDims}`,
      'analytics_daily_dims_key_uq',
    ],
    [
      'analytics_monthly_dims',
      'month, dim, key',
      `${month}, d.dim, d.key`,
      `${cohorts} a ${allDims}`,
      'analytics_monthly_dims_key_uq',
    ],
    [
      'analytics_daily_agency_dims',
      'agency_id, day, dim, key',
      'a.agency_id, a.day, d.dim, d.key',
      `${cohorts} a cross join lateral (values ('channel', a.channel), ('category', a.category_code),
         ('area', a.area_code)) d(dim, key) where a.agency_id is not null`,
      'analytics_daily_agency_dims_key_uq',
    ],
  ];
  for (const [table, keyCols, exprs, from, constraint] of statements) {
    const n = keyCols.split(',').length;
    const groupBy = Array.from({ length: n }, (_, i) => i + 1).join(', ');
    await tx.execute(
      sql.raw(`
      insert into ${table} as t (${keyCols}, ${MEASURES.join(', ')})
      select ${exprs}, ${PLAIN_SUMS} from ${from}
      group by ${groupBy} ${empty ? `order by ${groupBy}` : ''}
      ${upsert(constraint)}`),
    );
  }
  if (!empty) await tx.execute(sql.raw('drop table analytics_delta_cohorts'));
}

export interface RefreshResult {
  skipped: boolean;
  full: boolean;
  /** Reports whose contribution was recomputed (all of them on a full rebuild). */
  reports: number;
  lastEventId: number;
}

/**
 * Brings the rollups up to date. The first time (or with `full`) it rebuilds everything from the reports;
 * afterwards it takes the reports with events since the last run, plus the open reports whose deadline
 * passed since then, subtracts what each contributed (analytics_facts) and adds what it contributes now.
 * One runner at a time (transaction advisory lock); a concurrent caller returns at once with `skipped`, as
 * does a call with `maxReports` when more reports changed (a read never pays for a large catch-up).
 */
export async function refreshRollups(
  db: Executor,
  now: Date,
  options: { full?: boolean; maxReports?: number } = {},
): Promise<RefreshResult> {
  return db.transaction(async (tx) => {
    const [lock] = rows<{ ok: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${REFRESH_LOCK}) as ok`),
    );
    if (!lock?.ok) return { skipped: true, full: false, reports: 0, lastEventId: 0 };
    const [state] = rows<{ last_event_id: string; refreshed_at: Date | string | null }>(
      await tx.execute(sql`select last_event_id, refreshed_at from analytics_state where id = 1`),
    );
    const [max] = rows<{ id: string }>(
      await tx.execute(sql`select coalesce(max(id), 0)::text as id from report_events`),
    );
    const maxId = Number(max?.id ?? 0);
    const nowIso = now.toISOString();
    const full = options.full || !state || !state.refreshed_at;

    if (full) {
      for (const table of ['analytics_facts', ...ROLLUPS, 'analytics_returns'])
        await tx.execute(sql.raw(`delete from ${table}`));
      await tx.execute(sql`
        insert into analytics_facts (${sql.raw(FACT_COLUMNS)})
        select ${factColumns(nowIso)} from reports r left join admin_units u on u.code = r.unit_code`);
      await applyFacts(tx, `(select 1 as s, * from analytics_facts)`, true);
      await tx.execute(sql`
        insert into analytics_returns (day, agency_id, returned)
        select ${sql.raw(vnDayOf('e.at'))}, (e.data->>'agencyId')::uuid, count(*)
        from report_events e
        where e.action = 'return_to_ioc' and e.id <= ${maxId} and e.data->>'agencyId' is not null
        group by 1, 2`);
      // Fresh statistics for the planner: the tables were just rewritten.
      for (const table of ['analytics_facts', ...ROLLUPS, 'analytics_returns'])
        await tx.execute(sql.raw(`analyze ${table}`));
      const [n] = rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from analytics_facts`));
      await saveState(tx, maxId, nowIso);
      return { skipped: false, full: true, reports: n?.n ?? 0, lastEventId: maxId };
    }

    const lastEventId = Number(state.last_event_id);
    const since = new Date(state.refreshed_at!).toISOString();
    if (options.maxReports !== undefined && maxId - lastEventId > options.maxReports * 20) {
      return { skipped: true, full: false, reports: maxId - lastEventId, lastEventId };
    }
    await tx.execute(sql`
      create temp table analytics_changed on commit drop as
      select e.report_id as id from report_events e where e.id > ${lastEventId} and e.id <= ${maxId}
      union
      select r.id from reports r
      where r.status in (${OPEN})
        and coalesce(r.extended_deadline_at, r.deadline_at) >= ${since}::timestamptz
        and coalesce(r.extended_deadline_at, r.deadline_at) < ${nowIso}::timestamptz`);
    const [changed] = rows<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from analytics_changed`),
    );
    const count = changed?.n ?? 0;
    if (options.maxReports !== undefined && count > options.maxReports) {
      await tx.execute(sql`drop table analytics_changed`);
      return { skipped: true, full: false, reports: count, lastEventId };
    }
    if (count) {
      await tx.execute(sql`analyze analytics_changed`);
      await tx.execute(sql`
        create temp table analytics_delta on commit drop as
        select -1 as s, f.* from analytics_facts f join analytics_changed c on c.id = f.report_id`);
      await tx.execute(sql`delete from analytics_facts f using analytics_changed c where f.report_id = c.id`);
      await tx.execute(sql`
        insert into analytics_facts (${sql.raw(FACT_COLUMNS)})
        select ${factColumns(nowIso)} from analytics_changed c join reports r on r.id = c.id
        left join admin_units u on u.code = r.unit_code`);
      await tx.execute(sql`
        insert into analytics_delta
        select 1 as s, f.* from analytics_facts f join analytics_changed c on c.id = f.report_id`);
      await applyFacts(tx, 'analytics_delta', false);
      // Cohorts left without any report (received counts every report) go; a partial index finds them.
      for (const table of ROLLUPS) await tx.execute(sql.raw(`delete from ${table} where received = 0`));
      await tx.execute(sql`drop table analytics_delta`);
    }
    await tx.execute(sql`drop table analytics_changed`);
    if (maxId > lastEventId) {
      await tx.execute(sql`
        insert into analytics_returns (day, agency_id, returned)
        select ${sql.raw(vnDayOf('e.at'))}, (e.data->>'agencyId')::uuid, count(*)
        from report_events e
        where e.id > ${lastEventId} and e.id <= ${maxId} and e.action = 'return_to_ioc' and e.data->>'agencyId' is not null
        group by 1, 2
        on conflict (day, agency_id) do update set returned = analytics_returns.returned + excluded.returned`);
    }
    await saveState(tx, maxId, nowIso);
    return { skipped: false, full: false, reports: count, lastEventId: maxId };
  });
}

async function saveState(tx: Executor, lastEventId: number, at: string): Promise<void> {
  await tx.execute(sql`
    insert into analytics_state (id, last_event_id, refreshed_at) values (1, ${lastEventId}, ${at}::timestamptz)
    on conflict (id) do update set last_event_id = excluded.last_event_id, refreshed_at = excluded.refreshed_at`);
}

export interface Freshness {
  lastEventId: number;
  refreshedAt: Date | null;
  latestEventId: number;
}

/** Where the rollups stand against the newest report event (cheap: two index look-ups). */
export async function freshness(db: Executor): Promise<Freshness> {
  const [row] = rows<{ last_event_id: string | null; refreshed_at: Date | string | null; latest: string }>(
    await db.execute(sql`
      select s.last_event_id::text, s.refreshed_at, (select coalesce(max(id), 0)::text from report_events) as latest
      from (select 1) one left join analytics_state s on s.id = 1`),
  );
  return {
    lastEventId: Number(row?.last_event_id ?? 0),
    refreshedAt: row?.refreshed_at ? new Date(row.refreshed_at) : null,
    latestEventId: Number(row?.latest ?? 0),
  };
}

export interface RollupFilter {
  from: string;
  to: string;
  /** Only these agencies (agency-scoped readers); undefined = all. */
  agencyIds?: string[];
  areaCode?: string;
  categoryCode?: string;
  channel?: string;
}

export type Dim = 'period' | 'channel' | 'category' | 'area' | 'agency';
export type Table = 'daily' | 'monthly' | 'monthly_agency';

const DIM_COLUMN: Record<Dim, string> = {
  period: 'pkey',
  channel: 'channel',
  category: 'category_code',
  area: 'area_code',
  agency: 'agency_id',
};
const TABLE_DIMS: Record<Table, Dim[]> = {
  daily: ['period', 'channel', 'category', 'area', 'agency'],
  monthly: ['period', 'channel', 'category', 'area'],
  monthly_agency: ['period', 'agency'],
};

function whereOf(f: RollupFilter, table: Table, period = true): SQL {
  const col = table === 'daily' ? 'day' : 'month';
  const from = table === 'daily' ? f.from : `${f.from.slice(0, 7)}-01`;
  const parts: SQL[] = period
    ? [sql`${sql.raw(col)} >= ${from}::date`, sql`${sql.raw(col)} <= ${f.to}::date`]
    : [sql`true`];
  if (f.agencyIds) {
    parts.push(
      f.agencyIds.length ? sql`agency_id = any(${`{${f.agencyIds.join(',')}}`}::uuid[])` : sql`false`,
    );
  }
  if (f.areaCode) parts.push(sql`area_code = ${f.areaCode}`);
  if (f.categoryCode) parts.push(sql`category_code = ${f.categoryCode}`);
  if (f.channel) parts.push(sql`channel = ${f.channel}`);
  return sql.join(parts, sql` and `);
}

const plainSums = MEASURES.map((m) => `coalesce(sum(${m}), 0)::float8 as ${m}`).join(', ');
const sums = sql.raw(plainSums);

export type Grouped = { total: MeasureRow | null } & Partial<
  Record<Dim, (MeasureRow & { key: string | null })[]>
>;

/**
 * Sums of every measure over the filter, in one scan: the total and one grouping per asked dimension
 * (GROUPING SETS). `period` groups by day, ISO week or month of the table's date.
 */
export async function aggregate(
  db: Executor,
  table: Table,
  f: RollupFilter,
  dims: Dim[],
  granularity: 'day' | 'week' | 'month' = 'day',
): Promise<Grouped> {
  const usable = dims.filter((d) => TABLE_DIMS[table].includes(d));
  const dateCol = table === 'daily' ? 'day' : 'month';
  const pkey =
    granularity === 'week'
      ? `date_trunc('week', ${dateCol})::date::text`
      : granularity === 'month'
        ? `date_trunc('month', ${dateCol})::date::text`
        : `${dateCol}::text`;
  const cols = usable.map((d) => DIM_COLUMN[d]);
  const sets = ['()', ...cols.map((c) => `(${c})`)].join(', ');
  const keyCols = cols.length ? `, ${cols.map((c) => `${c}::text as ${c}`).join(', ')}` : '';
  const grouping = cols.length ? `grouping(${cols.join(', ')})` : '0';
  const result = rows<Record<string, unknown>>(
    await db.execute(sql`
      select ${sql.raw(grouping)} as g ${sql.raw(keyCols)}, ${sums}
      from (select *, ${sql.raw(pkey)} as pkey from ${sql.raw(`analytics_${table}`)} where ${whereOf(f, table)}) t
      group by grouping sets (${sql.raw(sets)})`),
  );
  const all = (1 << cols.length) - 1;
  const out: Grouped = { total: null };
  for (const r of result) {
    if (Number(r.g) === all) {
      out.total = r as MeasureRow;
      continue;
    }
    const i = cols.findIndex((_, k) => Number(r.g) === all - (1 << (cols.length - 1 - k)));
    const dim = usable[i]!;
    (out[dim] ??= []).push({ ...(r as MeasureRow), key: (r[cols[i]!] as string | null) ?? null });
  }
  if (usable.includes('period')) out.period?.sort((a, b) => String(a.key).localeCompare(String(b.key)));
  return out;
}

/**
 * Where an aggregate read goes: the one-dimension tables when no unit/category/channel filter applies
 * (`province`: the whole province; `agencies`: the agencies in `agencyIds`), the full cohort tables otherwise.
 */
export type Source = 'province' | 'agencies' | 'cohorts';

export function sourceOf(f: Omit<RollupFilter, 'from' | 'to'>): Source {
  if (f.areaCode || f.categoryCode || f.channel) return 'cohorts';
  return f.agencyIds ? 'agencies' : 'province';
}

const agencyScope = (ids: string[] | undefined): SQL =>
  ids ? (ids.length ? sql`agency_id = any(${`{${ids.join(',')}}`}::uuid[])` : sql`false`) : sql`true`;

/**
 * Sums of every measure from the one-dimension tables (see sourceOf): the total, the period series and
 * one breakdown per asked dimension; same shape as `aggregate`.
 */
export async function aggregateDims(
  db: Executor,
  source: 'province' | 'agencies',
  f: Pick<RollupFilter, 'from' | 'to' | 'agencyIds'>,
  dims: Dim[],
  options: { granularity?: 'day' | 'week' | 'month'; monthly?: boolean } = {},
): Promise<Grouped> {
  const monthly = source === 'province' && options.monthly;
  const table =
    source === 'agencies'
      ? 'analytics_daily_agency_dims'
      : monthly
        ? 'analytics_monthly_dims'
        : 'analytics_daily_dims';
  const dateCol = monthly ? 'month' : 'day';
  const from = monthly ? `${f.from.slice(0, 7)}-01` : f.from;
  const granularity = options.granularity ?? 'day';
  const pkey =
    granularity === 'day' ? `${dateCol}::text` : `date_trunc('${granularity}', ${dateCol})::date::text`;
  const where = sql`${sql.raw(dateCol)} >= ${from}::date and ${sql.raw(dateCol)} <= ${f.to}::date and ${
    source === 'agencies' ? agencyScope(f.agencyIds) : sql`true`
  }`;
  // Two small scans instead of one wide one: the breakdowns (one row per dimension value), and the
  // series from the channel rows alone (a handful a day). The total is the sum of the channel rows.
  const plain = dims.filter((d) => d !== 'period' && !(source === 'agencies' && d === 'agency'));
  const breakdown: SQL[] = [];
  if (plain.length)
    breakdown.push(sql`select dim, key, ${sql.raw(plainSums)} from ${sql.raw(table)}
      where ${where} and dim in (${sql.raw(plain.map((d) => `'${d}'`).join(','))}) group by 1, 2`);
  if (source === 'agencies' && dims.includes('agency'))
    breakdown.push(sql`select 'agency' as dim, agency_id::text as key, ${sql.raw(plainSums)}
      from ${sql.raw(table)} where ${where} and dim = 'channel' group by 2`);
  type Row = Record<string, unknown> & { dim: string; key: string | null };
  const [groups, series] = await Promise.all([
    breakdown.length
      ? db.execute(sql.join(breakdown, sql` union all `)).then((r) => rows<Row>(r))
      : Promise.resolve([] as Row[]),
    dims.includes('period')
      ? db
          .execute(
            sql`select 'period' as dim, ${sql.raw(pkey)} as key, ${sql.raw(plainSums)} from ${sql.raw(table)}
              where ${where} and dim = 'channel' group by 2`,
          )
          .then((r) => rows<Row>(r))
      : Promise.resolve([] as Row[]),
  ]);
  const out: Grouped = { total: null };
  for (const r of [...groups, ...series]) {
    (out[r.dim as Dim] ??= []).push({ ...(r as unknown as MeasureRow), key: r.key ?? null });
  }
  if (dims.includes('channel')) {
    const total = Object.fromEntries(MEASURES.map((m) => [m, 0])) as MeasureRow;
    for (const r of out.channel ?? []) for (const m of MEASURES) total[m] += Number(r[m]);
    out.total = total;
  }
  out.period?.sort((a, b) => String(a.key).localeCompare(String(b.key)));
  return out;
}

/** Open reports (now) by day of receipt: the backlog, whatever the period. */
export async function openByDay(
  db: Executor,
  f: Omit<RollupFilter, 'from' | 'to'>,
): Promise<{ day: string; open: number; overdue: number }[]> {
  const source = sourceOf(f);
  const query =
    source === 'cohorts'
      ? // No period: the planner then takes the open-cohort index of the filtered area, category or channel.
        sql`from analytics_daily where open_count > 0 and ${whereOf({ ...f, from: '', to: '' }, 'daily', false)}`
      : source === 'agencies'
        ? sql`from analytics_daily_agency_dims where open_count > 0 and dim = 'channel' and ${agencyScope(f.agencyIds)}`
        : sql`from analytics_daily_dims where open_count > 0 and dim = 'channel'`;
  return rows<{ day: string; open: number; overdue: number }>(
    await db.execute(sql`
      select day::text as day, sum(open_count)::int as open, sum(overdue_open)::int as overdue
      ${query} group by day order by day`),
  );
}

/** Received per key (category or area) in two adjacent periods: this week and last week. */
export async function compareWeeks(
  db: Executor,
  f: Omit<RollupFilter, 'from' | 'to'>,
  by: 'category' | 'area',
  lastWeekStart: string,
  thisWeekStart: string,
  thisWeekEnd: string,
  limit: number,
): Promise<{ key: string | null; thisWeek: number; lastWeek: number }[]> {
  const source = sourceOf(f);
  const period = sql`day >= ${lastWeekStart}::date and day <= ${thisWeekEnd}::date`;
  const [col, from] =
    source === 'cohorts'
      ? [
          sql.raw(by === 'category' ? 'category_code' : 'area_code'),
          sql`analytics_daily where ${whereOf({ ...f, from: lastWeekStart, to: thisWeekEnd }, 'daily')}`,
        ]
      : [
          sql.raw('key'),
          source === 'agencies'
            ? sql`analytics_daily_agency_dims where dim = ${by} and ${period} and ${agencyScope(f.agencyIds)}`
            : sql`analytics_daily_dims where dim = ${by} and ${period}`,
        ];
  return rows<{ key: string | null; thisWeek: number; lastWeek: number }>(
    await db.execute(sql`
      select ${col} as key,
        coalesce(sum(received) filter (where day >= ${thisWeekStart}::date), 0)::int as "thisWeek",
        coalesce(sum(received) filter (where day < ${thisWeekStart}::date), 0)::int as "lastWeek"
      from ${from}
      group by 1 order by 2 desc, 3 desc, 1 limit ${limit}`),
  );
}

/** Reports returned to the IOC as not theirs, per agency, over a period. */
export async function returnsByAgency(
  db: Executor,
  from: string,
  to: string,
  agencyIds?: string[],
): Promise<Map<string, number>> {
  const scope = agencyIds
    ? agencyIds.length
      ? sql`and agency_id = any(${`{${agencyIds.join(',')}}`}::uuid[])`
      : sql`and false`
    : sql``;
  const result = rows<{ agency_id: string; n: number }>(
    await db.execute(sql`
      select agency_id::text, sum(returned)::int as n from analytics_returns
      where day >= ${from}::date and day <= ${to}::date ${scope} group by 1`),
  );
  return new Map(result.map((r) => [r.agency_id, r.n]));
}

/** Per agency and month: received, timed answers, on time (for trends). */
export async function agencyMonthlyTrend(
  db: Executor,
  from: string,
  to: string,
  agencyIds?: string[],
): Promise<{ agencyId: string; month: string; received: number; timed: number; onTime: number }[]> {
  const scope = agencyIds
    ? agencyIds.length
      ? sql`and agency_id = any(${`{${agencyIds.join(',')}}`}::uuid[])`
      : sql`and false`
    : sql``;
  return rows(
    await db.execute(sql`
      select agency_id::text as "agencyId", month::text as month, sum(received)::int as received,
        sum(on_time + late + late_with_extension)::int as timed, sum(on_time)::int as "onTime"
      from analytics_monthly_agency
      where agency_id is not null and month >= ${from}::date and month <= ${to}::date ${scope}
      group by 1, 2 order by 1, 2`),
  );
}
