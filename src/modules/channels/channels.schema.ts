import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Every mail the 1022 mailbox sent or took in, by Message-ID: replies thread into a report through the
 * ids we sent (In-Reply-To/References); an inbound id seen twice is not processed twice; the automatic
 * mail to an address is counted here for the per-address cap. Addresses are kept lower-case.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    direction: text('direction').notNull(),
    messageId: text('message_id').notNull(),
    reportId: uuid('report_id'),
    address: text('address').notNull(),
    /** What the mail was: report, follow_up, auto_reply, bounce (in); ack, notice (out). */
    kind: text('kind').notNull(),
    automatic: boolean('automatic').notNull().default(false),
    subject: text('subject'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_messages_direction_id_uq').on(t.direction, t.messageId),
    index('mail_messages_message_id_idx').on(t.messageId),
    index('mail_messages_address_idx').on(t.address, t.at),
    index('mail_messages_report_idx').on(t.reportId),
    check('mail_messages_direction_ck', sql`${t.direction} in ('in','out')`),
    check(
      'mail_messages_kind_ck',
      sql`${t.kind} in ('report','follow_up','auto_reply','bounce','ack','notice')`,
    ),
  ],
);

/** Addresses our mail cannot reach (a permanent bounce): no more email to them until they write again. */
export const mailAddresses = pgTable('mail_addresses', {
  address: text('address').primaryKey(),
  undeliverableAt: timestamp('undeliverable_at', { withTimezone: true }),
  reason: text('reason'),
});

/**
 * Mail that could not be turned into a report or a follow-up, kept whole (raw bytes) so that staff can
 * read it and process it again; nothing is dropped silently.
 */
export const mailQuarantine = pgTable(
  'mail_quarantine',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    raw: bytea('raw').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('held'),
    fromAddress: text('from_address'),
    subject: text('subject'),
    reportId: uuid('report_id'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [
    uniqueIndex('mail_quarantine_sha_uq').on(t.sha256),
    index('mail_quarantine_status_idx').on(t.status, t.receivedAt.desc()),
    check('mail_quarantine_status_ck', sql`${t.status} in ('held','processed','discarded')`),
  ],
);

/** Client apps allowed to create Open311 requests; only the SHA-256 of each key is stored. */
export const open311Clients = pgTable(
  'open311_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    contact: text('contact'),
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, so an administrator can tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('open311_clients_key_uq').on(t.keyHash)],
);

/**
 * GeoReport v2 tokens: every request a client creates is given a token (answered with the request id,
 * since we create synchronously); `GET tokens/:token` turns it into the service_request_id.
 */
export const open311Tokens = pgTable(
  'open311_tokens',
  {
    token: text('token').primaryKey(),
    reportId: uuid('report_id').notNull(),
    trackingCode: text('tracking_code').notNull(),
    clientId: uuid('client_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('open311_tokens_report_idx').on(t.reportId)],
);
