import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sealedText } from '../../platform/crypto/sealed-column.js';
import { adminUnits, agencies, users } from '../identity/identity.schema.js';

/** A plan or directive (kế hoạch, công văn) whose tasks agencies carry out and report on quarterly. */
export const campaignPlans = pgTable(
  'campaign_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Document number, e.g. "310/KH-UBND". Unique. */
    number: text('number').notNull(),
    title: text('title').notNull(),
    issuingBody: text('issuing_body').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('active'),
    /** Reports are due on this day of the quarter's last month (1–28). */
    dueDay: integer('due_day').notNull().default(15),
    /** Reminders start this many days before the due date. */
    remindDaysBefore: integer('remind_days_before').notNull().default(5),
    /** A quarter is closed to new reports and edits this many days after its due date. */
    closeAfterDays: integer('close_after_days').notNull().default(60),
    /** Compare-and-set for edits from the console. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_plans_number_uq').on(t.number),
    check('campaign_plans_status_ck', sql`${t.status} in ('draft','active','closed')`),
    check('campaign_plans_due_day_ck', sql`${t.dueDay} between 1 and 28`),
    check('campaign_plans_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('campaign_plans_remind_ck', sql`${t.remindDaysBefore} between 0 and 60`),
    check('campaign_plans_close_ck', sql`${t.closeAfterDays} between 0 and 366`),
  ],
);

/** A task of a plan, assigned to a group of agencies (resolved from agency kinds) or to one agency. */
export const campaignTasks = pgTable(
  'campaign_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => campaignPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    assigneeGroup: text('assignee_group').notNull(),
    assigneeAgencyId: uuid('assignee_agency_id').references(() => agencies.id),
    /** Materials to use: [{ title, url }] (links; the content library is not referenced by key). */
    materials: jsonb('materials').$type<{ title: string; url: string }[]>().notNull().default([]),
  },
  (t) => [
    index('campaign_tasks_plan_idx').on(t.planId, t.position),
    check(
      'campaign_tasks_group_ck',
      sql`${t.assigneeGroup} in ('all_recipients','departments','district_pcs','sociopolitical','press','service_centres','agency')`,
    ),
    check(
      'campaign_tasks_agency_ck',
      sql`(${t.assigneeGroup} = 'agency') = (${t.assigneeAgencyId} is not null)`,
    ),
  ],
);

/** A figure agencies report for a task (e.g. banners hung); code unique within the plan. */
export const campaignMeasures = pgTable(
  'campaign_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => campaignPlans.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => campaignTasks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    /** How quarterly figures combine: summed, or a rate (e.g. broadcasts per week) averaged. */
    aggregation: text('aggregation').notNull().default('sum'),
    /** The least acceptable value (e.g. 2 broadcasts a week); below it the dashboard flags the agency. */
    minimum: numeric('minimum', { mode: 'number' }),
    /** Filled by community digital teams' activity records too. */
    communitySource: text('community_source'),
  },
  (t) => [
    uniqueIndex('campaign_measures_code_uq').on(t.planId, t.code),
    index('campaign_measures_task_idx').on(t.taskId),
    check('campaign_measures_aggregation_ck', sql`${t.aggregation} in ('sum','average')`),
    check(
      'campaign_measures_community_ck',
      sql`${t.communitySource} is null or ${t.communitySource} in ('households_guided','people_guided','installs_helped')`,
    ),
  ],
);

/** A target per administrative unit: a measure reaching a share of a base (smartphone users) by a date. */
export const campaignTargets = pgTable(
  'campaign_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => campaignPlans.id, { onDelete: 'cascade' }),
    measureCode: text('measure_code').notNull(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => adminUnits.code),
    /** Target share of the base, in percent (e.g. 80). */
    targetPercent: numeric('target_percent', { mode: 'number' }).notNull(),
    /** The base: estimated smartphone users in the unit. */
    baseValue: integer('base_value').notNull(),
    baseLabel: text('base_label').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    uniqueIndex('campaign_targets_uq').on(t.planId, t.measureCode, t.unitCode),
    check('campaign_targets_percent_ck', sql`${t.targetPercent} > 0 and ${t.targetPercent} <= 100`),
    check('campaign_targets_base_ck', sql`${t.baseValue} > 0`),
  ],
);

/** An agency's report for one quarter of a plan. */
export const campaignReports = pgTable(
  'campaign_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => campaignPlans.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    status: text('status').notNull().default('draft'),
    narrative: text('narrative').notNull().default(''),
    version: integer('version').notNull().default(1),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** First submission after the due date. */
    late: text('late').notNull().default('no'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewComment: text('review_comment'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_reports_uq').on(t.planId, t.agencyId, t.year, t.quarter),
    index('campaign_reports_quarter_idx').on(t.planId, t.year, t.quarter),
    check(
      'campaign_reports_status_ck',
      sql`${t.status} in ('draft','submitted','correction_requested','accepted')`,
    ),
    check('campaign_reports_quarter_ck', sql`${t.quarter} between 1 and 4`),
    check('campaign_reports_year_ck', sql`${t.year} between 2000 and 2100`),
    check('campaign_reports_late_ck', sql`${t.late} in ('no','yes')`),
    check('campaign_reports_submitted_ck', sql`${t.status} = 'draft' or ${t.submittedAt} is not null`),
  ],
);

/** The figure an agency reports for a measure in its quarterly report. */
export const campaignReportFigures = pgTable(
  'campaign_report_figures',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => campaignReports.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => campaignMeasures.id, { onDelete: 'cascade' }),
    value: numeric('value', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.measureId] }),
    check('campaign_report_figures_value_ck', sql`${t.value} >= 0 and ${t.value} < 100000000`),
  ],
);

/** What happened to a report (saved, submitted, correction asked, accepted), shown as its history. */
export const campaignReportEvents = pgTable(
  'campaign_report_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => campaignReports.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    actorLabel: text('actor_label').notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaign_report_events_report_idx').on(t.reportId, t.id),
    check(
      'campaign_report_events_action_ck',
      sql`${t.action} in ('save','submit','resubmit','request_correction','accept')`,
    ),
  ],
);

/** Photos and documents attached to a report (banners, leaflets), checked by content before storing. */
export const campaignReportFiles = pgTable(
  'campaign_report_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => campaignReports.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaign_report_files_report_idx').on(t.reportId),
    check('campaign_report_files_size_ck', sql`${t.size} > 0`),
  ],
);

/** In-app notices to an agency: a report due soon or overdue (one per kind and quarter). */
export const campaignNotices = pgTable(
  'campaign_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => campaignPlans.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    /** When the reminder mail went out (claimed before sending, so it goes once). */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
    /** How many addresses it went to (0: the agency has no contact address). */
    mailedTo: integer('mailed_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_notices_uq').on(t.planId, t.agencyId, t.year, t.quarter, t.kind),
    index('campaign_notices_agency_idx').on(t.agencyId, t.createdAt),
    check('campaign_notices_kind_ck', sql`${t.kind} in ('due_soon','overdue')`),
  ],
);

/**
 * A member of a commune's community digital team (Tổ công nghệ số cộng đồng): a staff account with the
 * community_team role, or a name and phone for a volunteer without an account.
 */
export const communityTeamMembers = pgTable(
  'community_team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The team: the commune (or district) People's Committee the team belongs to. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: uuid('user_id').references(() => users.id),
    fullName: text('full_name').notNull(),
    /** Encrypted (`Sealed`): a volunteer's own number. */
    phone: sealedText('phone'),
    isLead: boolean('is_lead').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('community_team_members_agency_idx').on(t.agencyId),
    uniqueIndex('community_team_members_user_uq').on(t.agencyId, t.userId),
    check('community_team_members_name_ck', sql`length(${t.fullName}) between 2 and 200`),
  ],
);

/** A community digital team member's field record: households guided and installs helped, in a commune. */
export const communityActivities = pgTable(
  'community_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Key chosen by the device, so an offline record sent twice is stored once. */
    clientKey: text('client_key').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    unitCode: text('unit_code')
      .notNull()
      .references(() => adminUnits.code),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    activityOn: date('activity_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    householdsGuided: integer('households_guided').notNull().default(0),
    peopleGuided: integer('people_guided').notNull().default(0),
    installsHelped: integer('installs_helped').notNull().default(0),
    note: text('note'),
    /** Which team member did the work (the recording account may enter for a member without one). */
    memberId: uuid('member_id').references(() => communityTeamMembers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('community_activities_client_uq').on(t.recordedBy, t.clientKey),
    index('community_activities_unit_idx').on(t.unitCode, t.activityOn),
    check(
      'community_activities_figures_ck',
      sql`${t.householdsGuided} between 0 and 10000 and ${t.peopleGuided} between 0 and 100000 and ${t.installsHelped} between 0 and 100000`,
    ),
  ],
);

/**
 * The citizen app's anonymous install count: a random id made on the device and the area it chose. No
 * person, account or address is stored; the id is kept as its SHA-256.
 */
export const appInstalls = pgTable(
  'app_installs',
  {
    installHash: text('install_hash').primaryKey(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => adminUnits.code),
    /** The district of the unit (level 2), for counting. */
    districtCode: text('district_code').notNull(),
    firstSeenOn: date('first_seen_on', { mode: 'string' }).notNull(),
    lastSeenOn: date('last_seen_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('app_installs_district_idx').on(t.districtCode, t.lastSeenOn)],
);

/** Install and active-user figures read from the app stores' consoles, per district and month. */
export const appStoreFigures = pgTable(
  'app_store_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => adminUnits.code),
    /** First day of the month, e.g. 2026-10-01. */
    month: date('month', { mode: 'string' }).notNull(),
    store: text('store').notNull(),
    installs: integer('installs').notNull(),
    activeUsers: integer('active_users').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('app_store_figures_uq').on(t.unitCode, t.month, t.store),
    check('app_store_figures_store_ck', sql`${t.store} in ('google_play','app_store')`),
    check(
      'app_store_figures_values_ck',
      sql`${t.installs} between 0 and 10000000 and ${t.activeUsers} between 0 and 10000000`,
    ),
    check('app_store_figures_month_ck', sql`extract(day from ${t.month}) = 1`),
  ],
);
