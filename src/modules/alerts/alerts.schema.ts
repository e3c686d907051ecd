import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  boolean,
  doublePrecision,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import {
  ALERT_STATES,
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_MSG_TYPES,
  CAP_RESPONSE_TYPES,
  CAP_SCOPES,
  CAP_SEVERITIES,
  CAP_STATUSES,
  CAP_URGENCIES,
  type AlertTexts,
} from '../../contracts/alerts.js';
import { sealedText } from '../../platform/crypto/sealed-column.js';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/**
 * An alert to citizens, one row per CAP message: an update or a cancellation is a new row that
 * references the original. CAP fields are columns (checked against the CAP 1.2 value lists); the texts
 * of each language's `info` block live in `texts_vi` / `texts_en`. `state` is our workflow.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identifier: text('identifier').notNull(),
    sender: text('sender').notNull(),
    state: text('state').notNull().default('draft'),
    status: text('status').notNull(),
    msgType: text('msg_type').notNull().default('Alert'),
    scope: text('scope').notNull().default('Public'),
    referencesId: uuid('references_id').references((): AnyPgColumn => alerts.id),
    /** The first message of an update chain (itself for an original): push Topic and notification tag. */
    rootId: uuid('root_id').notNull(),
    templateCode: text('template_code'),
    category: text('category').notNull(),
    responseType: text('response_type').notNull(),
    urgency: text('urgency').notNull(),
    severity: text('severity').notNull(),
    certainty: text('certainty').notNull(),
    onset: timestamp('onset', { withTimezone: true }),
    expires: timestamp('expires', { withTimezone: true }).notNull(),
    sent: timestamp('sent', { withTimezone: true }),
    textsVi: jsonb('texts_vi').$type<AlertTexts>().notNull(),
    textsEn: jsonb('texts_en').$type<AlertTexts>(),
    web: text('web'),
    areaDesc: text('area_desc').notNull(),
    unitCodes: text('unit_codes').array().notNull(),
    polygon: jsonb('polygon').$type<[number, number][]>(),
    circle: jsonb('circle').$type<{ lat: number; lon: number; radiusKm: number }>(),
    /**
     * Boundary units (districts in Long An) the drawn polygon or circle touches, computed when the draft is
     * saved: targeting reaches `unit_codes` and these, so the preview and the fan-out agree.
     */
    shapeUnitCodes: text('shape_unit_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').notNull(),
    createdByLabel: text('created_by_label').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedByLabel: text('approved_by_label'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('alerts_identifier_uq').on(t.identifier),
    index('alerts_state_idx').on(t.state, t.updatedAt.desc()),
    index('alerts_current_idx')
      .on(t.expires)
      .where(sql`state = 'published'`),
    index('alerts_root_idx').on(t.rootId),
    check('alerts_state_ck', sql`${t.state} in (${inList(ALERT_STATES)})`),
    check('alerts_status_ck', sql`${t.status} in (${inList(CAP_STATUSES)})`),
    check('alerts_msg_type_ck', sql`${t.msgType} in (${inList(CAP_MSG_TYPES)})`),
    check('alerts_scope_ck', sql`${t.scope} in (${inList(CAP_SCOPES)})`),
    check('alerts_category_ck', sql`${t.category} in (${inList(CAP_CATEGORIES)})`),
    check('alerts_response_type_ck', sql`${t.responseType} in (${inList(CAP_RESPONSE_TYPES)})`),
    check('alerts_urgency_ck', sql`${t.urgency} in (${inList(CAP_URGENCIES)})`),
    check('alerts_severity_ck', sql`${t.severity} in (${inList(CAP_SEVERITIES)})`),
    check('alerts_certainty_ck', sql`${t.certainty} in (${inList(CAP_CERTAINTIES)})`),
    check('alerts_units_ck', sql`cardinality(${t.unitCodes}) >= 1`),
    check('alerts_references_ck', sql`(${t.msgType} = 'Alert') = (${t.referencesId} is null)`),
    check(
      'alerts_published_sent_ck',
      sql`${t.state} not in ('published','superseded','cancelled','expired') or ${t.sent} is not null`,
    ),
    check('alerts_approved_by_other_ck', sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.createdBy}`),
    check('alerts_expires_after_onset_ck', sql`${t.onset} is null or ${t.expires} > ${t.onset}`),
  ],
);

/**
 * A browser's Web Push subscription and the administrative units it chose. Anonymous by default;
 * tied to the account when the citizen was signed in. `drills` opts in to exercise/test messages.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    unitCodes: text('unit_codes').array().notNull(),
    lang: text('lang').notNull().default('vi'),
    drills: boolean('drills').notNull().default(false),
    /** The device's location when it subscribed with "my current location" (rounded, ≈ 100 m), or null. */
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    userId: uuid('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_uq').on(t.endpoint),
    index('push_subscriptions_units_idx').using('gin', t.unitCodes),
    index('push_subscriptions_user_idx').on(t.userId),
    check('push_subscriptions_lang_ck', sql`${t.lang} in ('vi','en')`),
    check('push_subscriptions_units_ck', sql`cardinality(${t.unitCodes}) >= 1`),
    check('push_subscriptions_location_ck', sql`(${t.lat} is null) = (${t.lon} is null)`),
  ],
);

/**
 * One row per (alert, subscription): claimed ('sending') before the request goes out, so a job run twice
 * never sends twice. 'retry' rows (429, 5xx, timeout) are claimed again by the retried job.
 */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id),
    subscriptionId: uuid('subscription_id').notNull(),
    channel: text('channel').notNull().default('push'),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(1),
    httpStatus: integer('http_status'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // No index on `status`: settling a batch then only rewrites rows in place (HOT updates, the table
    // keeps free room on each page, see the alert_deliveries_hot migration) and the only index, the key,
    // is the one plan for the settle's `alert_id = … and subscription_id = any(…)`. Counting a 1,000,000-row
    // alert's outcomes reads the rows by the key's alert_id prefix either way.
    primaryKey({ columns: [t.alertId, t.subscriptionId, t.channel] }),
    check('alert_deliveries_channel_ck', sql`${t.channel} in ('push','email','sms')`),
    check('alert_deliveries_status_ck', sql`${t.status} in ('sending','sent','retry','failed','removed')`),
  ],
);

/** The VAPID key pair of this installation: generated once, its public half served to browsers. */
export const vapidKeys = pgTable(
  'vapid_keys',
  {
    id: integer('id').primaryKey().default(1),
    publicKey: text('public_key').notNull(),
    privateKey: text('private_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('vapid_keys_single_ck', sql`${t.id} = 1`)],
);

/**
 * A citizen's choice to receive alerts for chosen units by SMS (the account's phone, verified by the OTP
 * sign-in) or by email (double opt-in: `confirmed_at` is set when the link or code sent to the address is
 * used). One row per account and channel. `unsubscribe_token` is the capability in every mail's
 * unsubscribe link (it can only stop the mails). Delivered rows: `alert_deliveries` with this row's id.
 */
export const alertContacts = pgTable(
  'alert_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    channel: text('channel').notNull(),
    /** Encrypted (`Sealed`): the phone or email alerts go to. */
    address: sealedText('address').notNull(),
    unitCodes: text('unit_codes').array().notNull(),
    lang: text('lang').notNull().default('vi'),
    drills: boolean('drills').notNull().default(false),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** sha256 of the pending confirmation token (email only), and when it stops working. */
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpires: timestamp('confirm_expires', { withTimezone: true }),
    unsubscribeToken: text('unsubscribe_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('alert_contacts_user_channel_uq').on(t.userId, t.channel),
    uniqueIndex('alert_contacts_unsubscribe_uq').on(t.unsubscribeToken),
    uniqueIndex('alert_contacts_confirm_uq').on(t.confirmTokenHash),
    index('alert_contacts_units_idx').using('gin', t.unitCodes),
    check('alert_contacts_channel_ck', sql`${t.channel} in ('sms','email')`),
    check('alert_contacts_lang_ck', sql`${t.lang} in ('vi','en')`),
    check('alert_contacts_units_ck', sql`cardinality(${t.unitCodes}) >= 1`),
  ],
);
