import { and, asc, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { insertMany } from '../../platform/db/insert-many.js';
import { blindIndex, Sealed } from '../../platform/crypto/field-cipher.js';
import { normalizeEmail, normalizePhone } from '../../contracts/identity.js';
import { OPEN_STATUSES, type ReportStatus } from '../../contracts/report-lifecycle.js';
import {
  reportAttachments,
  reportEvents,
  reportNotes,
  reportPushTargets,
  reports,
} from './feedback.schema.js';

export type ReportRow = typeof reports.$inferSelect;
export type ReportInsert = typeof reports.$inferInsert;
export type EventRow = typeof reportEvents.$inferSelect;

export async function findReport(db: Executor, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id)).limit(1);
  return row;
}

export async function findReportByCode(db: Executor, code: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.trackingCode, code)).limit(1);
  return row;
}

export async function findByIdempotencyKey(db: Executor, key: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.idempotencyKey, key)).limit(1);
  return row;
}

export async function insertReport(db: Executor, values: ReportInsert): Promise<ReportRow> {
  const [row] = await db.insert(reports).values(values).returning();
  return row!;
}

/**
 * Compare-and-set update: applies only if the report is still at the version and status the caller
 * saw; returns undefined otherwise (the caller answers with a conflict).
 */
export async function updateReportIfUnchanged(
  db: Executor,
  id: string,
  expected: { version: number; status: ReportStatus },
  values: Partial<ReportInsert>,
): Promise<ReportRow | undefined> {
  const [row] = await db
    .update(reports)
    .set({ ...values, version: sql`${reports.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(reports.id, id), eq(reports.version, expected.version), eq(reports.status, expected.status)),
    )
    .returning();
  return row;
}

export async function insertEvent(db: Executor, values: typeof reportEvents.$inferInsert): Promise<EventRow> {
  const [row] = await db.insert(reportEvents).values(values).returning();
  return row!;
}

export async function eventsOf(db: Executor, reportId: string, publicOnly: boolean): Promise<EventRow[]> {
  const where = publicOnly
    ? and(eq(reportEvents.reportId, reportId), eq(reportEvents.isPublic, true))
    : eq(reportEvents.reportId, reportId);
  return db.select().from(reportEvents).where(where).orderBy(asc(reportEvents.id));
}

export async function findEvent(db: Executor, id: number): Promise<EventRow | undefined> {
  const [row] = await db.select().from(reportEvents).where(eq(reportEvents.id, id)).limit(1);
  return row;
}

export async function attachmentsOf(db: Executor, reportIds: string[]) {
  if (reportIds.length === 0) return [];
  return db
    .select()
    .from(reportAttachments)
    .where(inArray(reportAttachments.reportId, reportIds))
    .orderBy(asc(reportAttachments.createdAt));
}

export async function notesOf(db: Executor, reportId: string) {
  return db
    .select()
    .from(reportNotes)
    .where(eq(reportNotes.reportId, reportId))
    .orderBy(asc(reportNotes.createdAt));
}

export async function insertNote(db: Executor, values: typeof reportNotes.$inferInsert) {
  const [row] = await db.insert(reportNotes).values(values).returning();
  return row!;
}

/** Reports merged into this one (their reporters hear the outcome too). */
export async function mergedInto(db: Executor, id: string): Promise<ReportRow[]> {
  return db.select().from(reports).where(eq(reports.mergedIntoId, id));
}

export interface QueueFilter {
  statuses?: ReportStatus[] | undefined;
  channels?: string[] | undefined;
  category?: string | undefined;
  unit?: string | undefined;
  agencyId?: string | undefined;
  /** Restrict to these agencies (agency staff); undefined = everything. */
  scopeAgencyIds?: string[] | undefined;
  reporterUserId?: string | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
  now: Date;
  limit: number;
  /** Keyset cursor: the sort key (received time, or the effective deadline for the overdue list) and id of the last row. */
  after?: { key: Date; id: string } | undefined;
}

/** The overdue list is ordered by how late a report is (oldest deadline first); everything else newest first. */
export function queueSortKey(f: Pick<QueueFilter, 'overdue'>, r: ReportRow): Date {
  return f.overdue === true ? (r.extendedDeadlineAt ?? r.deadlineAt ?? r.receivedAt) : r.receivedAt;
}

const openList = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(','));

/** Reports in a district (its communes included) or a commune. */
function inUnit(unit: string): SQL {
  return or(
    eq(reports.unitCode, unit),
    sql`${reports.unitCode} in (select code from admin_units where parent_code = ${unit})`,
  )!;
}

/** The IOC / agency queue: newest first (the overdue list: most overdue first), keyset-paged, filtered, on indexes. */
export async function queryQueue(db: Executor, f: QueueFilter): Promise<ReportRow[]> {
  const where: SQL[] = [];
  if (f.statuses?.length) where.push(inArray(reports.status, f.statuses));
  if (f.channels?.length) where.push(inArray(reports.channel, f.channels));
  if (f.category) where.push(eq(reports.categoryCode, f.category));
  if (f.unit) where.push(inUnit(f.unit));
  if (f.agencyId) where.push(eq(reports.agencyId, f.agencyId));
  if (f.scopeAgencyIds)
    where.push(f.scopeAgencyIds.length ? inArray(reports.agencyId, f.scopeAgencyIds) : sql`false`);
  if (f.reporterUserId) where.push(eq(reports.reporterUserId, f.reporterUserId));
  if (f.overdue === true) {
    where.push(
      sql`${reports.status} in (${openList}) and coalesce(${reports.extendedDeadlineAt}, ${reports.deadlineAt}) < ${f.now}`,
    );
  }
  if (f.overdue === false) {
    where.push(
      sql`not (${reports.status} in (${openList}) and coalesce(${reports.extendedDeadlineAt}, ${reports.deadlineAt}) < ${f.now})`,
    );
  }
  if (f.q) {
    where.push(sql`${reports.search} @@ plainto_tsquery('simple', f_unaccent(${f.q}))`);
    // A report whose text a moderator edited is found by the words the public sees, not those taken out.
    where.push(
      sql`(${reports.publicTitle} is null and ${reports.publicBody} is null or to_tsvector('simple', f_unaccent(coalesce(${reports.publicTitle}, ${reports.title}) || ' ' || coalesce(${reports.publicBody}, ${reports.body}) || ' ' || coalesce(${reports.address}, '') || ' ' || ${reports.trackingCode})) @@ plainto_tsquery('simple', f_unaccent(${f.q})))`,
    );
  }
  const due = sql`coalesce(${reports.extendedDeadlineAt}, ${reports.deadlineAt})`;
  if (f.overdue === true) {
    // Most overdue first, through reports_open_due_idx.
    if (f.after) where.push(sql`(${due}, ${reports.id}) > (${f.after.key}, ${f.after.id})`);
    return db
      .select()
      .from(reports)
      .where(and(...where))
      .orderBy(sql`${due} asc`, sql`${reports.id} asc`)
      .limit(f.limit);
  }
  if (f.after) {
    where.push(
      or(
        lt(reports.receivedAt, f.after.key),
        and(eq(reports.receivedAt, f.after.key), lt(reports.id, f.after.id)),
      )!,
    );
  }
  return (
    db
      .select()
      .from(reports)
      .where(where.length ? and(...where) : undefined)
      // NULLS LAST matches the indexes drizzle creates for `.desc()` (the columns are NOT NULL anyway).
      .orderBy(sql`${reports.receivedAt} desc nulls last`, sql`${reports.id} desc nulls last`)
      .limit(f.limit)
  );
}

/** Filters of the public list of answers (category, area, period of publication, words). */
export interface PublishedFilter {
  limit: number;
  before?: Date | undefined;
  category?: string | undefined;
  /** A district (its communes included) or a commune. */
  unit?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  q?: string | undefined;
}

/** Published reports for the public pages, newest answer first. */
export async function publishedReports(db: Executor, f: PublishedFilter): Promise<ReportRow[]> {
  const where: SQL[] = [inArray(reports.status, ['published', 'closed'])];
  if (f.before) where.push(lt(reports.publishedAt, f.before));
  if (f.category) where.push(eq(reports.categoryCode, f.category));
  if (f.unit) where.push(inUnit(f.unit));
  if (f.from) where.push(sql`${reports.publishedAt} >= ${f.from}`);
  if (f.to) where.push(lt(reports.publishedAt, f.to));
  if (f.q) {
    where.push(sql`${reports.search} @@ plainto_tsquery('simple', f_unaccent(${f.q}))`);
    // A report whose text a moderator edited is found by the words the public sees, not those taken out.
    where.push(
      sql`(${reports.publicTitle} is null and ${reports.publicBody} is null or to_tsvector('simple', f_unaccent(coalesce(${reports.publicTitle}, ${reports.title}) || ' ' || coalesce(${reports.publicBody}, ${reports.body}) || ' ' || coalesce(${reports.address}, '') || ' ' || ${reports.trackingCode})) @@ plainto_tsquery('simple', f_unaccent(${f.q})))`,
    );
  }
  return db
    .select()
    .from(reports)
    .where(and(...where))
    .orderBy(desc(reports.publishedAt), desc(reports.id))
    .limit(f.limit);
}

/** Open reports whose effective deadline is before `until`, earliest first. */
export async function openWithDeadlineBefore(
  db: Executor,
  until: Date,
  scopeAgencyIds: string[] | undefined,
  limit: number,
): Promise<ReportRow[]> {
  const due = sql`coalesce(${reports.extendedDeadlineAt}, ${reports.deadlineAt})`;
  const where: SQL[] = [
    inArray(reports.status, [...OPEN_STATUSES]),
    sql`${reports.deadlineAt} is not null`,
    sql`${due} < ${until}`,
  ];
  if (scopeAgencyIds)
    where.push(scopeAgencyIds.length ? inArray(reports.agencyId, scopeAgencyIds) : sql`false`);
  return db
    .select()
    .from(reports)
    .where(and(...where))
    .orderBy(asc(due))
    .limit(limit);
}

export interface MapPoint {
  id: string;
  trackingCode: string;
  lat: number;
  lon: number;
  status: string;
  categoryCode: string;
  deadlineAt: Date | null;
  extendedDeadlineAt: Date | null;
}

/** Open reports that have a place, for the operations map (no personal data). */
export async function openReportPoints(
  db: Executor,
  scopeAgencyIds: string[] | undefined,
  limit: number,
): Promise<MapPoint[]> {
  const where: SQL[] = [inArray(reports.status, [...OPEN_STATUSES]), sql`${reports.lat} is not null`];
  if (scopeAgencyIds)
    where.push(scopeAgencyIds.length ? inArray(reports.agencyId, scopeAgencyIds) : sql`false`);
  const rows = await db
    .select({
      id: reports.id,
      trackingCode: reports.trackingCode,
      lat: reports.lat,
      lon: reports.lon,
      status: reports.status,
      categoryCode: reports.categoryCode,
      deadlineAt: reports.deadlineAt,
      extendedDeadlineAt: reports.extendedDeadlineAt,
    })
    .from(reports)
    .where(and(...where))
    .orderBy(desc(reports.receivedAt))
    .limit(limit);
  return rows as MapPoint[];
}

export async function findByIdempotencyKeys(db: Executor, keys: string[]): Promise<ReportRow[]> {
  if (keys.length === 0) return [];
  return db.select().from(reports).where(inArray(reports.idempotencyKey, keys));
}

/** Inserts many reports in one statement; rows come back in the order given. */
export async function insertReports(db: Executor, values: ReportInsert[]): Promise<ReportRow[]> {
  if (values.length === 0) return [];
  const rows = await insertMany(db, reports, values);
  const order = new Map(values.map((v, i) => [v.trackingCode, i]));
  return rows.sort((a, b) => order.get(a.trackingCode)! - order.get(b.trackingCode)!);
}

function ofReporter(userId: string, phone: string | null): SQL {
  return phone
    ? or(
        eq(reports.reporterUserId, userId),
        eq(reports.reporterPhoneHash, blindIndex(normalizePhone(phone))),
      )!
    : eq(reports.reporterUserId, userId);
}

/** Every report a citizen sent: under their account, or with their (verified) phone number. */
export async function reportsOfReporter(
  db: Executor,
  userId: string,
  phone: string | null,
): Promise<ReportRow[]> {
  return db
    .select()
    .from(reports)
    .where(ofReporter(userId, phone))
    .orderBy(desc(reports.receivedAt))
    .limit(10_000);
}

/** What erasing a reporter sets on a report: no identity, shown as anonymous, a new version. */
function anonymousReporter() {
  return {
    reporterUserId: null,
    reporterName: null,
    reporterPhone: null,
    reporterEmail: null,
    reporterPhoneHash: null,
    reporterEmailHash: null,
    displayPublicly: 'anonymous' as const,
    version: sql`${reports.version} + 1`,
    updatedAt: new Date(),
  };
}

/** Removes the reporter's identity from their reports (they stay, anonymous); returns how many changed. */
export async function eraseReporter(db: Executor, userId: string, phone: string | null): Promise<number> {
  const rows = await db
    .update(reports)
    .set(anonymousReporter())
    .where(ofReporter(userId, phone))
    .returning({ id: reports.id });
  return rows.length;
}

/** Removes the reporter's identity from one report; returns whether it had one. */
export async function eraseReporterOf(db: Executor, reportId: string): Promise<boolean> {
  await db.delete(reportPushTargets).where(eq(reportPushTargets.reportId, reportId));
  const rows = await db
    .update(reports)
    .set(anonymousReporter())
    .where(
      and(
        eq(reports.id, reportId),
        or(
          isNotNull(reports.reporterUserId),
          isNotNull(reports.reporterName),
          isNotNull(reports.reporterPhone),
          isNotNull(reports.reporterEmail),
        ),
      ),
    )
    .returning({ id: reports.id });
  return rows.length > 0;
}

/** Replaces the reporter's contact on one report (a correction request), encrypted with its blind indexes. */
export async function correctReporterOf(
  db: Executor,
  reportId: string,
  values: { name?: string | undefined; phone?: string | undefined; email?: string | undefined },
): Promise<void> {
  const phone = values.phone ? normalizePhone(values.phone) : undefined;
  const email = values.email ? normalizeEmail(values.email) : undefined;
  await db
    .update(reports)
    .set({
      ...(values.name ? { reporterName: Sealed.of(values.name) } : {}),
      ...(phone ? { reporterPhone: Sealed.of(phone), reporterPhoneHash: blindIndex(phone) } : {}),
      ...(email ? { reporterEmail: Sealed.of(email), reporterEmailHash: blindIndex(email) } : {}),
      version: sql`${reports.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(reports.id, reportId));
}
