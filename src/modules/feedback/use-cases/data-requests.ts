import { and, asc, desc, eq, sql } from 'drizzle-orm';
import {
  DATA_REQUEST_WORKING_DAYS,
  type DataRequestKind,
  type DataRequestReceipt,
  type DataRequestStatus,
  type DataRequestView,
  type FileDataRequestBody,
  type MyDataRequestView,
} from '../../../contracts/data-requests.js';
import { normalizeEmail, normalizePhone } from '../../../contracts/identity.js';
import { appendAudit, SYSTEM_ACTOR, type Actor } from '../../../platform/audit/audit.js';
import { openSealed, Sealed } from '../../../platform/crypto/field-cipher.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import type { JobOutcome } from '../../../platform/jobs/job-queue.js';
import { maskPhone } from '../../../platform/sms/sms.js';
import { authorize, citizenAccount, updateCitizenAccount, type Principal } from '../../identity/index.js';
import { cachedRoutingSnapshot } from '../../routing/index.js';
import { FEEDBACK_JOBS, type FeedbackDeps } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';
import { dataRequests } from '../feedback.schema.js';
import type { ReporterNotifier } from '../jobs/notify-reporter.js';
import {
  DATA_REQUEST_TEXTS,
  noticeLang,
  noticeTime,
  type Notice,
  type NoticeLang,
} from '../notice-messages.js';
import { ownReport } from './citizen-follow-up.js';
import { eraseCitizen } from './my-personal-data.js';

/**
 * Data subject requests (Law 91/2025/QH15; Decree 356/2025/NĐ-CP: answered within 2 working days).
 * A citizen files one — signed in, or with a tracking code and the contact given with it —; staff with
 * `data_requests.handle` fulfil it (applying the deletion or correction through the same code the
 * self-service uses) or refuse it with a reason. Each step is audited; the requester is told on filing and
 * on the outcome through the reporter notifier (a job queued in the same transaction).
 */

type Row = typeof dataRequests.$inferSelect;

export interface DataRequestNoticeJob {
  requestId: string;
  step: 'filed' | 'decided';
}

function contactOf(input: string): { phone: string | null; email: string | null } {
  const c = input.trim();
  return c.includes('@')
    ? { phone: null, email: normalizeEmail(c) }
    : { phone: normalizePhone(c), email: null };
}

/**
 * A citizen files a request. Anonymous requesters prove the report is theirs with code + contact. They are
 * told in their account's language, else in the language they filed in (`lang`).
 */
export async function fileDataRequest(
  deps: FeedbackDeps,
  p: Principal | null,
  input: FileDataRequestBody,
  actor: Actor,
  lang: NoticeLang = 'vi',
): Promise<DataRequestReceipt> {
  const db = deps.database.db;
  const signedIn = p?.kind === 'citizen' ? p : null;
  if (!input.code && !signedIn) throw new AppError('data_request_identity_required');
  if (input.code && !signedIn && !input.contact) throw new AppError('data_request_identity_required');
  // The same check as the report look-up: a wrong pair answers "not found", like an unknown code.
  const report = input.code ? await ownReport(deps, p, input.code, input.contact) : null;
  const account = signedIn ? await citizenAccount(db, signedIn.userId) : undefined;
  let contact = input.contact ? contactOf(input.contact) : { phone: null, email: null };
  if (!contact.phone && !contact.email && account) contact = { phone: account.phone, email: account.email };
  if (input.kind === 'correction' && !input.correction && !input.details)
    throw new AppError('validation', {}, [
      { path: 'body.correction', message: 'Cần nêu nội dung sửa / What to correct' },
    ]);
  const now = deps.now();
  const routing = await cachedRoutingSnapshot(deps.database);
  const dueAt = routing.calendar.addWorkingDays(now, DATA_REQUEST_WORKING_DAYS);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dataRequests)
      .values({
        kind: input.kind,
        reportId: report?.id ?? null,
        trackingCode: report?.trackingCode ?? null,
        userId: signedIn?.userId ?? null,
        contactPhone: Sealed.of(contact.phone),
        contactEmail: Sealed.of(contact.email),
        details: Sealed.of(input.details ?? null),
        correction: input.correction ? Sealed.of(JSON.stringify(input.correction)) : null,
        receivedAt: now,
        dueAt,
        lang: account ? noticeLang(account.locale) : lang,
      })
      .returning();
    await appendAudit(tx, actor, {
      action: 'data_request.filed',
      entityType: 'data_request',
      entityId: row!.id,
      summary: { kind: input.kind, code: report?.trackingCode ?? null, byAccount: !!signedIn },
    });
    await deps.jobs?.send<DataRequestNoticeJob>(
      FEEDBACK_JOBS.notifyDataRequest,
      { requestId: row!.id, step: 'filed' },
      { tx },
    );
    return receipt(row!);
  });
}

function receipt(r: Row): DataRequestReceipt {
  return {
    id: r.id,
    kind: r.kind as DataRequestKind,
    status: r.status as DataRequestStatus,
    receivedAt: r.receivedAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
  };
}

function citizenView(r: Row): MyDataRequestView {
  return {
    ...receipt(r),
    trackingCode: r.trackingCode,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    outcomeNote: r.outcomeNote,
  };
}

/** A signed-in citizen's own requests, newest first, with the outcome and its reason. */
export async function myDataRequests(
  deps: FeedbackDeps,
  p: Principal | null,
): Promise<{ items: MyDataRequestView[] }> {
  const principal = authorize(p, 'reports.submit');
  if (principal.kind !== 'citizen') throw new AppError('forbidden');
  const rows = await deps.database.db
    .select()
    .from(dataRequests)
    .where(eq(dataRequests.userId, principal.userId))
    .orderBy(desc(dataRequests.receivedAt))
    .limit(100);
  return { items: rows.map(citizenView) };
}

/**
 * The requests for staff, open ones first by deadline, each with its overdue flag. What is asked is shown
 * (staff need it to decide); the requester's contact is not.
 */
export async function listDataRequests(
  deps: FeedbackDeps,
  p: Principal | null,
  status: DataRequestStatus | undefined,
): Promise<{ items: DataRequestView[]; overdue: number }> {
  authorize(p, 'data_requests.handle');
  const now = deps.now();
  const rows = await deps.database.db
    .select()
    .from(dataRequests)
    .where(status ? eq(dataRequests.status, status) : undefined)
    .orderBy(sql`${dataRequests.status} <> 'open'`, asc(dataRequests.dueAt), desc(dataRequests.receivedAt))
    .limit(500);
  const items = rows.map((r) => staffView(r, now));
  return { items, overdue: items.filter((i) => i.overdue).length };
}

function staffView(r: Row, now: Date): DataRequestView {
  return {
    ...citizenView(r),
    reportId: r.reportId,
    byAccount: !!r.userId,
    details: openSealed(r.details),
    correction: r.correction ? (JSON.parse(r.correction.open()) as DataRequestView['correction']) : null,
    overdue: r.status === 'open' && r.dueAt.getTime() < now.getTime(),
  };
}

/** Staff fulfil a request (the deletion or correction is applied) or refuse it with a reason. */
export async function decideDataRequest(
  deps: FeedbackDeps,
  p: Principal | null,
  id: string,
  input: { decision: 'fulfil' | 'refuse'; note?: string | undefined },
  actor: Actor,
): Promise<DataRequestView> {
  const principal = authorize(p, 'data_requests.handle');
  if (input.decision === 'refuse' && !input.note) throw new AppError('data_request_reason_required');
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const [r] = await tx.select().from(dataRequests).where(eq(dataRequests.id, id)).for('update');
    if (!r) throw new AppError('not_found');
    if (r.status !== 'open') throw new AppError('data_request_decided');
    const applied = input.decision === 'fulfil' ? await apply(tx, r) : null;
    await tx
      .update(dataRequests)
      .set({
        status: input.decision === 'fulfil' ? 'fulfilled' : 'refused',
        decidedAt: now,
        decidedBy: principal.userId,
        outcomeNote: input.note ?? null,
      })
      .where(and(eq(dataRequests.id, id), eq(dataRequests.status, 'open')));
    await appendAudit(tx, actor, {
      action: input.decision === 'fulfil' ? 'data_request.fulfilled' : 'data_request.refused',
      entityType: 'data_request',
      entityId: id,
      summary: {
        kind: r.kind,
        code: r.trackingCode,
        late: r.dueAt.getTime() < now.getTime(),
        ...(applied ? { applied } : {}),
      },
    });
    await deps.jobs?.send<DataRequestNoticeJob>(
      FEEDBACK_JOBS.notifyDataRequest,
      { requestId: id, step: 'decided' },
      { tx },
    );
  });
  const [decided] = await deps.database.db.select().from(dataRequests).where(eq(dataRequests.id, id));
  return staffView(decided!, now);
}

/** What fulfilling does, by kind; returns a summary for the audit row (no personal data). */
async function apply(tx: Executor, r: Row): Promise<Record<string, unknown>> {
  switch (r.kind as DataRequestKind) {
    case 'access':
      // The copy is sent with the outcome notice (composeDataRequestNotice).
      return { sent: 'copy' };
    case 'correction': {
      const c = r.correction
        ? (JSON.parse(r.correction.open()) as { name?: string; phone?: string; email?: string })
        : {};
      if (!c.name && !c.phone && !c.email) throw new AppError('data_request_nothing_to_apply');
      if (r.reportId) {
        await repo.correctReporterOf(tx, r.reportId, c);
        return { corrected: Object.keys(c), report: r.trackingCode };
      }
      if (!r.userId) throw new AppError('data_request_nothing_to_apply');
      // The account's phone is its sign-in identity: name and email are corrected here.
      await updateCitizenAccount(tx, r.userId, {
        ...(c.name ? { fullName: c.name } : {}),
        ...(c.email ? { email: normalizeEmail(c.email) } : {}),
      });
      return { corrected: Object.keys(c).filter((k) => k !== 'phone'), account: true };
    }
    case 'deletion':
    case 'objection': {
      if (r.reportId) return { anonymised: (await repo.eraseReporterOf(tx, r.reportId)) ? 1 : 0 };
      if (!r.userId) throw new AppError('data_request_nothing_to_apply');
      const account = await citizenAccount(tx, r.userId);
      // Deletion also removes the account; an objection stops the processing of their identity on reports.
      const n = account ? await eraseCitizen(tx, r.userId, account.phone, r.kind === 'deletion') : 0;
      return { anonymised: n, accountDeleted: r.kind === 'deletion' && !!account };
    }
  }
}

/** The text the requester receives: acknowledgement with the deadline, or the outcome with its reason. */
async function composeNotice(
  deps: FeedbackDeps,
  r: Row,
  step: DataRequestNoticeJob['step'],
): Promise<{ subject: string; text: string; lang: NoticeLang }> {
  const lang = noticeLang(r.lang);
  const texts = DATA_REQUEST_TEXTS[lang];
  const what = texts.kind[r.kind as DataRequestKind];
  const about = r.trackingCode ? texts.about(r.trackingCode) : '';
  const brand = deps.brandName;
  const mail = (n: Notice, more: string[] = []) => ({
    subject: n.title,
    text: [n.body, ...more].join('\n'),
    lang,
  });
  if (step === 'filed') return mail(texts.filed(brand, what, about, noticeTime(r.dueAt, lang)));
  if (r.status === 'refused') return mail(texts.refused(brand, what, about, r.outcomeNote ?? ''));
  const lines = r.kind === 'access' ? await heldData(deps, r, lang) : [];
  if (r.outcomeNote) lines.push(r.outcomeNote);
  return mail(texts.done(brand, what, about), lines);
}

/** "What do you hold about me": the contact kept with the report or the account, and for how long. */
async function heldData(deps: FeedbackDeps, r: Row, lang: NoticeLang): Promise<string[]> {
  const texts = DATA_REQUEST_TEXTS[lang];
  const db = deps.database.db;
  const report = r.reportId ? await repo.findReport(db, r.reportId) : undefined;
  const lines: string[] = [];
  if (report)
    lines.push(
      texts.heldOnReport({
        code: report.trackingCode,
        name: openSealed(report.reporterName),
        phone: openSealed(report.reporterPhone),
        email: openSealed(report.reporterEmail),
        named: report.displayPublicly === 'name',
        consentAt: report.consentAt ? noticeTime(report.consentAt, lang) : null,
      }),
    );
  const account = r.userId ? await citizenAccount(db, r.userId) : undefined;
  if (account) {
    const reports = await repo.reportsOfReporter(db, account.id, account.phone);
    lines.push(
      texts.heldOnAccount({
        name: account.fullName,
        phone: account.phone,
        email: account.email,
        codes: reports.map((x) => x.trackingCode),
      }),
    );
  }
  lines.push(texts.retention);
  return lines;
}

/**
 * Job: tell the requester that their request was received (with the deadline) or decided (with the
 * reason). Sent once per step (`ack_sent_at` / `outcome_sent_at`); after the outcome the contact kept for
 * it is removed: the request row needs it no longer.
 */
export async function notifyDataRequest(
  deps: FeedbackDeps,
  notifier: ReporterNotifier,
  job: DataRequestNoticeJob,
): Promise<JobOutcome> {
  const db = deps.database.db;
  const [r] = await db.select().from(dataRequests).where(eq(dataRequests.id, job.requestId));
  if (!r) return 'skipped';
  if (job.step === 'filed' ? r.ackSentAt : r.outcomeSentAt) return 'skipped';
  if (job.step === 'decided' && r.status === 'open') return 'skipped';
  const to = { phone: openSealed(r.contactPhone), email: openSealed(r.contactEmail) };
  if (!to.phone && !to.email) return 'skipped';
  const notice = await composeNotice(deps, r, job.step);
  const sent = await notifier.deliver({ to, ...notice });
  await db.transaction(async (tx) => {
    await tx
      .update(dataRequests)
      .set(
        job.step === 'filed'
          ? { ackSentAt: deps.now() }
          : { outcomeSentAt: deps.now(), contactPhone: null, contactEmail: null },
      )
      .where(eq(dataRequests.id, r.id));
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: 'data_request.notified',
      entityType: 'data_request',
      entityId: r.id,
      summary: {
        step: job.step,
        channel: sent.channel,
        to:
          sent.channel === 'sms'
            ? maskPhone(sent.recipient)
            : sent.recipient.replace(/^(.).*(@.*)$/, '$1***$2'),
      },
    });
  });
  return 'done';
}
