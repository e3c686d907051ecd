import { sql } from 'drizzle-orm';
import { STATUS_LABELS, type ReportStatus } from '../../../contracts/report-lifecycle.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import type * as repo from '../feedback.repository.js';
import { recordReportEvent } from '../record-report-event.js';
import { rowsOf } from '../use-cases/report-push.js';

/** Web Push, as the alerts module's sender does it (the installation's VAPID keys): an adapter, wired in app.ts. */
export interface ReporterPush {
  send(
    target: { endpoint: string; p256dh: string; auth: string },
    payload: string,
    options: { ttl: number; urgency: 'normal' | 'high'; topic: string },
  ): Promise<{ status: 'sent' | 'retry' | 'failed' | 'removed'; httpStatus: number | null }>;
}

interface Target {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  lang: 'vi' | 'en';
}

/** What the phone shows: the code and the new status, no personal data (the answer is public text). */
export function pushPayload(
  r: repo.ReportRow,
  event: repo.EventRow,
  lang: 'vi' | 'en',
  brand: string,
): string {
  const status = STATUS_LABELS[(event.toStatus ?? r.status) as ReportStatus]?.[lang] ?? r.status;
  const body =
    event.action === 'publish' && r.answer
      ? `${status}: ${r.answer.length > 140 ? `${r.answer.slice(0, 139)}…` : r.answer}`
      : lang === 'en'
        ? `Your report "${r.title}" is now: ${status}.`
        : `Phản ánh "${r.title}" của bạn: ${status}.`;
  return JSON.stringify({
    title: `${brand} · ${r.trackingCode}`,
    body,
    url: `/app/phan-anh-cua-toi?ma=${encodeURIComponent(r.trackingCode)}`,
    // One notification per report on the phone: a later step replaces the earlier one.
    tag: `report-${r.trackingCode}`,
  });
}

/**
 * Pushes one public step to every device watching the report (by the report, or by the reporter's
 * account). Devices the push service says are gone are forgotten. Returns whether a device must be tried
 * again (a 429/5xx/timeout): the caller fails the job so it is retried with back-off. A step is pushed
 * once (`reporter_pushed` event); a retried job may repeat it to devices that already had it, which the
 * shared `Topic` and notification tag collapse on the phone.
 */
export async function pushToReporter(
  deps: FeedbackDeps,
  push: ReporterPush,
  r: repo.ReportRow,
  event: repo.EventRow,
  alreadyPushed: boolean,
): Promise<{ retry: boolean }> {
  if (alreadyPushed || event.action === 'received') return { retry: false };
  const db = deps.database.db;
  const targets = rowsOf<Target>(
    await db.execute(sql`
      select id, endpoint, p256dh, auth, lang from report_push_targets
       where report_id = ${r.id}
          or (${r.reporterUserId}::uuid is not null and user_id = ${r.reporterUserId}::uuid)`),
  );
  if (targets.length === 0) return { retry: false };
  // One message per device even when it watches both the report and the account.
  const devices = [...new Map(targets.map((t) => [t.endpoint, t])).values()];
  const counts = { sent: 0, removed: 0, failed: 0, retry: 0 };
  const gone: string[] = [];
  for (const t of devices) {
    const outcome = await push.send(t, pushPayload(r, event, t.lang, deps.brandName), {
      ttl: 7 * 86400,
      urgency: 'normal',
      topic: r.id.replace(/-/g, '').slice(0, 32),
    });
    counts[outcome.status]++;
    if (outcome.status === 'removed') gone.push(t.endpoint);
  }
  await db.transaction(async (tx) => {
    if (gone.length)
      await tx.execute(sql`delete from report_push_targets where endpoint = any(${sql.param(gone)}::text[])`);
    if (counts.retry === 0)
      await recordReportEvent(
        tx,
        { jobs: null, now: deps.now },
        r,
        {
          action: 'reporter_pushed',
          fromStatus: r.status,
          toStatus: r.status,
          isPublic: false,
          data: { eventId: event.id, devices: devices.length, ...counts },
        },
        SYSTEM_ACTOR,
      );
  });
  return { retry: counts.retry > 0 };
}
