import {
  REJECT_REASON_LABELS,
  STATUS_LABELS,
  type RejectReason,
  type ReportStatus,
} from '../../../contracts/report-lifecycle.js';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit.js';
import { openSealed } from '../../../platform/crypto/field-cipher.js';
import type { JobOutcome } from '../../../platform/jobs/job-queue.js';
import { maskPhone } from '../../../platform/sms/sms.js';
import type { FeedbackDeps, NotifyReporterJob } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';
import { recordReportEvent } from '../record-report-event.js';
import { pushToReporter, type ReporterPush } from './push-reporter.js';

/** A message to a reporter through the channel they can be reached on. */
export interface ReporterMessage {
  to: { email: string | null; phone: string | null };
  subject: string;
  text: string;
  /** The report and step it is about: mail adapters thread replies by them and tell an acknowledgement apart. */
  reportId?: string;
  trackingCode?: string;
  action?: string;
  /**
   * Who the mail is for, which picks its footer: a reporter or requester (default), staff (a deadline
   * notice) or an agency (a campaign report reminder).
   */
  audience?: MailAudience;
  /** The recipient's language (Vietnamese when not given). */
  lang?: 'vi' | 'en';
}

export type MailAudience = 'reporter' | 'staff' | 'campaign';

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

/** The words of a reporter's notice, in each language the reporter may have used. */
const NOTICE_TEXTS = {
  vi: {
    report: 'phản ánh',
    received: (title: string, deadline: string) =>
      `Chúng tôi đã tiếp nhận phản ánh "${title}". Hạn xử lý: ${deadline}.`,
    byRules: 'theo quy định',
    reason: 'Lý do',
    answer: 'Trả lời',
    merged: 'Phản ánh của bạn đã được gộp với một phản ánh cùng nội dung; kết quả xử lý như trên.',
    lookUp: 'Tra cứu',
    dateLocale: 'vi-VN',
  },
  en: {
    report: 'report',
    received: (title: string, deadline: string) =>
      `We have received your report "${title}". Due by: ${deadline}.`,
    byRules: 'as the rules set',
    reason: 'Reason',
    answer: 'Answer',
    merged:
      'Your report was merged with another report about the same thing; the outcome above applies to it.',
    lookUp: 'Look it up',
    dateLocale: 'en-GB',
  },
} as const;

/** The notice text for one public step, in the language the reporter used (`reports.lang`). */
export function composeNotice(
  r: repo.ReportRow,
  event: repo.EventRow,
  publicUrl: string,
  brand: string,
): ReporterMessage {
  const lang = r.lang === 'en' ? 'en' : 'vi';
  const w = NOTICE_TEXTS[lang];
  const status = STATUS_LABELS[(event.toStatus ?? r.status) as ReportStatus]?.[lang] ?? r.status;
  const lines = [`${brand}: ${w.report} ${r.trackingCode} — ${status}.`];
  if (event.action === 'received')
    lines.push(
      w.received(
        r.title,
        r.deadlineAt
          ? r.deadlineAt.toLocaleDateString(w.dateLocale, { timeZone: 'Asia/Ho_Chi_Minh' })
          : w.byRules,
      ),
    );
  if (event.action === 'reject' && r.rejectReason)
    lines.push(`${w.reason}: ${REJECT_REASON_LABELS[r.rejectReason as RejectReason][lang]}.`);
  if (event.action === 'publish' && r.answer) lines.push(`${w.answer}: ${r.answer}`);
  if (event.action === 'merged_outcome') lines.push(w.merged);
  if (event.note && event.isPublic && event.action !== 'publish') lines.push(event.note);
  lines.push(
    `${w.lookUp}: ${publicUrl}/tra-cuu?ma=${encodeURIComponent(r.trackingCode)}${lang === 'en' ? '&lang=en' : ''}`,
  );
  return {
    to: { email: openSealed(r.reporterEmail), phone: openSealed(r.reporterPhone) },
    subject: `[${r.trackingCode}] ${status}`,
    text: lines.join('\n'),
    reportId: r.id,
    trackingCode: r.trackingCode,
    action: event.action,
    lang,
  };
}

/**
 * Job: tell the reporter about one public step of their report: a Web Push to the devices that asked for
 * it, then a mail or an SMS to the contact given. Idempotent per channel: a step already notified (a
 * `reporter_notified` / `reporter_pushed` event for that event id exists) is not sent again, so a retried
 * job never mails twice. A push service that asks to retry fails the job after the mail went out.
 */
export async function notifyReporter(
  deps: FeedbackDeps,
  notifier: ReporterNotifier,
  job: NotifyReporterJob,
  push: ReporterPush | null = null,
): Promise<JobOutcome> {
  const db = deps.database.db;
  const r = await repo.findReport(db, job.reportId);
  const event = await repo.findEvent(db, job.eventId);
  if (!r || !event || !event.isPublic) return 'skipped';
  const events = await repo.eventsOf(db, r.id, false);
  const steps = events.filter((e) => (e.data as { eventId?: number }).eventId === event.id);
  // Jobs may run out of order: a step the report has already moved past is not pushed (the phone keeps
  // one notification per report, so a late one would hide the newer state).
  const superseded = events.some((e) => e.isPublic && e.id > event.id);
  const pushed = push
    ? await pushToReporter(
        deps,
        push,
        r,
        event,
        superseded || steps.some((e) => e.action === 'reporter_pushed'),
      )
    : { retry: false };
  const outcome = await notifyByContact(deps, notifier, r, event, steps);
  if (pushed.retry) throw new Error('push service asked to retry');
  return outcome;
}

async function notifyByContact(
  deps: FeedbackDeps,
  notifier: ReporterNotifier,
  r: repo.ReportRow,
  event: repo.EventRow,
  steps: repo.EventRow[],
): Promise<JobOutcome> {
  if (!r.reporterEmail && !r.reporterPhone) return 'skipped';
  if (steps.some((e) => e.action === 'reporter_notified')) return 'skipped';
  // Mail that must not be answered automatically (an auto-reply, a list) still becomes a report, silently.
  if (event.action === 'received' && (event.data as { noAutoReply?: boolean }).noAutoReply) return 'skipped';
  const sent = await notifier.deliver(composeNotice(r, event, deps.config.publicUrl, deps.brandName));
  await deps.database.db.transaction((tx) =>
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
