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
const measureList = sql.raw(MEASURES.join(', '));

const vnDayOf = (col: string) => `((${col} at time zone 'UTC') + interval '7 hours')::date`;
const dayStart = (day: string) => `((${day})::timestamp - interval '7 hours') at time zone 'UTC'`;

function bucketFilters(prefix: 'fa' | 'ans', hours: string): string {
  return BUCKETS.map((i) => {
    const lower = i === 0 ? null : DURATION_BOUNDS_HOURS[i - 1];
    const upper = DURATION_BOUNDS_HOURS[i];
    const cond = [
      lower === null ? null : `${hours} >= ${lower}`,
      upper === undefined ? null : `${hours} < ${upper}`,
    ]
      .filter(Boolean)
      .join(' and ');
    return `count(*) filter (where ${hours} is not null${cond ? ` and ${cond}` : ''}) as ${prefix}_h${i}`;
  }).join(',\n');
}

/** The per-cohort aggregates over `reports r` (joined to admin_units u), in MEASURES order; `now` is $1-free SQL. */
function cohortAggregates(now: SQL): SQL {
  const fa = `(extract(epoch from (r.first_action_at - r.received_at)) / 3600.0)`;
  const ans = `(extract(epoch from (r.answered_at - r.received_at)) / 3600.0)`;
  return sql`
    count(*) as received,
    count(*) filter (where r.status in (${OPEN})) as open_count,
    count(*) filter (where r.status in (${OPEN}) and coalesce(r.extended_deadline_at, r.deadline_at) < ${now}) as overdue_open,
    count(*) filter (where r.status = 'rejected') as rejected,
    count(*) filter (where r.status = 'merged') as merged,
    count(*) filter (where r.answered_at is not null) as answered,
    count(*) filter (where r.timeliness = 'on_time') as on_time,
    count(*) filter (where r.timeliness = 'late') as late,
    count(*) filter (where r.timeliness = 'late_with_extension') as late_with_extension,
    count(*) filter (where r.rating is not null) as rated,
    count(*) filter (where r.rating = 'satisfied') as satisfied,
    count(r.first_action_at) as fa_count,
    coalesce(sum(greatest(${sql.raw(fa)}, 0)), 0) as fa_sum_hours,
    coalesce(sum(greatest(${sql.raw(ans)}, 0)), 0) as ans_sum_hours,
    ${sql.raw(bucketFilters('fa', fa))},
    ${sql.raw(bucketFilters('ans', ans))}`;
}

const AREA = sql.raw(`case when u.level = 2 then u.code when u.level = 3 then u.parent_code else null end`);

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

function pgDateArray(days: string[]): string {
  return `{${days.join(',')}}`;
}

export interface RefreshResult {
  skipped: boolean;
  full: boolean;
  days: number;
  lastEventId: number;
}

/**
 * Brings the rollups up to date. The first time (or with `full`) it rebuilds everything; afterwards it
 * recomputes only the days (of receipt) of reports that have new events since the last run, plus those of
 * open reports whose deadline passed since then, and the months holding those days. One runner at a time
 * (transaction advisory lock); a concurrent caller returns at once with `skipped`.
 */
export async function refreshRollups(
  db: Executor,
  now: Date,
  options: { full?: boolean; maxDays?: number } = {},
): Promise<RefreshResult> {
  return db.transaction(async (tx) => {
    const [lock] = rows<{ ok: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${REFRESH_LOCK}) as ok`),
    );
    if (!lock?.ok) return { skipped: true, full: false, days: 0, lastEventId: 0 };
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
      await tx.execute(sql`delete from analytics_daily`);
      await tx.execute(sql`
        insert into analytics_daily (day, ${sql.raw(DIMS)}, ${measureList})
        select ${sql.raw(vnDayOf('r.received_at'))} as day, ${AREA} as area_code, r.category_code, r.channel, r.agency_id,
          ${cohortAggregates(sql`${nowIso}::timestamptz`)}
        from reports r left join admin_units u on u.code = r.unit_code
        group by 1, 2, 3, 4, 5`);
      await rebuildMonths(tx, null);
      await tx.execute(sql`delete from analytics_returns`);
      await tx.execute(sql`
        insert into analytics_returns (day, agency_id, returned)
        select ${sql.raw(vnDayOf('e.at'))}, (e.data->>'agencyId')::uuid, count(*)
        from report_events e
        where e.action = 'return_to_ioc' and e.id <= ${maxId} and e.data->>'agencyId' is not null
        group by 1, 2`);
      const [n] = rows<{ n: number }>(
        await tx.execute(sql`select count(distinct day)::int as n from analytics_daily`),
      );
      await saveState(tx, maxId, nowIso);
      return { skipped: false, full: true, days: n?.n ?? 0, lastEventId: maxId };
    }

    const lastEventId = Number(state.last_event_id);
    const since = new Date(state.refreshed_at!).toISOString();
    const dirty = rows<{ day: string }>(
      await tx.execute(sql`
        select ${sql.raw(vnDayOf('r.received_at'))}::text as day from reports r
        where r.id in (select e.report_id from report_events e where e.id > ${lastEventId} and e.id <= ${maxId})
        union
        select ${sql.raw(vnDayOf('r.received_at'))}::text as day from reports r
        where r.status in (${OPEN})
          and coalesce(r.extended_deadline_at, r.deadline_at) >= ${since}::timestamptz
          and coalesce(r.extended_deadline_at, r.deadline_at) < ${nowIso}::timestamptz`),
    ).map((r) => r.day);

    if (options.maxDays !== undefined && dirty.length > options.maxDays) {
      return { skipped: true, full: false, days: dirty.length, lastEventId };
    }
    if (dirty.length) {
      const days = pgDateArray(dirty);
      const sortedDays = [...dirty].sort();
      const first = sortedDays[0]!;
      const last = sortedDays.at(-1)!;
      await tx.execute(sql`delete from analytics_daily where day = any(${days}::date[])`);
      await tx.execute(sql`
        insert into analytics_daily (day, ${sql.raw(DIMS)}, ${measureList})
        select d.day, ${AREA} as area_code, r.category_code, r.channel, r.agency_id,
          ${cohortAggregates(sql`${nowIso}::timestamptz`)}
        from (select *, ${sql.raw(vnDayOf('received_at'))} as vn_day from reports
              where received_at >= ${sql.raw(dayStart(`'${first}'::date`))}
                and received_at < ${sql.raw(dayStart(`'${last}'::date + 1`))}) r
        join unnest(${days}::date[]) as d(day) on d.day = r.vn_day
        left join admin_units u on u.code = r.unit_code
        group by 1, 2, 3, 4, 5`);
      await rebuildMonths(tx, [...new Set(dirty.map((d) => `${d.slice(0, 7)}-01`))]);
    }
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
    return { skipped: false, full: false, days: dirty.length, lastEventId: maxId };
  });
}

const SUMS = MEASURES.map((c) => `sum(a.${c})`).join(', ');

/** Recomputes the monthly tables from the daily one: the given months (first days), or all when null. */
async function rebuildMonths(tx: Executor, months: string[] | null): Promise<void> {
  months?.sort();
  const list = months ? pgDateArray(months) : null;
  const only = (col: string) => (list ? sql`where ${sql.raw(col)} = any(${list}::date[])` : sql``);
  const from = list
    ? sql`from (select date_trunc('month', day)::date as mon, * from analytics_daily
                where day >= ${months![0]!}::date and day < (${months!.at(-1)!}::date + interval '1 month')::date) a
          join unnest(${list}::date[]) as m(month) on m.month = a.mon`
    : sql`from (select date_trunc('month', day)::date as month, * from analytics_daily) a`;
  const month = sql.raw(list ? 'm.month' : 'a.month');
  await tx.execute(sql`delete from analytics_monthly ${only('month')}`);
  await tx.execute(sql`
    insert into analytics_monthly (month, area_code, category_code, channel, ${measureList})
    select ${month}, a.area_code, a.category_code, a.channel, ${sql.raw(SUMS)} ${from}
    group by 1, 2, 3, 4`);
  await tx.execute(sql`delete from analytics_monthly_agency ${only('month')}`);
  await tx.execute(sql`
    insert into analytics_monthly_agency (month, agency_id, ${measureList})
    select ${month}, a.agency_id, ${sql.raw(SUMS)} ${from}
    group by 1, 2`);
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

function whereOf(f: RollupFilter, table: Table): SQL {
  const col = table === 'daily' ? 'day' : 'month';
  const from = table === 'daily' ? f.from : `${f.from.slice(0, 7)}-01`;
  const parts: SQL[] = [sql`${sql.raw(col)} >= ${from}::date`, sql`${sql.raw(col)} <= ${f.to}::date`];
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

const sums = sql.raw(MEASURES.map((m) => `coalesce(sum(${m}), 0)::float8 as ${m}`).join(', '));

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

/** Open reports (now) by day of receipt: the backlog, whatever the period. */
export async function openByDay(
  db: Executor,
  f: Omit<RollupFilter, 'from' | 'to'>,
): Promise<{ day: string; open: number; overdue: number }[]> {
  const where = whereOf({ ...f, from: '0001-01-01', to: '9999-12-31' }, 'daily');
  return rows<{ day: string; open: number; overdue: number }>(
    await db.execute(sql`
      select day::text as day, sum(open_count)::int as open, sum(overdue_open)::int as overdue
      from analytics_daily where open_count > 0 and ${where} group by day order by day`),
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
  const col = sql.raw(by === 'category' ? 'category_code' : 'area_code');
  return rows<{ key: string | null; thisWeek: number; lastWeek: number }>(
    await db.execute(sql`
      select ${col} as key,
        coalesce(sum(received) filter (where day >= ${thisWeekStart}::date), 0)::int as "thisWeek",
        coalesce(sum(received) filter (where day < ${thisWeekStart}::date), 0)::int as "lastWeek"
      from analytics_daily
      where ${whereOf({ ...f, from: lastWeekStart, to: thisWeekEnd }, 'daily')}
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
