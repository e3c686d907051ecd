import { and, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { DeliveryCounts } from '../../contracts/alerts.js';
import type { Executor } from '../../platform/db/database.js';
import { alertContacts, alertDeliveries, alerts, pushSubscriptions, vapidKeys } from './alerts.schema.js';

export type AlertRow = typeof alerts.$inferSelect;
export type NewAlertRow = typeof alerts.$inferInsert;
export type SubscriptionRow = typeof pushSubscriptions.$inferSelect;
/** What a push batch needs of a claimed subscription. */
export type ClaimedTarget = Pick<SubscriptionRow, 'id' | 'endpoint' | 'p256dh' | 'auth' | 'lang'>;

export async function findAlert(db: Executor, id: string, forUpdate = false): Promise<AlertRow | undefined> {
  const q = db.select().from(alerts).where(eq(alerts.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertAlert(db: Executor, values: NewAlertRow): Promise<AlertRow> {
  const [row] = await db.insert(alerts).values(values).returning();
  return row!;
}

export async function updateAlert(db: Executor, id: string, values: Partial<NewAlertRow>): Promise<AlertRow> {
  const [row] = await db
    .update(alerts)
    .set({ ...values, updatedAt: new Date(), version: sql`${alerts.version} + 1` })
    .where(eq(alerts.id, id))
    .returning();
  return row!;
}

export async function listAlerts(
  db: Executor,
  state: string | undefined,
  limit: number,
): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(state ? eq(alerts.state, state) : undefined)
    .orderBy(desc(alerts.updatedAt))
    .limit(limit);
}

/** Published, not yet expired messages, newest first (the public feed). */
export async function currentAlerts(db: Executor, now: Date): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.state, 'published'), gt(alerts.expires, now)))
    .orderBy(desc(alerts.sent));
}

/** Marks published alerts past their expiry as expired; returns them. */
export async function expireAlerts(db: Executor, now: Date): Promise<AlertRow[]> {
  return db
    .update(alerts)
    .set({ state: 'expired', updatedAt: now })
    .where(and(eq(alerts.state, 'published'), sql`${alerts.expires} <= ${now}`))
    .returning();
}

/**
 * A delivery claimed ('sending') longer ago than this was cut off by a crash: a batch of 500 at 64 in flight
 * with a 10 s request timeout settles within about 80 s, and the queue gives up on a job after 15 min.
 */
export const SENDING_STALE_MS = 15 * 60_000;

/** Counts per outcome; `unknown` = claimed and never settled (the process stopped while sending). */
export async function deliveryCounts(db: Executor, alertId: string, now: Date = new Date()) {
  const staleBefore = new Date(now.getTime() - SENDING_STALE_MS);
  const rows = await db
    .select({
      channel: alertDeliveries.channel,
      status: sql<string>`case when ${alertDeliveries.status} = 'sending' and ${alertDeliveries.updatedAt} < ${staleBefore} then 'unknown' else ${alertDeliveries.status} end`,
      n: sql<number>`count(*)::int`,
    })
    .from(alertDeliveries)
    .where(eq(alertDeliveries.alertId, alertId))
    .groupBy(sql`1`, sql`2`);
  const of = (channel: string): DeliveryCounts => {
    const by = Object.fromEntries(
      rows.filter((r) => r.channel === channel).map((r) => [r.status, Number(r.n)]),
    );
    return {
      sent: by.sent ?? 0,
      failed: by.failed ?? 0,
      removed: by.removed ?? 0,
      pending: (by.sending ?? 0) + (by.retry ?? 0),
      unknown: by.unknown ?? 0,
    };
  };
  return { push: of('push'), sms: of('sms'), email: of('email') };
}

/** Push subscriptions whose units are in `reach`; drills = only those who opted in. */
function pushReached(reach: string[], drillsOnly: boolean): (SQL | undefined)[] {
  return [
    sql`${pushSubscriptions.unitCodes} && ${sql.param(reach)}::text[]`,
    drillsOnly ? eq(pushSubscriptions.drills, true) : undefined,
  ];
}

/** Confirmed SMS/email contacts whose units are in `reach`; drills = only those who opted in. */
function contactsReached(reach: string[], drillsOnly: boolean): (SQL | undefined)[] {
  return [
    sql`${alertContacts.unitCodes} && ${sql.param(reach)}::text[]`,
    sql`${alertContacts.confirmedAt} is not null`,
    drillsOnly ? eq(alertContacts.drills, true) : undefined,
  ];
}

/** One page of the ids of `table`'s rows matching `where`, after `afterId` (keyset by id). */
async function idPage(
  db: Executor,
  table: typeof pushSubscriptions | typeof alertContacts,
  where: (SQL | undefined)[],
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(...where, afterId ? gt(table.id, afterId) : undefined))
    .orderBy(table.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Subscriptions (and distinct accounts) whose units are in `reach`; drills = only those who opted in. */
export async function countReach(db: Executor, reach: string[], drillsOnly: boolean) {
  const rows = await db
    .select({
      subscriptions: sql<number>`count(*)::int`,
      accounts: sql<number>`count(distinct ${pushSubscriptions.userId})::int`,
    })
    .from(pushSubscriptions)
    .where(and(...pushReached(reach, drillsOnly)));
  return { subscriptions: Number(rows[0]?.subscriptions ?? 0), accounts: Number(rows[0]?.accounts ?? 0) };
}

/**
 * Subscriptions with a location inside the box [minLon, minLat, maxLon, maxLat] whose units are not in
 * `reach` (those are reached anyway): candidates for point-in-shape matching, done by the caller.
 */
export async function locatedOutsideReach(
  db: Executor,
  reach: string[],
  box: [number, number, number, number],
  drillsOnly: boolean,
): Promise<{ id: string; lat: number; lon: number; userId: string | null }[]> {
  const rows = await db
    .select({
      id: pushSubscriptions.id,
      lat: pushSubscriptions.lat,
      lon: pushSubscriptions.lon,
      userId: pushSubscriptions.userId,
    })
    .from(pushSubscriptions)
    .where(
      and(
        sql`${pushSubscriptions.lon} between ${box[0]} and ${box[2]}`,
        sql`${pushSubscriptions.lat} between ${box[1]} and ${box[3]}`,
        sql`not (${pushSubscriptions.unitCodes} && ${sql.param(reach)}::text[])`,
        drillsOnly ? eq(pushSubscriptions.drills, true) : undefined,
      ),
    )
    .orderBy(pushSubscriptions.id);
  return rows.map((r) => ({ id: r.id, lat: r.lat!, lon: r.lon!, userId: r.userId }));
}

/** One page of matching subscription ids after `afterId` (keyset by id). */
export async function reachPage(
  db: Executor,
  reach: string[],
  drillsOnly: boolean,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  return idPage(db, pushSubscriptions, pushReached(reach, drillsOnly), afterId, limit);
}

/**
 * Claims deliveries for these subscriptions: a new row ('sending') or a 'retry' row taken again.
 * Rows already sent, failed, removed or being sent are not returned, so nothing is sent twice.
 */
export async function claimDeliveries(
  db: Executor,
  alertId: string,
  ids: string[],
): Promise<ClaimedTarget[]> {
  if (ids.length === 0) return [];
  // One statement: claim new or `retry` rows and read the claimed subscriptions' keys.
  const claimed = await db.execute(sql`
    with c as (
      insert into alert_deliveries (alert_id, subscription_id, channel, status, attempts)
      select ${alertId}::uuid, s.id, 'push', 'sending', 1
        from push_subscriptions s where s.id = any(${sql.param(ids)}::uuid[])
      on conflict (alert_id, subscription_id, channel) do update
        set status = 'sending', attempts = alert_deliveries.attempts + 1, updated_at = now()
        where alert_deliveries.status = 'retry'
      returning subscription_id)
    select s.id, s.endpoint, s.p256dh, s.auth, s.lang from c join push_subscriptions s on s.id = c.subscription_id`);
  return (claimed as unknown as { rows: ClaimedTarget[] }).rows;
}

export async function settleDeliveries(
  db: Executor,
  alertId: string,
  outcomes: {
    subscriptionId: string;
    status: 'sent' | 'retry' | 'failed' | 'removed';
    httpStatus: number | null;
  }[],
): Promise<void> {
  if (outcomes.length === 0) return;
  await db.execute(sql`
    update alert_deliveries d
       set status = o.status, http_status = o.http_status, updated_at = now()
      from unnest(${sql.param(outcomes.map((o) => o.subscriptionId))}::uuid[],
                  ${sql.param(outcomes.map((o) => o.status))}::text[],
                  ${sql.param(outcomes.map((o) => o.httpStatus))}::int[]) as o(subscription_id, status, http_status)
     where d.alert_id = ${alertId}::uuid and d.channel = 'push' and d.subscription_id = o.subscription_id
       -- the ids again as an index condition: without it the planner (row estimates from before the
       -- fan-out) hashes every delivery row of the alert per batch, 1.3 s per batch at 1M rows vs 5 ms.
       and d.subscription_id = any(${sql.param(outcomes.map((o) => o.subscriptionId))}::uuid[])`);
  const gone = outcomes.filter((o) => o.status === 'removed').map((o) => o.subscriptionId);
  if (gone.length) await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, gone));
}

export async function upsertSubscription(
  db: Executor,
  values: {
    endpoint: string;
    p256dh: string;
    auth: string;
    unitCodes: string[];
    lang: string;
    drills: boolean;
    lat: number | null;
    lon: number | null;
    userId: string | null;
  },
): Promise<SubscriptionRow> {
  const [row] = await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: {
        p256dh: values.p256dh,
        auth: values.auth,
        unitCodes: values.unitCodes,
        lang: values.lang,
        drills: values.drills,
        lat: values.lat,
        lon: values.lon,
        userId: sql`coalesce(${values.userId}::uuid, ${pushSubscriptions.userId})`,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

export async function deleteSubscription(
  db: Executor,
  endpoint: string,
): Promise<SubscriptionRow | undefined> {
  const [row] = await db
    .delete(pushSubscriptions)
    .where(eq(pushSubscriptions.endpoint, endpoint))
    .returning();
  return row;
}

export async function findSubscription(db: Executor, endpoint: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.endpoint, endpoint))
    .limit(1);
  return row;
}

/** The installation's VAPID keys, created on first use (a race between processes keeps the first). */
export async function vapidKeyPair(
  db: Executor,
  generate: () => { publicKey: string; privateKey: string },
): Promise<{ publicKey: string; privateKey: string }> {
  const [existing] = await db.select().from(vapidKeys).where(eq(vapidKeys.id, 1)).limit(1);
  if (existing) return existing;
  await db
    .insert(vapidKeys)
    .values({ id: 1, ...generate() })
    .onConflictDoNothing();
  const [row] = await db.select().from(vapidKeys).where(eq(vapidKeys.id, 1)).limit(1);
  return row!;
}

export type ContactRow = typeof alertContacts.$inferSelect;

/** Confirmed SMS/email contacts per channel whose units are in `reach`; drills = only those who opted in. */
export async function countContacts(db: Executor, reach: string[], drillsOnly: boolean) {
  const rows = await db
    .select({ channel: alertContacts.channel, n: sql<number>`count(*)::int` })
    .from(alertContacts)
    .where(and(...contactsReached(reach, drillsOnly)))
    .groupBy(alertContacts.channel);
  const by = Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
  return { sms: by.sms ?? 0, email: by.email ?? 0 };
}

/** A page of confirmed contact ids (both channels) in `reach`, keyset-paged by id. */
export async function contactPage(
  db: Executor,
  reach: string[],
  drillsOnly: boolean,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  return idPage(db, alertContacts, contactsReached(reach, drillsOnly), afterId, limit);
}

/** Claims (alert, contact) deliveries on the contact's channel: new rows, or `retry` rows; returns the contacts. */
export async function claimContactDeliveries(
  db: Executor,
  alertId: string,
  ids: string[],
): Promise<(ContactRow & { attempts: number })[]> {
  if (ids.length === 0) return [];
  const claimed = await db.execute(sql`
    with c as (
      insert into alert_deliveries (alert_id, subscription_id, channel, status, attempts)
      select ${alertId}::uuid, k.id, k.channel, 'sending', 1
        from alert_contacts k where k.id = any(${sql.param(ids)}::uuid[]) and k.confirmed_at is not null
      on conflict (alert_id, subscription_id, channel) do update
        set status = 'sending', attempts = alert_deliveries.attempts + 1, updated_at = now()
        where alert_deliveries.status = 'retry'
      returning subscription_id, attempts)
    select c.subscription_id as id, c.attempts from c`);
  const got = (claimed as unknown as { rows: { id: string; attempts: number }[] }).rows;
  if (got.length === 0) return [];
  const attempts = new Map(got.map((r) => [r.id, Number(r.attempts)]));
  const rows = await db
    .select()
    .from(alertContacts)
    .where(inArray(alertContacts.id, [...attempts.keys()]));
  return rows.map((r) => ({ ...r, attempts: attempts.get(r.id) ?? 1 }));
}

export async function settleContactDeliveries(
  db: Executor,
  alertId: string,
  outcomes: { contactId: string; status: 'sent' | 'retry' | 'failed' | 'removed' }[],
): Promise<void> {
  if (outcomes.length === 0) return;
  await db.execute(sql`
    update alert_deliveries d
       set status = o.status, updated_at = now()
      from unnest(${sql.param(outcomes.map((o) => o.contactId))}::uuid[],
                  ${sql.param(outcomes.map((o) => o.status))}::text[]) as o(contact_id, status)
     where d.alert_id = ${alertId}::uuid and d.channel in ('sms','email') and d.subscription_id = o.contact_id
       and d.subscription_id = any(${sql.param(outcomes.map((o) => o.contactId))}::uuid[])`);
}

export async function findContact(
  db: Executor,
  userId: string,
  channel: string,
): Promise<ContactRow | undefined> {
  const [row] = await db
    .select()
    .from(alertContacts)
    .where(and(eq(alertContacts.userId, userId), eq(alertContacts.channel, channel)));
  return row;
}

export async function contactsOf(db: Executor, userId: string): Promise<ContactRow[]> {
  return db
    .select()
    .from(alertContacts)
    .where(eq(alertContacts.userId, userId))
    .orderBy(alertContacts.channel);
}

/** Creates or replaces the account's contact on a channel. */
export async function upsertContact(
  db: Executor,
  values: typeof alertContacts.$inferInsert,
): Promise<ContactRow> {
  const [row] = await db
    .insert(alertContacts)
    .values(values)
    .onConflictDoUpdate({
      target: [alertContacts.userId, alertContacts.channel],
      set: {
        address: values.address,
        unitCodes: values.unitCodes,
        lang: values.lang ?? 'vi',
        drills: values.drills ?? false,
        confirmedAt: values.confirmedAt ?? null,
        confirmTokenHash: values.confirmTokenHash ?? null,
        confirmExpires: values.confirmExpires ?? null,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return row!;
}

export async function confirmContact(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<ContactRow | undefined> {
  const [row] = await db
    .update(alertContacts)
    .set({ confirmedAt: now, confirmTokenHash: null, confirmExpires: null, updatedAt: now })
    .where(and(eq(alertContacts.confirmTokenHash, tokenHash), gt(alertContacts.confirmExpires, now)))
    .returning();
  return row;
}

export async function deleteContact(
  db: Executor,
  where: { userId: string; channel: string } | { token: string },
) {
  const [row] = await db
    .delete(alertContacts)
    .where(
      'token' in where
        ? eq(alertContacts.unsubscribeToken, where.token)
        : and(eq(alertContacts.userId, where.userId), eq(alertContacts.channel, where.channel)),
    )
    .returning();
  return row;
}
