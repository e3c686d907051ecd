import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { OPEN_STATUSES, QUIET_CLOSE_DAYS } from '../../../contracts/report-lifecycle.js';
import { appendAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit.js';
import type { JobOutcome } from '../../../platform/jobs/job-queue.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import { deadlineAlerts, reportEvents, reports } from '../feedback.schema.js';
import * as repo from '../feedback.repository.js';
import { recordReportEvent } from '../record-report-event.js';
import { notifyStaff } from '../staff-notifications.js';

/** How long before the deadline the holder (the handler, else the agency's handlers) is warned. */
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

/**
 * Job (daily): removes the reporter's identity — account link, name, phone, email — from reports closed or
 * rejected more than `afterDays` days ago (personal data is kept no longer than its purpose: Law 91/2025,
 * Decree 356/2025), and forgets the devices told about them. The report, its text and answer stay, shown
 * as anonymous. Up to 1,000 reports per run, one transaction, one audit row (ids only) and a non-public
 * `anonymised` step on each report's timeline.
 */
export async function anonymiseOldReports(deps: FeedbackDeps, afterDays: number): Promise<JobOutcome> {
  if (afterDays <= 0) return 'skipped';
  const cutoff = new Date(deps.now().getTime() - afterDays * 86400_000);
  return deps.database.db.transaction(async (tx) => {
    const done = await tx.execute(sql`
      update reports set reporter_user_id = null, reporter_name = null, reporter_phone = null,
             reporter_email = null, reporter_phone_hash = null, reporter_email_hash = null, display_publicly = 'anonymous', version = version + 1, updated_at = now()
       where id in (
         select id from reports
          where status in ('closed', 'rejected', 'merged')
            and coalesce(closed_at, updated_at) < ${cutoff.toISOString()}::timestamptz
            and (reporter_user_id is not null or reporter_name is not null
                 or reporter_phone is not null or reporter_email is not null)
          order by coalesce(closed_at, updated_at)
          limit 1000
          for update skip locked)
      returning id`);
    const ids = (done as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    if (ids.length === 0) return 'skipped';
    await tx.execute(sql`delete from report_push_targets where report_id = any(${sql.param(ids)}::uuid[])`);
    await tx.insert(reportEvents).values(
      ids.map((reportId) => ({
        reportId,
        action: 'anonymised',
        isPublic: false,
        actorLabel: SYSTEM_ACTOR.label,
        data: { afterDays },
      })),
    );
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: 'report.anonymised',
      entityType: 'report',
      entityId: ids[0]!,
      summary: { reports: ids.length, afterDays, ids },
    });
    return 'done';
  });
}
