import type { ActivityRequest } from '../../../contracts/campaigns.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { agencyById, authorize, hasRole, unitByCode, type Principal } from '../../identity/index.js';
import type { CampaignsDeps } from '../campaigns-deps.js';
import * as repo from '../campaigns.repository.js';
import { vnDate } from '../quarters.js';
import { memberForActivity, teamAgencyId } from './team-members.js';

/**
 * A community digital team member records a field activity (households guided, installs helped) in a
 * commune of the team's area. The device's key makes a resend (offline queue) store it once.
 */
export async function recordActivity(
  deps: CampaignsDeps,
  p: Principal | null,
  body: ActivityRequest,
  actor: Actor,
) {
  const principal = authorize(p, 'campaigns.report');
  const agencyId = teamAgencyId(principal);
  if (!hasRole(principal, 'community_team') || !agencyId) throw new AppError('forbidden');
  const db = deps.database.db;
  const agency = await agencyById(db, agencyId);
  const unit = await unitByCode(db, body.unitCode);
  // A team works in its own commune (or, for a district-level team, any commune of the district).
  const allowed =
    !!agency &&
    !!unit &&
    unit.level === 3 &&
    (unit.code === agency.unitCode || unit.parentCode === agency.unitCode);
  if (!allowed) throw new AppError('campaign_unit_outside_team');
  if (body.activityOn > vnDate(deps.now())) throw new AppError('campaign_date_in_future');
  const memberId = await memberForActivity(deps, principal, agencyId, body.memberId);
  const result = await db.transaction(async (tx) => {
    const r = await repo.insertActivity(tx, {
      clientKey: body.clientKey,
      agencyId,
      unitCode: body.unitCode,
      recordedBy: principal.userId,
      activityOn: body.activityOn,
      place: body.place,
      householdsGuided: body.householdsGuided,
      peopleGuided: body.peopleGuided,
      installsHelped: body.installsHelped,
      note: body.note ?? null,
      memberId,
    });
    if (r.created) {
      await appendAudit(tx, actor, {
        action: 'community_activity.record',
        entityType: 'community_activity',
        entityId: r.row.id,
        summary: {
          unitCode: body.unitCode,
          activityOn: body.activityOn,
          householdsGuided: body.householdsGuided,
          installsHelped: body.installsHelped,
          memberId,
        },
      });
    }
    return r;
  });
  return { created: result.created, activity: present(result.row) };
}

function present(r: repo.ActivityRow) {
  return {
    id: r.id,
    unitCode: r.unitCode,
    activityOn: r.activityOn,
    place: r.place,
    householdsGuided: r.householdsGuided,
    peopleGuided: r.peopleGuided,
    installsHelped: r.installsHelped,
    note: r.note,
    memberId: r.memberId,
  };
}

/** Activities the person may see: their team's; the Department sees all. */
export async function listActivities(deps: CampaignsDeps, p: Principal | null) {
  const principal = authorize(p, 'campaigns.report');
  const db = deps.database.db;
  const team = teamAgencyId(principal);
  if (!hasRole(principal, 'department_staff') && !team) throw new AppError('forbidden');
  const rows = await repo.activitiesOf(db, {
    ...(hasRole(principal, 'department_staff') ? {} : { agencyIds: [team!] }),
    limit: 200,
  });
  const agency = team ? await agencyById(db, team) : undefined;
  return {
    team: agency ? { id: agency.id, name: agency.name, unitCode: agency.unitCode } : null,
    items: rows.map(present),
  };
}
