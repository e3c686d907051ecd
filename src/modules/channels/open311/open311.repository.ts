import { and, asc, desc, gte, inArray, lte, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
// Read-only use of the feedback module's table: Open311 is another face of the same reports.
import { reports } from '../../feedback/feedback.schema.js';

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
