import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

import { sealedText } from '../../platform/crypto/sealed-column.js';
import { DATA_REQUEST_KINDS, DATA_REQUEST_STATUSES } from '../../contracts/data-requests.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/**
 * A citizen's report (phản ánh, kiến nghị). Identity of the reporter lives in reporter_* columns and
 * never leaves through public views. `version` increases on every change (optimistic concurrency).
 * Agencies, units and categories are referenced by id/code without foreign keys: they belong to other modules.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trackingCode: text('tracking_code').notNull(),
    version: integer('version').notNull().default(1),
    status: text('status').notNull().default('received'),
    channel: text('channel').notNull(),
    citizenCategoryCode: text('citizen_category_code').notNull(),
    categoryCode: text('category_code').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The title and text as a moderator edited them for the public (a third person's name taken out); null: as sent. */
    publicTitle: text('public_title'),
    publicBody: text('public_body'),
    address: text('address'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    unitCode: text('unit_code'),
    urgency: text('urgency').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    extendedDeadlineAt: timestamp('extended_deadline_at', { withTimezone: true }),
    extensionState: text('extension_state').notNull().default('none'),
    extensionDays: integer('extension_days'),
    agencyId: uuid('agency_id'),
    suggestedAgencyId: uuid('suggested_agency_id'),
    handlerId: uuid('handler_id'),
    reporterUserId: uuid('reporter_user_id'),
    // Encrypted at rest (AES-256-GCM, platform/crypto); look-ups by equality use the keyed *_hash columns.
    reporterName: sealedText('reporter_name'),
    reporterPhone: sealedText('reporter_phone'),
    reporterEmail: sealedText('reporter_email'),
    /** HMAC-SHA256 blind index of the normalised phone (+84…) and of the lower-case email. */
    reporterPhoneHash: text('reporter_phone_hash'),
    reporterEmailHash: text('reporter_email_hash'),
    displayPublicly: text('display_publicly').notNull().default('anonymous'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentVersion: text('consent_version'),
    /** The language the reporter used (their notices by mail and SMS are written in it). */
    lang: text('lang').notNull().default('vi'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    firstActionAt: timestamp('first_action_at', { withTimezone: true }),
    timeliness: text('timeliness'),
    rating: text('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => reports.id),
    idempotencyKey: text('idempotency_key'),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('simple', f_unaccent(coalesce(title, '') || ' ' || coalesce(body, '') || ' ' || coalesce(address, '') || ' ' || tracking_code))`,
    ),
  },
  (t) => [
    uniqueIndex('reports_tracking_code_uq').on(t.trackingCode),
    uniqueIndex('reports_idempotency_uq').on(t.idempotencyKey),
    index('reports_queue_idx').on(t.status, t.receivedAt.desc(), t.id.desc()),
    index('reports_agency_idx').on(t.agencyId, t.status, t.receivedAt.desc()),
    // Open reports only (a small part of the table): newest first for the overdue filter, and by effective deadline.
    index('reports_open_received_idx')
      .on(t.receivedAt.desc(), t.id.desc())
      .where(
        sql`status in ('received','accepted','assigned','in_progress','returned','answered','approved','reopened')`,
      ),
    index('reports_open_due_idx')
      .on(sql`coalesce(${t.extendedDeadlineAt}, ${t.deadlineAt})`)
      .where(
        sql`status in ('received','accepted','assigned','in_progress','returned','answered','approved','reopened')`,
      ),
    index('reports_category_idx').on(t.categoryCode, t.receivedAt.desc()),
    index('reports_unit_idx').on(t.unitCode, t.receivedAt.desc()),
    index('reports_reporter_idx').on(t.reporterUserId),
    // The call centre looks up a caller's earlier reports by phone number.
    index('reports_reporter_phone_hash_idx').on(t.reporterPhoneHash),
    index('reports_reporter_email_hash_idx').on(t.reporterEmailHash),
    index('reports_search_idx').using('gin', t.search),
    index('reports_received_idx').on(t.receivedAt.desc(), t.id.desc()),
    check(
      'reports_status_ck',
      sql`${t.status} in (${inList(['received', 'accepted', 'rejected', 'assigned', 'in_progress', 'returned', 'answered', 'approved', 'published', 'closed', 'reopened', 'merged'])})`,
    ),
    check(
      'reports_channel_ck',
      sql`${t.channel} in (${inList(['app', 'web', 'phone', 'email', 'open311', 'walk_in', 'other'])})`,
    ),
    check('reports_urgency_ck', sql`${t.urgency} in ('urgent','field','normal')`),
    check('reports_extension_ck', sql`${t.extensionState} in ('none','requested','granted','refused')`),
    check('reports_display_ck', sql`${t.displayPublicly} in ('name','anonymous')`),
    check('reports_lang_ck', sql`${t.lang} in ('vi','en')`),
    check('reports_rating_ck', sql`${t.rating} is null or ${t.rating} in ('satisfied','unsatisfied')`),
    check(
      'reports_timeliness_ck',
      sql`${t.timeliness} is null or ${t.timeliness} in ('on_time','late','late_with_extension')`,
    ),
    check(
      'reports_reject_reason_ck',
      sql`${t.rejectReason} is null or ${t.rejectReason} in (${inList(['spam', 'duplicate', 'out_of_scope', 'complaint_procedure', 'insufficient_info', 'emergency'])})`,
    ),
    check('reports_rejected_has_reason_ck', sql`${t.status} <> 'rejected' or ${t.rejectReason} is not null`),
    check('reports_merged_has_target_ck', sql`${t.status} <> 'merged' or ${t.mergedIntoId} is not null`),
    check('reports_location_ck', sql`(${t.lat} is null) = (${t.lon} is null)`),
    check('reports_version_ck', sql`${t.version} >= 1`),
  ],
);

/** The report's timeline: one row per step (transition, note, notification), written with the change. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    isPublic: boolean('is_public').notNull().default(false),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
    note: text('note'),
    data: jsonb('data')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.id), index('report_events_at_idx').on(t.at)],
);

/** Files attached to a report (by the citizen) or to its answer (by the agency). */
export const reportAttachments = pgTable(
  'report_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').references(() => reports.id),
    purpose: text('purpose').notNull().default('report'),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    hidden: boolean('hidden').notNull().default(false),
    /** The copy the public sees when a moderator has masked parts of a photo (faces, number plates). */
    redactedKey: text('redacted_key'),
    redactedThumbnailKey: text('redacted_thumbnail_key'),
    /** The masked regions, as fractions of the photo's width and height: `[{x, y, width, height}]`. */
    redactions: jsonb('redactions').$type<{ x: number; y: number; width: number; height: number }[]>(),
    uploadedBy: uuid('uploaded_by'),
    uploadToken: text('upload_token'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_attachments_report_idx').on(t.reportId),
    check('report_attachments_kind_ck', sql`${t.kind} in ('photo','video','document')`),
    check('report_attachments_purpose_ck', sql`${t.purpose} in ('report','answer')`),
    check('report_attachments_size_ck', sql`${t.size} > 0`),
  ],
);

/** Internal notes by staff on a report (never shown to the citizen). */
export const reportNotes = pgTable(
  'report_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    authorId: uuid('author_id').notNull(),
    authorLabel: text('author_label').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_notes_report_idx').on(t.reportId, t.createdAt)],
);

/** Reusable answer and message texts for operators and agencies. */
export const responseTemplates = pgTable('response_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  categoryCode: text('category_code'),
  purpose: text('purpose').notNull().default('answer'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Deadline reminders already sent (one per report, kind and deadline) so escalation never repeats. */
export const deadlineAlerts = pgTable(
  'deadline_alerts',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    kind: text('kind').notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deadline_alerts_uq').on(t.reportId, t.kind, t.deadlineAt),
    check('deadline_alerts_kind_ck', sql`${t.kind} in ('due_soon','overdue')`),
  ],
);

/**
 * Devices that asked to hear when a report moves (Web Push): either every report of a citizen account
 * (`user_id`) or one report whose code and contact the device proved (`report_id`). The endpoint and keys
 * are a device's, so they never appear in logs or audit rows.
 */
export const reportPushTargets = pgTable(
  'report_push_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    lang: text('lang').notNull().default('vi'),
    userId: uuid('user_id'),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_push_targets_user_uq')
      .on(t.endpoint, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex('report_push_targets_report_uq')
      .on(t.endpoint, t.reportId)
      .where(sql`${t.reportId} is not null`),
    index('report_push_targets_user_idx').on(t.userId),
    index('report_push_targets_report_idx').on(t.reportId),
    check('report_push_targets_owner_ck', sql`(${t.userId} is null) <> (${t.reportId} is null)`),
    check('report_push_targets_lang_ck', sql`${t.lang} in ('vi','en')`),
  ],
);

/** Kinds of in-app notices to staff about reports. */
export const STAFF_NOTIFICATION_KINDS = [
  'report_due_soon',
  'report_overdue',
  'report_assigned',
  'report_returned',
] as const;
export type StaffNotificationKind = (typeof STAFF_NOTIFICATION_KINDS)[number];

/**
 * In-app notices to staff (the console's bell): a report nearing or past its deadline, assigned to their
 * agency or returned to the IOC. Written in the transaction of the change; `emailed_at` is set once the
 * email copy went out (deadline notices only), so a retried mail job never sends twice.
 * `user_id` is the identity module's user, referenced without a foreign key (module boundary).
 */
export const staffNotifications = pgTable(
  'staff_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    index('staff_notifications_user_idx').on(t.userId, t.createdAt),
    index('staff_notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    index('staff_notifications_report_idx').on(t.reportId),
    check('staff_notifications_kind_ck', sql`${t.kind} in (${inList(STAFF_NOTIFICATION_KINDS)})`),
  ],
);

/**
 * A data subject's request (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): see, correct or delete their data
 * in a report, or object to its processing. Filed by a signed-in citizen or by anyone holding a tracking
 * code and the contact given with it; staff answer within 2 working days (`due_at`). The requester's
 * contact and free text are encrypted like reporters' contacts.
 */
export const dataRequests = pgTable(
  'data_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('open'),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'set null' }),
    /** The tracking code as filed (kept when the report is later deleted). */
    trackingCode: text('tracking_code'),
    userId: uuid('user_id'),
    contactPhone: sealedText('contact_phone'),
    contactEmail: sealedText('contact_email'),
    details: sealedText('details'),
    /** For a correction: the reporter's name/phone/email as they should be (encrypted JSON). */
    correction: sealedText('correction'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    /** What the requester is told: the reason of a refusal, or a note on what was done. */
    outcomeNote: text('outcome_note'),
    /** When the acknowledgement and the outcome went to the requester (a retried job sends neither twice). */
    ackSentAt: timestamp('ack_sent_at', { withTimezone: true }),
    outcomeSentAt: timestamp('outcome_sent_at', { withTimezone: true }),
    /** The language the requester is told in: their account's, else the one they filed the request in. */
    lang: text('lang').notNull().default('vi'),
  },
  (t) => [
    index('data_requests_status_idx').on(t.status, t.dueAt),
    index('data_requests_report_idx').on(t.reportId),
    check('data_requests_kind_ck', sql`${t.kind} in (${inList(DATA_REQUEST_KINDS)})`),
    check('data_requests_status_ck', sql`${t.status} in (${inList(DATA_REQUEST_STATUSES)})`),
    check('data_requests_lang_ck', sql`${t.lang} in ('vi','en')`),
    check('data_requests_refusal_ck', sql`${t.status} <> 'refused' or ${t.outcomeNote} is not null`),
  ],
);
