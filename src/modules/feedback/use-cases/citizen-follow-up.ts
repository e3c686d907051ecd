import type { PublicReportView, ReportView, TimelineEntry } from '../../../contracts/feedback.js';
import { normalizePhone } from '../../../contracts/identity.js';
import { REOPEN_WINDOW_DAYS } from '../../../contracts/report-lifecycle.js';
import type { Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import type { Principal } from '../../identity/index.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';
import { presentPublic, presentReports, presentTimeline } from '../report.presenter.js';
import { recordReportEvent } from '../record-report-event.js';
import { normalizeTrackingCode } from '../tracking-code.js';

function contactMatches(r: repo.ReportRow, contact: string): boolean {
  const c = contact.trim().toLowerCase();
  if (c.includes('@')) return !!r.reporterEmail && r.reporterEmail === c;
  if (!/^[+\d][\d\s.-]{7,}$/.test(c)) return false;
  return !!r.reporterPhone && r.reporterPhone === normalizePhone(c);
}

/**
 * Finds the citizen's report by tracking code plus the phone or email given at submission (or the
 * signed-in reporter). A wrong pair answers "not found", exactly like an unknown code.
 */
async function ownReport(deps: FeedbackDeps, p: Principal | null, code: string, contact: string | undefined) {
  const r = await repo.findReportByCode(deps.database.db, normalizeTrackingCode(code));
  const own = r && p?.kind === 'citizen' && r.reporterUserId === p.userId;
  if (!r || (!own && !(contact && contactMatches(r, contact)))) throw new AppError('not_found');
  return r;
}

export interface CitizenReportView {
  report: Omit<ReportView, 'availableActions' | 'reporter'>;
  timeline: TimelineEntry[];
  canRate: boolean;
}

/** The citizen's view of their report: status, public steps, the answer. */
export async function lookupReport(
  deps: FeedbackDeps,
  p: Principal | null,
  code: string,
  contact: string | undefined,
): Promise<CitizenReportView> {
  const r = await ownReport(deps, p, code, contact);
  const db = deps.database.db;
  const [view] = await presentReports(db, [r], null, deps.now());
  const { availableActions: _a, reporter: _r, ...report } = view!;
  return {
    report: { ...report, attachments: report.attachments.filter((a) => !a.hidden) },
    timeline: presentTimeline(await repo.eventsOf(db, r.id, true), false),
    canRate: ratable(r, deps.now()),
  };
}

function ratable(r: repo.ReportRow, now: Date): boolean {
  if (!['published', 'closed'].includes(r.status) || !r.publishedAt) return false;
  return now.getTime() - r.publishedAt.getTime() <= REOPEN_WINDOW_DAYS * 86400_000;
}

/**
 * The citizen rates the answer: satisfied closes the report; not satisfied (within the window) reopens
 * it for the IOC. One rating per publication.
 */
export async function rateReport(
  deps: FeedbackDeps,
  p: Principal | null,
  code: string,
  input: { contact?: string | undefined; satisfied: boolean; comment?: string | undefined },
  actor: Actor,
): Promise<CitizenReportView> {
  const r0 = await ownReport(deps, p, code, input.contact);
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const r = await repo.findReport(tx, r0.id);
    if (!r || !ratable(r, now) || r.ratedAt)
      throw new AppError('rating_not_allowed', { days: REOPEN_WINDOW_DAYS });
    const to = input.satisfied ? 'closed' : 'reopened';
    const updated = await repo.updateReportIfUnchanged(
      tx,
      r.id,
      { version: r.version, status: r.status as 'published' },
      {
        status: to,
        rating: input.satisfied ? 'satisfied' : 'unsatisfied',
        ratingComment: input.comment ?? null,
        ratedAt: now,
        ...(input.satisfied ? { closedAt: r.closedAt ?? now } : { closedAt: null }),
      },
    );
    if (!updated) throw new AppError('conflict');
    const citizenActor = { ...actor, label: actor.id ? actor.label : 'citizen' };
    await recordReportEvent(
      tx,
      { jobs: null, now: deps.now },
      updated,
      {
        action: input.satisfied ? 'rated_satisfied' : 'reopen_by_citizen',
        fromStatus: r.status,
        toStatus: to,
        isPublic: true,
        note: input.comment ?? null,
        data: { satisfied: input.satisfied },
      },
      citizenActor,
    );
  });
  return lookupReport(deps, p, r0.trackingCode, input.contact);
}

/** Published answers for the public pages (no personal data). */
export async function listPublicReports(
  deps: FeedbackDeps,
  limit: number,
  before?: string,
): Promise<{ items: PublicReportView[] }> {
  const beforeDate = before ? new Date(before) : undefined;
  if (beforeDate && Number.isNaN(beforeDate.getTime()))
    throw new AppError('validation', {}, [{ path: 'query.before', message: 'date' }]);
  const rows = await repo.publishedReports(deps.database.db, limit, beforeDate);
  const items: PublicReportView[] = [];
  for (const r of rows) items.push(await presentPublic(deps.database.db, r));
  return { items };
}

/** One published report for its public page; anything not published is "not found". */
export async function getPublicReport(deps: FeedbackDeps, code: string): Promise<PublicReportView> {
  const r = await repo.findReportByCode(deps.database.db, normalizeTrackingCode(code));
  if (!r || !['published', 'closed'].includes(r.status)) throw new AppError('not_found');
  return presentPublic(deps.database.db, r);
}
