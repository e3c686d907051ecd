import { SYSTEM_ACTOR, appendAudit } from '../../../platform/audit/audit.js';
import type { JobOutcome } from '../../../platform/jobs/job-queue.js';
import type { CampaignsDeps } from '../campaigns-deps.js';
import * as repo from '../campaigns.repository.js';
import {
  dueDate,
  quarterLabel,
  quarterOf,
  quarterPhase,
  previousQuarter,
  vnDate,
  viDate,
} from '../quarters.js';
import { loadPlanContext } from '../use-cases/plan-context.js';

/**
 * Scheduled job (daily): for each active plan, the current quarter and the one before, notices to every
 * assigned agency that has not submitted — "due soon" within the reminder window, "overdue" after the due
 * date. One notice per agency, quarter and kind (a unique row), so re-runs and several workers are harmless.
 * Notices are shown in the console; each new one is also logged (without personal data).
 */
export async function remindReports(
  deps: CampaignsDeps,
  log?: { info(obj: object, msg: string): void },
): Promise<JobOutcome> {
  const db = deps.database.db;
  const today = vnDate(deps.now());
  let created = 0;
  for (const plan of await repo.listPlans(db)) {
    if (plan.status !== 'active') continue;
    const ctx = await loadPlanContext(db, plan.id);
    const here = quarterOf(today);
    for (const q of [previousQuarter(here), here]) {
      if (`${q.year}-${String(q.quarter * 3).padStart(2, '0')}-31` < plan.startsOn) continue;
      const phase = quarterPhase(q, ctx.rules, today);
      if (phase !== 'due_soon' && phase !== 'overdue') continue;
      const rows = await repo.reportsOfQuarter(db, plan.id, q.year, q.quarter);
      const sent = new Set(
        rows
          .filter((r) => r.status !== 'draft' && r.status !== 'correction_requested')
          .map((r) => r.agencyId),
      );
      const due = viDate(dueDate(q, ctx.rules));
      for (const agency of ctx.expected) {
        if (sent.has(agency.id)) continue;
        const text =
          phase === 'due_soon'
            ? `Nhắc hạn: báo cáo ${quarterLabel(q)} theo ${plan.number} cần gửi Sở trước ngày ${due}.`
            : `Quá hạn: chưa nhận được báo cáo ${quarterLabel(q)} theo ${plan.number} (hạn ${due}).`;
        const isNew = await db.transaction(async (tx) => {
          const inserted = await repo.insertNotice(tx, {
            planId: plan.id,
            agencyId: agency.id,
            year: q.year,
            quarter: q.quarter,
            kind: phase,
            text,
          });
          if (inserted) {
            await appendAudit(tx, SYSTEM_ACTOR, {
              action: `campaign_report.${phase}`,
              entityType: 'agency',
              entityId: agency.id,
              summary: { planId: plan.id, year: q.year, quarter: q.quarter },
            });
          }
          return inserted;
        });
        if (isNew) {
          created++;
          log?.info(
            { planId: plan.id, agencyId: agency.id, kind: phase, quarter: quarterLabel(q) },
            'campaign report reminder',
          );
        }
      }
    }
  }
  return created > 0 ? 'done' : 'skipped';
}
