import type { z } from 'zod';
import type { listReportsQuery, ReportView, TimelineEntry } from '../../../contracts/feedback.js';
import type { ReportStatus } from '../../../contracts/report-lifecycle.js';
import { AGENCY_SCOPED_ROLES } from '../../../contracts/roles.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, can, type Principal } from '../../identity/index.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';
import { presentReports, presentTimeline } from '../report.presenter.js';
import { canSee } from './transition-report.js';

function encodeCursor(key: Date, id: string): string {
  return Buffer.from(`${key.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { key: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const key = new Date(at ?? '');
  if (!id || Number.isNaN(key.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('validation', {}, [{ path: 'query.after', message: 'cursor' }]);
  }
  return { key, id };
}

/** The agencies whose reports an agency-only person may see; undefined when they may see all. */
export function scopeOf(p: Principal): string[] | undefined {
  const unscoped = p.grants.some(
    (g) => !AGENCY_SCOPED_ROLES.includes(g.role) && can({ ...p, grants: [g] }, 'reports.read'),
  );
  if (unscoped) return undefined;
  return [...new Set([...p.scopes.values()].flatMap((s) => [...s]))];
}

/** The queue: IOC and call centre see everything, agency staff their agency and its sub-units. */
export async function listReports(
  deps: FeedbackDeps,
  p: Principal | null,
  q: z.infer<typeof listReportsQuery>,
) {
  const principal = authorize(p, 'reports.read');
  const now = deps.now();
  const filter = {
    statuses: q.status as ReportStatus[] | undefined,
    channels: q.channel,
    category: q.category,
    unit: q.unit,
    agencyId: q.agencyId,
    scopeAgencyIds: scopeOf(principal),
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    q: q.q,
    now,
    limit: q.limit + 1,
    after: q.after ? decodeCursor(q.after) : undefined,
  };
  const rows = await repo.queryQueue(deps.database.db, filter);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: await presentReports(deps.database.db, page, principal, now),
    nextCursor: rows.length > q.limit && last ? encodeCursor(repo.queueSortKey(filter, last), last.id) : null,
  };
}

export interface ReportDetail {
  report: ReportView;
  timeline: TimelineEntry[];
  notes: { id: string; authorLabel: string; text: string; createdAt: string }[];
}

/** One report with its full timeline and internal notes, for staff who may see it. */
export async function getReport(
  deps: FeedbackDeps,
  p: Principal | null,
  id: string,
  actor: Actor,
): Promise<ReportDetail> {
  const principal = authorize(p, 'reports.submit');
  const db = deps.database.db;
  const r = await repo.findReport(db, id);
  if (!r || !canSee(principal, r)) throw new AppError('not_found');
  const staff = principal.kind === 'staff';
  const [report] = await presentReports(db, [r], principal, deps.now(), { contact: true });
  if (staff && report!.reporter) {
    // Every look at a reporter's personal data is on record (Decree 356/2025).
    await db.transaction((tx) =>
      appendAudit(tx, actor, {
        action: 'report.contact_viewed',
        entityType: 'report',
        entityId: r.id,
        summary: { code: r.trackingCode },
      }),
    );
  }
  return {
    report: report!,
    timeline: presentTimeline(await repo.eventsOf(db, r.id, !staff), staff),
    notes: staff
      ? (await repo.notesOf(db, r.id)).map((n) => ({
          id: n.id,
          authorLabel: n.authorLabel,
          text: n.text,
          createdAt: n.createdAt.toISOString(),
        }))
      : [],
  };
}

/**
 * The deadline board: open reports already late, due by the end of today (Vietnam time), and due within
 * the next three days, each list oldest deadline first, scoped like the queue.
 */
export async function deadlineBoard(deps: FeedbackDeps, p: Principal | null) {
  const principal = authorize(p, 'reports.read');
  const now = deps.now();
  const rows = await repo.openWithDeadlineBefore(
    deps.database.db,
    new Date(now.getTime() + 3 * 86400_000),
    scopeOf(principal),
    500,
  );
  // 17:00 in Vietnam (UTC+7) of today's local date.
  const local = new Date(now.getTime() + 7 * 3600_000);
  const endOfToday = new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 10, 0, 0),
  );
  const views = await presentReports(deps.database.db, rows, principal, now);
  const due = (v: ReportView) => new Date(v.extendedDeadlineAt ?? v.deadlineAt!);
  return {
    overdue: views.filter((v) => due(v) < now),
    dueToday: views.filter((v) => due(v) >= now && due(v) < endOfToday),
    dueSoon: views.filter((v) => due(v) >= endOfToday),
  };
}

/** Open reports as points for the operations map, scoped like the queue, with the profile's boundaries. */
export async function reportMap(deps: FeedbackDeps, p: Principal | null) {
  const principal = authorize(p, 'reports.read');
  const now = deps.now();
  const points = await repo.openReportPoints(deps.database.db, scopeOf(principal), 5000);
  return {
    boundaries: deps.profile.boundaries,
    points: points.map((pt) => ({
      id: pt.id,
      trackingCode: pt.trackingCode,
      lat: pt.lat,
      lon: pt.lon,
      status: pt.status,
      categoryCode: pt.categoryCode,
      overdue: !!(pt.extendedDeadlineAt ?? pt.deadlineAt) && (pt.extendedDeadlineAt ?? pt.deadlineAt)! < now,
    })),
  };
}
