import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Rate-limit counters shared by every web process on one PostgreSQL server (see rate-limit-store.ts): one
 * row per route and client address, counting hits until `expires_at`. The migration makes the table
 * UNLOGGED (counters need no crash safety, and it spares the write-ahead log one record per request).
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('rate_limit_hits_expires_idx').on(t.expiresAt)],
);
