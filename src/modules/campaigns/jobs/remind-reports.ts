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

type Log = { info(obj: object, msg: string): void; warn?(obj: object, msg: string): void };

/** The reminder mail: Vietnamese, plain text (the SMTP notifier adds the HTML part and the footer). */
export function reminderMail(o: {
  kind: 'due_soon' | 'overdue';
  agencyName: string;
  planNumber: string;
  planTitle: string;
  quarterLabel: string;
  due: string;
  consoleUrl: string;
}): { subject: string; text: string } {
  const subject =
    o.kind === 'due_soon'
      ? `[${o.planNumber}] Nhắc hạn gửi báo cáo ${o.quarterLabel} (hạn ${o.due})`
      : `[${o.planNumber}] Quá hạn: chưa nhận được báo cáo ${o.quarterLabel}`;
  const lines = [
    `Kính gửi: ${o.agencyName}.`,
    '',
    o.kind === 'due_soon'
      ? `Sở Thông tin và Truyền thông nhắc: báo cáo ${o.quarterLabel} về kết quả thực hiện ${o.planNumber} (${o.planTitle}) cần gửi về Sở trước ngày ${o.due}.`
      : `Đến nay Sở Thông tin và Truyền thông chưa nhận được báo cáo ${o.quarterLabel} về kết quả thực hiện ${o.planNumber} (${o.planTitle}); hạn báo cáo là ngày ${o.due}. Đề nghị đơn vị khẩn trương gửi báo cáo.`,
    '',
    `Nhập và gửi báo cáo tại: ${o.consoleUrl}`,
    '',
    'Trân trọng.',
  ];
  return { subject, text: lines.join('\n') };
}

/**
 * Mails a notice to the agency's contact addresses, once: the notice row is claimed (mailed_at set) before
 * sending, and released when sending fails so the next run tries again.
 */
async function mailNotice(
  deps: CampaignsDeps,
  key: { planId: string; agencyId: string; year: number; quarter: number; kind: 'due_soon' | 'overdue' },
  content: { agencyName: string; planNumber: string; planTitle: string; quarterLabel: string; due: string },
  log?: Log,
): Promise<boolean> {
  const notifier = deps.notifier;
  if (!notifier) return false;
  const db = deps.database.db;
  const claimed = await repo.claimNoticeMail(db, key, deps.now());
  if (!claimed) return false;
  const to = await repo.agencyReportContacts(db, key.agencyId);
  const mail = reminderMail({
    kind: key.kind,
    ...content,
    consoleUrl: `${deps.config.publicUrl.replace(/\/$/, '')}/console/campaigns`,
  });
  let sent = 0;
  try {
    for (const address of to) {
      const r = await notifier.deliver({
        to: { email: address, phone: null },
        ...mail,
        audience: 'campaign',
      });
      if (!r.suppressed) sent++;
    }
  } catch (err) {
    // Nothing recorded as sent: the next run sends again (an address already served may get it twice).
    await repo.finishNoticeMail(db, claimed.id, null);
    log?.warn?.({ err: (err as Error).message, agencyId: key.agencyId }, 'campaign reminder mail failed');
    return false;
  }
  await repo.finishNoticeMail(db, claimed.id, sent);
  log?.info({ agencyId: key.agencyId, kind: key.kind, addresses: sent }, 'campaign reminder mailed');
  return sent > 0;
}

/**
 * Scheduled job (daily): for each active plan, the current quarter and the one before, notices to every
 * assigned agency that has not submitted — "due soon" within the reminder window, "overdue" after the due
 * date. One notice per agency, quarter and kind (a unique row), so re-runs and several workers are harmless.
 * Notices are shown in the console and mailed (Vietnamese, text and HTML) to the agency's address and its
 * report leads through the channels module's notifier, once per notice; each is logged without addresses.
 */
export async function remindReports(deps: CampaignsDeps, log?: Log): Promise<JobOutcome> {
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
        const mailed = await mailNotice(
          deps,
          { planId: plan.id, agencyId: agency.id, year: q.year, quarter: q.quarter, kind: phase },
          {
            agencyName: agency.name,
            planNumber: plan.number,
            planTitle: plan.title,
            quarterLabel: quarterLabel(q),
            due,
          },
          log,
        );
        if (isNew || mailed) {
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
