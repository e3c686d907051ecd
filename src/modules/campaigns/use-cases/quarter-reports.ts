import type { QuarterQuery, ReviewRequest, SaveReportRequest } from '../../../contracts/campaigns.js';
import { REPORT_STATUS_LABELS } from '../../../contracts/campaigns.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, can, type AgencyRef, type Principal } from '../../identity/index.js';
import type { CampaignsDeps } from '../campaigns-deps.js';
import * as repo from '../campaigns.repository.js';
import {
  dueDate,
  isLate,
  quarterLabel,
  quarterPhase,
  vnDate,
  type QuarterPhase,
  type QuarterRef,
} from '../quarters.js';
import {
  isDepartment,
  loadPlanContext,
  ownAgencyId,
  tasksFor,
  visibleAgencyIds,
  type PlanContext,
} from './plan-context.js';

export type ReportAction = 'save' | 'submit' | 'accept' | 'request_correction';

export interface ReportView {
  id: string | null;
  planId: string;
  planNumber: string;
  agencyId: string;
  agencyName: string;
  year: number;
  quarter: number;
  quarterLabel: string;
  status: string;
  statusLabel: string;
  version: number;
  narrative: string;
  dueOn: string;
  phase: QuarterPhase;
  late: boolean;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  tasks: {
    id: string;
    title: string;
    description: string;
    materials: { title: string; url: string }[];
    measures: {
      code: string;
      name: string;
      unit: string;
      minimum: number | null;
      value: number | null;
    }[];
  }[];
  events: { action: string; toStatus: string; actorLabel: string; comment: string | null; at: string }[];
  files: { id: string; fileName: string; mime: string; size: number }[];
  availableActions: ReportAction[];
}

const EDITABLE = ['draft', 'correction_requested'];

function agencyOf(ctx: PlanContext, agencyId: string): AgencyRef {
  const agency = ctx.agencies.find((a) => a.id === agencyId);
  if (!agency) throw new AppError('unknown_agency');
  return agency;
}

/** The agency a request is about: the one asked for (if the person may act for it) or the person's own. */
function resolveAgency(p: Principal, requested: string | undefined): string {
  const id = requested ?? ownAgencyId(p);
  if (!id) throw new AppError('campaign_choose_agency');
  if (!can(p, 'campaigns.report', { agencyId: id })) throw new AppError('forbidden');
  return id;
}

function mayAct(
  p: Principal,
  ctx: PlanContext,
  r: { status: string; agencyId: string },
  phase: QuarterPhase,
) {
  const actions: ReportAction[] = [];
  const open = phase !== 'closed' && phase !== 'not_started';
  if (open && EDITABLE.includes(r.status) && can(p, 'campaigns.report', { agencyId: r.agencyId })) {
    actions.push('save', 'submit');
  }
  if (r.status === 'submitted' && can(p, 'campaigns.manage')) actions.push('accept', 'request_correction');
  void ctx;
  return actions;
}

export async function presentReport(
  db: Executor,
  p: Principal,
  ctx: PlanContext,
  agencyId: string,
  q: QuarterRef,
  row: repo.ReportRow | undefined,
  today: string,
): Promise<ReportView> {
  const agency = agencyOf(ctx, agencyId);
  const phase = quarterPhase(q, ctx.rules, today);
  const values = row ? ((await repo.figuresOf(db, [row.id])).get(row.id) ?? new Map()) : new Map();
  const events = row ? await repo.reportEvents(db, row.id) : [];
  const files = row ? await repo.reportFiles(db, row.id) : [];
  const status = row?.status ?? 'draft';
  const label = REPORT_STATUS_LABELS[(row ? status : 'not_started') as keyof typeof REPORT_STATUS_LABELS];
  return {
    id: row?.id ?? null,
    planId: ctx.plan.id,
    planNumber: ctx.plan.number,
    agencyId,
    agencyName: agency.name,
    year: q.year,
    quarter: q.quarter,
    quarterLabel: quarterLabel(q),
    status: row ? status : 'not_started',
    statusLabel: label.vi,
    version: row?.version ?? 0,
    narrative: row?.narrative ?? '',
    dueOn: row?.dueOn ?? dueDate(q, ctx.rules),
    phase,
    late: row?.late === 'yes',
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    reviewedAt: row?.reviewedAt?.toISOString() ?? null,
    reviewComment: row?.reviewComment ?? null,
    tasks: tasksFor(ctx, agency).map(({ task, measures }) => ({
      id: task.id,
      title: task.title,
      description: task.description,
      materials: task.materials,
      measures: measures.map((m) => ({
        code: m.code,
        name: m.name,
        unit: m.unit,
        minimum: m.minimum,
        value: values.has(m.id) ? values.get(m.id)! : null,
      })),
    })),
    events: events.map((e) => ({
      action: e.action,
      toStatus: e.toStatus,
      actorLabel: e.actorLabel,
      comment: e.comment,
      at: e.at.toISOString(),
    })),
    files: files.map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: f.size })),
    availableActions: mayAct(p, ctx, { status, agencyId }, phase),
  };
}

/** The report form of an agency for a quarter: tasks, measures, figures so far, status and history. */
export async function getQuarterReport(
  deps: CampaignsDeps,
  p: Principal | null,
  planId: string,
  query: QuarterQuery,
): Promise<ReportView> {
  const principal = authorize(p, 'campaigns.report');
  const db = deps.database.db;
  const ctx = await loadPlanContext(db, planId);
  const agencyId = resolveAgency(principal, query.agencyId);
  if (!ctx.expected.some((a) => a.id === agencyId)) throw new AppError('campaign_not_assigned');
  const row = await repo.findReportFor(db, planId, agencyId, query.year, query.quarter);
  return presentReport(db, principal, ctx, agencyId, query, row, vnDate(deps.now()));
}

export async function getReportById(
  deps: CampaignsDeps,
  p: Principal | null,
  id: string,
): Promise<ReportView> {
  const principal = authorize(p, 'campaigns.report');
  const db = deps.database.db;
  const row = await repo.findReport(db, id);
  if (!row || !can(principal, 'campaigns.report', { agencyId: row.agencyId }))
    throw new AppError('not_found');
  const ctx = await loadPlanContext(db, row.planId);
  return presentReport(db, principal, ctx, row.agencyId, row, row, vnDate(deps.now()));
}

function checkFigures(ctx: PlanContext, agency: AgencyRef, figures: Record<string, number>) {
  const allowed = new Map(tasksFor(ctx, agency).flatMap(({ measures }) => measures.map((m) => [m.code, m])));
  const out: { measureId: string; value: number }[] = [];
  for (const [code, value] of Object.entries(figures)) {
    const m = allowed.get(code);
    if (!m) throw new AppError('campaign_unknown_measure', { code });
    // A figure counted against a base (installs against smartphone users) cannot exceed the base.
    const target = ctx.targets.find((t) => t.measureCode === code && t.unitCode === agency.unitCode);
    if (target && value > target.baseValue) {
      throw new AppError('campaign_figure_impossible', {
        measure: m.name,
        value,
        base: target.baseLabel,
        baseValue: target.baseValue,
      });
    }
    out.push({ measureId: m.id, value });
  }
  return out;
}

function assertOpen(ctx: PlanContext, q: QuarterRef, today: string) {
  const phase = quarterPhase(q, ctx.rules, today);
  if (phase === 'closed' || phase === 'not_started' || ctx.plan.status !== 'active') {
    throw new AppError('campaign_quarter_not_open', { quarter: quarterLabel(q) });
  }
}

/**
 * Saves a draft (creating the report on first save): figures per measure of the agency's tasks and the
 * narrative. Only a draft or a report sent back for correction can change; compare-and-set on version.
 */
export async function saveQuarterReport(
  deps: CampaignsDeps,
  p: Principal | null,
  planId: string,
  body: SaveReportRequest,
  actor: Actor,
): Promise<ReportView> {
  const principal = authorize(p, 'campaigns.report');
  const db = deps.database.db;
  const now = deps.now();
  const today = vnDate(now);
  const ctx = await loadPlanContext(db, planId);
  const agencyId = resolveAgency(principal, body.agencyId);
  if (!ctx.expected.some((a) => a.id === agencyId)) throw new AppError('campaign_not_assigned');
  const agency = agencyOf(ctx, agencyId);
  const q = { year: body.year, quarter: body.quarter };
  assertOpen(ctx, q, today);
  const figures = checkFigures(ctx, agency, body.figures);
  const row = await db.transaction(async (tx) => {
    const existing = await repo.findReportFor(tx, planId, agencyId, q.year, q.quarter);
    let saved: repo.ReportRow | undefined;
    if (!existing) {
      if (body.version !== 0) throw new AppError('conflict');
      saved = await repo.insertReport(tx, {
        planId,
        agencyId,
        year: q.year,
        quarter: q.quarter,
        narrative: body.narrative,
        dueOn: dueDate(q, ctx.rules),
        createdBy: principal.userId,
      });
      if (!saved) throw new AppError('conflict');
    } else {
      if (existing.version !== body.version) throw new AppError('conflict');
      if (!EDITABLE.includes(existing.status)) {
        throw new AppError('campaign_report_not_editable', { status: statusVi(existing.status) });
      }
      saved = await repo.updateReportIfVersion(tx, existing.id, existing.version, {
        narrative: body.narrative,
      });
      if (!saved) throw new AppError('conflict');
    }
    await repo.replaceFigures(tx, saved.id, figures);
    await repo.insertEvent(tx, {
      reportId: saved.id,
      action: 'save',
      fromStatus: existing?.status ?? null,
      toStatus: saved.status,
      actorId: principal.userId,
      actorLabel: principal.label,
    });
    await appendAudit(tx, actor, {
      action: 'campaign_report.save',
      entityType: 'campaign_report',
      entityId: saved.id,
      summary: { planId, agencyId, year: q.year, quarter: q.quarter, figures: body.figures },
    });
    return saved;
  });
  return presentReport(db, principal, ctx, agencyId, q, row, today);
}

function statusVi(status: string): string {
  return REPORT_STATUS_LABELS[status as keyof typeof REPORT_STATUS_LABELS]?.vi ?? status;
}

/** Sends the report to the Department (first time or after a correction); lateness fixed at first sending. */
export async function submitQuarterReport(
  deps: CampaignsDeps,
  p: Principal | null,
  reportId: string,
  version: number,
  actor: Actor,
): Promise<ReportView> {
  const principal = authorize(p, 'campaigns.report');
  const db = deps.database.db;
  const now = deps.now();
  const today = vnDate(now);
  const current = await repo.findReport(db, reportId);
  if (!current || !can(principal, 'campaigns.report', { agencyId: current.agencyId })) {
    throw new AppError('not_found');
  }
  const ctx = await loadPlanContext(db, current.planId);
  assertOpen(ctx, current, today);
  const row = await db.transaction(async (tx) => {
    const r = await repo.findReport(tx, reportId);
    if (!r) throw new AppError('not_found');
    if (r.version !== version) throw new AppError('conflict');
    if (!EDITABLE.includes(r.status)) {
      throw new AppError('campaign_report_not_editable', { status: statusVi(r.status) });
    }
    const first = r.submittedAt === null;
    const updated = await repo.updateReportIfVersion(tx, r.id, r.version, {
      status: 'submitted',
      submittedAt: now,
      ...(first ? { late: isLate(r, ctx.rules, today) ? 'yes' : 'no' } : {}),
    });
    if (!updated) throw new AppError('conflict');
    const action = first ? 'submit' : 'resubmit';
    await repo.insertEvent(tx, {
      reportId: r.id,
      action,
      fromStatus: r.status,
      toStatus: 'submitted',
      actorId: principal.userId,
      actorLabel: principal.label,
    });
    await appendAudit(tx, actor, {
      action: `campaign_report.${action}`,
      entityType: 'campaign_report',
      entityId: r.id,
      summary: { agencyId: r.agencyId, year: r.year, quarter: r.quarter, late: updated.late },
    });
    return updated;
  });
  return presentReport(db, principal, ctx, row.agencyId, row, row, today);
}

/** The Department accepts a submitted report or sends it back with what to correct. */
export async function reviewQuarterReport(
  deps: CampaignsDeps,
  p: Principal | null,
  reportId: string,
  body: ReviewRequest,
  actor: Actor,
): Promise<ReportView> {
  const principal = authorize(p, 'campaigns.manage');
  const db = deps.database.db;
  const now = deps.now();
  if (body.decision === 'request_correction' && !body.comment)
    throw new AppError('campaign_comment_required');
  const row = await db.transaction(async (tx) => {
    const r = await repo.findReport(tx, reportId);
    if (!r) throw new AppError('not_found');
    if (r.version !== body.version) throw new AppError('conflict');
    if (r.status !== 'submitted') {
      throw new AppError('illegal_transition', { action: body.decision, status: r.status });
    }
    const to = body.decision === 'accept' ? 'accepted' : 'correction_requested';
    const updated = await repo.updateReportIfVersion(tx, r.id, r.version, {
      status: to,
      reviewedAt: now,
      reviewedBy: principal.userId,
      reviewComment: body.comment ?? null,
    });
    if (!updated) throw new AppError('conflict');
    await repo.insertEvent(tx, {
      reportId: r.id,
      action: body.decision,
      fromStatus: r.status,
      toStatus: to,
      actorId: principal.userId,
      actorLabel: principal.label,
      comment: body.comment ?? null,
    });
    await appendAudit(tx, actor, {
      action: `campaign_report.${body.decision}`,
      entityType: 'campaign_report',
      entityId: r.id,
      summary: { agencyId: r.agencyId, year: r.year, quarter: r.quarter },
    });
    return updated;
  });
  const ctx = await loadPlanContext(db, row.planId);
  return presentReport(db, principal, ctx, row.agencyId, row, row, vnDate(now));
}

/** Reports of a quarter a person may see: every expected agency for the Department, else their own. */
export async function listQuarterReports(
  deps: CampaignsDeps,
  p: Principal | null,
  planId: string,
  q: QuarterRef,
) {
  const principal = authorize(p, 'campaigns.report');
  const db = deps.database.db;
  const ctx = await loadPlanContext(db, planId);
  const visible = visibleAgencyIds(principal);
  const expected = ctx.expected.filter((a) => !visible || visible.has(a.id));
  const rows = await repo.reportsOfQuarter(db, planId, q.year, q.quarter, visible ? [...visible] : undefined);
  const byAgency = new Map(rows.map((r) => [r.agencyId, r]));
  const today = vnDate(deps.now());
  const phase = quarterPhase(q, ctx.rules, today);
  const overdue = phase === 'overdue' || phase === 'closed';
  return {
    quarterLabel: quarterLabel(q),
    dueOn: dueDate(q, ctx.rules),
    phase,
    department: isDepartment(principal),
    items: expected
      .map((a) => {
        const r = byAgency.get(a.id);
        const pending = !r || r.status === 'draft';
        const status = r ? r.status : overdue ? 'missing' : 'not_started';
        return {
          reportId: r?.id ?? null,
          agencyId: a.id,
          agencyName: a.name,
          kind: a.kind,
          status: pending && overdue ? 'missing' : status,
          draft: r?.status === 'draft',
          statusLabel: statusVi(pending && overdue ? 'missing' : status),
          late: r?.late === 'yes' || (pending && overdue),
          submittedAt: r?.submittedAt?.toISOString() ?? null,
          version: r?.version ?? 0,
        };
      })
      .sort((x, y) => x.agencyName.localeCompare(y.agencyName, 'vi')),
  };
}
