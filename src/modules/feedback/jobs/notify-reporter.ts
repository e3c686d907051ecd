import {
  REJECT_REASON_LABELS,
  STATUS_LABELS,
  type RejectReason,
  type ReportStatus,
} from '../../../contracts/report-lifecycle.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.js';
import type { JobOutcome } from '../../../platform/jobs/job-queue.js';
import { maskPhone } from '../../../platform/sms/sms.js';
import type { FeedbackDeps, NotifyReporterJob } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';
import { recordReportEvent } from '../record-report-event.js';

/** A message to a reporter through the channel they can be reached on. */
export interface ReporterMessage {
  to: { email: string | null; phone: string | null };
  subject: string;
  text: string;
  /** The report and step it is about: mail adapters thread replies by them and tell an acknowledgement apart. */
  reportId?: string;
  trackingCode?: string;
  action?: string;
}

/** What a notifier did; `suppressed` names the rule that held an email back (cap, undeliverable address). */
export interface DeliveryResult {
  channel: 'email' | 'sms';
  recipient: string;
  suppressed?: string;
}

/** Delivers reporter messages: email when there is an address, SMS otherwise (adapters: channels module). */
export interface ReporterNotifier {
  deliver(message: ReporterMessage): Promise<DeliveryResult>;
}

/** The notice text for one public step, in Vietnamese (the reporter's language on every channel today). */
export function composeNotice(
  r: repo.ReportRow,
  event: repo.EventRow,
  publicUrl: string,
  brand: string,
): ReporterMessage {
  const status = STATUS_LABELS[(event.toStatus ?? r.status) as ReportStatus]?.vi ?? r.status;
  const lines = [`${brand}: phản ánh ${r.trackingCode} — ${status}.`];
  if (event.action === 'received')
    lines.push(
      `Chúng tôi đã tiếp nhận phản ánh "${r.title}". Hạn xử lý: ${r.deadlineAt ? r.deadlineAt.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : 'theo quy định'}.`,
    );
  if (event.action === 'reject' && r.rejectReason)
    lines.push(`Lý do: ${REJECT_REASON_LABELS[r.rejectReason as RejectReason].vi}.`);
  if (event.action === 'publish' && r.answer) lines.push(`Trả lời: ${r.answer}`);
  if (event.action === 'merged_outcome')
    lines.push('Phản ánh của bạn đã được gộp với một phản ánh cùng nội dung; kết quả xử lý như trên.');
  if (event.note && event.isPublic && event.action !== 'publish') lines.push(event.note);
  lines.push(`Tra cứu: ${publicUrl}/tra-cuu?ma=${encodeURIComponent(r.trackingCode)}`);
  return {
    to: { email: r.reporterEmail, phone: r.reporterPhone },
    subject: `[${r.trackingCode}] ${status}`,
    text: lines.join('\n'),
    reportId: r.id,
    trackingCode: r.trackingCode,
    action: event.action,
  };
}

/**
 * Job: tell the reporter about one public step of their report. Idempotent: a step already notified
 * (a `reporter_notified` event for that event id exists) is skipped, so a retried job never sends twice.
 */
export async function notifyReporter(
  deps: FeedbackDeps,
  notifier: ReporterNotifier,
  job: NotifyReporterJob,
): Promise<JobOutcome> {
  const db = deps.database.db;
  const r = await repo.findReport(db, job.reportId);
  const event = await repo.findEvent(db, job.eventId);
  if (!r || !event || !event.isPublic) return 'skipped';
  if (!r.reporterEmail && !r.reporterPhone) return 'skipped';
  const already = (await repo.eventsOf(db, r.id, false)).some(
    (e) => e.action === 'reporter_notified' && (e.data as { eventId?: number }).eventId === event.id,
  );
  if (already) return 'skipped';
  // Mail that must not be answered automatically (an auto-reply, a list) still becomes a report, silently.
  if (event.action === 'received' && (event.data as { noAutoReply?: boolean }).noAutoReply) return 'skipped';
  const sent = await notifier.deliver(composeNotice(r, event, deps.config.publicUrl, deps.brandName));
  await db.transaction((tx) =>
    recordReportEvent(
      tx,
      { jobs: null, now: deps.now },
      r,
      {
        action: 'reporter_notified',
        fromStatus: r.status,
        toStatus: r.status,
        isPublic: false,
        data: {
          eventId: event.id,
          channel: sent.channel,
          ...(sent.suppressed ? { suppressed: sent.suppressed } : {}),
          to:
            sent.channel === 'sms'
              ? maskPhone(sent.recipient)
              : sent.recipient.replace(/^(.).*(@.*)$/, '$1***$2'),
        },
      },
      SYSTEM_ACTOR,
    ),
  );
  return 'done';
}
