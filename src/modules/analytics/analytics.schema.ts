import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/** Histogram buckets of durations (see analytics-rules.ts DURATION_BOUNDS_HOURS): 14 columns each. */
const BUCKETS = Array.from({ length: 14 }, (_, i) => i);

function histogram(prefix: 'fa' | 'ans') {
  return Object.fromEntries(
    BUCKETS.map((i) => [`${prefix}H${i}`, integer(`${prefix}_h${i}`).notNull().default(0)]),
  ) as Record<`${typeof prefix}H${number}`, ReturnType<typeof integer>>;
}

/**
 * The figures of one cohort of reports: those received on one day (Vietnam time) in one administrative
 * area (the level under the province), category, channel and agency (null while not assigned). Counts
 * describe the reports' state when the row was last recomputed (see analytics.repository refreshRollups).
 */
const measures = () => ({
  received: integer('received').notNull().default(0),
  openCount: integer('open_count').notNull().default(0),
  overdueOpen: integer('overdue_open').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  merged: integer('merged').notNull().default(0),
  answered: integer('answered').notNull().default(0),
  onTime: integer('on_time').notNull().default(0),
  late: integer('late').notNull().default(0),
  lateWithExtension: integer('late_with_extension').notNull().default(0),
  rated: integer('rated').notNull().default(0),
  satisfied: integer('satisfied').notNull().default(0),
  faCount: integer('fa_count').notNull().default(0),
  faSumHours: doublePrecision('fa_sum_hours').notNull().default(0),
  ansSumHours: doublePrecision('ans_sum_hours').notNull().default(0),
  ...histogram('fa'),
  ...histogram('ans'),
});

export const analyticsDaily = pgTable(
  'analytics_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    areaCode: text('area_code'),
    categoryCode: text('category_code').notNull(),
    channel: text('channel').notNull(),
    agencyId: uuid('agency_id'),
    ...measures(),
  },
  (t) => [
    index('analytics_daily_empty_idx')
      .on(t.received)
      .where(sql`received = 0`),
    unique('analytics_daily_key_uq')
      .on(t.day, t.areaCode, t.categoryCode, t.channel, t.agencyId)
      .nullsNotDistinct(),
    index('analytics_daily_agency_idx').on(t.agencyId, t.day),
    index('analytics_daily_area_idx').on(t.areaCode, t.day),
    index('analytics_daily_category_idx').on(t.categoryCode, t.day),
    index('analytics_daily_open_idx')
      .on(t.day)
      .where(sql`open_count > 0`),
    // The backlog of a filtered dashboard: the open cohorts of one area, category or channel.
    index('analytics_daily_open_area_idx')
      .on(t.areaCode, t.day)
      .where(sql`open_count > 0`),
    index('analytics_daily_open_category_idx')
      .on(t.categoryCode, t.day)
      .where(sql`open_count > 0`),
    index('analytics_daily_open_channel_idx')
      .on(t.channel, t.day)
      .where(sql`open_count > 0`),
  ],
);

/**
 * The same figures per calendar month for the whole province (no agency dimension, so months stay small):
 * long periods, the district map and the public page read it.
 */
export const analyticsMonthly = pgTable(
  'analytics_monthly',
  {
    month: date('month', { mode: 'string' }).notNull(),
    areaCode: text('area_code'),
    categoryCode: text('category_code').notNull(),
    channel: text('channel').notNull(),
    ...measures(),
  },
  (t) => [
    index('analytics_monthly_empty_idx')
      .on(t.received)
      .where(sql`received = 0`),
    unique('analytics_monthly_key_uq').on(t.month, t.areaCode, t.categoryCode, t.channel).nullsNotDistinct(),
  ],
);

/** Per calendar month and agency (null: not assigned yet): rankings, trends, the public page per agency. */
export const analyticsMonthlyAgency = pgTable(
  'analytics_monthly_agency',
  {
    month: date('month', { mode: 'string' }).notNull(),
    agencyId: uuid('agency_id'),
    ...measures(),
  },
  (t) => [
    index('analytics_monthly_agency_empty_idx')
      .on(t.received)
      .where(sql`received = 0`),
    unique('analytics_monthly_agency_key_uq').on(t.month, t.agencyId).nullsNotDistinct(),
    index('analytics_monthly_agency_agency_idx').on(t.agencyId, t.month),
  ],
);

/**
 * One dimension at a time for the whole province, per day: `dim` is channel, category, area or agency and
 * `key` its value (null: not known / not assigned). Every report counts once under each dimension, so the
 * rows of one dimension (say channel) sum to the totals. Unfiltered dashboards read only this table
 * (a few hundred rows a day whatever the number of reports).
 */
export const analyticsDailyDims = pgTable(
  'analytics_daily_dims',
  {
    day: date('day', { mode: 'string' }).notNull(),
    dim: text('dim').notNull(),
    key: text('key'),
    ...measures(),
  },
  (t) => [
    index('analytics_daily_dims_empty_idx')
      .on(t.received)
      .where(sql`received = 0`),
    unique('analytics_daily_dims_key_uq').on(t.day, t.dim, t.key).nullsNotDistinct(),
    index('analytics_daily_dims_open_idx')
      .on(t.dim, t.day)
      .where(sql`open_count > 0`),
  ],
);

/** The same per calendar month (long periods, the public page). */
export const analyticsMonthlyDims = pgTable(
  'analytics_monthly_dims',
  {
    month: date('month', { mode: 'string' }).notNull(),
    dim: text('dim').notNull(),
    key: text('key'),
    ...measures(),
  },
  (t) => [
    index('analytics_monthly_dims_empty_idx')
      .on(t.received)
      .where(sql`received = 0`),
    unique('analytics_monthly_dims_key_uq').on(t.month, t.dim, t.key).nullsNotDistinct(),
  ],
);

/**
 * One dimension at a time (channel, category, area) per day and assigned agency: what an agency-scoped
 * reader (an agency lead, an agency's page) sees, read by agency without touching the other agencies.
 */
export const analyticsDailyAgencyDims = pgTable(
  'analytics_daily_agency_dims',
  {
    agencyId: uuid('agency_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    dim: text('dim').notNull(),
    key: text('key'),
    ...measures(),
  },
  (t) => [
    index('analytics_daily_agency_dims_empty_idx')
      .on(t.received)
      .where(sql`received = 0`),
    unique('analytics_daily_agency_dims_key_uq').on(t.agencyId, t.day, t.dim, t.key).nullsNotDistinct(),
    index('analytics_daily_agency_dims_open_idx')
      .on(t.agencyId, t.day)
      .where(sql`open_count > 0 and dim = 'channel'`),
  ],
);

/**
 * What each report contributes to the rollups as of the last refresh (its cohort keys and flags). A refresh
 * subtracts the old contribution of each changed report and adds the new one, so its cost follows the
 * number of changed reports, not the size of the days they were received on.
 */
export const analyticsFacts = pgTable('analytics_facts', {
  reportId: uuid('report_id').primaryKey(),
  day: date('day', { mode: 'string' }).notNull(),
  areaCode: text('area_code'),
  categoryCode: text('category_code').notNull(),
  channel: text('channel').notNull(),
  agencyId: uuid('agency_id'),
  openCount: integer('open_count').notNull(),
  overdueOpen: integer('overdue_open').notNull(),
  rejected: integer('rejected').notNull(),
  merged: integer('merged').notNull(),
  answered: integer('answered').notNull(),
  onTime: integer('on_time').notNull(),
  late: integer('late').notNull(),
  lateWithExtension: integer('late_with_extension').notNull(),
  rated: integer('rated').notNull(),
  satisfied: integer('satisfied').notNull(),
  faHours: doublePrecision('fa_hours'),
  ansHours: doublePrecision('ans_hours'),
});

/** Reports an agency sent back to the IOC as not theirs, per day (from `return_to_ioc` events). */
export const analyticsReturns = pgTable(
  'analytics_returns',
  {
    day: date('day', { mode: 'string' }).notNull(),
    agencyId: uuid('agency_id').notNull(),
    returned: integer('returned').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.agencyId] })],
);

/** How far the rollups have read: the last report event folded in and when overdue counts were taken. */
export const analyticsState = pgTable('analytics_state', {
  id: integer('id').primaryKey(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
});
