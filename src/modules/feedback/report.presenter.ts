import { createHash } from 'node:crypto';
import type {
  AttachmentView,
  Channel,
  PublicReportView,
  ReportView,
  TimelineEntry,
  UrgencyClass,
} from '../../contracts/feedback.js';
import {
  OPEN_STATUSES,
  REPORT_TRANSITIONS,
  canTransition,
  type ExtensionState,
  type RejectReason,
  type ReportAction,
  type ReportStatus,
} from '../../contracts/report-lifecycle.js';
import type { Role } from '../../contracts/roles.js';
import { AGENCY_SCOPED_ROLES } from '../../contracts/roles.js';
import type { Executor } from '../../platform/db/database.js';
import { openSealed } from '../../platform/crypto/field-cipher.js';
import { agencyNames, can, unitNames, type Principal } from '../identity/index.js';
import * as repo from './feedback.repository.js';
import { maskContacts, publicPoint } from './public-text.js';

/** Is the report overdue now (open and past its deadline, extended or not)? */
export function isOverdue(r: repo.ReportRow, now: Date): boolean {
  const due = r.extendedDeadlineAt ?? r.deadlineAt;
  return !!due && OPEN_STATUSES.includes(r.status as ReportStatus) && due < now;
}

/** Does the person act on this report through a role the transition allows (scope included)? */
export function actorMayTransition(p: Principal, r: repo.ReportRow, action: ReportAction): boolean {
  const t = REPORT_TRANSITIONS.find((x) => x.action === action)!;
  const roles = p.grants.map((g) => g.role);
  if (!canTransition(action, r.status as ReportStatus, roles, r.extensionState as ExtensionState))
    return false;
  return t.roles.some((role) => {
    if (!roles.includes(role)) return false;
    if (role === 'citizen') return r.reporterUserId === p.userId;
    if (!t.agencyScoped || !AGENCY_SCOPED_ROLES.includes(role)) return true;
    return !!r.agencyId && !!p.scopes.get(role)?.has(r.agencyId);
  });
}

export function availableActionsFor(p: Principal | null, r: repo.ReportRow): ReportAction[] {
  if (!p) return [];
  return REPORT_TRANSITIONS.filter(
    (t) => t.action !== 'reopen_by_citizen' && actorMayTransition(p, r, t.action),
  ).map((t) => t.action);
}

/**
 * The public address of a file; a masked photo's carries its mask's version, so that pages point at the
 * masked copy at once and no cache serves the unmasked one under the new address.
 */
function publicAttachmentUrl(a: { id: string; redactedKey: string | null }): string {
  const base = `/api/v1/public/attachments/${a.id}`;
  if (!a.redactedKey) return base;
  return `${base}?v=${createHash('sha256').update(a.redactedKey).digest('hex').slice(0, 10)}`;
}

function attachmentView(
  a: Awaited<ReturnType<typeof repo.attachmentsOf>>[number],
  publicUrl: boolean,
): AttachmentView {
  return {
    id: a.id,
    kind: a.kind as AttachmentView['kind'],
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: a.size,
    purpose: a.purpose as AttachmentView['purpose'],
    hidden: a.hidden,
    redactions: a.redactions ?? [],
    url: publicUrl ? publicAttachmentUrl(a) : `/api/v1/attachments/${a.id}`,
  };
}

/**
 * Reports as staff (or their reporter) see them. The reporter's contact is decrypted only when asked for
 * (`contact: true`: the single-report view, whose caller audits the read) and where the role allows;
 * lists, boards and command results never carry it.
 */
export async function presentReports(
  db: Executor,
  rows: repo.ReportRow[],
  p: Principal | null,
  now: Date,
  opts: { contact?: boolean } = {},
): Promise<ReportView[]> {
  const names = await agencyNames(db, [...new Set(rows.flatMap((r) => (r.agencyId ? [r.agencyId] : [])))]);
  const units = await unitNames(db, [...new Set(rows.flatMap((r) => (r.unitCode ? [r.unitCode] : [])))]);
  const attachments = await repo.attachmentsOf(
    db,
    rows.map((r) => r.id),
  );
  const mergedTargets = new Map<string, string>();
  for (const r of rows) {
    if (r.mergedIntoId)
      mergedTargets.set(r.id, (await repo.findReport(db, r.mergedIntoId))?.trackingCode ?? '');
  }
  return rows.map((r) => {
    const own = !!p && r.reporterUserId === p.userId;
    const seeContact = !!opts.contact && (own || can(p, 'reports.read_contact', { agencyId: r.agencyId }));
    return {
      id: r.id,
      trackingCode: r.trackingCode,
      version: r.version,
      status: r.status as ReportStatus,
      channel: r.channel as Channel,
      reporterLang: r.lang === 'en' ? 'en' : 'vi',
      citizenCategoryCode: r.citizenCategoryCode,
      categoryCode: r.categoryCode,
      title: r.title,
      body: r.body,
      publicTitle: r.publicTitle,
      publicBody: r.publicBody,
      address: r.address,
      location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
      unitCode: r.unitCode,
      unitName: r.unitCode ? (units.get(r.unitCode) ?? null) : null,
      urgency: r.urgency as UrgencyClass,
      receivedAt: r.receivedAt.toISOString(),
      deadlineAt: r.deadlineAt?.toISOString() ?? null,
      extendedDeadlineAt: r.extendedDeadlineAt?.toISOString() ?? null,
      extensionState: r.extensionState as ExtensionState,
      overdue: isOverdue(r, now),
      agencyId: r.agencyId,
      agencyName: r.agencyId ? (names.get(r.agencyId) ?? null) : null,
      suggestedAgencyId: r.suggestedAgencyId,
      handlerId: r.handlerId,
      displayPublicly: r.displayPublicly as 'name' | 'anonymous',
      // Decrypted only for the roles that may see the reporter (the view is audited by the use case).
      reporter: seeContact
        ? {
            name: openSealed(r.reporterName),
            phone: openSealed(r.reporterPhone),
            email: openSealed(r.reporterEmail),
          }
        : null,
      answer: r.answer,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      rating: r.rating as ReportView['rating'],
      ratingComment: r.ratingComment,
      rejectReason: r.rejectReason as RejectReason | null,
      mergedIntoCode: mergedTargets.get(r.id) ?? null,
      timeliness: r.timeliness as ReportView['timeliness'],
      attachments: attachments
        .filter((a) => a.reportId === r.id && (!a.hidden || !own))
        .map((a) => attachmentView(a, false)),
      availableActions: availableActionsFor(p, r),
    };
  });
}

export function presentTimeline(events: repo.EventRow[], showActors: boolean): TimelineEntry[] {
  return events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    fromStatus: e.fromStatus as ReportStatus | null,
    toStatus: e.toStatus as ReportStatus | null,
    public: e.isPublic,
    actorLabel: showActors ? e.actorLabel : null,
    note: showActors || e.isPublic ? e.note : null,
    data: showActors ? (e.data as Record<string, unknown>) : {},
  }));
}

/** What anyone may see: no contact data (none in the text either), no internal notes, no hidden attachments. */
export async function presentPublic(db: Executor, r: repo.ReportRow): Promise<PublicReportView> {
  const agency = r.agencyId ? (await agencyNames(db, [r.agencyId])).get(r.agencyId) : undefined;
  const unit = r.unitCode ? (await unitNames(db, [r.unitCode])).get(r.unitCode) : undefined;
  const events = await repo.eventsOf(db, r.id, true);
  const attachments = (await repo.attachmentsOf(db, [r.id])).filter((a) => !a.hidden);
  const answered = r.status === 'published' || r.status === 'closed';
  return {
    trackingCode: r.trackingCode,
    status: r.status as ReportStatus,
    categoryCode: r.categoryCode,
    // The reporter's words (as a moderator edited them, if one did) without phone numbers, e-mails, ID numbers.
    title: maskContacts(r.publicTitle ?? r.title),
    body: maskContacts(r.publicBody ?? r.body),
    unitName: unit ?? null,
    location: r.lat !== null && r.lon !== null ? publicPoint(r.lat, r.lon) : null,
    receivedAt: r.receivedAt.toISOString(),
    // The reporter chose to be named publicly: only then is the name opened for a public page.
    reporterName: r.displayPublicly === 'name' ? openSealed(r.reporterName) : null,
    agencyName: agency ?? null,
    answer: answered ? r.answer : null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    rating: r.rating as PublicReportView['rating'],
    rejectReason: r.rejectReason as RejectReason | null,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      toStatus: e.toStatus as ReportStatus | null,
    })),
    attachments: answered
      ? attachments.map((a) => ({
          url: publicAttachmentUrl(a),
          kind: a.kind,
          purpose: a.purpose === 'answer' ? ('answer' as const) : ('report' as const),
        }))
      : [],
  };
}

export type { Role };
