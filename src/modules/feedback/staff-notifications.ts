import { and, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { JobOutcome } from '../../platform/jobs/job-queue.js';
import type { Executor } from '../../platform/db/database.js';
import {
  agencyById,
  authorize,
  findUserById,
  staffWithRoles,
  type Principal,
  type StaffRecipient,
} from '../identity/index.js';
import { FEEDBACK_JOBS, type FeedbackDeps } from './feedback-deps.js';
import { staffNotifications, type StaffNotificationKind } from './feedback.schema.js';
import * as repo from './feedback.repository.js';
import {
  noticeLang,
  STAFF_NOTICE_TEXTS,
  staffNoticeText,
  type StaffNoticeReason,
} from './notice-messages.js';
import type { ReporterNotifier } from './jobs/notify-reporter.js';
import { openSealed } from '../../platform/crypto/field-cipher.js';

export interface EmailStaffJob {
  notificationId: string;
}

/** Notices that also go by email to recipients who have an address. */
const EMAILED: readonly StaffNotificationKind[] = ['report_due_soon', 'report_overdue'];

/** Report steps that tell staff something (the transition command's actions). */
const KIND_OF_ACTION: Record<string, StaffNotificationKind> = {
  assign: 'report_assigned',
  reassign: 'report_assigned',
  pass_down: 'report_assigned',
  return_to_ioc: 'report_returned',
  due_soon: 'report_due_soon',
  overdue: 'report_overdue',
};

export function staffNotificationKindOf(action: string): StaffNotificationKind | undefined {
  return KIND_OF_ACTION[action];
}

/** A person who hears about a report, and why (their agency holds it, a sub-unit of theirs does, the IOC). */
export interface NoticeRecipient extends StaffRecipient {
  reason: StaffNoticeReason;
}

/** Context of the step: for a pass-down, the agency that passed the report on. */
export interface NoticeContext {
  fromAgencyId?: string | null;
}

/**
 * The agency whose leads oversee the holder's work: its direct parent — unless that is the province
 * itself (every district, department and, in two-level provinces, every commune hangs under it; its
 * leads follow through the dashboards, and the IOC hears of every overdue report).
 */
async function overseeingAgency(tx: Executor, agencyId: string) {
  const holder = await agencyById(tx, agencyId);
  const parent = holder?.parentId ? await agencyById(tx, holder.parentId) : undefined;
  return { holder, parent: parent && parent.kind !== 'province' ? parent : undefined };
}

/**
 * Who hears about a report, once each (the first reason found wins: holder, then parent, then IOC):
 * - due soon: its handler (else the agency's handlers; the IOC while no agency holds it);
 * - overdue: also the agency's leads, the leads of the agency above it (a district over its communes)
 *   and the IOC operators;
 * - assigned or passed down: the new agency's handlers and leads, and the leads of the agency above it —
 *   unless that agency passed it down itself (its own staff did it; they hear if it goes overdue);
 * - returned: the IOC operators.
 */
export async function recipientsOf(
  tx: Executor,
  kind: StaffNotificationKind,
  r: repo.ReportRow,
  context: NoticeContext = {},
): Promise<NoticeRecipient[]> {
  const found = new Map<string, NoticeRecipient>();
  const add = (list: StaffRecipient[], reason: StaffNoticeReason) =>
    list.forEach((x) => found.has(x.userId) || found.set(x.userId, { ...x, reason }));
  const ioc = () => staffWithRoles(tx, ['ioc_operator'], null);
  if (kind === 'report_due_soon' || kind === 'report_overdue') {
    if (r.agencyId) {
      const handler = r.handlerId ? await findUserById(tx, r.handlerId) : undefined;
      if (handler?.active)
        add(
          [
            {
              userId: handler.id,
              email: openSealed(handler.email),
              role: 'agency_handler',
              locale: noticeLang(handler.locale),
            },
          ],
          'holder',
        );
      else add(await staffWithRoles(tx, ['agency_handler'], r.agencyId), 'holder');
      if (kind === 'report_overdue') {
        add(await staffWithRoles(tx, ['agency_lead'], r.agencyId), 'holder');
        const { parent } = await overseeingAgency(tx, r.agencyId);
        if (parent) add(await staffWithRoles(tx, ['agency_lead'], parent.id), 'parent');
      }
    }
    if (kind === 'report_overdue' || !r.agencyId) add(await ioc(), 'ioc');
  } else if (kind === 'report_assigned') {
    if (r.agencyId) {
      add(await staffWithRoles(tx, ['agency_handler', 'agency_lead'], r.agencyId), 'holder');
      const { parent } = await overseeingAgency(tx, r.agencyId);
      if (parent && parent.id !== context.fromAgencyId)
        add(await staffWithRoles(tx, ['agency_lead'], parent.id), 'parent');
    }
  } else {
    add(await ioc(), 'ioc');
  }
  return [...found.values()];
}

/**
 * Writes the notices of one report step for everyone who should hear of it, inside the step's transaction,
 * each in the recipient's language and worded for why they hear of it; deadline notices to people with an
 * email address also queue their mail (a job per notice, sent only if the transaction commits).
 */
export async function notifyStaff(
  tx: Executor,
  deps: Pick<FeedbackDeps, 'jobs'> & { now?: () => Date },
  kind: StaffNotificationKind,
  r: repo.ReportRow,
  excludeUserId?: string | null,
  context: NoticeContext = {},
): Promise<number> {
  const people = (await recipientsOf(tx, kind, r, context)).filter((p) => p.userId !== excludeUserId);
  if (people.length === 0) return 0;
  const holderName = people.some((p) => p.reason === 'parent')
    ? ((await agencyById(tx, r.agencyId!))?.name ?? null)
    : null;
  const facts = {
    trackingCode: r.trackingCode,
    title: r.title,
    due: r.extendedDeadlineAt ?? r.deadlineAt,
    holderName,
  };
  const createdAt = deps.now?.() ?? new Date();
  const rows = await tx
    .insert(staffNotifications)
    .values(
      people.map((p) => ({
        userId: p.userId,
        kind,
        reportId: r.id,
        ...staffNoticeText(kind, facts, p.locale, p.reason),
        createdAt,
      })),
    )
    .returning({ id: staffNotifications.id, userId: staffNotifications.userId });
  if (deps.jobs && EMAILED.includes(kind)) {
    const withEmail = new Set(people.filter((p) => p.email).map((p) => p.userId));
    const mails = rows.filter((n) => withEmail.has(n.userId)).map((n) => ({ notificationId: n.id }));
    if (mails.length) await deps.jobs.sendMany<EmailStaffJob>(FEEDBACK_JOBS.emailStaff, mails, { tx });
  }
  return rows.length;
}

/**
 * Job: the email copy of one deadline notice. Claims the notice first (`emailed_at`), so a retried or
 * duplicated job never mails twice; a failed delivery releases the claim and fails the job for a retry.
 */
export async function emailStaffNotification(
  deps: FeedbackDeps,
  notifier: ReporterNotifier,
  job: EmailStaffJob,
): Promise<JobOutcome> {
  const db = deps.database.db;
  const [claimed] = await db
    .update(staffNotifications)
    .set({ emailedAt: deps.now() })
    .where(and(eq(staffNotifications.id, job.notificationId), isNull(staffNotifications.emailedAt)))
    .returning();
  if (!claimed) return 'skipped';
  const user = await findUserById(db, claimed.userId);
  const r = await repo.findReport(db, claimed.reportId);
  if (!user?.email || !user.active || !r) return 'skipped';
  try {
    const lang = noticeLang(user.locale);
    const texts = STAFF_NOTICE_TEXTS[lang];
    await notifier.deliver({
      to: { email: user.email.open(), phone: null },
      subject: `[${r.trackingCode}] ${claimed.title}`,
      text: [
        claimed.body,
        `${texts.openReport}: ${deps.config.publicUrl}/console/phan-anh/${r.id}`,
        `${texts.myNotices}: ${deps.config.publicUrl}/console/thong-bao`,
      ].join('\n'),
      trackingCode: r.trackingCode,
      action: claimed.kind,
      audience: 'staff',
      lang,
    });
  } catch (error) {
    await db.update(staffNotifications).set({ emailedAt: null }).where(eq(staffNotifications.id, claimed.id));
    throw error;
  }
  return 'done';
}

export const myNotificationsQuery = z.strictObject({
  /** Notices created before this one (its id), for the next page. */
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(50),
  unread: z.enum(['true', 'false']).optional(),
});

/** Either some notices by id or all of them (`{"all": true}`). */
export const markReadRequest = z
  .strictObject({
    ids: z.array(z.uuid()).min(1).max(200).optional(),
    all: z.literal(true).optional(),
  })
  .refine((b) => (b.ids ? !b.all : b.all), { message: 'ids hoặc all / ids or all' });

export interface StaffNotificationView {
  id: string;
  kind: StaffNotificationKind;
  reportId: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

const present = (n: typeof staffNotifications.$inferSelect): StaffNotificationView => ({
  id: n.id,
  kind: n.kind as StaffNotificationKind,
  reportId: n.reportId,
  title: n.title,
  body: n.body,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/** The signed-in staff member's notices: how many are unread, and the latest (newest first, paged). */
export async function myNotifications(
  deps: FeedbackDeps,
  p: Principal | null,
  q: z.infer<typeof myNotificationsQuery>,
) {
  const me = authorize(p, 'console.access');
  const db = deps.database.db;
  const mine = eq(staffNotifications.userId, me.userId);
  let cursor = undefined;
  if (q.before) {
    const [b] = await db
      .select({ createdAt: staffNotifications.createdAt, id: staffNotifications.id })
      .from(staffNotifications)
      .where(and(mine, eq(staffNotifications.id, q.before)));
    if (b)
      cursor = or(
        lt(staffNotifications.createdAt, b.createdAt),
        and(eq(staffNotifications.createdAt, b.createdAt), lt(staffNotifications.id, b.id)),
      );
  }
  const rows = await db
    .select()
    .from(staffNotifications)
    .where(and(mine, cursor, q.unread === 'true' ? isNull(staffNotifications.readAt) : undefined))
    .orderBy(desc(staffNotifications.createdAt), desc(staffNotifications.id))
    .limit(q.limit + 1);
  const [unread] = await db
    .select({ n: count() })
    .from(staffNotifications)
    .where(and(mine, isNull(staffNotifications.readAt)));
  const items = rows.slice(0, q.limit).map(present);
  return {
    unread: unread?.n ?? 0,
    items,
    nextBefore: rows.length > q.limit ? items[items.length - 1]!.id : null,
  };
}

/** Marks some (or all) of the signed-in person's notices read; others' ids are silently ignored. */
export async function markMyNotificationsRead(
  deps: FeedbackDeps,
  p: Principal | null,
  req: z.infer<typeof markReadRequest>,
) {
  const me = authorize(p, 'console.access');
  const db = deps.database.db;
  const updated = await db
    .update(staffNotifications)
    .set({ readAt: deps.now() })
    .where(
      and(
        eq(staffNotifications.userId, me.userId),
        isNull(staffNotifications.readAt),
        req.ids ? inArray(staffNotifications.id, req.ids) : sql`true`,
      ),
    )
    .returning({ id: staffNotifications.id });
  return { marked: updated.length };
}
