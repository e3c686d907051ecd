import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Feedback categories (lĩnh vực) from the province profile. The usual handler is an agency code
 * (text, not a foreign key: agencies belong to the identity module) and/or `route_to = 'unit_pc'`,
 * the People's Committee of the report's administrative unit.
 */
export const categories = pgTable(
  'categories',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    description: text('description').notNull().default(''),
    urgency: text('urgency').notNull(),
    duplicateRadiusM: integer('duplicate_radius_m').notNull().default(0),
    defaultAgencyCode: text('default_agency_code'),
    routeTo: text('route_to'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    check('categories_urgency_ck', sql`${t.urgency} in ('urgent','field','normal')`),
    check('categories_route_to_ck', sql`${t.routeTo} is null or ${t.routeTo} in ('unit_pc')`),
    check('categories_handler_ck', sql`${t.defaultAgencyCode} is not null or ${t.routeTo} is not null`),
    check('categories_duplicate_radius_ck', sql`${t.duplicateRadiusM} >= 0`),
  ],
);

/** Handling deadlines per urgency class, optionally overridden for one category. */
export const deadlinePolicies = pgTable(
  'deadline_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryCode: text('category_code').references(() => categories.code),
    urgency: text('urgency').notNull(),
    amount: integer('amount').notNull(),
    unit: text('unit').notNull(),
  },
  (t) => [
    uniqueIndex('deadline_policies_scope_uq').on(sql`coalesce(${t.categoryCode}, '')`, t.urgency),
    check('deadline_policies_urgency_ck', sql`${t.urgency} in ('urgent','field','normal')`),
    check('deadline_policies_amount_ck', sql`${t.amount} > 0`),
    check('deadline_policies_unit_ck', sql`${t.unit} in ('working_day','calendar_day','hour')`),
  ],
);

/** Exceptions to the Mon–Fri civil-service week: weekday days off and make-up Saturdays. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    check(
      'calendar_days_kind_ck',
      sql`${t.kind} in ('holiday','compensatory','swapped_off','makeup_workday')`,
    ),
  ],
);

/**
 * Routing rules: a category in an administrative unit (or anywhere, unit null) goes to an agency.
 * The most specific matching rule wins; without one, the category's default applies.
 */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    unitCode: text('unit_code'),
    agencyCode: text('agency_code').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('routing_rules_scope_uq').on(t.categoryCode, sql`coalesce(${t.unitCode}, '')`)],
);

/** Settings an administrator or the IOC can change at run time (e.g. automatic routing on/off). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
