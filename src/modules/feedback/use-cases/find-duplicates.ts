import { sql } from 'drizzle-orm';
import type { DuplicateView } from '../../../contracts/feedback.js';
import { OPEN_STATUSES } from '../../../contracts/report-lifecycle.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, type Principal } from '../../identity/index.js';
import { categoryByCode } from '../../routing/index.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';

export type DuplicateCandidate = DuplicateView;

/** How far back a duplicate may have been received. */
export const DUPLICATE_WINDOW_DAYS = 30;

/**
 * Likely duplicates of a report for the IOC: open reports of the same category received in the last
 * 30 days, within the category's radius when both have a place, scored by text similarity (trigrams
 * over the unaccented title and text) and closeness.
 */
export async function findDuplicates(
  deps: FeedbackDeps,
  p: Principal | null,
  id: string,
): Promise<DuplicateCandidate[]> {
  authorize(p, 'reports.triage');
  const db = deps.database.db;
  const r = await repo.findReport(db, id);
  if (!r) throw new AppError('not_found');
  const category = await categoryByCode(db, r.categoryCode);
  const radius = category?.duplicateRadiusM ?? 0;
  const open = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(','));
  const text = `${r.title} ${r.body}`;
  const hasPoint = r.lat !== null && r.lon !== null;
  const distance = hasPoint
    ? sql`case when lat is null then null else earth_distance(ll_to_earth(${r.lat}, ${r.lon}), ll_to_earth(lat, lon)) end`
    : sql`null::float8`;
  const result = await db.execute(sql`
    select id, tracking_code, title, status, received_at, dist, sim from (
      select id, tracking_code, title, status, received_at,
             ${distance} as dist,
             similarity(f_unaccent(lower(title || ' ' || body)), f_unaccent(lower(${text}))) as sim
        from reports
       where id <> ${r.id}
         and category_code = ${r.categoryCode}
         and status in (${open})
         and received_at > ${new Date(r.receivedAt.getTime() - DUPLICATE_WINDOW_DAYS * 86400_000)}
    ) c
    where (${!hasPoint || radius === 0} or dist is null or dist <= ${radius})
      and (sim > 0.15 or (dist is not null and dist <= ${Math.max(radius, 1)} / 2.0))
    order by sim desc
    limit 10`);
  const rows = (
    result as unknown as {
      rows: {
        id: string;
        tracking_code: string;
        title: string;
        status: string;
        received_at: string | Date;
        dist: number | null;
        sim: number;
      }[];
    }
  ).rows;
  return rows
    .map((c) => {
      const closeness = c.dist === null || radius === 0 ? 0.5 : Math.max(0, 1 - Number(c.dist) / radius);
      return {
        id: c.id,
        trackingCode: c.tracking_code,
        title: c.title,
        status: c.status,
        receivedAt: new Date(c.received_at).toISOString(),
        distanceM: c.dist === null ? null : Math.round(Number(c.dist)),
        similarity: Math.round(Number(c.sim) * 100) / 100,
        score: Math.round((0.6 * Number(c.sim) + 0.4 * closeness) * 100) / 100,
      };
    })
    .sort((a, b) => b.score - a.score);
}
