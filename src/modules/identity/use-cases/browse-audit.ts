import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEntryView, listAuditQuery } from '../../../contracts/identity.js';
import { auditLog } from '../../../platform/audit/audit.schema.js';
import type { IdentityDeps } from '../identity-deps.js';
import { authorize, type Principal } from '../policy.js';

/** Pages through the audit trail, newest first, with filters (administrators only). */
export async function browseAudit(
  deps: IdentityDeps,
  p: Principal | null,
  q: z.infer<typeof listAuditQuery>,
) {
  authorize(p, 'audit.read');
  const where: SQL[] = [];
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
  if (q.beforeId) where.push(lt(auditLog.id, q.beforeId));
  const rows = await deps.database.db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const items: AuditEntryView[] = rows.slice(0, q.limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    summary: r.summary as Record<string, unknown>,
    ip: r.ip,
    requestId: r.requestId,
  }));
  return { items, nextBeforeId: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
}
