/**
 * What other modules may use from identity: the principal and the access check, request helpers, and
 * read-only look-ups of agencies and administrative units. Never import identity's tables elsewhere.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { adminUnits, agencies, oneTimeCodes, roleAssignments, users } from './identity.schema.js';
import * as repo from './identity.repository.js';
import { principalFor } from './sessions.js';
import { openSealed } from '../../platform/crypto/field-cipher.js';
import { phoneIndex, sealedEmail } from './user-contacts.js';

export type { Principal, ResourceScope } from './policy.js';
export { authorize, can, hasRole } from './policy.js';
export type { IdentityDeps } from './identity-deps.js';
export {
  actorOf,
  clearSessionCookie,
  loadPrincipal,
  optionalSignIn,
  requireSignedIn,
  requestMeta,
} from './sessions.js';

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  unitCode: string | null;
  email: string | null;
}

export interface UnitRef {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

const agencyCols = {
  id: agencies.id,
  code: agencies.code,
  name: agencies.name,
  kind: agencies.kind,
  parentId: agencies.parentId,
  unitCode: agencies.unitCode,
  email: agencies.email,
};

export async function agencyById(db: Executor, id: string): Promise<AgencyRef | undefined> {
  const [row] = await db
    .select(agencyCols)
    .from(agencies)
    .where(and(eq(agencies.id, id), eq(agencies.active, true)))
    .limit(1);
  return row;
}

export async function agencyByCode(db: Executor, code: string): Promise<AgencyRef | undefined> {
  const [row] = await db
    .select(agencyCols)
    .from(agencies)
    .where(and(eq(agencies.code, code), eq(agencies.active, true)))
    .limit(1);
  return row;
}

/** The People's Committee agency of an administrative unit (commune or district). */
export async function peoplesCommitteeOf(db: Executor, unitCode: string): Promise<AgencyRef | undefined> {
  const [row] = await db
    .select(agencyCols)
    .from(agencies)
    .where(
      and(
        eq(agencies.unitCode, unitCode),
        inArray(agencies.kind, ['commune_pc', 'district_pc']),
        eq(agencies.active, true),
      ),
    )
    .limit(1);
  return row;
}

export async function agencyNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An agency and all its sub-units. */
export function agencySubtree(db: Executor, rootId: string): Promise<string[]> {
  return repo.agencySubtree(db, [rootId]);
}

export async function unitByCode(db: Executor, code: string): Promise<UnitRef | undefined> {
  const [row] = await db
    .select({
      code: adminUnits.code,
      name: adminUnits.name,
      level: adminUnits.level,
      parentCode: adminUnits.parentCode,
    })
    .from(adminUnits)
    .where(eq(adminUnits.code, code))
    .limit(1);
  return row;
}

export async function unitNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: adminUnits.code, name: adminUnits.name })
    .from(adminUnits)
    .where(inArray(adminUnits.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Staff who hold one of the roles (optionally within an agency), for notifications. */
export { findUserById } from './identity.repository.js';

export interface StaffRecipient {
  userId: string;
  email: string | null;
  role: string;
  /** The language the person chose (`users.locale`): notices to them are written in it. */
  locale: 'vi' | 'en';
}

/**
 * Active staff holding any of the roles — for agency roles, granted on exactly that agency (`agencyId`);
 * without `agencyId`, the unscoped grants (IOC operators). For staff notifications.
 */
export async function staffWithRoles(
  db: Executor,
  roles: readonly string[],
  agencyId: string | null,
): Promise<StaffRecipient[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectDistinct({
      userId: users.id,
      email: users.email,
      role: roleAssignments.role,
      locale: users.locale,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        inArray(roleAssignments.role, [...roles]),
        agencyId ? eq(roleAssignments.agencyId, agencyId) : isNull(roleAssignments.agencyId),
        eq(users.kind, 'staff'),
        eq(users.active, true),
      ),
    );
  return rows.map((r) => ({ ...r, email: openSealed(r.email), locale: r.locale === 'en' ? 'en' : 'vi' }));
}

/**
 * A principal for a staff account without a session, for seeds and scripted jobs acting as that person
 * (the demo data walks reports through the lifecycle as the demo accounts).
 */
export async function principalOfUsername(db: Executor, username: string) {
  const user = await repo.findStaffByLogin(db, username);
  if (!user) return null;
  return principalFor(db, user, { id: `script:${username}`, csrfToken: '', mfaVerified: true });
}

/** Every administrative unit (a few hundred rows), for in-memory look-ups. */
export async function allUnits(db: Executor): Promise<UnitRef[]> {
  return db
    .select({
      code: adminUnits.code,
      name: adminUnits.name,
      level: adminUnits.level,
      parentCode: adminUnits.parentCode,
    })
    .from(adminUnits);
}

/** Every active agency, for in-memory look-ups. */
export async function allActiveAgencies(db: Executor): Promise<AgencyRef[]> {
  return db.select(agencyCols).from(agencies).where(eq(agencies.active, true));
}

/** What a citizen's account holds about them (for "my data"). */
export interface CitizenAccount {
  id: string;
  phone: string | null;
  fullName: string;
  email: string | null;
  locale: string;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export async function citizenAccount(db: Executor, userId: string): Promise<CitizenAccount | undefined> {
  const user = await repo.findUserById(db, userId);
  if (!user || user.kind !== 'citizen') return undefined;
  return {
    id: user.id,
    phone: openSealed(user.phone),
    fullName: user.fullName,
    email: openSealed(user.email),
    locale: user.locale,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
  };
}

/** The citizen corrects their name, email or language; an email already used by another account is refused. */
export async function updateCitizenAccount(
  tx: Executor,
  userId: string,
  values: {
    fullName?: string | undefined;
    email?: string | null | undefined;
    locale?: 'vi' | 'en' | undefined;
  },
): Promise<void> {
  const set: Partial<typeof users.$inferInsert> = {};
  if (values.fullName !== undefined) set.fullName = values.fullName;
  if (values.email !== undefined) Object.assign(set, sealedEmail(values.email));
  if (values.locale !== undefined) set.locale = values.locale;
  if (Object.keys(set).length > 0) await repo.updateUser(tx, userId, set);
}

/** Deletes a citizen's account: sessions and role grants go with it (cascade), and its pending sign-in codes. */
export async function deleteCitizenAccount(tx: Executor, userId: string): Promise<void> {
  const user = await repo.findUserById(tx, userId);
  if (!user || user.kind !== 'citizen') return;
  const phone = openSealed(user.phone);
  if (phone) await tx.delete(oneTimeCodes).where(eq(oneTimeCodes.phoneHash, phoneIndex(phone)));
  await tx.delete(users).where(eq(users.id, userId));
}
