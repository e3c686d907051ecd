import { appendAuditMany, type Actor } from '../../platform/audit/audit.js';
import { preparedQuery, rawClient, type Executor } from '../../platform/db/database.js';
import { insertMany } from '../../platform/db/insert-many.js';
import { FEEDBACK_JOBS, REPORT_CHANNEL, type FeedbackDeps, type NotifyReporterJob } from './feedback-deps.js';
import { reportEvents } from './feedback.schema.js';
import type * as repo from './feedback.repository.js';
import { notifyStaff, staffNotificationKindOf } from './staff-notifications.js';

export interface ReportChange {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  isPublic: boolean;
  note?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Writes everything that goes with changes to reports, inside their transaction: the timeline events,
 * the audit rows, the live-queue notifications (delivered by PostgreSQL only on commit) and, for steps
 * the reporter should hear about, the notification jobs (which exist only if the transaction commits).
 * A batch (group-committed intake) costs the same few statements as a single change.
 */
export async function recordReportEvents(
  tx: Executor,
  deps: Pick<FeedbackDeps, 'jobs'> & { now?: () => Date },
  items: { report: repo.ReportRow; change: ReportChange; actor: Actor }[],
): Promise<repo.EventRow[]> {
  if (items.length === 0) return [];
  const at = deps.now?.() ?? new Date();
  const events = await insertMany(
    tx,
    reportEvents,
    items.map(({ report, change, actor }) => ({
      reportId: report.id,
      at,
      action: change.action,
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      isPublic: change.isPublic,
      actorId: actor.id,
      actorLabel: actor.label,
      note: change.note ?? null,
      data: change.data ?? {},
    })),
  );
  // Ids follow the order of the rows inserted; keep the caller's order.
  events.sort((a, b) => a.id - b.id);
  const payloads = items.map(({ report, change }) =>
    JSON.stringify({
      id: report.id,
      status: report.status,
      agencyId: report.agencyId,
      version: report.version,
      action: change.action,
    }),
  );
  await preparedQuery(rawClient(tx), 'select pg_notify($1, p) from unnest($2::text[]) as p', [
    REPORT_CHANNEL,
    payloads,
  ]);
  const notices = items.flatMap(({ report, change }, i) =>
    change.isPublic ? [{ reportId: report.id, eventId: events[i]!.id }] : [],
  );
  if (deps.jobs && notices.length)
    await deps.jobs.sendMany<NotifyReporterJob>(FEEDBACK_JOBS.notifyReporter, notices, { tx });
  // Staff hear of assignments and returns in the console (deadline notices come from the deadline job).
  for (const { report, change, actor } of items) {
    const kind = staffNotificationKindOf(change.action);
    if (kind === 'report_assigned' || kind === 'report_returned')
      await notifyStaff(tx, deps, kind, report, actor.id, {
        fromAgencyId: change.action === 'pass_down' ? (change.data?.fromAgencyId as string) : null,
      });
  }
  // Last: the audit append takes the chain's lock, held until commit, so it is held only briefly.
  await appendAuditMany(
    tx,
    items.map(({ report, change, actor }) => ({
      actor,
      entry: {
        action: `report.${change.action}`,
        entityType: 'report',
        entityId: report.id,
        summary: {
          code: report.trackingCode,
          from: change.fromStatus,
          to: change.toStatus,
          ...(change.data ?? {}),
        },
      },
    })),
  );
  return events;
}

/** One change to one report (see recordReportEvents). */
export async function recordReportEvent(
  tx: Executor,
  deps: Pick<FeedbackDeps, 'jobs'> & { now?: () => Date },
  report: repo.ReportRow,
  change: ReportChange,
  actor: Actor,
): Promise<repo.EventRow> {
  const [event] = await recordReportEvents(tx, deps, [{ report, change, actor }]);
  return event!;
}
