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
import { sealedText } from '../../platform/crypto/sealed-column.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Every mail the 1022 mailbox sent or took in, by Message-ID: replies thread into a report through the
 * ids we sent (In-Reply-To/References); an inbound id seen twice is not processed twice; the automatic
 * mail to an address is counted here for the per-address cap. The address is encrypted; the caps and
 * look-ups use its blind index (of the lower-case address).
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    direction: text('direction').notNull(),
    messageId: text('message_id').notNull(),
    reportId: uuid('report_id'),
    address: sealedText('address').notNull(),
    addressHash: text('address_hash'),
    /** What the mail was: report, follow_up, auto_reply, bounce (in); ack, notice (out). */
    kind: text('kind').notNull(),
    automatic: boolean('automatic').notNull().default(false),
    subject: text('subject'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_messages_direction_id_uq').on(t.direction, t.messageId),
    index('mail_messages_message_id_idx').on(t.messageId),
    index('mail_messages_address_idx').on(t.addressHash, t.at),
    index('mail_messages_report_idx').on(t.reportId),
    check('mail_messages_direction_ck', sql`${t.direction} in ('in','out')`),
    check(
      'mail_messages_kind_ck',
      sql`${t.kind} in ('report','follow_up','auto_reply','bounce','ack','notice')`,
    ),
  ],
);

/**
 * Addresses our mail cannot reach (a permanent bounce): no more email to them until they write again.
 * Found by the blind index of the lower-case address; the address itself is encrypted (kept so that a key
 * rotation can recompute the index).
 */
export const mailAddresses = pgTable(
  'mail_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    address: sealedText('address').notNull(),
    addressHash: text('address_hash'),
    undeliverableAt: timestamp('undeliverable_at', { withTimezone: true }),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('mail_addresses_hash_uq').on(t.addressHash)],
);

/**
 * Whether each outside mail server answered the last time it was used ('imap': the 1022 mailbox poll,
 * 'smtp': outgoing mail), written by whichever process used it, so that the console shows a failing
 * channel while the mail waits for the queue's next retry. One row per channel.
 */
export const channelHealth = pgTable('channel_health', {
  channel: text('channel').primaryKey(),
  ok: boolean('ok').notNull(),
  lastOkAt: timestamp('last_ok_at', { withTimezone: true }),
  failingSince: timestamp('failing_since', { withTimezone: true }),
  lastError: text('last_error'),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
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
    fromAddress: sealedText('from_address'),
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
 * Calls taken by the 1022 call centre: from the telephony system (CTI webhook: provider `cti`, the
 * system's call id in `external_id`) or logged by hand by an agent (provider `manual`, no external id).
 * The caller's number is personal data: never logged, never shown on public pages.
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: text('provider').notNull(),
    externalId: text('external_id'),
    direction: text('direction').notNull().default('in'),
    /** Normalised (+84…); null when the number was withheld ("anonymous"). */
    callerPhone: sealedText('caller_phone'),
    /** Blind index (HMAC-SHA256) of the normalised number: the caller's history is found by it. */
    callerPhoneHash: text('caller_phone_hash'),
    /** The number called (our line), as the telephony system sent it. */
    calledNumber: text('called_number'),
    agentId: uuid('agent_id'),
    status: text('status').notNull().default('ringing'),
    outcome: text('outcome'),
    /** The telephony system's hang-up cause (Zammad-style: normalClearing, cancel, noAnswer, busy…). */
    hangupCause: text('hangup_cause'),
    note: text('note'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calls_provider_external_uq').on(t.provider, t.externalId),
    index('calls_caller_idx').on(t.callerPhoneHash, t.startedAt.desc()),
    index('calls_started_idx').on(t.startedAt),
    check('calls_provider_ck', sql`${t.provider} in ('cti','manual')`),
    check('calls_external_id_ck', sql`(${t.provider} = 'manual') = (${t.externalId} is null)`),
    check('calls_direction_ck', sql`${t.direction} in ('in','out')`),
    check('calls_status_ck', sql`${t.status} in ('ringing','answered','ended')`),
    check(
      'calls_outcome_ck',
      sql`${t.outcome} is null or ${t.outcome} in ('report_created','status_given','question_answered','hang_up','missed','other')`,
    ),
    check('calls_ended_ck', sql`(${t.status} = 'ended') = (${t.endedAt} is not null)`),
  ],
);

/** Reports recorded during a call (a call may give several; a report comes from at most one call). */
export const callReports = pgTable(
  'call_reports',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    reportId: uuid('report_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('call_reports_report_uq').on(t.reportId), index('call_reports_call_idx').on(t.callId)],
);

/**
 * CTI events received, one row per (call id, event): a replayed or repeated event is refused. The
 * signature is kept too (unique), so the same signed request can never be accepted twice.
 */
export const ctiEvents = pgTable(
  'cti_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    externalId: text('external_id').notNull(),
    event: text('event').notNull(),
    signature: text('signature').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cti_events_call_event_uq').on(t.externalId, t.event),
    uniqueIndex('cti_events_signature_uq').on(t.signature),
    check('cti_events_event_ck', sql`${t.event} in ('newCall','answer','hangup')`),
  ],
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
