import type { z } from 'zod';
import type { pushSubscriptionRequest } from '../../../contracts/alerts.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { endpointAcceptable } from '../../../platform/push/endpoint.js';
import type { Principal } from '../../identity/index.js';
import type { AlertsDeps } from '../alerts-deps.js';
import * as repo from '../alerts.repository.js';

type SubscribeInput = z.infer<typeof pushSubscriptionRequest>;

/** Subscribes a browser (anonymous, or tied to the signed-in account) to alerts for the chosen units. */
export async function subscribePush(
  deps: AlertsDeps,
  p: Principal | null,
  input: SubscribeInput,
  actor: Actor,
) {
  if (!endpointAcceptable(input.endpoint, deps.allowLocalPushEndpoints))
    throw new AppError('push_endpoint_refused');
  for (const code of input.unitCodes)
    if (!deps.units.byCode.has(code)) throw new AppError('alert_unknown_unit', { code });
  const unitCodes = deps.units.normalise(input.unitCodes);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.upsertSubscription(tx, {
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      unitCodes,
      lang: input.lang,
      drills: input.drills,
      lat: input.location ? Math.round(input.location.lat * 1000) / 1000 : null,
      lon: input.location ? Math.round(input.location.lon * 1000) / 1000 : null,
      userId: p?.userId ?? null,
    });
    // No endpoint in the audit row: it is a device identifier.
    await appendAudit(tx, actor, {
      action: 'push.subscribed',
      entityType: 'push_subscription',
      entityId: row.id,
      summary: {
        units: unitCodes,
        lang: input.lang,
        drills: input.drills,
        account: !!p,
        location: !!input.location,
      },
    });
    return { id: row.id, unitCodes: row.unitCodes, lang: row.lang, drills: row.drills };
  });
}

export async function unsubscribePush(deps: AlertsDeps, endpoint: string, actor: Actor) {
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.deleteSubscription(tx, endpoint);
    if (!row) throw new AppError('push_not_subscribed');
    await appendAudit(tx, actor, {
      action: 'push.unsubscribed',
      entityType: 'push_subscription',
      entityId: row.id,
    });
  });
}

/** The subscription of this browser (by its endpoint), so the app can show the chosen units. */
export async function subscriptionStatus(deps: AlertsDeps, endpoint: string) {
  const row = await repo.findSubscription(deps.database.db, endpoint);
  if (!row) throw new AppError('push_not_subscribed');
  return { id: row.id, unitCodes: row.unitCodes, lang: row.lang, drills: row.drills };
}
