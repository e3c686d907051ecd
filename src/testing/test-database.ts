import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../platform/db/database.js';
import { migrateDatabase } from '../platform/db/migrate.js';

export interface TestDatabase {
  database: Database;
  /** Connection URL when on a PostgreSQL server. */
  url: string | undefined;
  engine: 'pglite' | 'postgres';
  drop(): Promise<void>;
}

/** The engine integration tests run on: PostgreSQL when TEST_DATABASE_URL is set, PGlite otherwise. */
export const TEST_ENGINE: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database created on the
 * server named by TEST_DATABASE_URL (dropped afterwards).
 */
export async function openTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openPglite(null);
    if (options.migrate ?? true) await migrateDatabase(database);
    return { database, url: undefined, engine: 'pglite', drop: () => database.close() };
  }
  const name = `tinhso_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
  if (options.migrate ?? true) await migrateDatabase(database, url.toString());
  return {
    database,
    url: url.toString(),
    engine: 'postgres',
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
