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
    index('analytics_daily_day_idx').on(t.day),
    index('analytics_daily_agency_idx').on(t.agencyId, t.day),
    index('analytics_daily_open_idx')
      .on(t.day)
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
  (t) => [index('analytics_monthly_month_idx').on(t.month)],
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
    index('analytics_monthly_agency_month_idx').on(t.month),
    index('analytics_monthly_agency_agency_idx').on(t.agencyId, t.month),
  ],
);

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
