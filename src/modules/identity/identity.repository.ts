import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { AgencyView, RoleView, UnitView, UserView } from '../../contracts/identity.js';
import type { Role } from '../../contracts/roles.js';
import { openSealed } from '../../platform/crypto/field-cipher.js';
import { adminUnits, agencies, oneTimeCodes, roleAssignments, sessions, users } from './identity.schema.js';
import { emailIndex, phoneIndex } from './user-contacts.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;

export interface RoleGrant {
  role: Role;
  agencyId: string | null;
  unitCode: string | null;
}

/** Finds a staff member by username (case-insensitive: citext) or email (its blind index, case-insensitive). */
export async function findStaffByLogin(db: Executor, login: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(
      and(eq(users.kind, 'staff'), or(eq(users.username, login), eq(users.emailHash, emailIndex(login)))),
    )
    .limit(1);
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** The account with this phone (any accepted form), through its blind index. */
export async function findCitizenByPhone(db: Executor, phone: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.phoneHash, phoneIndex(phone)))
    .limit(1);
  return row;
}

export async function grantsOf(db: Executor, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .select({
      role: roleAssignments.role,
      agencyId: roleAssignments.agencyId,
      unitCode: roleAssignments.unitCode,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** Role grants with agency and unit names, for display. */
export async function roleViewsOf(db: Executor, userIds: string[]): Promise<Map<string, RoleView[]>> {
  const out = new Map<string, RoleView[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      agencyId: roleAssignments.agencyId,
      agencyName: agencies.name,
      unitCode: roleAssignments.unitCode,
      unitName: adminUnits.name,
    })
    .from(roleAssignments)
    .leftJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .leftJoin(adminUnits, eq(adminUnits.code, roleAssignments.unitCode))
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.createdAt));
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({
      role: r.role as Role,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      unitCode: r.unitCode,
      unitName: r.unitName,
    });
    out.set(r.userId, list);
  }
  return out;
}

/** The agency ids of an agency and all its descendants (district → communes). */
export async function agencySubtree(db: Executor, rootIds: string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const result = await db.execute(sql`
    with recursive tree(id) as (
      select id from agencies where id in ${rootIds}
      union
      select a.id from agencies a join tree t on a.parent_id = t.id
    )
    select id from tree`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findLiveSession(db: Executor, id: string, now: Date): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function touchSession(db: Executor, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function updateSession(db: Executor, id: string, values: Partial<typeof sessions.$inferInsert>) {
  await db.update(sessions).set(values).where(eq(sessions.id, id));
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return rows.length;
}

export async function updateUser(
  db: Executor,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id));
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function replaceGrants(db: Executor, userId: string, grants: RoleGrant[]): Promise<void> {
  await db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (grants.length) await db.insert(roleAssignments).values(grants.map((g) => ({ ...g, userId })));
}

export async function countActiveAdmins(db: Executor, excludingUserId?: string): Promise<number> {
  const where: SQL[] = [eq(roleAssignments.role, 'admin'), eq(users.active, true)];
  if (excludingUserId) where.push(sql`${users.id} <> ${excludingUserId}`);
  const [row] = await db
    .select({ n: count() })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(...where));
  return row?.n ?? 0;
}

export function toUserView(row: UserRow, roles: RoleView[]): UserView {
  return {
    id: row.id,
    kind: row.kind as UserView['kind'],
    username: row.username,
    email: openSealed(row.email),
    fullName: row.fullName,
    active: row.active,
    locale: row.locale === 'en' ? 'en' : 'vi',
    totpEnabled: row.totpEnabled,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    roles,
  };
}

export async function listStaff(
  db: Executor,
  filter: {
    q?: string | undefined;
    role?: Role | undefined;
    agencyId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: UserView[]; total: number }> {
  const where: SQL[] = [eq(users.kind, 'staff')];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // The email is encrypted: it matches only whole (through its blind index), names and usernames in part.
    where.push(
      or(
        ilike(users.fullName, like),
        ilike(users.username, like),
        eq(users.emailHash, emailIndex(filter.q)),
      )!,
    );
  }
  if (filter.role || filter.agencyId) {
    const sub: SQL[] = [eq(roleAssignments.userId, users.id)];
    if (filter.role) sub.push(eq(roleAssignments.role, filter.role));
    if (filter.agencyId) sub.push(eq(roleAssignments.agencyId, filter.agencyId));
    where.push(sql`exists (select 1 from ${roleAssignments} where ${and(...sub)})`);
  }
  const [totalRow] = await db
    .select({ n: count() })
    .from(users)
    .where(and(...where));
  const rows = await db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.fullName), asc(users.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const roles = await roleViewsOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toUserView(r, roles.get(r.id) ?? [])), total: totalRow?.n ?? 0 };
}

export function toAgencyView(row: AgencyRow): AgencyView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind as AgencyView['kind'],
    parentId: row.parentId,
    unitCode: row.unitCode,
    email: row.email,
    phone: row.phone,
    active: row.active,
  };
}

export async function listAgencies(db: Executor): Promise<AgencyView[]> {
  const rows = await db.select().from(agencies).orderBy(asc(agencies.kind), asc(agencies.name));
  return rows.map(toAgencyView);
}

export async function findAgency(db: Executor, id: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  return row;
}

export async function findAgencyByCode(db: Executor, code: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code)).limit(1);
  return row;
}

export async function agencyIdsExist(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function unitExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: adminUnits.code })
    .from(adminUnits)
    .where(eq(adminUnits.code, code))
    .limit(1);
  return !!row;
}

export async function listUnits(
  db: Executor,
  filter: { parent?: string | undefined; level?: number | undefined },
): Promise<UnitView[]> {
  const where: SQL[] = [];
  if (filter.parent) where.push(eq(adminUnits.parentCode, filter.parent));
  if (filter.level) where.push(eq(adminUnits.level, filter.level));
  const rows = await db
    .select()
    .from(adminUnits)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(adminUnits.level), asc(adminUnits.code));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    type: r.type,
    level: r.level,
    parentCode: r.parentCode,
  }));
}

export async function insertOneTimeCode(
  db: Executor,
  values: typeof oneTimeCodes.$inferInsert,
): Promise<void> {
  await db.insert(oneTimeCodes).values(values);
}

export async function latestOneTimeCode(db: Executor, phone: string) {
  const [row] = await db
    .select()
    .from(oneTimeCodes)
    .where(eq(oneTimeCodes.phoneHash, phoneIndex(phone)))
    .orderBy(desc(oneTimeCodes.createdAt))
    .limit(1);
  return row;
}

export async function countCodesSince(db: Executor, phone: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(oneTimeCodes)
    .where(and(eq(oneTimeCodes.phoneHash, phoneIndex(phone)), gt(oneTimeCodes.createdAt, since)));
  return row?.n ?? 0;
}

/** Records a failed attempt; returns false when the code was already consumed or changed meanwhile. */
export async function bumpCodeAttempts(db: Executor, id: string, attempts: number): Promise<void> {
  await db
    .update(oneTimeCodes)
    .set({ attempts: attempts + 1 })
    .where(and(eq(oneTimeCodes.id, id), isNull(oneTimeCodes.consumedAt)));
}

/** Marks a code used; compare-and-set so a code is consumed at most once. */
export async function consumeCode(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(oneTimeCodes)
    .set({ consumedAt: now })
    .where(and(eq(oneTimeCodes.id, id), isNull(oneTimeCodes.consumedAt)))
    .returning({ id: oneTimeCodes.id });
  return rows.length === 1;
}

/** Records the step of an accepted TOTP code; false when that step (or a later one) was already used. */
export async function advanceTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
    .returning({ id: users.id });
  return rows.length === 1;
}
