/**
 * What other modules may use from routing: categories, deadlines in working days, and the routing
 * suggestion (category × administrative unit → agency).
 */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { agencyByCode, peoplesCommitteeOf, unitByCode, type AgencyRef } from '../identity/index.js';
import { calendarDays, categories, deadlinePolicies, routingRules, settings } from './routing.schema.js';
import { WorkingCalendar } from './working-calendar.js';

export { WorkingCalendar } from './working-calendar.js';

export type CategoryRow = typeof categories.$inferSelect;

export async function categoryByCode(db: Executor, code: string): Promise<CategoryRow | undefined> {
  const [row] = await db.select().from(categories).where(eq(categories.code, code)).limit(1);
  return row;
}

export async function listCategories(db: Executor): Promise<CategoryRow[]> {
  return db
    .select()
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.sortOrder), asc(categories.code));
}

let calendarCache: { at: number; calendar: WorkingCalendar } | null = null;

/** The working-day calendar (weekday holidays, make-up Saturdays) from the database, cached for a minute. */
export async function workingCalendar(db: Executor): Promise<WorkingCalendar> {
  if (calendarCache && Date.now() - calendarCache.at < 60_000) return calendarCache.calendar;
  const rows = await db.select().from(calendarDays);
  const calendar = new WorkingCalendar(rows as never);
  calendarCache = { at: Date.now(), calendar };
  return calendar;
}

/** The deadline of a report of this category and urgency class received at `receivedAt`. */
export async function deadlineFor(
  db: Executor,
  categoryCode: string,
  urgency: string,
  receivedAt: Date,
): Promise<Date | null> {
  const rows = await db
    .select()
    .from(deadlinePolicies)
    .where(
      and(
        eq(deadlinePolicies.urgency, urgency),
        or(eq(deadlinePolicies.categoryCode, categoryCode), isNull(deadlinePolicies.categoryCode)),
      ),
    );
  const policy =
    rows.find((r) => r.categoryCode === categoryCode) ?? rows.find((r) => r.categoryCode === null);
  if (!policy) return null;
  const calendar = await workingCalendar(db);
  return calendar.deadlineFor(receivedAt, { amount: policy.amount, unit: policy.unit as 'working_day' });
}

/** Adds working days to a deadline (an approved extension). */
export async function extendDeadline(db: Executor, from: Date, days: number): Promise<Date> {
  const calendar = await workingCalendar(db);
  return calendar.addWorkingDays(from, days, { countFrom: 'date' });
}

/**
 * The agency a report should go to: the most specific active routing rule (category + unit, then its
 * parent unit, then category anywhere); otherwise the category's default: the People's Committee of the
 * report's unit (`route_to = unit_pc`) or the default agency.
 */
export async function suggestAgency(
  db: Executor,
  categoryCode: string,
  unitCode: string | null,
): Promise<AgencyRef | undefined> {
  const category = await categoryByCode(db, categoryCode);
  if (!category) return undefined;
  const units: string[] = [];
  for (let code = unitCode; code;) {
    units.push(code);
    code = (await unitByCode(db, code))?.parentCode ?? null;
  }
  const rules = await db
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.categoryCode, categoryCode), eq(routingRules.active, true)));
  for (const u of [...units, null]) {
    const rule = rules.find((r) => r.unitCode === u);
    if (rule) {
      const agency = await agencyByCode(db, rule.agencyCode);
      if (agency) return agency;
    }
  }
  if (category.routeTo === 'unit_pc') {
    for (const u of units) {
      const pc = await peoplesCommitteeOf(db, u);
      if (pc) return pc;
    }
  }
  return category.defaultAgencyCode ? agencyByCode(db, category.defaultAgencyCode) : undefined;
}

export async function getSetting(db: Executor, key: string): Promise<string | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
  return row?.value;
}

export async function putSetting(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } });
}

export const AUTO_ROUTING_SETTING = 'routing.auto_assign';
