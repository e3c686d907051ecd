import { and, desc, eq, gt, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { reportEvents, reports } from '../feedback/feedback.schema.js';
import { triageHotspots, triageModels } from './triage.schema.js';

export type TriageModelRow = typeof triageModels.$inferSelect;
export type HotspotRow = typeof triageHotspots.$inferSelect;

/** Every stored model without its (large) JSON, newest first. */
export function listModels(db: Executor) {
  return db
    .select({
      id: triageModels.id,
      version: triageModels.version,
      trainedAt: triageModels.trainedAt,
      trainingSize: triageModels.trainingSize,
      confirmedSize: triageModels.confirmedSize,
      testSize: triageModels.testSize,
      top1: triageModels.top1,
      top3: triageModels.top3,
      trainingMs: triageModels.trainingMs,
      active: triageModels.active,
      trigger: triageModels.trigger,
    })
    .from(triageModels)
    .orderBy(desc(triageModels.version));
}

export async function activeModelVersion(db: Executor): Promise<number | null> {
  const [row] = await db
    .select({ version: triageModels.version })
    .from(triageModels)
    .where(eq(triageModels.active, true))
    .limit(1);
  return row?.version ?? null;
}

export async function modelByVersion(db: Executor, version: number): Promise<TriageModelRow | undefined> {
  const [row] = await db.select().from(triageModels).where(eq(triageModels.version, version)).limit(1);
  return row;
}

/** The next version number, under a transaction lock so two trainings never take the same one. */
export async function nextModelVersion(tx: Executor): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(7100100)`);
  const [row] = await tx.select({ max: sql<number | null>`max(${triageModels.version})` }).from(triageModels);
  return Number(row?.max ?? 0) + 1;
}

export async function insertModel(
  tx: Executor,
  values: typeof triageModels.$inferInsert,
): Promise<TriageModelRow> {
  const [row] = await tx.insert(triageModels).values(values).returning();
  return row!;
}

/** Makes `version` the only active model (two statements: the unique index on `active` is checked per row). */
export async function activateVersion(tx: Executor, version: number): Promise<void> {
  await tx.update(triageModels).set({ active: false }).where(eq(triageModels.active, true));
  await tx.update(triageModels).set({ active: true }).where(eq(triageModels.version, version));
}

/** Deletes inactive models beyond the newest `keep` versions. */
export async function pruneModels(tx: Executor, keep: number): Promise<void> {
  const newest = await tx
    .select({ version: triageModels.version })
    .from(triageModels)
    .orderBy(desc(triageModels.version))
    .limit(keep);
  const kept = newest.map((r) => r.version);
  if (kept.length < keep) return;
  await tx
    .delete(triageModels)
    .where(and(eq(triageModels.active, false), notInArray(triageModels.version, kept)));
}

/**
 * Reports whose category an operator confirmed: triaged explicitly, or accepted and routed onward
 * (rejected and merged reports are left out). Their category is the one after triage.
 */
export async function confirmedReports(db: Executor, limit: number) {
  return db
    .select({ id: reports.id, title: reports.title, body: reports.body, category: reports.categoryCode })
    .from(reports)
    .where(
      sql`${reports.status} not in ('rejected','merged') and (${reports.status} <> 'received' or exists (
        select 1 from ${reportEvents} e where e.report_id = ${reports.id} and e.action = 'triaged'))`,
    )
    .orderBy(desc(reports.receivedAt))
    .limit(limit);
}

// ---- hotspots ----

/** Counts per category × unit: in the recent window, and over the baseline period before it. */
export async function categoryUnitCounts(
  db: Executor,
  windowStart: Date,
  baselineStart: Date,
  now: Date,
): Promise<{ categoryCode: string; unitCode: string; recent: number; baseline: number }[]> {
  const rows = await db
    .select({
      categoryCode: reports.categoryCode,
      unitCode: sql<string>`${reports.unitCode}`,
      recent: sql<number>`count(*) filter (where ${reports.receivedAt} >= ${windowStart})`,
      baseline: sql<number>`count(*) filter (where ${reports.receivedAt} < ${windowStart})`,
    })
    .from(reports)
    .where(
      and(
        gt(reports.receivedAt, baselineStart),
        lt(reports.receivedAt, now),
        sql`${reports.unitCode} is not null`,
        sql`${reports.status} not in ('rejected','merged')`,
      ),
    )
    .groupBy(reports.categoryCode, reports.unitCode);
  return rows.map((r) => ({ ...r, recent: Number(r.recent), baseline: Number(r.baseline) }));
}

/** Reports of a category in a unit (or its sub-units) since `from`. */
export function reportsInCell(db: Executor, categoryCode: string, unitCode: string, from: Date) {
  return db
    .select({
      id: reports.id,
      trackingCode: reports.trackingCode,
      title: reports.title,
      status: reports.status,
      receivedAt: reports.receivedAt,
      lat: reports.lat,
      lon: reports.lon,
    })
    .from(reports)
    .where(
      and(
        eq(reports.categoryCode, categoryCode),
        eq(reports.unitCode, unitCode),
        gt(reports.receivedAt, from),
        sql`${reports.status} not in ('rejected','merged')`,
      ),
    )
    .orderBy(desc(reports.receivedAt))
    .limit(200);
}

export function reportsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: reports.id,
      trackingCode: reports.trackingCode,
      title: reports.title,
      status: reports.status,
      receivedAt: reports.receivedAt,
      lat: reports.lat,
      lon: reports.lon,
    })
    .from(reports)
    .where(inArray(reports.id, ids))
    .orderBy(desc(reports.receivedAt));
}

export function ongoingHotspots(db: Executor) {
  return db
    .select()
    .from(triageHotspots)
    .where(inArray(triageHotspots.status, ['open', 'acknowledged']))
    .orderBy(desc(triageHotspots.lastDetectedAt));
}

export async function recentlyDismissed(db: Executor, since: Date) {
  return db
    .select({ categoryCode: triageHotspots.categoryCode, unitCode: triageHotspots.unitCode })
    .from(triageHotspots)
    .where(and(eq(triageHotspots.status, 'dismissed'), gt(triageHotspots.closedAt, since)));
}

export async function findHotspot(db: Executor, id: string): Promise<HotspotRow | undefined> {
  const [row] = await db.select().from(triageHotspots).where(eq(triageHotspots.id, id)).limit(1);
  return row;
}
