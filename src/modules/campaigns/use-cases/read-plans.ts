import { authorize, type Principal } from '../../identity/index.js';
import { GROUP_KINDS, resolveAssignees } from '../aggregate.js';
import type { CampaignsDeps } from '../campaigns-deps.js';
import * as repo from '../campaigns.repository.js';
import { quartersBetween, quarterLabel, quarterOf, vnDate, quarterKey } from '../quarters.js';
import { loadPlanContext } from './plan-context.js';

export const GROUP_LABELS: Record<string, string> = {
  all_recipients: 'Các cơ quan, đơn vị, địa phương',
  departments: 'Các sở, ban, ngành tỉnh',
  district_pcs: 'UBND các huyện, thị xã, thành phố',
  sociopolitical: 'Các tổ chức chính trị - xã hội',
  press: 'Báo Long An, Đài PT-TH Long An',
  service_centres: 'Trung tâm Phục vụ hành chính công',
  agency: 'Đơn vị được giao',
};
void GROUP_KINDS;

export async function listPlans(deps: CampaignsDeps, p: Principal | null) {
  authorize(p, 'campaigns.report');
  const plans = await repo.listPlans(deps.database.db);
  const today = vnDate(deps.now());
  return {
    items: plans.map((plan) => ({
      id: plan.id,
      number: plan.number,
      title: plan.title,
      issuingBody: plan.issuingBody,
      issuedOn: plan.issuedOn,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      status: plan.status,
      currentQuarter: quarterKey(quarterOf(today < plan.endsOn ? today : plan.endsOn)),
    })),
  };
}

/** A plan with its tasks (assignees resolved), measures, targets and reporting quarters. */
export async function getPlan(deps: CampaignsDeps, p: Principal | null, planId: string) {
  authorize(p, 'campaigns.report');
  const ctx = await loadPlanContext(deps.database.db, planId);
  const { plan } = ctx;
  return {
    id: plan.id,
    number: plan.number,
    title: plan.title,
    issuingBody: plan.issuingBody,
    issuedOn: plan.issuedOn,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    status: plan.status,
    dueDay: plan.dueDay,
    remindDaysBefore: plan.remindDaysBefore,
    closeAfterDays: plan.closeAfterDays,
    version: plan.version,
    quarters: quartersBetween(plan.startsOn, plan.endsOn).map((q) => ({
      ...q,
      key: quarterKey(q),
      label: quarterLabel(q),
    })),
    tasks: ctx.tasks.map((t) => {
      const assignees = resolveAssignees(t, ctx.agencies);
      return {
        id: t.id,
        title: t.title,
        description: t.description,
        assigneeGroup: t.assigneeGroup,
        assigneeLabel: GROUP_LABELS[t.assigneeGroup] ?? t.assigneeGroup,
        assignees: assignees.map((a) => ({ id: a.id, name: a.name })),
        materials: t.materials,
        measures: ctx.measures
          .filter((m) => m.taskId === t.id)
          .map((m) => ({
            code: m.code,
            name: m.name,
            unit: m.unit,
            minimum: m.minimum,
            aggregation: m.aggregation,
            communitySource: m.communitySource,
          })),
      };
    }),
    targets: ctx.targets.map((t) => ({
      measureCode: t.measureCode,
      unitCode: t.unitCode,
      targetPercent: t.targetPercent,
      baseValue: t.baseValue,
      baseLabel: t.baseLabel,
      dueOn: t.dueOn,
    })),
  };
}
