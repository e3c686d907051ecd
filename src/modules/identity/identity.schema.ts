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
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { sealedText } from '../../platform/crypto/sealed-column.js';

const citext = customType<{ data: string }>({ dataType: () => 'citext' });

/** Administrative units of the active province profile (province → district → commune, or province → commune). */
export const adminUnits = pgTable(
  'admin_units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    nameAscii: text('name_ascii').notNull(),
    type: text('type').notNull(),
    level: integer('level').notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => adminUnits.code),
  },
  (t) => [
    index('admin_units_parent_idx').on(t.parentCode),
    check('admin_units_level_ck', sql`${t.level} between 1 and 3`),
  ],
);

/** Agencies (cơ quan, đơn vị) that receive and handle work, in a hierarchy (district → commune). */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id),
    unitCode: text('unit_code').references(() => adminUnits.code),
    email: text('email'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agencies_code_uq').on(t.code),
    index('agencies_parent_idx').on(t.parentId),
    check(
      'agencies_kind_ck',
      sql`${t.kind} in ('province','department','district_pc','commune_pc','police','sociopolitical','press','utility','centre','other')`,
    ),
  ],
);

/**
 * Every person who signs in: staff (username/email + password) and citizens (phone + one-time code).
 * Phone and email are encrypted (`Sealed`); sign-in, uniqueness and every look-up go through their keyed
 * blind indexes (`phone_hash` of the +84 number, `email_hash` of the trimmed lower-case address).
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    username: citext('username'),
    email: sealedText('email'),
    emailHash: text('email_hash'),
    phone: sealedText('phone'),
    phoneHash: text('phone_hash'),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash'),
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The 30-second step of the last code accepted: a code is never accepted twice. */
    totpLastStep: integer('totp_last_step'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    locale: text('locale').notNull().default('vi'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    uniqueIndex('users_email_hash_uq').on(t.emailHash),
    uniqueIndex('users_phone_hash_uq').on(t.phoneHash),
    check('users_kind_ck', sql`${t.kind} in ('staff','citizen')`),
    check('users_locale_ck', sql`${t.locale} in ('vi','en')`),
    check('users_staff_login_ck', sql`${t.kind} <> 'staff' or ${t.username} is not null`),
    check('users_citizen_phone_ck', sql`${t.kind} <> 'citizen' or ${t.phone} is not null`),
    // Added NOT VALID by the migration (rows from before get their index at the next start).
    check('users_citizen_phone_hash_ck', sql`${t.kind} <> 'citizen' or ${t.phoneHash} is not null`),
    check('users_email_hash_ck', sql`${t.email} is null or ${t.emailHash} is not null`),
  ],
);

/** A role held by a user, optionally scoped to an agency (and its sub-units) or an administrative unit. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    unitCode: text('unit_code').references(() => adminUnits.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_assignments_user_idx').on(t.userId),
    uniqueIndex('role_assignments_uq').on(
      t.userId,
      t.role,
      sql`coalesce(${t.agencyId}::text, '')`,
      sql`coalesce(${t.unitCode}, '')`,
    ),
    check(
      'role_assignments_role_ck',
      sql`${t.role} in ('citizen','call_agent','ioc_operator','agency_handler','agency_lead','alert_officer','alert_approver','editor','department_staff','community_team','admin')`,
    ),
    check(
      'role_assignments_agency_ck',
      sql`${t.role} not in ('agency_handler','agency_lead','community_team') or ${t.agencyId} is not null`,
    ),
  ],
);

/** Server-side sessions; the cookie carries a random token whose SHA-256 is the id. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    mfaPending: boolean('mfa_pending').notNull().default(false),
    mfaVerified: boolean('mfa_verified').notNull().default(false),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * One-time codes sent by SMS to sign citizens in; only a hash of the code is kept, and only the phone's
 * blind index (codes live 5 minutes: after a key rotation a pending code is simply asked for again).
 */
export const oneTimeCodes = pgTable(
  'one_time_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phoneHash: text('phone_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    purpose: text('purpose').notNull().default('sign_in'),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('one_time_codes_phone_idx').on(t.phoneHash, t.createdAt)],
);
