import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The ids of the data encryption keys that personal values in this database are sealed with. A start with
 * a key ring that holds none of them stops with a clear message instead of failing on the first read.
 */
export const dataKeys = pgTable('data_keys', {
  id: text('id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
