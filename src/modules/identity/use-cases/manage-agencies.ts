import type { z } from 'zod';
import type { AgencyView, createAgencyRequest, updateAgencyRequest } from '../../../contracts/identity.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import type { IdentityDeps } from '../identity-deps.js';
import * as repo from '../identity.repository.js';
import { agencies } from '../identity.schema.js';
import { authorize, type Principal } from '../policy.js';
import { eq } from 'drizzle-orm';

/** Every agency, for pickers and the administration pages (any staff member). */
export async function listAgencies(deps: IdentityDeps, p: Principal | null): Promise<AgencyView[]> {
  authorize(p, 'agencies.read');
  return repo.listAgencies(deps.database.db);
}

/** Creates an agency under an optional parent, optionally covering an administrative unit. */
export async function createAgency(
  deps: IdentityDeps,
  p: Principal | null,
  input: z.infer<typeof createAgencyRequest>,
  actor: Actor,
): Promise<AgencyView> {
  authorize(p, 'agencies.manage');
  return deps.database.db.transaction(async (tx) => {
    if (await repo.findAgencyByCode(tx, input.code)) throw new AppError('agency_code_taken');
    if (input.parentId && !(await repo.findAgency(tx, input.parentId))) throw new AppError('unknown_agency');
    if (input.unitCode && !(await repo.unitExists(tx, input.unitCode))) throw new AppError('unknown_unit');
    const [row] = await tx
      .insert(agencies)
      .values({ ...input, parentId: input.parentId ?? null, unitCode: input.unitCode ?? null })
      .returning();
    await appendAudit(tx, actor, {
      action: 'agency.created',
      entityType: 'agency',
      entityId: row!.id,
      summary: { code: input.code, name: input.name },
    });
    return repo.toAgencyView(row!);
  });
}

/** Changes an agency; a new parent may not be the agency itself or one of its descendants. */
export async function updateAgency(
  deps: IdentityDeps,
  p: Principal | null,
  id: string,
  input: z.infer<typeof updateAgencyRequest>,
  actor: Actor,
): Promise<AgencyView> {
  authorize(p, 'agencies.manage');
  return deps.database.db.transaction(async (tx) => {
    const current = await repo.findAgency(tx, id);
    if (!current) throw new AppError('not_found');
    if (input.parentId) {
      if (!(await repo.findAgency(tx, input.parentId))) throw new AppError('unknown_agency');
      if ((await repo.agencySubtree(tx, [id])).includes(input.parentId)) throw new AppError('agency_cycle');
    }
    if (input.unitCode && !(await repo.unitExists(tx, input.unitCode))) throw new AppError('unknown_unit');
    const [row] = await tx
      .update(agencies)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(agencies.id, id))
      .returning();
    await appendAudit(tx, actor, {
      action: 'agency.updated',
      entityType: 'agency',
      entityId: id,
      summary: { fields: Object.keys(input) },
    });
    return repo.toAgencyView(row!);
  });
}
