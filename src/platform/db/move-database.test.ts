import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../profile/profile.js';
import { seedDatabase } from '../../seed/seed.js';
import { verifyAuditChain } from '../audit/audit.js';
import { openTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { openPglite, openPostgres, type Database } from './database.js';
import { migrateDatabase } from './migrate.js';
import { moveDatabase } from './move-database.js';

// Moving needs a server to move to: this runs in the PostgreSQL pass of the suite (TEST_DATABASE_URL).
describe.runIf(!!process.env.TEST_DATABASE_URL)('moving the embedded database to a PostgreSQL server', () => {
  let source: Database;
  let target: TestDatabase;
  beforeAll(async () => {
    source = await openPglite(null);
    await migrateDatabase(source);
    await seedDatabase(source, loadProfile('long-an-2022'), 'demo', {
      admin: 'Admin-Test-2026!',
      demo: 'Demo-Test-2026!',
    });
    target = await openTestDatabase();
  });
  afterAll(async () => {
    await source?.close();
    await target?.drop();
  });

  it('copies every table with the same rows, keeps the audit chain intact, and refuses a non-empty target', async () => {
    const single = await openPostgres(target.url!, 1);
    try {
      const counts = await moveDatabase(source, single);
      expect(counts.admin_units).toBe(204);
      expect(counts.agencies).toBeGreaterThan(200);
      expect(counts.users).toBe(10);
      for (const table of ['users', 'agencies', 'audit_log', 'categories', 'calendar_days']) {
        const [a] = await source.query<{ n: number }>(`select count(*)::int as n from ${table}`);
        const [b] = await single.query<{ n: number }>(`select count(*)::int as n from ${table}`);
        expect(b!.n, table).toBe(a!.n);
      }
      expect((await verifyAuditChain(single)).ok).toBe(true);
      await expect(moveDatabase(source, single)).rejects.toThrow(/not empty/);
      // Sequences continue after the copied rows.
      await single.query(
        `insert into audit_log (at, actor_label, action, entity_type, prev_hash, hash) values (now(), 't', 't', 't', 'x', 'y')`,
      );
    } finally {
      await single.close();
    }
  });
});
