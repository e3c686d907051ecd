import type {
  AgencyRank,
  Breakdown,
  Dashboard,
  DashboardQuery,
  Figures,
  RankingQuery,
} from '../../../contracts/analytics.js';
import { CHANNEL_LABELS, type Channel } from '../../../contracts/feedback.js';
import { AGENCY_SCOPED_ROLES } from '../../../contracts/roles.js';
import { AppError } from '../../../platform/http/problem.js';
import { agencyNames, agencySubtree, authorize, can, type Principal } from '../../identity/index.js';
import type { AnalyticsDeps } from '../analytics-deps.js';
import {
  addDays,
  AGE_BUCKETS,
  ageBucketOf,
  daysBetween,
  monthBounds,
  rate,
  vnDay,
  weekStart,
} from '../analytics-rules.js';
import * as repo from '../analytics.repository.js';
import { breakdown, EMPTY_FIGURES, toFigures } from '../figures.js';

export type Lang = 'vi' | 'en';

/** The agencies an agency-scoped reader covers; undefined when they may read the whole province. */
export function analyticsScope(p: Principal): string[] | undefined {
  const unscoped = p.grants.some(
    (g) => !AGENCY_SCOPED_ROLES.includes(g.role) && can({ ...p, grants: [g] }, 'analytics.read'),
  );
  if (unscoped) return undefined;
  return [
    ...new Set(
      p.grants
        .filter((g) => can({ ...p, grants: [g] }, 'analytics.read'))
        .flatMap((g) => [...(p.scopes.get(g.role) ?? [])]),
    ),
  ];
}

/** A read folds in at most this many changed reports itself (a few tens of milliseconds); more waits for the job. */
const READ_CATCH_UP_REPORTS = 500;

/**
 * Catches the rollups up on read when reports changed since the last refresh and the change is small
 * (at most READ_CATCH_UP_REPORTS reports: the cost follows the changed reports); otherwise, or while the
 * job is refreshing, the read serves the last rollup as it stands and says how fresh it is. Only an empty
 * database (never refreshed) is built on read. Deadlines that pass without any event are counted by the
 * job, every minute.
 */
export async function ensureFresh(deps: AnalyticsDeps): Promise<repo.Freshness> {
  const f = await repo.freshness(deps.database.db);
  const now = deps.now();
  // Deadlines pass without events: when the job has not run for five minutes (a web process without a
  // worker), a read counts them, within the same bound.
  const recent = f.refreshedAt && now.getTime() - f.refreshedAt.getTime() < 5 * 60_000;
  if (recent && f.latestEventId <= f.lastEventId) return f;
  const r = await repo.refreshRollups(
    deps.database.db,
    now,
    f.refreshedAt ? { maxReports: READ_CATCH_UP_REPORTS } : {},
  );
  return r.skipped ? f : repo.freshness(deps.database.db);
}

export interface Labels {
  category(code: string | null): string;
  area(code: string | null): string;
  channel(code: string | null): string;
  agency(id: string | null): string;
}

const NONE = { vi: 'Chưa xác định', en: 'Not known' };
const UNASSIGNED = { vi: 'Chưa chuyển cơ quan', en: 'Not assigned yet' };

export async function labelsFor(
  deps: AnalyticsDeps,
  lang: Lang,
  agencyIds: (string | null)[],
): Promise<Labels> {
  const cats = new Map(deps.profile.categories.map((c) => [c.code, lang === 'en' ? c.nameEn : c.name]));
  const units = new Map(deps.profile.units.map((u) => [u.code, lang === 'en' ? u.name_ascii : u.name]));
  const agencies = await agencyNames(deps.database.db, [
    ...new Set(agencyIds.filter((id): id is string => !!id)),
  ]);
  return {
    category: (c) => (c ? (cats.get(c) ?? c) : NONE[lang]),
    area: (c) => (c ? (units.get(c) ?? c) : NONE[lang]),
    channel: (c) => (c ? (CHANNEL_LABELS[c as Channel]?.[lang] ?? c) : NONE[lang]),
    agency: (id) => (id ? (agencies.get(id) ?? id) : UNASSIGNED[lang]),
  };
}

/** The period asked for, defaulting to the 30 days ending today (Vietnam time); at most 3 years. */
export function resolvePeriod(q: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const today = vnDay(now);
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -29);
  if (from > to || daysBetween(from, to) > 3 * 366) {
    throw new AppError('validation', {}, [{ path: 'query.from', message: 'from ≤ to, ≤ 3 năm / 3 years' }]);
  }
  return { from, to };
}

/** Whole months from the first of a month to the last day of a month: the monthly table answers. */
export function isWholeMonths(from: string, to: string): boolean {
  return from.endsWith('-01') && monthBounds(to.slice(0, 7)).to === to;
}

function filterOf(q: { unit?: string; category?: string; channel?: string }, scope: string[] | undefined) {
  return {
    ...(scope ? { agencyIds: scope } : {}),
    ...(q.unit ? { areaCode: q.unit } : {}),
    ...(q.category ? { categoryCode: q.category } : {}),
    ...(q.channel ? { channel: q.channel } : {}),
  };
}

/**
 * The operations centre's dashboard: totals, series by day/week/month, breakdowns by channel, category,
 * area and agency, backlog by age, this week against last. Figures count the reports received in the
 * period (cohort) as they stand now; agency leads see their agency subtree only.
 */
export async function readDashboard(
  deps: AnalyticsDeps,
  p: Principal | null,
  q: DashboardQuery,
  lang: Lang,
): Promise<Dashboard> {
  const principal = authorize(p, 'analytics.read');
  return dashboardFor(deps, analyticsScope(principal), q, lang);
}

async function dashboardFor(
  deps: AnalyticsDeps,
  scope: string[] | undefined,
  q: DashboardQuery,
  lang: Lang,
): Promise<Dashboard> {
  const fresh = await ensureFresh(deps);
  const db = deps.database.db;
  const now = deps.now();
  const period = resolvePeriod(q, now);
  if (q.granularity !== 'month' && daysBetween(period.from, period.to) > 92) {
    throw new AppError('validation', {}, [
      { path: 'query.granularity', message: 'ngày/tuần: tối đa 92 ngày / day or week: at most 92 days' },
    ]);
  }
  const base = filterOf(q, scope);
  const f = { ...base, ...period };
  const monthly = isWholeMonths(period.from, period.to) && !scope;
  const today = vnDay(now);
  const thisWeek = weekStart(today);
  const lastWeek = addDays(thisWeek, -7);

  const source = repo.sourceOf(base);
  const dims: repo.Dim[] = ['period', 'channel', 'category', 'area', 'agency'];
  const [main, agencies, open, topCats, topAreas] = await Promise.all([
    source === 'cohorts'
      ? repo.aggregate(db, monthly ? 'monthly' : 'daily', f, dims, q.granularity)
      : repo.aggregateDims(db, source, f, dims, { granularity: q.granularity, monthly }),
    // The monthly cohort table has no agency: the agencies of whole months with a filter come from the days.
    source === 'cohorts' && monthly ? repo.aggregate(db, 'daily', f, ['agency']) : Promise.resolve(null),
    repo.openByDay(db, base),
    repo.compareWeeks(db, base, 'category', lastWeek, thisWeek, addDays(thisWeek, 6), 10),
    repo.compareWeeks(db, base, 'area', lastWeek, thisWeek, addDays(thisWeek, 6), 10),
  ]);
  const series = main.period ?? [];
  const byChannel = main.channel ?? [];
  const byCategory = main.category ?? [];
  const byArea = main.area ?? [];
  const byAgency = (agencies ?? main).agency ?? [];
  const labels = await labelsFor(
    deps,
    lang,
    byAgency.map((r) => r.key),
  );

  const backlog = AGE_BUCKETS.map((b) => ({ bucket: b.key as string, open: 0, overdue: 0 }));
  for (const row of open) {
    const bucket = backlog.find((b) => b.bucket === ageBucketOf(daysBetween(row.day, today)))!;
    bucket.open += Number(row.open);
    bucket.overdue += Number(row.overdue);
  }
  const byReceived = (a: Breakdown, b: Breakdown) =>
    b.received - a.received || a.label.localeCompare(b.label);
  return {
    period: { ...period, granularity: q.granularity },
    freshness: { refreshedAt: fresh.refreshedAt?.toISOString() ?? null, lastEventId: fresh.lastEventId },
    totals: main.total ? toFigures(main.total) : EMPTY_FIGURES,
    series: breakdown(series, (k) => k ?? ''),
    byChannel: breakdown(byChannel, labels.channel).sort(byReceived),
    byCategory: breakdown(byCategory, labels.category).sort(byReceived),
    byArea: breakdown(byArea, labels.area).sort(byReceived),
    byAgency: breakdown(byAgency, labels.agency).sort(byReceived),
    backlog,
    topCategories: topCats.map((r) => ({ ...r, label: labels.category(r.key) })),
    topAreas: topAreas.map((r) => ({ ...r, label: labels.area(r.key) })),
  };
}

/** Districts (or communes) coloured by volume and on-time rate, with the profile's boundaries. */
export async function readChoropleth(
  deps: AnalyticsDeps,
  p: Principal | null,
  q: DashboardQuery,
  lang: Lang,
) {
  const principal = authorize(p, 'analytics.read');
  const scope = analyticsScope(principal);
  await ensureFresh(deps);
  const period = resolvePeriod(q, deps.now());
  const filter = { ...filterOf(q, scope), ...period };
  const source = repo.sourceOf(filter);
  const monthly = isWholeMonths(period.from, period.to) && !scope;
  const grouped =
    source === 'cohorts'
      ? await repo.aggregate(deps.database.db, monthly ? 'monthly' : 'daily', filter, ['area'])
      : await repo.aggregateDims(deps.database.db, source, filter, ['area'], { monthly });
  const rows = grouped.area ?? [];
  const labels = await labelsFor(deps, lang, []);
  return {
    period,
    boundaries: deps.profile.boundaries,
    areas: breakdown(rows, labels.area).map((a) => ({
      key: a.key,
      label: a.label,
      received: a.received,
      inProgress: a.inProgress,
      onTimeRate: a.onTimeRate,
      satisfactionRate: a.satisfactionRate,
    })),
  };
}

function monthsBack(to: string, n: number): string {
  const d = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - (n - 1));
  return d.toISOString().slice(0, 10);
}

/**
 * Agencies ranked by on-time rate (then satisfaction, then volume), with returned-as-not-ours counts and
 * each agency's last six months. Agency leads see the agencies of their subtree.
 */
export async function readAgencyRanking(
  deps: AnalyticsDeps,
  p: Principal | null,
  q: RankingQuery,
  lang: Lang,
  onlyAgencyIds?: string[],
): Promise<{ period: { from: string; to: string }; items: AgencyRank[] }> {
  const principal = authorize(p, 'analytics.read');
  const scope = onlyAgencyIds ?? analyticsScope(principal);
  await ensureFresh(deps);
  const db = deps.database.db;
  const period = resolvePeriod(q, deps.now());
  const f = { ...filterOf(q, scope), ...period };
  const trendFrom = monthsBack(period.to, 6);
  const source = repo.sourceOf(f);
  const [grouped, returns, trend] = await Promise.all([
    source === 'cohorts'
      ? repo.aggregate(db, 'daily', f, ['agency'])
      : isWholeMonths(period.from, period.to)
        ? repo.aggregate(db, 'monthly_agency', f, ['agency'])
        : repo.aggregateDims(db, source, f, ['agency']),
    repo.returnsByAgency(db, period.from, period.to, scope),
    repo.agencyMonthlyTrend(db, trendFrom, period.to, scope),
  ]);
  const rows = grouped.agency ?? [];
  const ids = [...new Set([...rows.map((r) => r.key), ...returns.keys()].filter((k): k is string => !!k))];
  const labels = await labelsFor(deps, lang, ids);
  const figures = new Map(rows.filter((r) => r.key).map((r) => [r.key!, toFigures(r)]));
  const months: string[] = [];
  for (let m = trendFrom; m <= period.to;) {
    months.push(m.slice(0, 7));
    const d = new Date(`${m}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + 1);
    m = d.toISOString().slice(0, 10);
  }
  const items = ids.map((id) => {
    const fig: Figures = figures.get(id) ?? EMPTY_FIGURES;
    const own = trend.filter((t) => t.agencyId === id);
    return {
      agencyId: id,
      name: labels.agency(id),
      rank: 0,
      returned: returns.get(id) ?? 0,
      ...fig,
      trend: months.map((month) => {
        const t = own.find((x) => x.month.startsWith(month));
        return { month, received: t?.received ?? 0, onTimeRate: t ? rate(t.onTime, t.timed) : null };
      }),
    };
  });
  items.sort(
    (a, b) =>
      (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
      (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1) ||
      b.received - a.received ||
      a.name.localeCompare(b.name),
  );
  items.forEach((it, i) => (it.rank = i + 1));
  return { period, items };
}

/** One agency's own page: its subtree's dashboard and its place in the ranking. */
export async function readAgencyPage(
  deps: AnalyticsDeps,
  p: Principal | null,
  agencyId: string,
  q: DashboardQuery,
  lang: Lang,
) {
  const principal = authorize(p, 'analytics.read', { agencyId });
  const subtree = await agencySubtree(deps.database.db, agencyId);
  const names = await agencyNames(deps.database.db, [agencyId]);
  if (!names.has(agencyId)) throw new AppError('not_found');
  // The agency page narrows the reader's own scope to the agency's subtree.
  const scope = analyticsScope(principal);
  const allowed = scope ? subtree.filter((id) => scope.includes(id)) : subtree;
  const dashboard = await dashboardFor(deps, allowed, q, lang);
  const ranking = await readAgencyRanking(deps, principal, q, lang, [agencyId]);
  return { agencyId, name: names.get(agencyId)!, dashboard, figures: ranking.items[0] ?? null };
}
