import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_ENGINE } from '../../testing/test-database.js';
import { verifyAuditChain } from '../audit/audit.js';
import { loadProfile } from '../profile/profile.js';
import { seedDatabase } from '../../seed/seed.js';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from './backup.js';
import { openPglite, openPostgres, type Database } from './database.js';
import { migrateDatabase } from './migrate.js';

// A backup is only one if it restores: back up a seeded database, restore it into an empty one, compare
// every table's rows and check the audit chain.

const scratch = mkdtempSync(path.join(tmpdir(), 'tinhso-backup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function fingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `select quote_ident(table_schema) || '.' || quote_ident(table_name) as name
       from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle')
      order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    // Row count and a hash of every row's text: equal tables give equal fingerprints.
    const [row] = await db.query<{ n: number; h: string | null }>(
      `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${name} t`,
    );
    out[name] = `${row!.n}:${row!.h}`;
  }
  return out;
}

async function seeded(db: Database): Promise<void> {
  await seedDatabase(db, loadProfile('long-an-2022'), 'demo', {
    admin: 'Admin-Test-2026!',
    demo: 'Demo-Test-2026!',
  });
}

describe(`backup and restore (${TEST_ENGINE})`, () => {
  it.runIf(TEST_ENGINE === 'pglite')(
    'saves the embedded database and restores it whole into a new data folder',
    async () => {
      const source = path.join(scratch, 'source');
      const db = await openPglite(source);
      await migrateDatabase(db);
      await seeded(db);
      const before = await fingerprint(db);
      await db.close();

      const file = path.join(scratch, 'backup.tar.gz');
      expect(await backupPglite(source, file)).toBeGreaterThan(1000);
      const target = path.join(scratch, 'target');
      await restorePglite(file, target);
      // Restoring over a database is refused (nothing is overwritten).
      await expect(restorePglite(file, target)).rejects.toThrow(/restore into an empty folder/);

      const restored = await openPglite(target);
      try {
        expect(await fingerprint(restored)).toEqual(before);
        expect(Object.keys(before).length).toBeGreaterThan(20);
        expect((await verifyAuditChain(restored)).ok).toBe(true);
      } finally {
        await restored.close();
      }
    },
    240_000,
  );

  it.runIf(TEST_ENGINE === 'postgres')(
    'saves a PostgreSQL database with pg_dump and restores it whole into an empty one',
    async () => {
      const source = await openTestDatabase();
      const target = await openTestDatabase({ migrate: false });
      try {
        await seeded(source.database);
        const before = await fingerprint(source.database);
        const file = path.join(scratch, 'backup.dump');
        await backupPostgres(source.url!, file);
        await target.database.close();
        await restorePostgres(file, target.url!);
        const restored = await openPostgres(target.url!, 1);
        try {
          expect(await fingerprint(restored)).toEqual(before);
          expect((await verifyAuditChain(restored)).ok).toBe(true);
        } finally {
          await restored.close();
        }
      } finally {
        await source.drop();
        await target.drop().catch(() => undefined);
      }
    },
    240_000,
  );
});
