import type { AnalyticsDeps } from '../analytics-deps.js';
import { monthBounds, vnDay } from '../analytics-rules.js';
import * as repo from '../analytics.repository.js';
import { toFigures } from '../figures.js';
import { ensureFresh, labelsFor, type Lang } from './read-analytics.js';
import { AppError } from '../../../platform/http/problem.js';

/** What the province publishes each month (as HCMC does): counts and rates, never a person. */
export interface PublicFigures {
  received: number;
  answered: number;
  onTime: number;
  onTimeRate: number | null;
  rated: number;
  satisfied: number;
  satisfactionRate: number | null;
}

export interface PublicStatistics {
  month: string;
  months: string[];
  province: PublicFigures;
  agencies: (PublicFigures & { agencyId: string; name: string })[];
  trend: (PublicFigures & { month: string })[];
  refreshedAt: string | null;
}

function publicOf(m: repo.MeasureRow | null | undefined): PublicFigures {
  const f = toFigures(m ?? ({} as repo.MeasureRow));
  return {
    received: f.received,
    answered: f.answered,
    onTime: f.onTime,
    onTimeRate: f.onTimeRate,
    rated: f.rated,
    satisfied: f.satisfied,
    satisfactionRate: f.satisfactionRate,
  };
}

function shiftMonth(month: string, n: number): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
}

/** The month's figures of the province and of each agency, and the province's last 12 months. Public. */
export async function readPublicStatistics(
  deps: AnalyticsDeps,
  month: string | undefined,
  lang: Lang,
): Promise<PublicStatistics> {
  const current = vnDay(deps.now()).slice(0, 7);
  const chosen = month ?? shiftMonth(current, -1);
  if (chosen > current) throw new AppError('not_found');
  const fresh = await ensureFresh(deps);
  const db = deps.database.db;
  const first = shiftMonth(chosen, -11);
  const { from, to } = monthBounds(chosen);
  const [trend, agencies] = await Promise.all([
    repo.aggregateDims(db, 'province', { from: `${first}-01`, to }, ['period'], {
      granularity: 'month',
      monthly: true,
    }),
    repo.aggregate(db, 'monthly_agency', { from, to }, ['agency']),
  ]);
  const rows = (agencies.agency ?? []).filter((r) => r.key && Number(r.received) > 0);
  const labels = await labelsFor(
    deps,
    lang,
    rows.map((r) => r.key),
  );
  const byMonth = new Map((trend.period ?? []).map((r) => [String(r.key).slice(0, 7), r]));
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(chosen, i - 11));
  return {
    month: chosen,
    months: Array.from({ length: 24 }, (_, i) => shiftMonth(current, -i)),
    province: publicOf(byMonth.get(chosen)),
    agencies: rows
      .map((r) => ({ agencyId: r.key!, name: labels.agency(r.key), ...publicOf(r) }))
      .sort((a, b) => b.received - a.received || a.name.localeCompare(b.name)),
    trend: months.map((m) => ({ month: m, ...publicOf(byMonth.get(m)) })),
    refreshedAt: fresh.refreshedAt?.toISOString() ?? null,
  };
}
