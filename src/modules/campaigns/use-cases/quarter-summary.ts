import type { Executor } from '../../../platform/db/database.js';
import { allUnits, authorize, type Principal } from '../../identity/index.js';
import {
  agencyStatuses,
  COUNTED_STATUSES,
  districtTotals,
  kindTotals,
  measureTotals,
  targetProgress,
  type AgencyStatusRow,
  type CommunitySums,
  type MeasureTotal,
  type ReportLike,
  type TargetProgress,
} from '../aggregate.js';
import type { CampaignsDeps } from '../campaigns-deps.js';
import * as repo from '../campaigns.repository.js';
import {
  dueDate,
  quarterEnd,
  quarterLabel,
  quarterPhase,
  quarterStart,
  quartersBetween,
  vnDate,
  type QuarterRef,
} from '../quarters.js';
import { loadPlanContext, type PlanContext } from './plan-context.js';
import { adoptionFigures, type AdoptionRow } from './adoption.js';

export interface QuarterSummary {
  plan: { id: string; number: string; title: string; issuingBody: string };
  year: number;
  quarter: number;
  quarterLabel: string;
  dueOn: string;
  phase: string;
  generatedOn: string;
  counts: {
    expected: number;
    accepted: number;
    submitted: number;
    correction: number;
    late: number;
    missing: number;
    pending: number;
  };
  agencies: AgencyStatusRow[];
  measures: MeasureTotal[];
  districts: { unitCode: string; unitName: string; values: Record<string, number> }[];
  kinds: Record<string, Record<string, number>>;
  targets: TargetProgress[];
  trend: { quarterLabel: string; year: number; quarter: number; values: Record<string, number> }[];
  /** App installs and active users by district at the quarter's end (or today, if earlier). */
  adoption: { asOf: string; rows: AdoptionRow[] };
}

async function reportLikes(db: Executor, ctx: PlanContext, rows: repo.ReportRow[]): Promise<ReportLike[]> {
  const figures = await repo.figuresOf(
    db,
    rows.map((r) => r.id),
  );
  const codeOf = new Map(ctx.measures.map((m) => [m.id, m.code]));
  return rows.map((r) => {
    const f: Record<string, number> = {};
    for (const [measureId, value] of figures.get(r.id) ?? []) f[codeOf.get(measureId)!] = value;
    return {
      agencyId: r.agencyId,
      status: r.status,
      late: r.late === 'yes',
      submittedAt: r.submittedAt,
      figures: f,
    };
  });
}

async function communitySums(
  db: Executor,
  districtOf: Map<string, string>,
  from: string,
  to: string,
): Promise<CommunitySums> {
  const rows = await repo.activitySumsByUnit(db, from, to);
  const byDistrict = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const d = districtOf.get(r.unitCode) ?? r.unitCode;
    const s = byDistrict.get(d) ?? { households_guided: 0, people_guided: 0, installs_helped: 0 };
    s.households_guided! += Number(r.households);
    s.people_guided! += Number(r.people);
    s.installs_helped! += Number(r.installs);
    byDistrict.set(d, s);
  }
  return { byDistrict };
}

/**
 * The Department's view of a quarter: who reported, late or missing; totals per measure, per district
 * and per agency kind; targets against cumulative actuals; the trend over the plan's quarters so far.
 */
export async function quarterSummary(
  deps: CampaignsDeps,
  p: Principal | null,
  planId: string,
  q: QuarterRef,
): Promise<QuarterSummary> {
  authorize(p, 'campaigns.manage');
  const db = deps.database.db;
  const ctx = await loadPlanContext(db, planId);
  const today = vnDate(deps.now());
  const units = await allUnits(db);
  const districts = units.filter((u) => u.level === 2).sort((a, b) => a.code.localeCompare(b.code));
  const districtOf = new Map(
    units.map((u) => [u.code, u.level === 3 ? (u.parentCode ?? u.code) : u.code] as const),
  );
  const names = new Map(ctx.agencies.map((a) => [a.id, a.name]));
  const phase = quarterPhase(q, ctx.rules, today);
  const overdue = phase === 'overdue' || phase === 'closed';

  const allRows = await repo.reportsOfPlan(db, planId);
  const all = await reportLikes(db, ctx, allRows);
  const tagged = allRows.map((r, i) => ({ row: r, like: all[i]! }));
  const inQuarter = (x: QuarterRef, r: repo.ReportRow) => r.year === x.year && r.quarter === x.quarter;
  const current = tagged.filter((t) => inQuarter(q, t.row)).map((t) => t.like);
  const teams = await communitySums(db, districtOf, quarterStart(q), quarterEnd(q));

  const agencies = agencyStatuses(ctx.expected, current, overdue);
  const count = (s: string) => agencies.filter((a) => a.state === s).length;

  // Targets: cumulative from the plan's start to the quarter's end.
  const upTo = (x: repo.ReportRow) => x.year < q.year || (x.year === q.year && x.quarter <= q.quarter);
  const cumulativeReports = tagged.filter((t) => upTo(t.row) && COUNTED_STATUSES.includes(t.row.status));
  const cumulativeTeams = await communitySums(db, districtOf, ctx.plan.startsOn, quarterEnd(q));
  const cumulative = new Map<string, number>();
  const unitOfAgency = new Map(ctx.agencies.map((a) => [a.id, a.unitCode]));
  for (const t of ctx.targets) {
    const measure = ctx.measures.find((m) => m.code === t.measureCode);
    let actual = 0;
    for (const r of cumulativeReports) {
      if (unitOfAgency.get(r.row.agencyId) === t.unitCode) actual += r.like.figures[t.measureCode] ?? 0;
    }
    if (measure?.communitySource)
      actual += cumulativeTeams.byDistrict.get(t.unitCode)?.[measure.communitySource] ?? 0;
    cumulative.set(`${t.measureCode}:${t.unitCode}`, actual);
  }
  const unitName = new Map(units.map((u) => [u.code, u.name]));

  const trend = [];
  for (const x of quartersBetween(ctx.plan.startsOn, quarterEnd(q))) {
    const reps = tagged.filter((t) => inQuarter(x, t.row)).map((t) => t.like);
    const tm = await communitySums(db, districtOf, quarterStart(x), quarterEnd(x));
    const totals = measureTotals(ctx.measures, reps, tm, names);
    trend.push({
      quarterLabel: quarterLabel(x),
      year: x.year,
      quarter: x.quarter,
      values: Object.fromEntries(totals.map((m) => [m.code, m.total])),
    });
  }

  const adoptionDay = quarterEnd(q) < today ? quarterEnd(q) : today;
  return {
    plan: {
      id: ctx.plan.id,
      number: ctx.plan.number,
      title: ctx.plan.title,
      issuingBody: ctx.plan.issuingBody,
    },
    year: q.year,
    quarter: q.quarter,
    quarterLabel: quarterLabel(q),
    dueOn: dueDate(q, ctx.rules),
    phase,
    generatedOn: today,
    counts: {
      expected: agencies.length,
      accepted: count('accepted'),
      submitted: count('submitted'),
      correction: count('correction_requested'),
      late: agencies.filter((a) => a.late).length,
      missing: count('missing'),
      pending: count('draft') + count('not_started'),
    },
    agencies,
    measures: measureTotals(ctx.measures, current, teams, names),
    districts: districtTotals(districts, ctx.measures, current, ctx.agencies, teams),
    kinds: kindTotals(ctx.measures, current, ctx.agencies),
    targets: targetProgress(
      ctx.targets.map((t) => ({ ...t, unitName: unitName.get(t.unitCode) ?? t.unitCode })),
      cumulative,
    ),
    trend,
    adoption: { asOf: adoptionDay, rows: await adoptionFigures(db, ctx.targets, adoptionDay) },
  };
}
