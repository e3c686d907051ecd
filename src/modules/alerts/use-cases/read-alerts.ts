import type { AlertPreview, AlertView, PublicAlertView } from '../../../contracts/alerts.js';
import { SEVERITY_LABELS } from '../../../contracts/alerts.js';
import { AppError } from '../../../platform/http/problem.js';
import { can, type Principal } from '../../identity/index.js';
import { isDrill, pushPayload, targetedUnits } from '../alert-rules.js';
import { ALERT_TEMPLATES } from '../alert-templates.js';
import type { AlertsDeps } from '../alerts-deps.js';
import * as repo from '../alerts.repository.js';
import { locatedInShape } from '../jobs/deliver-alert.js';
import { capOf, presentAlert, presentPublic } from '../alert.presenter.js';
import { renderAtom } from '../cap.js';

function authorizeStaff(p: Principal | null): Principal {
  if (!p) throw new AppError('unauthenticated');
  if (!can(p, 'alerts.draft') && !can(p, 'alerts.approve')) throw new AppError('forbidden');
  return p;
}

export async function listAlertsForStaff(
  deps: AlertsDeps,
  p: Principal | null,
  state: string | undefined,
  limit: number,
) {
  const me = authorizeStaff(p);
  const rows = await repo.listAlerts(deps.database.db, state, limit);
  const items: AlertView[] = [];
  for (const row of rows)
    items.push(presentAlert(deps, row, me, await repo.deliveryCounts(deps.database.db, row.id, deps.now())));
  return { items };
}

export async function getAlertForStaff(
  deps: AlertsDeps,
  p: Principal | null,
  id: string,
): Promise<AlertView> {
  const me = authorizeStaff(p);
  const row = await repo.findAlert(deps.database.db, id);
  if (!row) throw new AppError('alert_not_found');
  return presentAlert(deps, row, me, await repo.deliveryCounts(deps.database.db, row.id, deps.now()));
}

export function listTemplates(p: Principal | null) {
  authorizeStaff(p);
  return { items: ALERT_TEMPLATES };
}

/** What approving would do: who it reaches, the units on the map, the text as a phone shows it. */
export async function previewAlert(deps: AlertsDeps, p: Principal | null, id: string): Promise<AlertPreview> {
  authorizeStaff(p);
  const row = await repo.findAlert(deps.database.db, id);
  if (!row) throw new AppError('alert_not_found');
  const reachCodes = deps.units.reachCodes(targetedUnits(row));
  const drill = isDrill(row.status as never);
  const all = await repo.countReach(deps.database.db, reachCodes, false);
  const drills = await repo.countReach(deps.database.db, reachCodes, true);
  // Devices outside the units whose own location lies in the drawn shape (accounts: approximate, may
  // double count an account that also has a unit subscription).
  for (const [counts, drillsOnly] of [
    [all, false],
    [drills, true],
  ] as const) {
    const located = await locatedInShape(deps.database.db, row, reachCodes, drillsOnly);
    counts.subscriptions += located.length;
    counts.accounts += new Set(located.map((l) => l.userId).filter(Boolean)).size;
  }
  const payload = pushPayload(
    { ...row, status: row.status as never, severity: row.severity as never, textsEn: row.textsEn ?? null },
    'vi',
    deps.config.publicUrl,
  );
  const problems: string[] = [];
  if (row.expires <= deps.now()) problems.push('expired');
  if (drill) problems.push('drill_only');
  if ((row.polygon || row.circle) && deps.profile.boundaries && row.shapeUnitCodes.length === 0)
    problems.push('shape_outside');
  const highlight = new Set<string>();
  for (const code of targetedUnits(row)) {
    const u = deps.units.byCode.get(code);
    if (!u) continue;
    if (u.level === 1) for (const d of deps.units.descendantsAndSelf(code)) highlight.add(d);
    else if (u.level === 2) highlight.add(code);
    else if (u.parentCode) highlight.add(u.parentCode);
  }
  const points: AlertPreview['map']['points'] = [];
  if (row.circle)
    points.push({ lat: row.circle.lat, lon: row.circle.lon, label: `${row.circle.radiusKm} km` });
  if (row.polygon) for (const [lat, lon] of row.polygon.slice(0, -1)) points.push({ lat, lon, label: '▲' });
  return {
    map: {
      boundaries: (deps.profile.boundaries as AlertPreview['map']['boundaries']) ?? null,
      highlight: [...highlight].filter((c) =>
        deps.profile.boundaries?.features.some((f) => f.properties.code === c),
      ),
      points,
    },
    reach: {
      subscriptions: drill ? drills.subscriptions : all.subscriptions,
      accounts: drill ? drills.accounts : all.accounts,
      drillSubscriptions: drills.subscriptions,
      ...(await repo.countContacts(deps.database.db, reachCodes, drill)),
    },
    phone: { title: payload.title, body: payload.body },
    units: row.unitCodes.map((code) => {
      const u = deps.units.byCode.get(code);
      return { code, name: u?.name ?? code, level: u?.level ?? 0 };
    }),
    shapeUnits: row.shapeUnitCodes.map((code) => {
      const u = deps.units.byCode.get(code);
      return { code, name: u?.name ?? code, level: u?.level ?? 0 };
    }),
    problems,
  };
}

/** Alerts currently in force, for the app and the public page (exercises and tests included, marked). */
export async function currentPublicAlerts(deps: AlertsDeps): Promise<PublicAlertView[]> {
  const rows = await repo.currentAlerts(deps.database.db, deps.now());
  return rows.map((r) => presentPublic(deps, r));
}

const PUBLIC_STATES = new Set(['published', 'superseded', 'cancelled', 'expired']);

/** A published message (current or past) by id; drafts are never public. */
export async function publicAlert(deps: AlertsDeps, id: string): Promise<PublicAlertView> {
  const row = await repo.findAlert(deps.database.db, id);
  if (!row || !PUBLIC_STATES.has(row.state)) throw new AppError('alert_not_found');
  return presentPublic(deps, row);
}

/** The CAP 1.2 document of a published message (or of any message, for staff). */
export async function alertCap(deps: AlertsDeps, p: Principal | null, id: string): Promise<string> {
  const row = await repo.findAlert(deps.database.db, id);
  if (!row) throw new AppError('alert_not_found');
  if (!PUBLIC_STATES.has(row.state)) authorizeStaff(p);
  const original = row.referencesId ? await repo.findAlert(deps.database.db, row.referencesId) : undefined;
  return capOf(deps, row, original);
}

export async function alertsAtom(deps: AlertsDeps): Promise<string> {
  const rows = await repo.currentAlerts(deps.database.db, deps.now());
  const base = deps.config.publicUrl;
  return renderAtom(
    {
      id: `${base}/cap/alerts.atom`,
      title: `${deps.profile.brand.appName} — Cảnh báo đang hiệu lực / Current alerts`,
      selfUrl: `${base}/cap/alerts.atom`,
      updated: rows[0]?.sent ?? deps.now(),
      author: deps.profile.brand.iocName,
    },
    rows.map((r) => ({
      identifier: r.identifier,
      title: `${r.textsVi.headline} (${SEVERITY_LABELS[r.severity as keyof typeof SEVERITY_LABELS].vi})`,
      summary: `${r.areaDesc}: ${r.textsVi.description}`,
      updated: r.sent ?? r.updatedAt,
      capUrl: `${base}/api/v1/alerts/${r.id}/cap.xml`,
      pageUrl: `${base}/canh-bao/${r.id}`,
    })),
    deps.profile.timezone,
  );
}
