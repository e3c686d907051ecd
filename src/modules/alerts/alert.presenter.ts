import type { AlertView, CapStatus, PublicAlertView } from '../../contracts/alerts.js';
import { can, type Principal } from '../identity/index.js';
import { availableAlertActions, targetedUnits, type ActorFacts } from './alert-rules.js';
import type { AlertsDeps } from './alerts-deps.js';
import type { AlertRow } from './alerts.repository.js';
import { CAP_GEOCODE_VALUE_NAME, renderCap, type CapAlert } from './cap.js';

export function actorFacts(p: Principal | null): ActorFacts | null {
  if (!p) return null;
  const permissions = new Set<'alerts.draft' | 'alerts.approve'>();
  if (can(p, 'alerts.draft')) permissions.add('alerts.draft');
  if (can(p, 'alerts.approve')) permissions.add('alerts.approve');
  return { userId: p.userId, permissions };
}

export function capUrlOf(deps: AlertsDeps, id: string): string {
  return `${deps.config.publicUrl}/api/v1/alerts/${id}/cap.xml`;
}

export function unitsOf(deps: AlertsDeps, codes: string[]) {
  return codes.map((code) => ({ code, name: deps.units.byCode.get(code)?.name ?? code }));
}

export function presentAlert(
  deps: AlertsDeps,
  row: AlertRow,
  p: Principal | null,
  deliveries: AlertView['deliveriesByChannel'],
): AlertView {
  return {
    id: row.id,
    identifier: row.identifier,
    sender: row.sender,
    state: row.state as AlertView['state'],
    status: row.status as AlertView['status'],
    msgType: row.msgType as AlertView['msgType'],
    scope: row.scope as AlertView['scope'],
    referencesId: row.referencesId,
    templateCode: row.templateCode,
    category: row.category as AlertView['category'],
    responseType: row.responseType as AlertView['responseType'],
    urgency: row.urgency as AlertView['urgency'],
    severity: row.severity as AlertView['severity'],
    certainty: row.certainty as AlertView['certainty'],
    onset: row.onset?.toISOString() ?? null,
    expires: row.expires.toISOString(),
    sent: row.sent?.toISOString() ?? null,
    vi: row.textsVi,
    en: row.textsEn ?? null,
    web: row.web,
    area: {
      unitCodes: row.unitCodes,
      polygon: row.polygon ?? null,
      circle: row.circle ?? null,
      areaDesc: row.areaDesc,
      units: unitsOf(deps, row.unitCodes),
    },
    createdBy: row.createdBy,
    createdByLabel: row.createdByLabel,
    approvedByLabel: row.approvedByLabel,
    rejectReason: row.rejectReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    availableActions: availableAlertActions(
      { state: row.state as AlertView['state'], createdBy: row.createdBy, msgType: row.msgType },
      actorFacts(p),
    ),
    deliveries: deliveries.push,
    deliveriesByChannel: deliveries,
    capUrl: capUrlOf(deps, row.id),
  };
}

export function presentPublic(deps: AlertsDeps, row: AlertRow): PublicAlertView {
  return {
    id: row.id,
    identifier: row.identifier,
    status: row.status as CapStatus,
    msgType: row.msgType as PublicAlertView['msgType'],
    category: row.category as PublicAlertView['category'],
    severity: row.severity as PublicAlertView['severity'],
    urgency: row.urgency as PublicAlertView['urgency'],
    certainty: row.certainty as PublicAlertView['certainty'],
    responseType: row.responseType as PublicAlertView['responseType'],
    sent: (row.sent ?? row.createdAt).toISOString(),
    onset: row.onset?.toISOString() ?? null,
    expires: row.expires.toISOString(),
    vi: row.textsVi,
    en: row.textsEn ?? null,
    web: row.web,
    areaDesc: row.areaDesc,
    unitCodes: row.unitCodes,
    capUrl: capUrlOf(deps, row.id),
    state: row.state as PublicAlertView['state'],
  };
}

/** The CAP document of a message; `original` is the message it references (Update, Cancel). */
export function capOf(deps: AlertsDeps, row: AlertRow, original: AlertRow | undefined): string {
  const cap: CapAlert = {
    identifier: row.identifier,
    sender: row.sender,
    sent: row.sent ?? row.createdAt,
    status: row.sent ? row.status : 'Draft',
    msgType: row.msgType,
    scope: row.scope,
    references: original?.sent
      ? [{ sender: original.sender, identifier: original.identifier, sent: original.sent }]
      : [],
    note:
      row.status === 'Exercise' || row.status === 'Test'
        ? `${row.status}: không phải cảnh báo thật / not a real alert`
        : null,
    category: row.category,
    responseType: row.responseType,
    urgency: row.urgency,
    severity: row.severity,
    certainty: row.certainty,
    onset: row.onset,
    expires: row.expires,
    senderName: deps.profile.brand.iocName,
    texts: [
      { lang: 'vi-VN', t: row.textsVi },
      ...(row.textsEn ? [{ lang: 'en-US' as const, t: row.textsEn }] : []),
    ],
    web: row.web ?? `${deps.config.publicUrl}/canh-bao/${row.id}`,
    contact: deps.profile.brand.hotline,
    eventCode: row.templateCode,
    areaDesc: row.areaDesc,
    polygon: row.polygon ?? null,
    circle: row.circle ?? null,
    geocodes: deps.units
      .coveredCodes(targetedUnits(row))
      .map((code) => ({ valueName: CAP_GEOCODE_VALUE_NAME, value: code })),
  };
  return renderCap(cap, deps.profile.timezone);
}
