import { sql } from 'drizzle-orm';
import type { DuplicateView } from '../../../contracts/feedback.js';
import { OPEN_STATUSES } from '../../../contracts/report-lifecycle.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, type Principal } from '../../identity/index.js';
import { cachedRoutingSnapshot } from '../../routing/index.js';
import {
  DUPLICATE_THRESHOLD,
  categoryRelation,
  duplicateScore,
  relatedCategories,
  textSimilarity,
} from '../../triage/duplicate-score.js';
import { activeModel } from '../../triage/model-store.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';

export type DuplicateCandidate = DuplicateView;

/** How far apart (before or after) a duplicate may have been received. */
export const DUPLICATE_WINDOW_DAYS = 30;

/** Candidates read from the database before scoring (closest text first, then closest place). */
const CANDIDATE_LIMIT = 100;

/**
 * Likely duplicates of a report for the IOC: open reports of the same or a related category (see
 * triage/duplicate-score.ts) received within 30 days, within the category's radius when both have a place.
 * Each is scored on text similarity (normalised Vietnamese: diacritics, abbreviations, typos, words
 * weighted by rarity), closeness, time apart and how related the categories are; those above the
 * threshold are returned, best first.
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
  const snapshot = await cachedRoutingSnapshot(deps.database);
  const radiusOf = (code: string) => snapshot.category(code)?.duplicateRadiusM ?? 0;
  const categories = [r.categoryCode, ...relatedCategories(r.categoryCode)];
  const maxRadius = Math.max(...categories.map(radiusOf));
  const open = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(','));
  const hasPoint = r.lat !== null && r.lon !== null;
  const distance = hasPoint
    ? sql`case when lat is null then null else earth_distance(ll_to_earth(${r.lat}, ${r.lon}), ll_to_earth(lat, lon)) end`
    : sql`null::float8`;
  const window = DUPLICATE_WINDOW_DAYS * 86400_000;
  const result = await db.execute(sql`
    select id, tracking_code, title, body, status, category_code, unit_code, received_at, dist from (
      select id, tracking_code, title, body, status, category_code, unit_code, received_at,
             ${distance} as dist,
             similarity(f_unaccent(lower(title || ' ' || body)), f_unaccent(lower(${`${r.title} ${r.body}`}))) as sim
        from reports
       where id <> ${r.id}
         and category_code in (${sql.join(
           categories.map((c) => sql`${c}`),
           sql`, `,
         )})
         and status in (${open})
         and received_at > ${new Date(r.receivedAt.getTime() - window)}
         and received_at < ${new Date(r.receivedAt.getTime() + window)}
    ) c
    where (${!hasPoint || maxRadius === 0} or dist is null or dist <= ${maxRadius})
    order by sim desc, dist asc nulls last
    limit ${CANDIDATE_LIMIT}`);
  const rows = (
    result as unknown as {
      rows: {
        id: string;
        tracking_code: string;
        title: string;
        body: string;
        status: string;
        category_code: string;
        unit_code: string | null;
        received_at: string | Date;
        dist: number | null;
      }[];
    }
  ).rows;
  const model = await activeModel(deps.database, deps.profile.id);
  const weigh = model ? (f: Map<number, number>) => model.classifier.weigh(f) : undefined;
  const out: DuplicateCandidate[] = [];
  for (const c of rows) {
    const receivedAt = new Date(c.received_at);
    const text = textSimilarity(r, c, weigh);
    const distanceM = c.dist === null ? null : Number(c.dist);
    const { score } = duplicateScore({
      text,
      distanceM,
      radiusM: Math.max(radiusOf(r.categoryCode), radiusOf(c.category_code)),
      sameUnit: r.unitCode !== null && r.unitCode === c.unit_code,
      ageHours: Math.abs(r.receivedAt.getTime() - receivedAt.getTime()) / 3600_000,
      relation: categoryRelation(r.categoryCode, c.category_code),
    });
    if (score < DUPLICATE_THRESHOLD) continue;
    out.push({
      id: c.id,
      trackingCode: c.tracking_code,
      title: c.title,
      status: c.status,
      categoryCode: c.category_code,
      receivedAt: receivedAt.toISOString(),
      distanceM: distanceM === null ? null : Math.round(distanceM),
      similarity: Math.round(text * 100) / 100,
      score: Math.round(score * 100) / 100,
    });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, 10);
}
