import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.js';
import { allActiveAgencies, allUnits, type AgencyRef, type UnitRef } from '../identity/index.js';
import { calendarDays, categories, deadlinePolicies, routingRules } from './routing.schema.js';
import { WorkingCalendar } from './working-calendar.js';

type CategoryRow = typeof categories.$inferSelect;
type PolicyRow = typeof deadlinePolicies.$inferSelect;
type RuleRow = typeof routingRules.$inferSelect;

/**
 * Everything routing decisions read — categories, deadline policies, the working calendar, routing
 * rules, units and agencies — loaded in a few queries, so that intake decides without further round trips.
 */
export class RoutingSnapshot {
  private readonly categoriesByCode: Map<string, CategoryRow>;
  private readonly unitsByCode: Map<string, UnitRef>;
  private readonly agenciesByCode: Map<string, AgencyRef>;
  private readonly committeeByUnit = new Map<string, AgencyRef>();

  constructor(
    categoryRows: CategoryRow[],
    private readonly policies: PolicyRow[],
    private readonly rules: RuleRow[],
    units: UnitRef[],
    agencies: AgencyRef[],
    readonly calendar: WorkingCalendar,
  ) {
    this.categoriesByCode = new Map(categoryRows.map((c) => [c.code, c]));
    this.unitsByCode = new Map(units.map((u) => [u.code, u]));
    this.agenciesByCode = new Map(agencies.map((a) => [a.code, a]));
    for (const a of agencies) {
      if (
        a.unitCode &&
        (a.kind === 'commune_pc' || a.kind === 'district_pc') &&
        !this.committeeByUnit.has(a.unitCode)
      ) {
        this.committeeByUnit.set(a.unitCode, a);
      }
    }
  }

  category(code: string): CategoryRow | undefined {
    return this.categoriesByCode.get(code);
  }

  unit(code: string): UnitRef | undefined {
    return this.unitsByCode.get(code);
  }

  /** The deadline of a report of this category and urgency class received at `receivedAt`. */
  deadlineFor(categoryCode: string, urgency: string, receivedAt: Date): Date | null {
    const candidates = this.policies.filter((p) => p.urgency === urgency);
    const policy =
      candidates.find((p) => p.categoryCode === categoryCode) ??
      candidates.find((p) => p.categoryCode === null);
    if (!policy) return null;
    return this.calendar.deadlineFor(receivedAt, {
      amount: policy.amount,
      unit: policy.unit as 'working_day',
    });
  }

  /**
   * The agency a report should go to: the most specific active routing rule (category + unit, then its
   * parent units, then category anywhere); otherwise the category's default: the People's Committee of
   * the report's unit (`route_to = unit_pc`) or the default agency.
   */
  suggest(categoryCode: string, unitCode: string | null): AgencyRef | undefined {
    const category = this.category(categoryCode);
    if (!category) return undefined;
    const units: string[] = [];
    for (let code = unitCode; code && units.length < 5; code = this.unit(code)?.parentCode ?? null)
      units.push(code);
    const rules = this.rules.filter((r) => r.categoryCode === categoryCode && r.active);
    for (const u of [...units, null]) {
      const rule = rules.find((r) => r.unitCode === u);
      const agency = rule ? this.agenciesByCode.get(rule.agencyCode) : undefined;
      if (agency) return agency;
    }
    if (category.routeTo === 'unit_pc') {
      for (const u of units) {
        const pc = this.committeeByUnit.get(u);
        if (pc) return pc;
      }
    }
    return category.defaultAgencyCode ? this.agenciesByCode.get(category.defaultAgencyCode) : undefined;
  }
}

/** Loads a fresh snapshot (inside a transaction it sees that transaction's writes). */
export async function loadRoutingSnapshot(db: Executor): Promise<RoutingSnapshot> {
  const [categoryRows, policies, rules, units, agencies, days] = [
    await db.select().from(categories).where(eq(categories.active, true)),
    await db.select().from(deadlinePolicies),
    await db.select().from(routingRules),
    await allUnits(db),
    await allActiveAgencies(db),
    await db.select().from(calendarDays),
  ];
  return new RoutingSnapshot(
    categoryRows,
    policies,
    rules,
    units,
    agencies,
    new WorkingCalendar(days as never),
  );
}

const SNAPSHOT_TTL_MS = 30_000;
const cache = new WeakMap<Database, { at: number; snapshot: Promise<RoutingSnapshot> }>();

/**
 * The snapshot for hot paths (intake), cached per database for 30 seconds; changes made through this
 * process invalidate it at once, changes made by another process show within the TTL.
 */
export function cachedRoutingSnapshot(database: Database): Promise<RoutingSnapshot> {
  const hit = cache.get(database);
  if (hit && Date.now() - hit.at < SNAPSHOT_TTL_MS) return hit.snapshot;
  const snapshot = loadRoutingSnapshot(database.db);
  cache.set(database, { at: Date.now(), snapshot });
  snapshot.catch(() => cache.delete(database));
  return snapshot;
}

/** Forgets the cached snapshot after a change to categories, rules, policies, the calendar or agencies. */
export function invalidateRoutingSnapshot(database: Database): void {
  cache.delete(database);
}
