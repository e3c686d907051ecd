import { and, asc, eq, sql } from 'drizzle-orm';
import type { RoutingRuleView } from '../../../contracts/feedback.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import {
  agencyByCode,
  authorize,
  unitByCode,
  type IdentityDeps,
  type Principal,
} from '../../identity/index.js';
import {
  AUTO_ROUTING_SETTING,
  categoryByCode,
  getSetting,
  invalidateRoutingSnapshot,
  putSetting,
} from '../index.js';
import { routingRules } from '../routing.schema.js';

export type { RoutingRuleView };

/** The routing rules and whether accepted reports are routed automatically. */
export async function getRouting(deps: IdentityDeps, p: Principal | null) {
  authorize(p, 'reports.read');
  const db = deps.database.db;
  const rules = await db
    .select()
    .from(routingRules)
    .orderBy(asc(routingRules.categoryCode), asc(routingRules.unitCode));
  return {
    autoAssign: (await getSetting(db, AUTO_ROUTING_SETTING)) === 'true',
    rules: rules as RoutingRuleView[],
  };
}

/** Turns automatic routing on or off (the IOC decides; suggestions are always shown). */
export async function setAutoRouting(
  deps: IdentityDeps,
  p: Principal | null,
  enabled: boolean,
  actor: Actor,
) {
  authorize(p, 'routing.manage');
  await deps.database.db.transaction(async (tx) => {
    await putSetting(tx, AUTO_ROUTING_SETTING, String(enabled));
    await appendAudit(tx, actor, {
      action: 'routing.auto_assign_changed',
      entityType: 'setting',
      entityId: AUTO_ROUTING_SETTING,
      summary: { enabled },
    });
  });
  return { autoAssign: enabled };
}

/** Adds or replaces the rule for a category in a unit (or everywhere). */
export async function upsertRoutingRule(
  deps: IdentityDeps,
  p: Principal | null,
  input: { categoryCode: string; unitCode: string | null; agencyCode: string; active: boolean },
  actor: Actor,
): Promise<RoutingRuleView> {
  authorize(p, 'routing.manage');
  const saved = await deps.database.db.transaction(async (tx) => {
    if (!(await categoryByCode(tx, input.categoryCode))) throw new AppError('unknown_category');
    if (input.unitCode && !(await unitByCode(tx, input.unitCode))) throw new AppError('unknown_unit');
    if (!(await agencyByCode(tx, input.agencyCode))) throw new AppError('unknown_agency');
    const [existing] = await tx
      .select()
      .from(routingRules)
      .where(
        and(
          eq(routingRules.categoryCode, input.categoryCode),
          sql`coalesce(${routingRules.unitCode}, '') = ${input.unitCode ?? ''}`,
        ),
      )
      .limit(1);
    const [row] = existing
      ? await tx
          .update(routingRules)
          .set({ agencyCode: input.agencyCode, active: input.active })
          .where(eq(routingRules.id, existing.id))
          .returning()
      : await tx.insert(routingRules).values(input).returning();
    await appendAudit(tx, actor, {
      action: 'routing.rule_saved',
      entityType: 'routing_rule',
      entityId: row!.id,
      summary: input,
    });
    return row as RoutingRuleView;
  });
  invalidateRoutingSnapshot(deps.database);
  return saved;
}
