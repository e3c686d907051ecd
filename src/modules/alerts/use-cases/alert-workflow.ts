import { randomUUID } from 'node:crypto';
import type { AlertDraftRequest, AlertState, AlertView } from '../../../contracts/alerts.js';
import { ALERT_STATE_LABELS } from '../../../contracts/alerts.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, type Principal } from '../../identity/index.js';
import { ALERT_WORKFLOW, polygonProblem } from '../alert-rules.js';
import { templateByCode } from '../alert-templates.js';
import { unitsTouchedByShape, type BoundaryFeature } from '../area-geometry.js';
import { ALERTS_JOBS, type AlertsDeps, type FanOutJob } from '../alerts-deps.js';
import * as repo from '../alerts.repository.js';
import { presentAlert } from '../alert.presenter.js';

type Action = keyof typeof ALERT_WORKFLOW;

function wrongState(row: repo.AlertRow): AppError {
  return new AppError('alert_wrong_state', { state: ALERT_STATE_LABELS[row.state as AlertState].vi });
}

/** Checks a draft's content against the profile and the clock; returns the columns it sets. */
function draftColumns(deps: AlertsDeps, input: AlertDraftRequest) {
  if (input.templateCode && !templateByCode(input.templateCode)) throw new AppError('alert_unknown_template');
  const now = deps.now();
  const expires = new Date(input.expires);
  const onset = input.onset ? new Date(input.onset) : null;
  if (expires.getTime() <= now.getTime() + 60_000 || (onset && onset >= expires))
    throw new AppError('alert_expiry_past');
  for (const code of input.area.unitCodes)
    if (!deps.units.byCode.has(code)) throw new AppError('alert_unknown_unit', { code });
  if (input.area.polygon) {
    const problem = polygonProblem(input.area.polygon);
    if (problem) throw new AppError('alert_polygon_invalid', { reason: problem });
  }
  const unitCodes = deps.units.normalise(input.area.unitCodes);
  return {
    templateCode: input.templateCode,
    status: input.status,
    category: input.category,
    responseType: input.responseType,
    urgency: input.urgency,
    severity: input.severity,
    certainty: input.certainty,
    onset,
    expires,
    textsVi: input.vi,
    textsEn: input.en,
    web: input.web,
    unitCodes,
    areaDesc: unitCodes
      .map((c) => {
        const u = deps.units.byCode.get(c)!;
        const parent = u.level === 3 && u.parentCode ? deps.units.byCode.get(u.parentCode) : undefined;
        return parent ? `${u.name} (${parent.name})` : u.name;
      })
      .join(', '),
    polygon: input.area.polygon,
    circle: input.area.circle,
    shapeUnitCodes: shapeUnits(deps, input.area),
  };
}

/** The profile's boundary units the drawn polygon or circle touches (none without boundaries). */
function shapeUnits(deps: AlertsDeps, area: AlertDraftRequest['area']): string[] {
  const features = deps.profile.boundaries?.features as BoundaryFeature[] | undefined;
  if (!features) return [];
  return unitsTouchedByShape(features, area).sort();
}

async function view(deps: AlertsDeps, tx: Executor, row: repo.AlertRow, p: Principal): Promise<AlertView> {
  return presentAlert(deps, row, p, await repo.deliveryCounts(tx, row.id, deps.now()));
}

function audit(
  tx: Executor,
  actor: Actor,
  row: repo.AlertRow,
  action: string,
  extra: Record<string, unknown> = {},
) {
  return appendAudit(tx, actor, {
    action: `alert.${action}`,
    entityType: 'alert',
    entityId: row.id,
    summary: {
      identifier: row.identifier,
      status: row.status,
      msgType: row.msgType,
      state: row.state,
      severity: row.severity,
      units: row.unitCodes,
      ...(row.shapeUnitCodes.length ? { shapeUnits: row.shapeUnitCodes } : {}),
      ...extra,
    },
  });
}

/** An alert officer drafts a new alert (optionally from a template). */
export async function createAlertDraft(
  deps: AlertsDeps,
  p: Principal | null,
  input: AlertDraftRequest,
  actor: Actor,
): Promise<AlertView> {
  const me = authorize(p, 'alerts.draft');
  const columns = draftColumns(deps, input);
  const id = randomUUID();
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.insertAlert(tx, {
      id,
      rootId: id,
      identifier: `urn:uuid:${id}`,
      sender: deps.capSender,
      msgType: 'Alert',
      createdBy: me.userId,
      createdByLabel: me.label,
      ...columns,
    });
    await audit(tx, actor, row, 'drafted');
    return view(deps, tx, row, me);
  });
}

/** Loads the alert for a workflow step, refusing steps its state or the person's role do not allow. */
async function loadFor(tx: Executor, id: string, action: Action): Promise<repo.AlertRow> {
  const row = await repo.findAlert(tx, id, true);
  if (!row) throw new AppError('alert_not_found');
  if (!ALERT_WORKFLOW[action].from.includes(row.state as AlertState)) throw wrongState(row);
  return row;
}

export async function editAlertDraft(
  deps: AlertsDeps,
  p: Principal | null,
  id: string,
  input: AlertDraftRequest,
  actor: Actor,
): Promise<AlertView> {
  const me = authorize(p, 'alerts.draft');
  const columns = draftColumns(deps, input);
  return deps.database.db.transaction(async (tx) => {
    const current = await loadFor(tx, id, 'edit');
    // A follow-up keeps its CAP nature: a cancellation stays a cancellation of the same original.
    const row = await repo.updateAlert(tx, id, { ...columns, state: 'draft', rejectReason: null });
    await audit(tx, actor, row, 'edited', { from: current.state });
    return view(deps, tx, row, me);
  });
}

export async function submitAlert(deps: AlertsDeps, p: Principal | null, id: string, actor: Actor) {
  const me = authorize(p, 'alerts.draft');
  return deps.database.db.transaction(async (tx) => {
    const current = await loadFor(tx, id, 'submit');
    if (current.expires <= deps.now()) throw new AppError('alert_expiry_past');
    const row = await repo.updateAlert(tx, id, { state: 'submitted', submittedAt: deps.now() });
    await audit(tx, actor, row, 'submitted', { from: current.state });
    return view(deps, tx, row, me);
  });
}

/**
 * A second person approves: someone holding alerts.approve, signed in with a second factor in this
 * session, and not the author (also a CHECK in the database).
 */
export async function approveAlert(deps: AlertsDeps, p: Principal | null, id: string, actor: Actor) {
  const me = authorize(p, 'alerts.approve');
  if (!me.mfaVerified) throw new AppError(me.totpEnabled ? 'mfa_required' : 'mfa_enrollment_required');
  return deps.database.db.transaction(async (tx) => {
    const current = await loadFor(tx, id, 'approve');
    if (current.createdBy === me.userId) throw new AppError('alert_self_approval');
    if (current.expires <= deps.now()) throw new AppError('alert_expiry_past');
    const row = await repo.updateAlert(tx, id, {
      state: 'approved',
      approvedBy: me.userId,
      approvedByLabel: me.label,
      approvedAt: deps.now(),
    });
    await audit(tx, actor, row, 'approved', { mfa: true });
    return view(deps, tx, row, me);
  });
}

export async function rejectAlert(
  deps: AlertsDeps,
  p: Principal | null,
  id: string,
  reason: string,
  actor: Actor,
) {
  const me = authorize(p, 'alerts.approve');
  if (!me.mfaVerified) throw new AppError(me.totpEnabled ? 'mfa_required' : 'mfa_enrollment_required');
  return deps.database.db.transaction(async (tx) => {
    const current = await loadFor(tx, id, 'reject');
    if (current.createdBy === me.userId) throw new AppError('alert_self_approval');
    const row = await repo.updateAlert(tx, id, { state: 'rejected', rejectReason: reason });
    await audit(tx, actor, row, 'rejected', { reason });
    return view(deps, tx, row, me);
  });
}

/**
 * Publishes an approved message: it gets its `sent` time; an update supersedes and a cancellation
 * cancels the original (which must still be current); the push fan-out is queued in the same transaction.
 */
export async function publishAlert(deps: AlertsDeps, p: Principal | null, id: string, actor: Actor) {
  const me = authorize(p, 'alerts.approve');
  if (!me.mfaVerified) throw new AppError(me.totpEnabled ? 'mfa_required' : 'mfa_enrollment_required');
  return deps.database.db.transaction(async (tx) => {
    const current = await loadFor(tx, id, 'publish');
    const now = deps.now();
    if (current.expires <= now) throw new AppError('alert_expiry_past');
    if (current.referencesId) {
      const original = await repo.findAlert(tx, current.referencesId, true);
      if (!original || original.state !== 'published') throw new AppError('alert_original_not_current');
      const next = current.msgType === 'Cancel' ? 'cancelled' : 'superseded';
      const closed = await repo.updateAlert(tx, original.id, { state: next });
      await audit(tx, actor, closed, next, { by: current.identifier });
    }
    const row = await repo.updateAlert(tx, id, { state: 'published', sent: now });
    if (deps.jobs)
      await deps.jobs.send<FanOutJob>(ALERTS_JOBS.fanOut, { alertId: row.id }, { tx, singletonKey: row.id });
    await audit(tx, actor, row, 'published', { drill: row.status !== 'Actual' });
    return view(deps, tx, row, me);
  });
}

/**
 * The prepared follow-up of a published alert: a new draft (msgType Update or Cancel) that references it,
 * with its content copied, to be approved like any alert. One click in the console.
 */
export async function prepareFollowUp(
  deps: AlertsDeps,
  p: Principal | null,
  originalId: string,
  kind: 'Update' | 'Cancel',
  actor: Actor,
) {
  const me = authorize(p, 'alerts.draft');
  return deps.database.db.transaction(async (tx) => {
    const original = await repo.findAlert(tx, originalId, true);
    if (!original) throw new AppError('alert_not_found');
    if (original.state !== 'published' || original.msgType === 'Cancel' || original.expires <= deps.now())
      throw new AppError('alert_original_not_current');
    const id = randomUUID();
    const cancelTexts = (t: typeof original.textsVi, en: boolean) => ({
      ...t,
      headline: `${en ? 'Cancelled' : 'Hủy cảnh báo'}: ${t.headline}`.slice(0, 160),
      instruction: en
        ? 'This alert is cancelled; the danger has passed or the alert was issued in error.'
        : 'Cảnh báo này đã được hủy bỏ; nguy cơ đã qua hoặc cảnh báo được phát nhầm.',
    });
    const row = await repo.insertAlert(tx, {
      id,
      rootId: original.rootId,
      identifier: `urn:uuid:${id}`,
      sender: deps.capSender,
      msgType: kind,
      referencesId: original.id,
      templateCode: original.templateCode,
      status: original.status,
      category: original.category,
      responseType: kind === 'Cancel' ? 'AllClear' : original.responseType,
      urgency: original.urgency,
      severity: kind === 'Cancel' ? 'Minor' : original.severity,
      certainty: original.certainty,
      onset: original.onset,
      expires: original.expires,
      textsVi: kind === 'Cancel' ? cancelTexts(original.textsVi, false) : original.textsVi,
      textsEn: original.textsEn && kind === 'Cancel' ? cancelTexts(original.textsEn, true) : original.textsEn,
      web: original.web,
      areaDesc: original.areaDesc,
      unitCodes: original.unitCodes,
      polygon: original.polygon,
      circle: original.circle,
      shapeUnitCodes: original.shapeUnitCodes,
      createdBy: me.userId,
      createdByLabel: me.label,
    });
    await audit(tx, actor, row, kind === 'Cancel' ? 'cancel_prepared' : 'update_prepared', {
      references: original.identifier,
    });
    return view(deps, tx, row, me);
  });
}

/** Marks alerts past their expiry as expired (scheduled job). */
export async function expireAlerts(deps: AlertsDeps, actor: Actor): Promise<number> {
  return deps.database.db.transaction(async (tx) => {
    const rows = await repo.expireAlerts(tx, deps.now());
    for (const row of rows) await audit(tx, actor, row, 'expired');
    return rows.length;
  });
}
