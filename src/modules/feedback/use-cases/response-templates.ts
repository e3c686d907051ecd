import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { TemplateView } from '../../../contracts/feedback.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, type Principal } from '../../identity/index.js';
import { categoryByCode } from '../../routing/index.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import { responseTemplates } from '../feedback.schema.js';

export type { TemplateView };

/** Templates usable for a category (its own and the general ones). */
export async function listTemplates(
  deps: FeedbackDeps,
  p: Principal | null,
  categoryCode?: string,
): Promise<TemplateView[]> {
  authorize(p, 'reports.read');
  const where = categoryCode
    ? and(
        eq(responseTemplates.active, true),
        or(eq(responseTemplates.categoryCode, categoryCode), isNull(responseTemplates.categoryCode)),
      )
    : eq(responseTemplates.active, true);
  const rows = await deps.database.db
    .select()
    .from(responseTemplates)
    .where(where)
    .orderBy(asc(responseTemplates.title));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    categoryCode: r.categoryCode,
    purpose: r.purpose as TemplateView['purpose'],
  }));
}

/** Creates a response template. */
export async function createTemplate(
  deps: FeedbackDeps,
  p: Principal | null,
  input: { title: string; body: string; categoryCode: string | null; purpose: TemplateView['purpose'] },
  actor: Actor,
): Promise<TemplateView> {
  authorize(p, 'templates.manage');
  return deps.database.db.transaction(async (tx) => {
    if (input.categoryCode && !(await categoryByCode(tx, input.categoryCode)))
      throw new AppError('unknown_category');
    const [row] = await tx.insert(responseTemplates).values(input).returning();
    await appendAudit(tx, actor, {
      action: 'template.created',
      entityType: 'response_template',
      entityId: row!.id,
      summary: { title: input.title },
    });
    return {
      id: row!.id,
      title: row!.title,
      body: row!.body,
      categoryCode: row!.categoryCode,
      purpose: row!.purpose as TemplateView['purpose'],
    };
  });
}
