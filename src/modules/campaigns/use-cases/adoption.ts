import { createHash } from 'node:crypto';
import type { AppInstallRequest, StoreFiguresRequest } from '../../../contracts/campaigns.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { allUnits, authorize, type Principal } from '../../identity/index.js';
import type { CampaignsDeps } from '../campaigns-deps.js';
import * as repo from '../campaigns.repository.js';
import { vnDate } from '../quarters.js';

/**
 * The citizen app registers itself once it knows its area: a random id made on the device (kept here only
 * as its SHA-256) and the chosen commune or district, plus the day it was last seen. No person, account,
 * address or IP is stored, so there is nothing to audit; the route is rate-limited.
 */
export async function registerInstall(deps: CampaignsDeps, body: AppInstallRequest) {
  const db = deps.database.db;
  const unit = (await allUnits(db)).find((u) => u.code === body.unitCode);
  if (!unit || unit.level < 2) throw new AppError('unknown_unit');
  const districtCode = unit.level === 3 ? (unit.parentCode ?? unit.code) : unit.code;
  await repo.upsertInstall(db, {
    installHash: createHash('sha256').update(body.installId).digest('hex'),
    unitCode: unit.code,
    districtCode,
    today: vnDate(deps.now()),
  });
  return { ok: true };
}

/** The Department enters one month of an app store's console figures per district. */
export async function saveStoreFigures(
  deps: CampaignsDeps,
  p: Principal | null,
  body: StoreFiguresRequest,
  actor: Actor,
) {
  const principal = authorize(p, 'campaigns.manage');
  const db = deps.database.db;
  const districts = new Set((await allUnits(db)).filter((u) => u.level === 2).map((u) => u.code));
  for (const r of body.rows) {
    if (!districts.has(r.unitCode)) {
      throw new AppError('campaign_adoption_invalid', { reason: `“${r.unitCode}” không phải cấp huyện` });
    }
    if (r.activeUsers > r.installs) {
      throw new AppError('campaign_adoption_invalid', {
        reason: `người dùng hoạt động (${r.activeUsers}) nhiều hơn lượt cài đặt (${r.installs})`,
      });
    }
  }
  const month = `${body.month}-01`;
  if (month > vnDate(deps.now())) {
    throw new AppError('campaign_adoption_invalid', { reason: 'tháng chưa đến' });
  }
  await db.transaction(async (tx) => {
    await repo.upsertStoreFigures(
      tx,
      body.rows.map((r) => ({ ...r, month, store: body.store, enteredBy: principal.userId })),
    );
    await appendAudit(tx, actor, {
      action: 'campaign_adoption.store_figures',
      entityType: 'app_store_figures',
      entityId: null,
      summary: { month: body.month, store: body.store, districts: body.rows.length },
    });
  });
  return { saved: body.rows.length };
}

export interface AdoptionRow {
  unitCode: string;
  unitName: string;
  /** Estimated smartphone users (the plan's target base), when the plan has a target for the district. */
  smartphoneUsers: number | null;
  appInstalls: number;
  appActive30: number;
  storeInstalls: number;
  storeActive: number;
  /** Installs (the larger of the store figures and the app's own count) per 100 smartphone users. */
  percent: number | null;
}

/**
 * Adoption by district up to a day: the app's own anonymous count (installs, seen in the last 30 days),
 * the latest store console figures up to that month, against the smartphone-user estimates.
 */
export async function adoptionFigures(
  db: Executor,
  targets: { unitCode: string; baseValue: number; measureCode: string }[],
  upTo: string,
): Promise<AdoptionRow[]> {
  const units = await allUnits(db);
  const districts = units.filter((u) => u.level === 2).sort((a, b) => a.code.localeCompare(b.code));
  const since = new Date(`${upTo}T00:00:00Z`);
  since.setUTCDate(since.getUTCDate() - 29);
  const counts = new Map(
    (await repo.installCounts(db, upTo, since.toISOString().slice(0, 10))).map((c) => [c.districtCode, c]),
  );
  const store = await repo.latestStoreFigures(db, `${upTo.slice(0, 7)}-01`);
  const base = new Map<string, number>();
  for (const t of targets) if (!base.has(t.unitCode)) base.set(t.unitCode, t.baseValue);
  return districts.map((d) => {
    const c = counts.get(d.code);
    const s = store.filter((x) => x.unitCode === d.code);
    const storeInstalls = s.reduce((n, x) => n + x.installs, 0);
    const appInstalls = Number(c?.installs ?? 0);
    const b = base.get(d.code) ?? null;
    const best = Math.max(storeInstalls, appInstalls);
    return {
      unitCode: d.code,
      unitName: d.name,
      smartphoneUsers: b,
      appInstalls,
      appActive30: Number(c?.active ?? 0),
      storeInstalls,
      storeActive: s.reduce((n, x) => n + x.activeUsers, 0),
      percent: b ? Math.round((best / b) * 1000) / 10 : null,
    };
  });
}
