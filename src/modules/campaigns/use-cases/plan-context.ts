import { AppError } from '../../../platform/http/problem.js';
import type { Executor } from '../../../platform/db/database.js';
import { allActiveAgencies, hasRole, type AgencyRef, type Principal } from '../../identity/index.js';
import { reportingAgencies, taskApplies } from '../aggregate.js';
import * as repo from '../campaigns.repository.js';
import type { DueRules } from '../quarters.js';

/** A plan with everything needed to answer questions about it, read once. */
export interface PlanContext {
  plan: repo.PlanRow;
  tasks: repo.TaskRow[];
  measures: repo.MeasureRow[];
  targets: repo.TargetRow[];
  agencies: AgencyRef[];
  /** Agencies with at least one task. */
  expected: AgencyRef[];
  rules: DueRules;
}

export async function loadPlanContext(db: Executor, planId: string): Promise<PlanContext> {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw new AppError('not_found');
  // One after the other: `db` may be a transaction's single connection (plan editing), where concurrent
  // queries are not allowed by node-postgres.
  const tasks = await repo.planTasks(db, planId);
  const measures = await repo.planMeasures(db, planId);
  const targets = await repo.planTargets(db, planId);
  const agencies = await allActiveAgencies(db);
  return {
    plan,
    tasks,
    measures,
    targets,
    agencies,
    expected: reportingAgencies(tasks, agencies),
    rules: {
      dueDay: plan.dueDay,
      remindDaysBefore: plan.remindDaysBefore,
      closeAfterDays: plan.closeAfterDays,
    },
  };
}

/** Tasks (with their measures) a given agency must carry out and report on. */
export function tasksFor(ctx: PlanContext, agency: AgencyRef) {
  return ctx.tasks
    .filter((t) => taskApplies(t, agency))
    .map((t) => ({ task: t, measures: ctx.measures.filter((m) => m.taskId === t.id) }));
}

/** The agency a person reports for by default: the agency of their first agency role. */
export function ownAgencyId(p: Principal): string | null {
  const grant = p.grants.find((g) => (g.role === 'agency_lead' || g.role === 'agency_handler') && g.agencyId);
  return grant?.agencyId ?? null;
}

export function isDepartment(p: Principal): boolean {
  return hasRole(p, 'department_staff');
}

/** The agencies whose campaign reports a person may see: all for the Department, else their own subtree. */
export function visibleAgencyIds(p: Principal): Set<string> | null {
  if (isDepartment(p)) return null;
  const out = new Set<string>();
  for (const role of ['agency_lead', 'agency_handler'] as const) {
    for (const id of p.scopes.get(role) ?? []) out.add(id);
  }
  return out;
}
