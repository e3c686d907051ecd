import type { z } from 'zod';
import type {
  bulkAssignRequest,
  publicTextRequest,
  ReportView,
  triageRequest,
} from '../../../contracts/feedback.js';
import type { Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, unitByCode, type Principal } from '../../identity/index.js';
import { categoryByCode, deadlineFor, suggestAgency } from '../../routing/index.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';
import { presentReports } from '../report.presenter.js';
import { recordReportEvent } from '../record-report-event.js';
import { canSee, transitionReport } from './transition-report.js';

const TRIAGE_STATUSES = ['received', 'accepted', 'returned', 'reopened'];

/**
 * The IOC corrects a report before routing: category after triage (the citizen's choice is kept),
 * urgency class and administrative unit; the deadline and the routing suggestion follow.
 */
export async function triageReport(
  deps: FeedbackDeps,
  p: Principal | null,
  id: string,
  input: z.infer<typeof triageRequest>,
  actor: Actor,
): Promise<ReportView> {
  const principal = authorize(p, 'reports.triage');
  const db = deps.database.db;
  const row = await db.transaction(async (tx) => {
    const r = await repo.findReport(tx, id);
    if (!r) throw new AppError('not_found');
    if (r.version !== input.version) throw new AppError('conflict');
    if (!TRIAGE_STATUSES.includes(r.status))
      throw new AppError('illegal_transition', { action: 'triage', status: r.status });
    const categoryCode = input.categoryCode ?? r.categoryCode;
    if (input.categoryCode && !(await categoryByCode(tx, input.categoryCode)))
      throw new AppError('unknown_category');
    if (input.unitCode && !(await unitByCode(tx, input.unitCode))) throw new AppError('unknown_unit');
    const urgency = input.urgency ?? r.urgency;
    const unitCode = input.unitCode ?? r.unitCode;
    const suggestion = await suggestAgency(tx, categoryCode, unitCode);
    const updated = await repo.updateReportIfUnchanged(
      tx,
      r.id,
      { version: r.version, status: r.status as never },
      {
        categoryCode,
        urgency,
        unitCode,
        deadlineAt: await deadlineFor(tx, categoryCode, urgency, r.receivedAt),
        suggestedAgencyId: suggestion?.id ?? null,
      },
    );
    if (!updated) throw new AppError('conflict');
    await recordReportEvent(
      tx,
      deps,
      updated,
      {
        action: 'triaged',
        fromStatus: r.status,
        toStatus: r.status,
        isPublic: false,
        data: { categoryCode, urgency, unitCode },
      },
      actor,
    );
    return updated;
  });
  const [view] = await presentReports(db, [row], principal, deps.now());
  return view!;
}

/**
 * The IOC edits what the public sees of a report's title and text (FixMyStreet's moderation): a third
 * person's name, an accusation or an insult taken out before or after the answer is published. The text as
 * sent stays for staff and the reporter; an edit equal to it (or null) restores it. Phone numbers, e-mails
 * and ID numbers are masked on public pages anyway (`public-text.ts`). Compare-and-set on the version; an
 * internal timeline event with the reason (and its audit row) in the same transaction; the public pages'
 * caches drop the old text on commit.
 */
export async function setPublicText(
  deps: FeedbackDeps,
  p: Principal | null,
  id: string,
  input: z.infer<typeof publicTextRequest>,
  actor: Actor,
): Promise<ReportView> {
  const principal = authorize(p, 'reports.triage');
  const db = deps.database.db;
  const row = await db.transaction(async (tx) => {
    const r = await repo.findReport(tx, id);
    if (!r) throw new AppError('not_found');
    if (r.version !== input.version) throw new AppError('conflict');
    const publicTitle = input.title === null || input.title === r.title ? null : input.title;
    const publicBody = input.body === null || input.body === r.body ? null : input.body;
    const updated = await repo.updateReportIfUnchanged(
      tx,
      r.id,
      { version: r.version, status: r.status as never },
      { publicTitle, publicBody },
    );
    if (!updated) throw new AppError('conflict');
    await recordReportEvent(
      tx,
      deps,
      updated,
      {
        action: 'public_text_edited',
        fromStatus: r.status,
        toStatus: r.status,
        isPublic: false,
        note: input.reason,
        data: { titleEdited: publicTitle !== null, bodyEdited: publicBody !== null },
      },
      actor,
    );
    return updated;
  });
  const [view] = await presentReports(db, [row], principal, deps.now());
  return view!;
}

/** An internal note on a report, visible to staff who can see it, never to the citizen. */
export async function addNote(
  deps: FeedbackDeps,
  p: Principal | null,
  id: string,
  text: string,
  actor: Actor,
) {
  const principal = authorize(p, 'reports.read');
  return deps.database.db.transaction(async (tx) => {
    const r = await repo.findReport(tx, id);
    if (!r || !canSee(principal, r)) throw new AppError('not_found');
    const note = await repo.insertNote(tx, {
      reportId: r.id,
      authorId: principal.userId,
      authorLabel: principal.label,
      text,
    });
    await recordReportEvent(
      tx,
      deps,
      r,
      {
        action: 'note',
        fromStatus: r.status,
        toStatus: r.status,
        isPublic: false,
        data: { noteId: note.id },
      },
      actor,
    );
    return {
      id: note.id,
      authorLabel: note.authorLabel,
      text: note.text,
      createdAt: note.createdAt.toISOString(),
    };
  });
}

/** Assigns many reports to one agency; each is its own transition, so one conflict does not undo the others. */
export async function bulkAssign(
  deps: FeedbackDeps,
  p: Principal | null,
  input: z.infer<typeof bulkAssignRequest>,
  actor: Actor,
) {
  authorize(p, 'reports.triage');
  const results: { id: string; ok: boolean; code?: string; report?: ReportView }[] = [];
  for (const item of input.items) {
    const r = await repo.findReport(deps.database.db, item.id);
    const action = r && ['assigned', 'in_progress'].includes(r.status) ? 'reassign' : 'assign';
    try {
      const report = await transitionReport(
        deps,
        p,
        item.id,
        { action, version: item.version, agencyId: input.agencyId, note: input.note },
        actor,
      );
      results.push({ id: item.id, ok: true, report });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id: item.id, ok: false, code: err.code });
    }
  }
  return { results };
}
