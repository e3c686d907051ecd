import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { OPEN_STATUSES, QUIET_CLOSE_DAYS } from '../../../contracts/report-lifecycle.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.js';
import type { JobOutcome } from '../../../platform/jobs/job-queue.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import { deadlineAlerts, reports } from '../feedback.schema.js';
import * as repo from '../feedback.repository.js';
import { recordReportEvent } from '../record-report-event.js';
import { notifyStaff } from '../staff-notifications.js';

/** How long before the deadline the agency lead and the IOC are warned. */
export const DUE_SOON_HOURS = 24;

/**
 * Scheduled job: finds open reports whose (extended) deadline is within a day or already past and
 * records one escalation per report, kind and deadline — `due_soon` and `overdue` timeline events that
 * the IOC's deadline board and the agency's queue show — and, in the same transaction, the staff notices
 * (console bell, email for those with an address; see staff-notifications.ts). A unique row per (report, kind, deadline) makes
 * re-runs and concurrent workers harmless; a new deadline after an extension warns again.
 */
export async function checkDeadlines(deps: FeedbackDeps): Promise<JobOutcome> {
  const db = deps.database.db;
  const now = deps.now();
  const soon = new Date(now.getTime() + DUE_SOON_HOURS * 3600_000);
  const due = sql`coalesce(${reports.extendedDeadlineAt}, ${reports.deadlineAt})`;
  const rows = await db
    .select()
    .from(reports)
    .where(
      and(inArray(reports.status, [...OPEN_STATUSES]), isNotNull(reports.deadlineAt), sql`${due} < ${soon}`),
    )
    .limit(1000);
  let recorded = 0;
  for (const r of rows) {
    const deadline = r.extendedDeadlineAt ?? r.deadlineAt!;
    const kind = deadline < now ? 'overdue' : 'due_soon';
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(deadlineAlerts)
        .values({ reportId: r.id, kind, deadlineAt: deadline, sentAt: now })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) return;
      recorded++;
      await recordReportEvent(
        tx,
        { jobs: null, now: deps.now },
        r,
        {
          action: kind,
          fromStatus: r.status,
          toStatus: r.status,
          isPublic: false,
          data: { deadlineAt: deadline.toISOString(), agencyId: r.agencyId },
        },
        SYSTEM_ACTOR,
      );
      await notifyStaff(tx, deps, kind === 'overdue' ? 'report_overdue' : 'report_due_soon', r);
    });
  }
  return recorded > 0 ? 'done' : 'skipped';
}

/** Scheduled job: a published answer nobody rated closes itself after the quiet period. */
export async function closeQuietReports(deps: FeedbackDeps): Promise<JobOutcome> {
  const db = deps.database.db;
  const now = deps.now();
  const cutoff = new Date(now.getTime() - QUIET_CLOSE_DAYS * 86400_000);
  const rows = await db
    .select()
    .from(reports)
    .where(and(eq(reports.status, 'published'), lt(reports.publishedAt, cutoff)))
    .limit(1000);
  let closed = 0;
  for (const r of rows) {
    await db.transaction(async (tx) => {
      const updated = await repo.updateReportIfUnchanged(
        tx,
        r.id,
        { version: r.version, status: 'published' },
        { status: 'closed', closedAt: now },
      );
      if (!updated) return;
      closed++;
      await recordReportEvent(
        tx,
        deps,
        updated,
        {
          action: 'close',
          fromStatus: 'published',
          toStatus: 'closed',
          isPublic: true,
          data: { quietDays: QUIET_CLOSE_DAYS },
        },
        SYSTEM_ACTOR,
      );
    });
  }
  return closed > 0 ? 'done' : 'skipped';
}
