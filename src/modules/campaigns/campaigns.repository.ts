import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { agencies, roleAssignments, users } from '../identity/identity.schema.js';
import type { Executor } from '../../platform/db/database.js';
import {
  appInstalls,
  appStoreFigures,
  campaignMeasures,
  campaignNotices,
  campaignPlans,
  campaignReportEvents,
  campaignReportFigures,
  campaignReportFiles,
  campaignReports,
  campaignTargets,
  campaignTasks,
  communityActivities,
  communityTeamMembers,
} from './campaigns.schema.js';
import { openSealed } from '../../platform/crypto/field-cipher.js';

export type PlanRow = typeof campaignPlans.$inferSelect;
export type TaskRow = typeof campaignTasks.$inferSelect;
export type MeasureRow = typeof campaignMeasures.$inferSelect;
export type TargetRow = typeof campaignTargets.$inferSelect;
export type ReportRow = typeof campaignReports.$inferSelect;
export type ActivityRow = typeof communityActivities.$inferSelect;

export async function listPlans(db: Executor): Promise<PlanRow[]> {
  return db.select().from(campaignPlans).orderBy(desc(campaignPlans.startsOn), asc(campaignPlans.number));
}

export async function findPlan(db: Executor, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(campaignPlans).where(eq(campaignPlans.id, id)).limit(1);
  return row;
}

export async function findPlanByNumber(db: Executor, number: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(campaignPlans).where(eq(campaignPlans.number, number)).limit(1);
  return row;
}

export async function insertPlan(db: Executor, values: typeof campaignPlans.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(campaignPlans).values(values).returning();
  return row!;
}

export async function insertTask(db: Executor, values: typeof campaignTasks.$inferInsert): Promise<TaskRow> {
  const [row] = await db.insert(campaignTasks).values(values).returning();
  return row!;
}

export async function insertMeasures(db: Executor, values: (typeof campaignMeasures.$inferInsert)[]) {
  if (values.length) await db.insert(campaignMeasures).values(values);
}

export async function insertTargets(db: Executor, values: (typeof campaignTargets.$inferInsert)[]) {
  if (values.length) await db.insert(campaignTargets).values(values);
}

export async function planTasks(db: Executor, planId: string): Promise<TaskRow[]> {
  return db
    .select()
    .from(campaignTasks)
    .where(eq(campaignTasks.planId, planId))
    .orderBy(asc(campaignTasks.position));
}

export async function planMeasures(db: Executor, planId: string): Promise<MeasureRow[]> {
  return db
    .select()
    .from(campaignMeasures)
    .innerJoin(campaignTasks, eq(campaignTasks.id, campaignMeasures.taskId))
    .where(eq(campaignMeasures.planId, planId))
    .orderBy(asc(campaignTasks.position), asc(campaignMeasures.position))
    .then((rows) => rows.map((r) => r.campaign_measures));
}

export async function planTargets(db: Executor, planId: string): Promise<TargetRow[]> {
  return db
    .select()
    .from(campaignTargets)
    .where(eq(campaignTargets.planId, planId))
    .orderBy(asc(campaignTargets.unitCode));
}

export async function findReport(db: Executor, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(campaignReports).where(eq(campaignReports.id, id)).limit(1);
  return row;
}

export async function findReportFor(
  db: Executor,
  planId: string,
  agencyId: string,
  year: number,
  quarter: number,
): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(campaignReports)
    .where(
      and(
        eq(campaignReports.planId, planId),
        eq(campaignReports.agencyId, agencyId),
        eq(campaignReports.year, year),
        eq(campaignReports.quarter, quarter),
      ),
    )
    .limit(1);
  return row;
}

/** Inserts a new draft; undefined when one exists already for the agency and quarter (a concurrent first save). */
export async function insertReport(
  db: Executor,
  values: typeof campaignReports.$inferInsert,
): Promise<ReportRow | undefined> {
  const [row] = await db.insert(campaignReports).values(values).onConflictDoNothing().returning();
  return row;
}

/** Compare-and-set on version: undefined when someone changed the report in between. */
export async function updateReportIfVersion(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof campaignReports.$inferInsert>,
): Promise<ReportRow | undefined> {
  const [row] = await db
    .update(campaignReports)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(campaignReports.id, id), eq(campaignReports.version, version)))
    .returning();
  return row;
}

export async function replaceFigures(
  db: Executor,
  reportId: string,
  figures: { measureId: string; value: number }[],
): Promise<void> {
  await db.delete(campaignReportFigures).where(eq(campaignReportFigures.reportId, reportId));
  if (figures.length) {
    await db.insert(campaignReportFigures).values(figures.map((f) => ({ reportId, ...f })));
  }
}

/** measure id → value, for each report. */
export async function figuresOf(
  db: Executor,
  reportIds: string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .select()
    .from(campaignReportFigures)
    .where(inArray(campaignReportFigures.reportId, reportIds));
  for (const r of rows) {
    if (!out.has(r.reportId)) out.set(r.reportId, new Map());
    out.get(r.reportId)!.set(r.measureId, Number(r.value));
  }
  return out;
}

export async function reportsOfQuarter(
  db: Executor,
  planId: string,
  year: number,
  quarter: number,
  agencyIds?: string[],
): Promise<ReportRow[]> {
  return db
    .select()
    .from(campaignReports)
    .where(
      and(
        eq(campaignReports.planId, planId),
        eq(campaignReports.year, year),
        eq(campaignReports.quarter, quarter),
        agencyIds ? inArray(campaignReports.agencyId, agencyIds) : undefined,
      ),
    );
}

export async function reportsOfPlan(db: Executor, planId: string): Promise<ReportRow[]> {
  return db.select().from(campaignReports).where(eq(campaignReports.planId, planId));
}

export async function insertEvent(db: Executor, values: typeof campaignReportEvents.$inferInsert) {
  await db.insert(campaignReportEvents).values(values);
}

export async function reportEvents(db: Executor, reportId: string) {
  return db
    .select()
    .from(campaignReportEvents)
    .where(eq(campaignReportEvents.reportId, reportId))
    .orderBy(asc(campaignReportEvents.id));
}

export async function insertFile(db: Executor, values: typeof campaignReportFiles.$inferInsert) {
  const [row] = await db.insert(campaignReportFiles).values(values).returning();
  return row!;
}

export async function reportFiles(db: Executor, reportId: string) {
  return db
    .select()
    .from(campaignReportFiles)
    .where(eq(campaignReportFiles.reportId, reportId))
    .orderBy(asc(campaignReportFiles.createdAt));
}

export async function findFile(db: Executor, id: string) {
  const [row] = await db.select().from(campaignReportFiles).where(eq(campaignReportFiles.id, id)).limit(1);
  return row;
}

/** Stores a notice once per agency, quarter and kind; true when it is new. */
export async function insertNotice(
  db: Executor,
  values: typeof campaignNotices.$inferInsert,
): Promise<boolean> {
  const rows = await db
    .insert(campaignNotices)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: campaignNotices.id });
  return rows.length > 0;
}

/**
 * Claims the reminder mail of a notice: sets mailed_at when it is still empty and returns the notice, so
 * of several workers (or re-runs) only one sends it. Undefined when already claimed or sent.
 */
export async function claimNoticeMail(
  db: Executor,
  key: { planId: string; agencyId: string; year: number; quarter: number; kind: string },
  at: Date,
) {
  const [row] = await db
    .update(campaignNotices)
    .set({ mailedAt: at })
    .where(
      and(
        eq(campaignNotices.planId, key.planId),
        eq(campaignNotices.agencyId, key.agencyId),
        eq(campaignNotices.year, key.year),
        eq(campaignNotices.quarter, key.quarter),
        eq(campaignNotices.kind, key.kind),
        isNull(campaignNotices.mailedAt),
      ),
    )
    .returning();
  return row;
}

/** Records how many addresses a claimed reminder went to; `null` releases the claim (sending failed). */
export async function finishNoticeMail(db: Executor, id: string, mailedTo: number | null) {
  await db
    .update(campaignNotices)
    .set(mailedTo === null ? { mailedAt: null, mailedTo: null } : { mailedTo })
    .where(eq(campaignNotices.id, id));
}

/**
 * Where an agency's reminders go: the agency's own address and the addresses of its active staff who
 * lead its reporting (agency_lead role on the agency). Lower-cased, without duplicates.
 */
export async function agencyReportContacts(db: Executor, agencyId: string): Promise<string[]> {
  const [agency] = await db
    .select({ email: agencies.email })
    .from(agencies)
    .where(eq(agencies.id, agencyId))
    .limit(1);
  const staff = await db
    .selectDistinct({ email: users.email })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.agencyId, agencyId),
        eq(roleAssignments.role, 'agency_lead'),
        eq(users.active, true),
        eq(users.kind, 'staff'),
        isNotNull(users.email),
      ),
    );
  const out = new Set<string>();
  for (const e of [agency?.email, ...staff.map((s) => openSealed(s.email))]) {
    const v = e?.trim().toLowerCase();
    if (v && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) out.add(v);
  }
  return [...out].sort();
}

export async function noticesFor(db: Executor, agencyIds: string[] | null, limit = 50) {
  return db
    .select()
    .from(campaignNotices)
    .where(
      agencyIds
        ? inArray(
            campaignNotices.agencyId,
            agencyIds.length ? agencyIds : ['00000000-0000-0000-0000-000000000000'],
          )
        : undefined,
    )
    .orderBy(desc(campaignNotices.createdAt))
    .limit(limit);
}

/** Inserts an activity; an identical client key from the same person returns the stored row. */
export async function insertActivity(
  db: Executor,
  values: typeof communityActivities.$inferInsert,
): Promise<{ row: ActivityRow; created: boolean }> {
  const [row] = await db.insert(communityActivities).values(values).onConflictDoNothing().returning();
  if (row) return { row, created: true };
  const [existing] = await db
    .select()
    .from(communityActivities)
    .where(
      and(
        eq(communityActivities.recordedBy, values.recordedBy),
        eq(communityActivities.clientKey, values.clientKey),
      ),
    )
    .limit(1);
  return { row: existing!, created: false };
}

export async function activitiesOf(
  db: Executor,
  opts: { agencyIds?: string[]; from?: string; to?: string; limit?: number },
) {
  return db
    .select()
    .from(communityActivities)
    .where(
      and(
        opts.agencyIds ? inArray(communityActivities.agencyId, opts.agencyIds) : undefined,
        opts.from ? gte(communityActivities.activityOn, opts.from) : undefined,
        opts.to ? lte(communityActivities.activityOn, opts.to) : undefined,
      ),
    )
    .orderBy(desc(communityActivities.activityOn), desc(communityActivities.createdAt))
    .limit(opts.limit ?? 500);
}

/** Sums of community records per commune between two dates (inclusive). */
export async function activitySumsByUnit(db: Executor, from: string, to: string) {
  return db
    .select({
      unitCode: communityActivities.unitCode,
      households: sql<number>`coalesce(sum(${communityActivities.householdsGuided}),0)::int`,
      people: sql<number>`coalesce(sum(${communityActivities.peopleGuided}),0)::int`,
      installs: sql<number>`coalesce(sum(${communityActivities.installsHelped}),0)::int`,
    })
    .from(communityActivities)
    .where(and(gte(communityActivities.activityOn, from), lte(communityActivities.activityOn, to)))
    .groupBy(communityActivities.unitCode);
}

// Plan editing.

/** Compare-and-set on a plan's version; undefined when someone changed the plan in between. */
export async function updatePlanIfVersion(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof campaignPlans.$inferInsert> = {},
): Promise<PlanRow | undefined> {
  const [row] = await db
    .update(campaignPlans)
    .set({ ...values, version: version + 1 })
    .where(and(eq(campaignPlans.id, id), eq(campaignPlans.version, version)))
    .returning();
  return row;
}

export async function updateTask(
  db: Executor,
  id: string,
  values: Partial<typeof campaignTasks.$inferInsert>,
) {
  await db.update(campaignTasks).set(values).where(eq(campaignTasks.id, id));
}

export async function deleteTask(db: Executor, id: string) {
  await db.delete(campaignTasks).where(eq(campaignTasks.id, id));
}

export async function updateMeasure(
  db: Executor,
  id: string,
  values: Partial<typeof campaignMeasures.$inferInsert>,
) {
  await db.update(campaignMeasures).set(values).where(eq(campaignMeasures.id, id));
}

export async function deleteMeasures(db: Executor, ids: string[]) {
  if (ids.length) await db.delete(campaignMeasures).where(inArray(campaignMeasures.id, ids));
}

/** For each measure with reported figures: how many reports, and which agencies reported. */
export async function figureUse(db: Executor, measureIds: string[]) {
  if (measureIds.length === 0) return [];
  return db
    .select({ measureId: campaignReportFigures.measureId, agencyId: campaignReports.agencyId })
    .from(campaignReportFigures)
    .innerJoin(campaignReports, eq(campaignReports.id, campaignReportFigures.reportId))
    .where(inArray(campaignReportFigures.measureId, measureIds));
}

export async function replaceTargets(
  db: Executor,
  planId: string,
  values: (typeof campaignTargets.$inferInsert)[],
) {
  await db.delete(campaignTargets).where(eq(campaignTargets.planId, planId));
  if (values.length) await db.insert(campaignTargets).values(values);
}

export async function renameTargetMeasure(db: Executor, planId: string, from: string, to: string) {
  await db
    .update(campaignTargets)
    .set({ measureCode: to })
    .where(and(eq(campaignTargets.planId, planId), eq(campaignTargets.measureCode, from)));
}

// Adoption figures.

/** Registers an install (or its area change) and its last-seen day; one row per install. */
export async function upsertInstall(
  db: Executor,
  v: { installHash: string; unitCode: string; districtCode: string; today: string },
): Promise<void> {
  await db
    .insert(appInstalls)
    .values({
      installHash: v.installHash,
      unitCode: v.unitCode,
      districtCode: v.districtCode,
      firstSeenOn: v.today,
      lastSeenOn: v.today,
    })
    .onConflictDoUpdate({
      target: appInstalls.installHash,
      set: { unitCode: v.unitCode, districtCode: v.districtCode, lastSeenOn: v.today },
    });
}

/** Installs per district (first seen up to a day) and those seen since a day (active). */
export async function installCounts(db: Executor, upTo: string, activeSince: string) {
  return db
    .select({
      districtCode: appInstalls.districtCode,
      installs: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where ${appInstalls.lastSeenOn} >= ${activeSince}))::int`,
    })
    .from(appInstalls)
    .where(lte(appInstalls.firstSeenOn, upTo))
    .groupBy(appInstalls.districtCode);
}

export async function upsertStoreFigures(db: Executor, rows: (typeof appStoreFigures.$inferInsert)[]) {
  for (const r of rows) {
    await db
      .insert(appStoreFigures)
      .values(r)
      .onConflictDoUpdate({
        target: [appStoreFigures.unitCode, appStoreFigures.month, appStoreFigures.store],
        set: {
          installs: r.installs,
          activeUsers: r.activeUsers,
          enteredBy: r.enteredBy,
          updatedAt: new Date(),
        },
      });
  }
}

/** The latest store month up to a month, per district and store (cumulative installs, monthly actives). */
export async function latestStoreFigures(db: Executor, upToMonth: string) {
  return db
    .selectDistinctOn([appStoreFigures.unitCode, appStoreFigures.store])
    .from(appStoreFigures)
    .where(lte(appStoreFigures.month, upToMonth))
    .orderBy(appStoreFigures.unitCode, appStoreFigures.store, desc(appStoreFigures.month));
}

// Community team members.
export type MemberRow = typeof communityTeamMembers.$inferSelect;

export async function teamMembers(db: Executor, agencyId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(communityTeamMembers)
    .where(eq(communityTeamMembers.agencyId, agencyId))
    .orderBy(desc(communityTeamMembers.isLead), asc(communityTeamMembers.fullName));
}

export async function findMember(db: Executor, id: string): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(communityTeamMembers).where(eq(communityTeamMembers.id, id)).limit(1);
  return row;
}

export async function memberOfUser(db: Executor, agencyId: string, userId: string) {
  const [row] = await db
    .select()
    .from(communityTeamMembers)
    .where(and(eq(communityTeamMembers.agencyId, agencyId), eq(communityTeamMembers.userId, userId)))
    .limit(1);
  return row;
}

export async function insertMember(db: Executor, values: typeof communityTeamMembers.$inferInsert) {
  const [row] = await db.insert(communityTeamMembers).values(values).returning();
  return row!;
}

export async function updateMember(
  db: Executor,
  id: string,
  values: Partial<typeof communityTeamMembers.$inferInsert>,
) {
  const [row] = await db
    .update(communityTeamMembers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(communityTeamMembers.id, id))
    .returning();
  return row;
}

/** Teams: agencies with a community_team account or a member, with member counts. */
export async function teamsOverview(db: Executor) {
  return db
    .select({
      agencyId: agencies.id,
      name: agencies.name,
      unitCode: agencies.unitCode,
      members: sql<number>`(select count(*)::int from community_team_members m where m.agency_id = "agencies"."id" and m.active)`,
    })
    .from(agencies)
    .where(
      sql`exists (select 1 from role_assignments r where r.agency_id = "agencies"."id" and r.role = 'community_team')
        or exists (select 1 from community_team_members m where m.agency_id = "agencies"."id")`,
    )
    .orderBy(asc(agencies.name));
}

/** A staff account holding the community_team role on the agency (for linking it as a member). */
export async function teamAccount(db: Executor, agencyId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, fullName: users.fullName, active: users.active })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.userId, userId),
        eq(roleAssignments.agencyId, agencyId),
        eq(roleAssignments.role, 'community_team'),
      ),
    )
    .limit(1);
  return row;
}
