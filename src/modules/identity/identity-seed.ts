import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../contracts/roles.js';
import { appendAudit, SYSTEM_ACTOR } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/database.js';
import type { Profile } from '../../platform/profile/profile.js';
import * as repo from './identity.repository.js';
import { adminUnits, agencies, roleAssignments, users } from './identity.schema.js';
import { hashPassword } from './password.js';

/** Upserts the profile's administrative units and agencies (idempotent, parents first). */
export async function seedUnitsAndAgencies(tx: Executor, profile: Profile): Promise<void> {
  const units = [...profile.units].sort((a, b) => a.level - b.level);
  for (let i = 0; i < units.length; i += 500) {
    const chunk = units.slice(i, i + 500).map((u) => ({
      code: u.code,
      name: u.name,
      shortName: u.short_name ?? u.name,
      nameAscii: u.name_ascii ?? u.name,
      type: u.type,
      level: u.level,
      parentCode: u.parent_code ?? null,
    }));
    await tx
      .insert(adminUnits)
      .values(chunk)
      .onConflictDoUpdate({
        target: adminUnits.code,
        set: {
          name: sql`excluded.name`,
          shortName: sql`excluded.short_name`,
          nameAscii: sql`excluded.name_ascii`,
          type: sql`excluded.type`,
          level: sql`excluded.level`,
          parentCode: sql`excluded.parent_code`,
        },
      });
  }
  // Agencies: insert in an order where each parent comes before its children.
  const byCode = new Map(profile.agencies.map((a) => [a.code, a]));
  const depth = (code: string, seen = 0): number => {
    const parent = byCode.get(code)?.parentCode;
    return parent && seen < 10 ? 1 + depth(parent, seen + 1) : 0;
  };
  const ordered = [...profile.agencies].sort((a, b) => depth(a.code) - depth(b.code));
  const ids = new Map<string, string>();
  for (const row of await tx.select({ id: agencies.id, code: agencies.code }).from(agencies))
    ids.set(row.code, row.id);
  for (const a of ordered) {
    const values = {
      code: a.code,
      name: a.name,
      shortName: a.shortName,
      kind: a.kind,
      parentId: a.parentCode ? (ids.get(a.parentCode) ?? null) : null,
      unitCode: a.unitCode ?? null,
      email: a.email ?? null,
    };
    const [row] = await tx
      .insert(agencies)
      .values(values)
      .onConflictDoUpdate({
        target: agencies.code,
        set: {
          name: values.name,
          shortName: values.shortName,
          kind: values.kind,
          parentId: values.parentId,
          unitCode: values.unitCode,
        },
      })
      .returning({ id: agencies.id });
    ids.set(a.code, row!.id);
  }
}

/**
 * Creates the first administrator when there is none. Without ADMIN_PASSWORD a random password is
 * generated and returned so the caller can print it once.
 */
export async function seedFirstAdmin(
  tx: Executor,
  adminPassword: string | undefined,
): Promise<{ created: boolean; generatedPassword: string | null }> {
  const existing = await tx
    .select({ id: users.id })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.role, 'admin'))
    .limit(1);
  if (existing.length) return { created: false, generatedPassword: null };
  const generated = adminPassword ? null : randomBytes(12).toString('base64url');
  const user = await repo.insertUser(tx, {
    kind: 'staff',
    username: 'admin',
    fullName: 'Quản trị viên hệ thống',
    passwordHash: await hashPassword(adminPassword ?? generated!),
  });
  await repo.replaceGrants(tx, user.id, [{ role: 'admin', agencyId: null, unitCode: null }]);
  await appendAudit(tx, SYSTEM_ACTOR, {
    action: 'user.created',
    entityType: 'user',
    entityId: user.id,
    summary: { username: 'admin', roles: ['admin'], seed: 'base' },
  });
  return { created: true, generatedPassword: generated };
}

interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  /** Agency chosen by a predicate over the profile (first match). */
  agency?: (a: Profile['agencies'][number]) => boolean;
}

/** One demo account per role; the README lists them. All share DEMO_PASSWORD. */
export function demoAccounts(profile: Profile): DemoAccount[] {
  const districtPc = profile.agencies.find((a) => a.kind === 'district_pc');
  const communeUnderDistrict = profile.agencies.find(
    (a) => a.kind === 'commune_pc' && a.parentCode === districtPc?.code,
  );
  const firstCommune = profile.agencies.find((a) => a.kind === 'commune_pc');
  const localPc = districtPc ?? firstCommune;
  const teamAgency = communeUnderDistrict ?? firstCommune;
  return [
    { username: 'ioc', fullName: 'Trần Thị Điều Hành', role: 'ioc_operator' },
    { username: 'tongdai', fullName: 'Lê Văn Tổng Đài', role: 'call_agent' },
    {
      username: 'canbo',
      fullName: 'Phạm Minh Xử Lý',
      role: 'agency_handler',
      agency: (a) => a.code === localPc?.code,
    },
    {
      username: 'lanhdao',
      fullName: 'Nguyễn Văn Lãnh Đạo',
      role: 'agency_lead',
      agency: (a) => a.code === localPc?.code,
    },
    { username: 'canhbao', fullName: 'Võ Thị Cảnh Báo', role: 'alert_officer' },
    { username: 'duyetcanhbao', fullName: 'Đỗ Văn Phê Duyệt', role: 'alert_approver' },
    { username: 'bientap', fullName: 'Huỳnh Thị Biên Tập', role: 'editor' },
    { username: 'so', fullName: 'Bùi Văn Sở', role: 'department_staff' },
    {
      username: 'tocongnghe',
      fullName: 'Đặng Thị Cộng Đồng',
      role: 'community_team',
      agency: (a) => a.code === teamAgency?.code,
    },
  ];
}

/** Creates the demo accounts that do not exist yet (idempotent). */
export async function seedDemoAccounts(tx: Executor, profile: Profile, password: string): Promise<string[]> {
  const created: string[] = [];
  const hash = await hashPassword(password);
  for (const account of demoAccounts(profile)) {
    const [exists] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.kind, 'staff'), eq(users.username, account.username)))
      .limit(1);
    if (exists) continue;
    let agencyId: string | null = null;
    if (account.agency) {
      const def = profile.agencies.find(account.agency);
      const row = def ? await repo.findAgencyByCode(tx, def.code) : undefined;
      if (!row) continue;
      agencyId = row.id;
    }
    const user = await repo.insertUser(tx, {
      kind: 'staff',
      username: account.username,
      fullName: account.fullName,
      passwordHash: hash,
    });
    await repo.replaceGrants(tx, user.id, [{ role: account.role, agencyId, unitCode: null }]);
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      summary: { username: account.username, roles: [account.role], seed: 'demo' },
    });
    created.push(account.username);
  }
  return created;
}
