import type { TeamMemberRequest } from '../../../contracts/campaigns.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { agencyById, authorize, hasRole, type Principal } from '../../identity/index.js';
import type { CampaignsDeps } from '../campaigns-deps.js';
import * as repo from '../campaigns.repository.js';
import { openSealed, Sealed } from '../../../platform/crypto/field-cipher.js';

/** The team (agency) of a person's community_team role. */
export function teamAgencyId(p: Principal): string | null {
  return p.grants.find((g) => g.role === 'community_team' && g.agencyId)?.agencyId ?? null;
}

/** Who may read a team's list: the Department, and the team's own members. */
function mayRead(p: Principal, agencyId: string) {
  return hasRole(p, 'department_staff') || teamAgencyId(p) === agencyId;
}

/** Who may change it: the Department, and the team's lead (a member marked lead, with an account). */
async function mayManage(deps: CampaignsDeps, p: Principal, agencyId: string) {
  if (hasRole(p, 'department_staff')) return true;
  if (teamAgencyId(p) !== agencyId) return false;
  const me = await repo.memberOfUser(deps.database.db, agencyId, p.userId);
  return !!me && me.isLead && me.active;
}

const present = (m: repo.MemberRow) => ({
  id: m.id,
  userId: m.userId,
  fullName: m.fullName,
  phone: openSealed(m.phone),
  isLead: m.isLead,
  active: m.active,
});

/** Teams with their member counts (the Department). */
export async function listTeams(deps: CampaignsDeps, p: Principal | null) {
  authorize(p, 'campaigns.manage');
  return { items: await repo.teamsOverview(deps.database.db) };
}

export async function listMembers(deps: CampaignsDeps, p: Principal | null, agencyId: string) {
  const principal = authorize(p, 'campaigns.report');
  if (!mayRead(principal, agencyId)) throw new AppError('forbidden');
  const db = deps.database.db;
  const agency = await agencyById(db, agencyId);
  if (!agency) throw new AppError('not_found');
  return {
    team: { id: agency.id, name: agency.name, unitCode: agency.unitCode },
    canManage: await mayManage(deps, principal, agencyId),
    items: (await repo.teamMembers(db, agencyId)).map(present),
  };
}

/** Adds (no memberId) or changes a member; an account must hold the community_team role on the team. */
export async function saveMember(
  deps: CampaignsDeps,
  p: Principal | null,
  agencyId: string,
  memberId: string | null,
  body: TeamMemberRequest,
  actor: Actor,
) {
  const principal = authorize(p, 'campaigns.report');
  if (!(await mayManage(deps, principal, agencyId))) throw new AppError('forbidden');
  const db = deps.database.db;
  if (!(await agencyById(db, agencyId))) throw new AppError('not_found');
  let fullName = body.fullName ?? null;
  const userId = body.userId ?? null;
  if (userId) {
    const account = await repo.teamAccount(db, agencyId, userId);
    if (!account) {
      throw new AppError('campaign_member_invalid', {
        reason: 'tài khoản không có vai trò Tổ công nghệ số cộng đồng của đơn vị này',
      });
    }
    fullName ??= account.fullName;
  }
  if (!fullName) throw new AppError('campaign_member_invalid', { reason: 'thiếu họ tên' });
  return db.transaction(async (tx) => {
    let row: repo.MemberRow | undefined;
    if (memberId) {
      const before = await repo.findMember(tx, memberId);
      if (!before || before.agencyId !== agencyId) throw new AppError('not_found');
      row = await repo.updateMember(tx, memberId, {
        userId,
        fullName,
        phone: Sealed.of(body.phone ?? null),
        isLead: body.isLead,
        active: body.active,
      });
    } else {
      if (userId && (await repo.memberOfUser(tx, agencyId, userId))) {
        throw new AppError('campaign_member_invalid', { reason: 'tài khoản đã có trong danh sách' });
      }
      row = await repo.insertMember(tx, {
        agencyId,
        userId,
        fullName,
        phone: Sealed.of(body.phone ?? null),
        isLead: body.isLead,
        active: body.active,
      });
    }
    await appendAudit(tx, actor, {
      action: memberId ? 'community_team.member_update' : 'community_team.member_add',
      entityType: 'community_team_member',
      entityId: row!.id,
      summary: { agencyId, account: !!userId, isLead: body.isLead, active: body.active },
    });
    return present(row!);
  });
}

/**
 * The member a field record is for: the one named (active, same team), else the recording person's own
 * membership, else none (an account not yet on the list still records).
 */
export async function memberForActivity(
  deps: CampaignsDeps,
  p: Principal,
  agencyId: string,
  memberId: string | undefined,
): Promise<string | null> {
  const db = deps.database.db;
  if (memberId) {
    const m = await repo.findMember(db, memberId);
    if (!m || m.agencyId !== agencyId || !m.active) {
      throw new AppError('campaign_member_invalid', { reason: 'không thuộc Tổ hoặc đã thôi tham gia' });
    }
    return m.id;
  }
  return (await repo.memberOfUser(db, agencyId, p.userId))?.id ?? null;
}
