import { authorize, type Principal } from '../../identity/index.js';
import type { CampaignsDeps } from '../campaigns-deps.js';
import * as repo from '../campaigns.repository.js';
import { visibleAgencyIds } from './plan-context.js';

/** Reminder notices: the Department sees all, an agency its own. */
export async function listNotices(deps: CampaignsDeps, p: Principal | null) {
  const principal = authorize(p, 'campaigns.report');
  const visible = visibleAgencyIds(principal);
  const rows = await repo.noticesFor(deps.database.db, visible ? [...visible] : null);
  return {
    items: rows.map((n) => ({
      id: n.id,
      planId: n.planId,
      agencyId: n.agencyId,
      year: n.year,
      quarter: n.quarter,
      kind: n.kind,
      text: n.text,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}
