import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import type { Profile } from '../../platform/profile/profile.js';
import { calendarDays, categories, deadlinePolicies } from './routing.schema.js';

/**
 * Upserts the profile's categories, deadline policies and calendar days (idempotent). Rows the profile
 * no longer lists are kept, and `active` is left as an administrator set it.
 */
export async function seedRouting(tx: Executor, profile: Profile): Promise<void> {
  if (profile.categories.length > 0) {
    await tx
      .insert(categories)
      .values(
        profile.categories.map((c, i) => ({
          code: c.code,
          name: c.name,
          nameEn: c.nameEn,
          description: c.description,
          urgency: c.urgency,
          duplicateRadiusM: c.duplicateRadiusM,
          defaultAgencyCode: c.defaultAgencyCode ?? null,
          routeTo: c.routeTo ?? null,
          sortOrder: (i + 1) * 10,
        })),
      )
      .onConflictDoUpdate({
        target: categories.code,
        set: {
          name: sql`excluded.name`,
          nameEn: sql`excluded.name_en`,
          description: sql`excluded.description`,
          urgency: sql`excluded.urgency`,
          duplicateRadiusM: sql`excluded.duplicate_radius_m`,
          defaultAgencyCode: sql`excluded.default_agency_code`,
          routeTo: sql`excluded.route_to`,
          sortOrder: sql`excluded.sort_order`,
        },
      });
  }

  // The unique key is an expression (coalesce(category_code, '')), which ON CONFLICT cannot name
  // through the query builder; the handful of rows makes select-then-write cheap.
  for (const p of profile.deadlinePolicies) {
    const scope = and(
      p.categoryCode === undefined
        ? isNull(deadlinePolicies.categoryCode)
        : eq(deadlinePolicies.categoryCode, p.categoryCode),
      eq(deadlinePolicies.urgency, p.urgency),
    );
    const [existing] = await tx
      .select({ id: deadlinePolicies.id })
      .from(deadlinePolicies)
      .where(scope)
      .limit(1);
    if (existing) {
      await tx
        .update(deadlinePolicies)
        .set({ amount: p.amount, unit: p.unit })
        .where(eq(deadlinePolicies.id, existing.id));
    } else {
      await tx
        .insert(deadlinePolicies)
        .values({ categoryCode: p.categoryCode ?? null, urgency: p.urgency, amount: p.amount, unit: p.unit });
    }
  }

  if (profile.holidays.length > 0) {
    await tx
      .insert(calendarDays)
      .values(profile.holidays.map((h) => ({ date: h.date, kind: h.kind, name: h.name })))
      .onConflictDoUpdate({
        target: calendarDays.date,
        set: { kind: sql`excluded.kind`, name: sql`excluded.name` },
      });
  }
}
