import type { PublicReportView, ReportView, TimelineEntry } from '../../../contracts/feedback.js';
import { normalizeEmail, normalizePhone } from '../../../contracts/identity.js';
import { blindIndex } from '../../../platform/crypto/field-cipher.js';
import { REOPEN_WINDOW_DAYS } from '../../../contracts/report-lifecycle.js';
import type { Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, type Principal } from '../../identity/index.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';
import { presentPublic, presentReports, presentTimeline } from '../report.presenter.js';
import { withoutContacts } from '../public-text.js';
import { recordReportEvent } from '../record-report-event.js';
import { normalizeTrackingCode } from '../tracking-code.js';

function contactMatches(r: repo.ReportRow, contact: string): boolean {
  const c = contact.trim().toLowerCase();
  // Compared through the blind index: the stored contact is never decrypted for a look-up.
  if (c.includes('@')) return !!r.reporterEmailHash && r.reporterEmailHash === blindIndex(normalizeEmail(c));
  if (!/^[+\d][\d\s.-]{7,}$/.test(c)) return false;
  return !!r.reporterPhoneHash && r.reporterPhoneHash === blindIndex(normalizePhone(c));
}

/**
 * Finds the citizen's report by tracking code plus the phone or email given at submission (or the
 * signed-in reporter). A wrong pair answers "not found", exactly like an unknown code.
 */
export async function ownReport(
  deps: FeedbackDeps,
  p: Principal | null,
  code: string,
  contact: string | undefined,
) {
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
  const [view] = await citizenViews(deps, [r]);
  return view!;
}

/** What a reporter sees of their reports: no staff actions, no contact data, hidden attachments left out. */
async function citizenViews(deps: FeedbackDeps, rows: repo.ReportRow[]): Promise<CitizenReportView[]> {
  const db = deps.database.db;
  const views = await presentReports(db, rows, null, deps.now());
  const out: CitizenReportView[] = [];
  for (const [i, view] of views.entries()) {
    const r = rows[i]!;
    const { availableActions: _a, reporter: _r, ...report } = view;
    out.push({
      report: { ...report, attachments: report.attachments.filter((a) => !a.hidden) },
      timeline: presentTimeline(await repo.eventsOf(db, r.id, true), false),
      canRate: ratable(r, deps.now()),
    });
  }
  return out;
}

/** A signed-in citizen's own reports, newest first, each with its public timeline and whether it can be rated. */
export async function myReports(
  deps: FeedbackDeps,
  p: Principal | null,
  limit: number,
): Promise<{ items: CitizenReportView[] }> {
  const principal = authorize(p, 'reports.submit');
  const rows = await repo.queryQueue(deps.database.db, {
    reporterUserId: principal.userId,
    now: deps.now(),
    limit,
  });
  return { items: await citizenViews(deps, rows) };
}

/**
 * Several look-ups at once, for the reports a phone has sent (each code with the contact given then).
 * A pair that does not match says only "not found", like an unknown code.
 */
export async function lookupMany(
  deps: FeedbackDeps,
  p: Principal | null,
  pairs: { code: string; contact?: string | undefined }[],
): Promise<{
  items: ({ code: string; found: true; view: CitizenReportView } | { code: string; found: false })[];
}> {
  const items = [];
  for (const pair of pairs) {
    try {
      items.push({
        code: pair.code,
        found: true as const,
        view: await lookupReport(deps, p, pair.code, pair.contact),
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      items.push({ code: pair.code, found: false as const });
    }
  }
  return { items };
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

export interface PublicListFilter {
  before?: string | undefined;
  category?: string | undefined;
  unit?: string | undefined;
  /** Published on or after this day (YYYY-MM-DD, Vietnam time). */
  from?: string | undefined;
  /** Published on or before this day (YYYY-MM-DD, Vietnam time). */
  to?: string | undefined;
  q?: string | undefined;
}

function parseDate(value: string | undefined, path: string, endOfDay = false): Date | undefined {
  if (!value) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(day ? `${value}T00:00:00+07:00` : value);
  if (Number.isNaN(date.getTime())) throw new AppError('validation', {}, [{ path, message: 'date' }]);
  return day && endOfDay ? new Date(date.getTime() + 86400_000) : date;
}

/** Published answers for the public pages (no personal data), filtered by category, area, period and words. */
export async function listPublicReports(
  deps: FeedbackDeps,
  limit: number,
  filter: PublicListFilter = {},
): Promise<{ items: PublicReportView[] }> {
  const rows = await repo.publishedReports(deps.database.db, {
    limit,
    before: parseDate(filter.before, 'query.before'),
    category: filter.category || undefined,
    unit: filter.unit || undefined,
    from: parseDate(filter.from, 'query.from'),
    to: parseDate(filter.to, 'query.to', true),
    q: withoutContacts(filter.q ?? '') || undefined,
  });
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
