import { sql } from 'drizzle-orm';
import { appendAudit, type Actor } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/database.js';
import { FEEDBACK_JOBS, REPORT_CHANNEL, type FeedbackDeps, type NotifyReporterJob } from './feedback-deps.js';
import * as repo from './feedback.repository.js';

export interface ReportChange {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  isPublic: boolean;
  note?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Writes everything that goes with a change to a report, inside its transaction: the timeline event,
 * the audit row, the live-queue notification (delivered by PostgreSQL only on commit) and, for a step
 * the reporter should hear about, the notification job (which exists only if the transaction commits).
 */
export async function recordReportEvent(
  tx: Executor,
  deps: Pick<FeedbackDeps, 'jobs'>,
  report: repo.ReportRow,
  change: ReportChange,
  actor: Actor,
): Promise<repo.EventRow> {
  const event = await repo.insertEvent(tx, {
    reportId: report.id,
    action: change.action,
    fromStatus: change.fromStatus,
    toStatus: change.toStatus,
    isPublic: change.isPublic,
    actorId: actor.id,
    actorLabel: actor.label,
    note: change.note ?? null,
    data: change.data ?? {},
  });
  await appendAudit(tx, actor, {
    action: `report.${change.action}`,
    entityType: 'report',
    entityId: report.id,
    summary: {
      code: report.trackingCode,
      from: change.fromStatus,
      to: change.toStatus,
      ...(change.data ?? {}),
    },
  });
  const payload = JSON.stringify({
    id: report.id,
    status: report.status,
    agencyId: report.agencyId,
    version: report.version,
    action: change.action,
  });
  await tx.execute(sql`select pg_notify(${REPORT_CHANNEL}, ${payload})`);
  if (change.isPublic && deps.jobs) {
    await deps.jobs.send<NotifyReporterJob>(
      FEEDBACK_JOBS.notifyReporter,
      { reportId: report.id, eventId: event.id },
      { tx },
    );
  }
  return event;
}
