import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';

/**
 * Trained category classifiers. One row per training run; exactly one may be active. Older versions are
 * kept so the IOC can roll back. Accuracy is measured on a held-out part never used in training.
 */
export const triageModels = pgTable(
  'triage_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull(),
    trainedAt: timestamp('trained_at', { withTimezone: true }).notNull().defaultNow(),
    trainingSize: integer('training_size').notNull(),
    /** Of the training data: reports confirmed at triage (the rest is the profile's corpus). */
    confirmedSize: integer('confirmed_size').notNull().default(0),
    testSize: integer('test_size').notNull(),
    top1: doublePrecision('top1').notNull(),
    top3: doublePrecision('top3').notNull(),
    trainingMs: integer('training_ms').notNull(),
    model: jsonb('model').notNull(),
    active: boolean('active').notNull().default(false),
    trigger: text('trigger').notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('triage_models_version_uq').on(t.version),
    uniqueIndex('triage_models_one_active_uq')
      .on(t.active)
      .where(sql`${t.active}`),
    check('triage_models_trigger_ck', sql`${t.trigger} in ('schedule','manual','seed')`),
    check('triage_models_accuracy_ck', sql`${t.top1} between 0 and 1 and ${t.top3} between 0 and 1`),
    check('triage_models_sizes_ck', sql`${t.trainingSize} >= 0 and ${t.testSize} >= 0`),
  ],
);

/**
 * Emerging hotspots: a category rising well above its usual rate in one administrative unit. One
 * ongoing row (open or acknowledged) per category × unit; a later detection updates it; the IOC
 * acknowledges or dismisses it; it expires when the rise is over.
 */
export const triageHotspots = pgTable(
  'triage_hotspots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryCode: text('category_code').notNull(),
    unitCode: text('unit_code').notNull(),
    status: text('status').notNull().default('open'),
    windowHours: integer('window_hours').notNull(),
    count: integer('count').notNull(),
    /** Expected count in the window from the baseline weeks. */
    expected: doublePrecision('expected').notNull(),
    /** Poisson tail probability of seeing `count` or more when `expected` is the rate. */
    pValue: doublePrecision('p_value').notNull(),
    reportIds: jsonb('report_ids').$type<string[]>().notNull(),
    firstDetectedAt: timestamp('first_detected_at', { withTimezone: true }).notNull().defaultNow(),
    lastDetectedAt: timestamp('last_detected_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
  },
  (t) => [
    uniqueIndex('triage_hotspots_ongoing_uq')
      .on(t.categoryCode, t.unitCode)
      .where(sql`${t.status} in ('open','acknowledged')`),
    index('triage_hotspots_recent_idx').on(t.lastDetectedAt.desc()),
    check('triage_hotspots_status_ck', sql`${t.status} in ('open','acknowledged','dismissed','expired')`),
    check('triage_hotspots_count_ck', sql`${t.count} > 0 and ${t.windowHours} > 0`),
  ],
);
