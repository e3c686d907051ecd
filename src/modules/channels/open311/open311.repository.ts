import { and, asc, desc, eq, gt, gte, inArray, lte, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
// Read-only use of the feedback module's tables: Open311 is another face of the same reports.
import { reportEvents, reports } from '../../feedback/feedback.schema.js';
import { open311Tokens } from '../channels.schema.js';

export type RequestRow = typeof reports.$inferSelect;

export interface RequestFilter {
  codes?: string[];
  serviceCodes?: string[];
  statuses?: string[];
  start: Date;
  end: Date;
  limit: number;
}

/** Reports for GET requests: by tracking code (overrides the rest), else by category, status and date. */
export async function findRequests(db: Executor, f: RequestFilter): Promise<RequestRow[]> {
  const where: SQL[] = [ne(reports.status, 'rejected')];
  if (f.codes?.length) where.push(inArray(reports.trackingCode, f.codes));
  else {
    where.push(gte(reports.receivedAt, f.start), lte(reports.receivedAt, f.end));
    if (f.serviceCodes?.length) where.push(inArray(reports.categoryCode, f.serviceCodes));
    if (f.statuses?.length) where.push(inArray(reports.status, f.statuses));
  }
  return db
    .select()
    .from(reports)
    .where(and(...where))
    .orderBy(f.codes?.length ? asc(reports.trackingCode) : desc(reports.receivedAt))
    .limit(f.limit);
}

export async function insertToken(db: Executor, values: typeof open311Tokens.$inferInsert) {
  await db.insert(open311Tokens).values(values);
}

export async function findToken(db: Executor, token: string) {
  const [row] = await db.select().from(open311Tokens).where(eq(open311Tokens.token, token)).limit(1);
  return row;
}

/** The token a client was given for a report (who created it through Open311). */
export async function tokenOfReport(db: Executor, reportId: string) {
  const [row] = await db.select().from(open311Tokens).where(eq(open311Tokens.reportId, reportId)).limit(1);
  return row;
}

export interface UpdateRow {
  id: number;
  at: Date;
  action: string;
  toStatus: string | null;
  trackingCode: string;
  status: string;
  answer: string | null;
  rejectReason: string | null;
}

/**
 * Public timeline steps (is_public) of reports that are not rejected, in a time window, oldest first;
 * `afterId` pages on (keyset). Only what the public timeline shows: no notes, no actors.
 */
export async function findPublicUpdates(
  db: Executor,
  f: { start: Date; end: Date; afterId: number; limit: number },
): Promise<UpdateRow[]> {
  return db
    .select({
      id: reportEvents.id,
      at: reportEvents.at,
      action: reportEvents.action,
      toStatus: reportEvents.toStatus,
      trackingCode: reports.trackingCode,
      status: reports.status,
      answer: reports.answer,
      rejectReason: reports.rejectReason,
    })
    .from(reportEvents)
    .innerJoin(reports, eq(reports.id, reportEvents.reportId))
    .where(
      and(
        eq(reportEvents.isPublic, true),
        ne(reports.status, 'rejected'),
        gte(reportEvents.at, f.start),
        lte(reportEvents.at, f.end),
        gt(reportEvents.id, f.afterId),
      ),
    )
    .orderBy(asc(reportEvents.id))
    .limit(f.limit);
}
