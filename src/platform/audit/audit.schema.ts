import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only audit trail: one row per change by anyone, written in the same transaction as the
 * change, chained by SHA-256 so that an edited or removed row is detectable (`verifyAuditChain`).
 * The rows form AUDIT_CHAINS interleaved chains (`chain`): each row links to the previous row of its own
 * chain, so up to that many transactions can append at the same time (one would serialise every
 * writer of the whole system on one lock until its commit). A trigger (migration) refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: jsonb('summary')
      .notNull()
      .default(sql`'{}'::jsonb`),
    ip: text('ip'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    chain: smallint('chain').notNull().default(0),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_log_actor_idx').on(t.actorId, t.id),
    index('audit_log_action_idx').on(t.action, t.id),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_chain_idx').on(t.chain, t.id),
  ],
);
