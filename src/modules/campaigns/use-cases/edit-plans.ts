import type {
  PlanFields,
  TargetsRequest,
  TaskRequest,
  UpdatePlanRequest,
} from '../../../contracts/campaigns.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { allUnits, authorize, type Principal } from '../../identity/index.js';
import { resolveAssignees } from '../aggregate.js';
import type { CampaignsDeps } from '../campaigns-deps.js';
import * as repo from '../campaigns.repository.js';
import { quarterKey, quarterLabel, quartersBetween } from '../quarters.js';
import { loadPlanContext } from './plan-context.js';

/**
 * The Department edits plans, tasks, measures and targets. Each command: `campaigns.manage`, one
 * transaction, compare-and-set on the plan's version (any change to the plan, its tasks or its targets
 * moves it), an audit row. Edits that would leave reported figures without their measure, agency or
 * quarter are refused with a clear error, never applied silently.
 */

function checkDates(f: PlanFields) {
  if (f.endsOn < f.startsOn) throw new AppError('campaign_plan_dates');
}

async function numberFree(db: Executor, number: string, except?: string) {
  const other = await repo.findPlanByNumber(db, number);
  if (other && other.id !== except) throw new AppError('campaign_plan_number_taken', { number });
}

/** Moves the plan's version (compare-and-set) or answers 409. */
async function bump(tx: Executor, planId: string, version: number, values: Partial<repo.PlanRow> = {}) {
  const row = await repo.updatePlanIfVersion(tx, planId, version, values);
  if (!row) throw new AppError('conflict');
  return row;
}

export async function createPlan(deps: CampaignsDeps, p: Principal | null, body: PlanFields, actor: Actor) {
  authorize(p, 'campaigns.manage');
  checkDates(body);
  const db = deps.database.db;
  return db.transaction(async (tx) => {
    await numberFree(tx, body.number);
    const plan = await repo.insertPlan(tx, { ...body, issuedOn: body.issuedOn ?? null });
    await appendAudit(tx, actor, {
      action: 'campaign_plan.create',
      entityType: 'campaign_plan',
      entityId: plan.id,
      summary: { number: plan.number },
    });
    return { id: plan.id, version: plan.version };
  });
}

export async function updatePlan(
  deps: CampaignsDeps,
  p: Principal | null,
  planId: string,
  body: UpdatePlanRequest,
  actor: Actor,
) {
  authorize(p, 'campaigns.manage');
  checkDates(body);
  const db = deps.database.db;
  return db.transaction(async (tx) => {
    const before = await repo.findPlan(tx, planId);
    if (!before) throw new AppError('not_found');
    await numberFree(tx, body.number, planId);
    // Reports already made must stay inside the plan's period.
    const keep = new Set(quartersBetween(body.startsOn, body.endsOn).map(quarterKey));
    for (const r of await repo.reportsOfPlan(tx, planId)) {
      const q = { year: r.year, quarter: r.quarter };
      if (!keep.has(quarterKey(q))) {
        throw new AppError('campaign_edit_orphans_reports', { quarter: quarterLabel(q) });
      }
    }
    const { version, ...fields } = body;
    const plan = await bump(tx, planId, version, { ...fields, issuedOn: fields.issuedOn ?? null });
    const changed = Object.keys(fields).filter(
      (k) => String(before[k as keyof repo.PlanRow] ?? '') !== String(plan[k as keyof repo.PlanRow] ?? ''),
    );
    await appendAudit(tx, actor, {
      action: 'campaign_plan.update',
      entityType: 'campaign_plan',
      entityId: planId,
      summary: { changed },
    });
    return { id: plan.id, version: plan.version };
  });
}

/**
 * Adds a task (no taskId) or replaces one: its text, assignees, materials and measures (matched by code:
 * new codes are added, missing ones removed). Refused: removing a measure with reported figures, or
 * changing the assignees so that an agency that reported figures for the task no longer has it.
 */
export async function saveTask(
  deps: CampaignsDeps,
  p: Principal | null,
  planId: string,
  taskId: string | null,
  body: TaskRequest,
  actor: Actor,
) {
  authorize(p, 'campaigns.manage');
  if ((body.assigneeGroup === 'agency') !== !!body.assigneeAgencyId) {
    throw new AppError('campaign_assignee_agency');
  }
  const codes = body.measures.map((m) => m.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw new AppError('campaign_measure_code_taken', { code: dup });
  const db = deps.database.db;
  return db.transaction(async (tx) => {
    const ctx = await loadPlanContext(tx, planId);
    const existing = taskId ? ctx.tasks.find((t) => t.id === taskId) : undefined;
    if (taskId && !existing) throw new AppError('not_found');
    if (body.assigneeAgencyId && !ctx.agencies.some((a) => a.id === body.assigneeAgencyId)) {
      throw new AppError('unknown_agency');
    }
    const others = ctx.measures.filter((m) => m.taskId !== taskId);
    const taken = others.find((m) => codes.includes(m.code));
    if (taken) throw new AppError('campaign_measure_code_taken', { code: taken.code });

    const current = ctx.measures.filter((m) => m.taskId === taskId);
    const removed = current.filter((m) => !codes.includes(m.code));
    const use = await repo.figureUse(
      tx,
      current.map((m) => m.id),
    );
    for (const m of removed) {
      const count = use.filter((u) => u.measureId === m.id).length;
      if (count > 0) throw new AppError('campaign_measure_has_figures', { measure: m.name, count });
    }
    if (existing) {
      const assignees = new Set(
        resolveAssignees(
          { assigneeGroup: body.assigneeGroup, assigneeAgencyId: body.assigneeAgencyId ?? null },
          ctx.agencies,
        ).map((a) => a.id),
      );
      const lost = use.find((u) => !assignees.has(u.agencyId));
      if (lost) {
        const name = ctx.agencies.find((a) => a.id === lost.agencyId)?.name ?? lost.agencyId;
        throw new AppError('campaign_edit_orphans_figures', { agency: name });
      }
    }

    const plan = await bump(tx, planId, body.version);
    const values = {
      title: body.title,
      description: body.description,
      assigneeGroup: body.assigneeGroup,
      assigneeAgencyId: body.assigneeAgencyId ?? null,
      materials: body.materials,
    };
    let id = taskId;
    if (existing) {
      await repo.updateTask(tx, existing.id, values);
    } else {
      const position = Math.max(0, ...ctx.tasks.map((t) => t.position)) + 1;
      id = (await repo.insertTask(tx, { planId, position, ...values })).id;
    }
    await repo.deleteMeasures(
      tx,
      removed.map((m) => m.id),
    );
    const added: string[] = [];
    for (const [i, m] of body.measures.entries()) {
      const fields = {
        position: i + 1,
        name: m.name,
        unit: m.unit,
        aggregation: m.aggregation,
        minimum: m.minimum ?? null,
        communitySource: m.communitySource ?? null,
      };
      const same = current.find((c) => c.code === m.code);
      if (same) await repo.updateMeasure(tx, same.id, fields);
      else {
        await repo.insertMeasures(tx, [{ planId, taskId: id!, code: m.code, ...fields }]);
        added.push(m.code);
      }
    }
    await appendAudit(tx, actor, {
      action: existing ? 'campaign_plan.task_update' : 'campaign_plan.task_add',
      entityType: 'campaign_plan',
      entityId: planId,
      summary: { taskId: id, added, removed: removed.map((m) => m.code) },
    });
    return { id: id!, version: plan.version };
  });
}

/** Removes a task and its measures; refused when any of its measures has reported figures. */
export async function removeTask(
  deps: CampaignsDeps,
  p: Principal | null,
  planId: string,
  taskId: string,
  version: number,
  actor: Actor,
) {
  authorize(p, 'campaigns.manage');
  const db = deps.database.db;
  return db.transaction(async (tx) => {
    const ctx = await loadPlanContext(tx, planId);
    const task = ctx.tasks.find((t) => t.id === taskId);
    if (!task) throw new AppError('not_found');
    const measures = ctx.measures.filter((m) => m.taskId === taskId);
    const use = await repo.figureUse(
      tx,
      measures.map((m) => m.id),
    );
    if (use.length) {
      const m = measures.find((x) => x.id === use[0]!.measureId)!;
      const count = use.filter((u) => u.measureId === m.id).length;
      throw new AppError('campaign_measure_has_figures', { measure: m.name, count });
    }
    const plan = await bump(tx, planId, version);
    await repo.deleteTask(tx, taskId);
    await appendAudit(tx, actor, {
      action: 'campaign_plan.task_remove',
      entityType: 'campaign_plan',
      entityId: planId,
      summary: { taskId, title: task.title, measures: measures.map((m) => m.code) },
    });
    return { version: plan.version };
  });
}

/** Replaces the plan's targets (per district: a measure reaching a share of a base by a date). */
export async function saveTargets(
  deps: CampaignsDeps,
  p: Principal | null,
  planId: string,
  body: TargetsRequest,
  actor: Actor,
) {
  authorize(p, 'campaigns.manage');
  const db = deps.database.db;
  const units = new Map((await allUnits(db)).map((u) => [u.code, u]));
  return db.transaction(async (tx) => {
    const ctx = await loadPlanContext(tx, planId);
    const codes = new Set(ctx.measures.map((m) => m.code));
    const seen = new Set<string>();
    for (const t of body.targets) {
      if (!codes.has(t.measureCode)) {
        throw new AppError('campaign_target_invalid', { reason: `chỉ tiêu “${t.measureCode}” không có` });
      }
      const unit = units.get(t.unitCode);
      if (!unit || unit.level !== 2) {
        throw new AppError('campaign_target_invalid', { reason: `“${t.unitCode}” không phải cấp huyện` });
      }
      const key = `${t.measureCode}:${t.unitCode}`;
      if (seen.has(key)) throw new AppError('campaign_target_invalid', { reason: `trùng ${key}` });
      seen.add(key);
    }
    const plan = await bump(tx, planId, body.version);
    await repo.replaceTargets(
      tx,
      planId,
      body.targets.map((t) => ({ planId, ...t })),
    );
    await appendAudit(tx, actor, {
      action: 'campaign_plan.targets',
      entityType: 'campaign_plan',
      entityId: planId,
      summary: { count: body.targets.length },
    });
    return { version: plan.version };
  });
}
