import path from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');

const MIGRATION_LOCK = 7_102_022;

/**
 * Applies the SQL migrations (the same files on both engines). On a PostgreSQL server an advisory
 * lock makes concurrent starters (several web processes) wait for one another.
 */
export async function migrateDatabase(database: Database, databaseUrl?: string): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  if (!databaseUrl) throw new Error('databaseUrl is required to migrate a PostgreSQL server');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}

const STARTUP_LOCK = 7_102_023;

/**
 * Holds a server-wide lock while a process migrates and seeds, so web and worker processes started together
 * on one PostgreSQL server take turns (the second finds everything done). PGlite: the data-folder lock
 * already keeps a second process out, so nothing to do. Returns the release function.
 */
export async function acquireStartupLock(
  database: Database,
  databaseUrl?: string,
): Promise<() => Promise<void>> {
  if (database.kind === 'pglite' || !databaseUrl) return async () => undefined;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
  return async () => {
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  };
}
