import type { z } from 'zod';
import type {
  createUserRequest,
  listUsersQuery,
  updateUserRequest,
  UserView,
} from '../../../contracts/identity.js';
import { AGENCY_SCOPED_ROLES } from '../../../contracts/roles.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { isUniqueViolation, type Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import type { IdentityDeps } from '../identity-deps.js';
import * as repo from '../identity.repository.js';
import { hashPassword } from '../password.js';
import { authorize, type Principal } from '../policy.js';
import { sealedEmail } from '../user-contacts.js';

type Grants = z.infer<typeof createUserRequest>['roles'];

async function validateGrants(db: Executor, grants: Grants): Promise<repo.RoleGrant[]> {
  const agencyIds = [...new Set(grants.map((g) => g.agencyId).filter((x): x is string => !!x))];
  const known = await repo.agencyIdsExist(db, agencyIds);
  const out: repo.RoleGrant[] = [];
  for (const g of grants) {
    if (g.role === 'citizen')
      throw new AppError('validation', {}, [{ path: 'body.roles', message: 'citizen' }]);
    if (AGENCY_SCOPED_ROLES.includes(g.role) && !g.agencyId)
      throw new AppError('role_needs_agency', { role: g.role });
    if (g.agencyId && !known.has(g.agencyId)) throw new AppError('unknown_agency');
    if (g.unitCode && !(await repo.unitExists(db, g.unitCode))) throw new AppError('unknown_unit');
    out.push({ role: g.role, agencyId: g.agencyId ?? null, unitCode: g.unitCode ?? null });
  }
  return out;
}

async function viewOf(db: Executor, id: string): Promise<UserView> {
  const row = await repo.findUserById(db, id);
  if (!row) throw new AppError('not_found');
  const roles = await repo.roleViewsOf(db, [id]);
  return repo.toUserView(row, roles.get(id) ?? []);
}

/** Lists staff accounts (administrators only). */
export async function listUsers(
  deps: IdentityDeps,
  p: Principal | null,
  filter: z.infer<typeof listUsersQuery>,
) {
  authorize(p, 'users.read');
  return repo.listStaff(deps.database.db, filter);
}

/** Creates a staff account with its roles (each agency role scoped to an agency). */
export async function createUser(
  deps: IdentityDeps,
  p: Principal | null,
  input: z.infer<typeof createUserRequest>,
  actor: Actor,
): Promise<UserView> {
  authorize(p, 'users.manage');
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.database.db.transaction(async (tx) => {
      const grants = await validateGrants(tx, input.roles);
      const user = await repo.insertUser(tx, {
        kind: 'staff',
        username: input.username,
        ...sealedEmail(input.email ?? null),
        fullName: input.fullName,
        passwordHash,
        locale: input.locale ?? 'vi',
      });
      await repo.replaceGrants(tx, user.id, grants);
      await appendAudit(tx, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        summary: { username: input.username, roles: grants },
      });
      return viewOf(tx, user.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('username_taken');
    throw err;
  }
}

/** Changes a staff account: name, email, notice language, password (ends its sessions), roles, or deactivation. */
export async function updateUser(
  deps: IdentityDeps,
  p: Principal | null,
  id: string,
  input: z.infer<typeof updateUserRequest>,
  actor: Actor,
): Promise<UserView> {
  authorize(p, 'users.manage');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  try {
    return await deps.database.db.transaction(async (tx) => {
      const user = await repo.findUserById(tx, id);
      if (!user || user.kind !== 'staff') throw new AppError('not_found');
      const grants = input.roles ? await validateGrants(tx, input.roles) : undefined;
      const losesAdmin =
        (input.active === false || (grants && !grants.some((g) => g.role === 'admin'))) &&
        (await repo.grantsOf(tx, id)).some((g) => g.role === 'admin');
      if (losesAdmin && (await repo.countActiveAdmins(tx, id)) === 0)
        throw new AppError('cannot_remove_last_admin');
      await repo.updateUser(tx, id, {
        ...(input.fullName !== undefined ? { fullName: input.fullName } : {}),
        ...(input.email !== undefined ? sealedEmail(input.email) : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
      });
      if (grants) await repo.replaceGrants(tx, id, grants);
      if (passwordHash || input.active === false) await repo.deleteSessionsOfUser(tx, id);
      await appendAudit(tx, actor, {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        summary: {
          fields: Object.keys(input).filter((k) => k !== 'password'),
          ...(passwordHash ? { passwordChanged: true } : {}),
          ...(grants ? { roles: grants } : {}),
        },
      });
      return viewOf(tx, id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('username_taken');
    throw err;
  }
}

/**
 * Sets the language of the signed-in person's own notices (staff notices and mails follow `users.locale`;
 * the console's language switch calls this, so choosing English there also means English notices).
 */
export async function setMyLocale(
  deps: IdentityDeps,
  p: Principal | null,
  locale: 'vi' | 'en',
  actor: Actor,
): Promise<void> {
  if (!p) throw new AppError('unauthenticated');
  await deps.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, p.userId, { locale });
    await appendAudit(tx, actor, {
      action: 'user.locale_set',
      entityType: 'user',
      entityId: p.userId,
      summary: { locale },
    });
  });
}
