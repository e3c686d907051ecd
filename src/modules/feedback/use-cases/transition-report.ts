import type { ReportView, TransitionRequest } from '../../../contracts/feedback.js';
import { transitionFor, type ReportAction, type ReportStatus } from '../../../contracts/report-lifecycle.js';
import type { Actor } from '../../../platform/audit/audit.js';
import type { Tx } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { agencyById, agencySubtree, authorize, type Principal } from '../../identity/index.js';
import {
  AUTO_ROUTING_SETTING,
  categoryByCode,
  deadlineFor,
  extendDeadline,
  getSetting,
} from '../../routing/index.js';
import { claimAttachments } from '../attachments/claim-attachments.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';
import { actorMayTransition, presentReports } from '../report.presenter.js';
import { recordReportEvent } from '../record-report-event.js';

type Changes = Partial<repo.ReportInsert>;

function required<T>(value: T | undefined | null, field: string): T {
  if (value === undefined || value === null || value === '') throw new AppError('field_required', { field });
  return value;
}

/** What each action changes beyond the status, with its own checks. */
async function changesFor(
  tx: Tx,
  deps: FeedbackDeps,
  p: Principal,
  r: repo.ReportRow,
  req: TransitionRequest,
  now: Date,
): Promise<{ changes: Changes; data: Record<string, unknown>; merged?: repo.ReportRow }> {
  const action: ReportAction = req.action;
  switch (action) {
    case 'accept': {
      const changes: Changes = { firstActionAt: r.firstActionAt ?? now };
      if (req.categoryCode && req.categoryCode !== r.categoryCode) {
        const category = await categoryByCode(tx, req.categoryCode);
        if (!category) throw new AppError('unknown_category');
        changes.categoryCode = category.code;
        changes.deadlineAt = await deadlineFor(tx, category.code, r.urgency, r.receivedAt);
      }
      return { changes, data: req.categoryCode ? { categoryCode: req.categoryCode } : {} };
    }
    case 'reject':
      return {
        changes: { rejectReason: required(req.reason, 'reason'), firstActionAt: r.firstActionAt ?? now },
        data: { reason: req.reason },
      };
    case 'assign':
    case 'reassign': {
      const agency = await agencyById(tx, required(req.agencyId, 'agencyId'));
      if (!agency) throw new AppError('unknown_agency');
      return {
        changes: { agencyId: agency.id, handlerId: null, firstActionAt: r.firstActionAt ?? now },
        data: { agencyId: agency.id, agencyName: agency.name, previousAgencyId: r.agencyId },
      };
    }
    case 'pass_down': {
      const agency = await agencyById(tx, required(req.agencyId, 'agencyId'));
      if (!agency || !r.agencyId) throw new AppError('unknown_agency');
      const subtree = await agencySubtree(tx, r.agencyId);
      if (agency.id === r.agencyId || !subtree.includes(agency.id)) throw new AppError('not_a_sub_unit');
      return {
        changes: { agencyId: agency.id, handlerId: null },
        data: { agencyId: agency.id, agencyName: agency.name, fromAgencyId: r.agencyId },
      };
    }
    case 'start':
      return { changes: { handlerId: p.userId, firstActionAt: r.firstActionAt ?? now }, data: {} };
    case 'return_to_ioc':
      required(req.note, 'note');
      return { changes: { handlerId: null }, data: { agencyId: r.agencyId } };
    case 'request_extension':
      required(req.note, 'note');
      return {
        changes: { extensionState: 'requested', extensionDays: required(req.extensionDays, 'extensionDays') },
        data: { days: req.extensionDays },
      };
    case 'grant_extension': {
      const base = r.extendedDeadlineAt ?? r.deadlineAt ?? now;
      const until = await extendDeadline(tx, base, r.extensionDays ?? 1);
      return {
        changes: { extensionState: 'granted', extendedDeadlineAt: until },
        data: { days: r.extensionDays, until: until.toISOString() },
      };
    }
    case 'refuse_extension':
      return { changes: { extensionState: 'refused' }, data: {} };
    case 'submit_answer': {
      const answer = required(req.answer, 'answer');
      const due = r.deadlineAt;
      const extended = r.extendedDeadlineAt;
      const timeliness =
        !due || now <= due ? 'on_time' : extended && now <= extended ? 'late_with_extension' : 'late';
      if (req.attachmentIds?.length) {
        await claimAttachments(
          tx,
          r.id,
          req.attachmentIds,
          { uploadTokens: req.uploadTokens ?? [], userId: p.userId },
          'answer',
        );
      }
      return { changes: { answer, answeredAt: now, timeliness }, data: { timeliness } };
    }
    case 'approve_answer':
      return { changes: {}, data: {} };
    case 'send_back_answer':
      required(req.note, 'note');
      return { changes: {}, data: {} };
    case 'publish':
      return { changes: { publishedAt: now, ...(req.answer ? { answer: req.answer } : {}) }, data: {} };
    case 'close':
      return { changes: { closedAt: now }, data: {} };
    case 'reopen':
    case 'reopen_by_citizen':
      required(req.note, 'note');
      return { changes: { closedAt: null, extensionState: 'none' }, data: {} };
    case 'merge': {
      const code = required(req.mergeInto, 'mergeInto');
      const target =
        (await repo.findReportByCode(tx, code.toUpperCase())) ??
        (/^[0-9a-f-]{36}$/.test(code) ? await repo.findReport(tx, code) : undefined);
      if (!target || target.id === r.id || ['merged', 'rejected'].includes(target.status))
        throw new AppError('merge_target_invalid');
      return { changes: { mergedIntoId: target.id }, data: { into: target.trackingCode }, merged: target };
    }
  }
}

/**
 * The one command that moves a report through its lifecycle: checks the transition table and the
 * person's role and agency scope, applies the change with compare-and-set on the version the person
 * saw (a stale version is a conflict, never a lost update), and records event, audit and jobs in the
 * same transaction.
 */
export async function transitionReport(
  deps: FeedbackDeps,
  p: Principal | null,
  reportId: string,
  req: TransitionRequest,
  actor: Actor,
): Promise<ReportView> {
  const principal = authorize(p, 'reports.submit');
  const now = deps.now();
  const t = transitionFor(req.action);
  const db = deps.database.db;
  const row = await db.transaction(async (tx) => {
    const r = await repo.findReport(tx, reportId);
    if (!r || !canSee(principal, r)) throw new AppError('not_found');
    if (r.version !== req.version) throw new AppError('conflict');
    if (!t.from.includes(r.status as ReportStatus) || (t.extension && t.extension !== r.extensionState)) {
      throw new AppError('illegal_transition', { action: req.action, status: r.status });
    }
    if (!actorMayTransition(principal, r, req.action)) throw new AppError('forbidden');
    const { changes, data, merged } = await changesFor(tx, deps, principal, r, req, now);
    const to = t.to === 'same' ? (r.status as ReportStatus) : t.to;
    const updated = await repo.updateReportIfUnchanged(
      tx,
      r.id,
      { version: r.version, status: r.status as ReportStatus },
      { ...changes, status: to },
    );
    if (!updated) throw new AppError('conflict');
    await recordReportEvent(
      tx,
      deps,
      updated,
      {
        action: req.action,
        fromStatus: r.status,
        toStatus: to,
        isPublic: t.public,
        note: req.note ?? null,
        data,
      },
      actor,
    );
    if (
      req.action === 'accept' &&
      updated.suggestedAgencyId &&
      (await getSetting(tx, AUTO_ROUTING_SETTING)) === 'true'
    ) {
      return autoAssign(tx, deps, updated, actor);
    }
    if (merged) {
      await recordReportEvent(
        tx,
        deps,
        merged,
        {
          action: 'merged_in',
          fromStatus: merged.status,
          toStatus: merged.status,
          isPublic: false,
          data: { from: r.trackingCode },
        },
        actor,
      );
    }
    // Everyone whose report was merged into this one hears the outcome too.
    if (req.action === 'publish') {
      for (const m of await repo.mergedInto(tx, r.id)) {
        await recordReportEvent(
          tx,
          deps,
          m,
          {
            action: 'merged_outcome',
            fromStatus: m.status,
            toStatus: m.status,
            isPublic: true,
            data: { into: r.trackingCode },
          },
          actor,
        );
      }
    }
    return updated;
  });
  const [view] = await presentReports(db, [row], principal, now);
  return view!;
}

/** With automatic routing on, an accepted report goes straight to the suggested agency (a step of its own). */
async function autoAssign(
  tx: Tx,
  deps: FeedbackDeps,
  r: repo.ReportRow,
  actor: Actor,
): Promise<repo.ReportRow> {
  const agency = await agencyById(tx, r.suggestedAgencyId!);
  if (!agency) return r;
  const assigned = await repo.updateReportIfUnchanged(
    tx,
    r.id,
    { version: r.version, status: 'accepted' },
    { status: 'assigned', agencyId: agency.id },
  );
  if (!assigned) throw new AppError('conflict');
  await recordReportEvent(
    tx,
    deps,
    assigned,
    {
      action: 'assign',
      fromStatus: 'accepted',
      toStatus: 'assigned',
      isPublic: true,
      data: { agencyId: agency.id, agencyName: agency.name, automatic: true },
    },
    actor,
  );
  return assigned;
}

/** Can this person see the report at all? (Agency staff: only their agency's subtree; citizens: their own.) */
export function canSee(p: Principal, r: repo.ReportRow): boolean {
  if (p.kind === 'citizen') return r.reporterUserId === p.userId;
  return authorizeQuiet(p, r.agencyId);
}

function authorizeQuiet(p: Principal, agencyId: string | null): boolean {
  try {
    authorize(p, 'reports.read', { agencyId });
    return true;
  } catch {
    return false;
  }
}
