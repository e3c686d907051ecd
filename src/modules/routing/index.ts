/**
 * What other modules may use from routing: categories, deadlines in working days, and the routing
 * suggestion (category × administrative unit → agency).
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { AgencyRef } from '../identity/index.js';
import { calendarDays, categories, settings } from './routing.schema.js';
import { WorkingCalendar } from './working-calendar.js';

export { WorkingCalendar } from './working-calendar.js';
export {
  cachedRoutingSnapshot,
  invalidateRoutingSnapshot,
  loadRoutingSnapshot,
  RoutingSnapshot,
} from './routing-snapshot.js';
import { loadRoutingSnapshot } from './routing-snapshot.js';

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

/** The deadline of a report of this category and urgency class received at `receivedAt`. */
export async function deadlineFor(
  db: Executor,
  categoryCode: string,
  urgency: string,
  receivedAt: Date,
): Promise<Date | null> {
  return (await loadRoutingSnapshot(db)).deadlineFor(categoryCode, urgency, receivedAt);
}

/** Adds working days to a deadline (an approved extension). */
export async function extendDeadline(db: Executor, from: Date, days: number): Promise<Date> {
  const rows = await db.select().from(calendarDays);
  return new WorkingCalendar(rows as never).addWorkingDays(from, days, { countFrom: 'date' });
}

/** The agency a report should go to (see RoutingSnapshot.suggest). */
export async function suggestAgency(
  db: Executor,
  categoryCode: string,
  unitCode: string | null,
): Promise<AgencyRef | undefined> {
  return (await loadRoutingSnapshot(db)).suggest(categoryCode, unitCode);
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
