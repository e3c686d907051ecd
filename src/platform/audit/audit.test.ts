import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_ENGINE, type TestDatabase } from '../../testing/test-database.js';
import { appendAudit, stableStringify, verifyAuditChain } from './audit.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe(`audit chain (${TEST_ENGINE})`, () => {
  it('canonicalises JSON regardless of key order', () => {
    expect(stableStringify({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('chains rows appended concurrently and detects an edited and a removed row', async () => {
    const actor = { id: null, label: 'test', ip: '127.0.0.1', requestId: 'r1' };
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.database.db.transaction((tx) =>
          appendAudit(tx, actor, {
            action: 'test.thing',
            entityType: 'thing',
            entityId: String(i),
            summary: { i, nested: { b: 2, a: 1 } },
          }),
        ),
      ),
    );
    const intact = await verifyAuditChain(t.database);
    expect(intact).toEqual({ ok: true, rows: 12, problems: [] });

    // Tampering needs the append-only trigger off: what an attacker with table rights could do.
    await t.database.exec('alter table audit_log disable trigger user');
    await t.database.query(`update audit_log set summary = '{"i": 99}'::jsonb where id = 5`);
    await t.database.query('delete from audit_log where id = 9');
    await t.database.exec('alter table audit_log enable trigger user');

    const broken = await verifyAuditChain(t.database);
    expect(broken.ok).toBe(false);
    expect(broken.problems).toEqual([
      { id: 5, problem: 'hash_mismatch' },
      { id: 10, problem: 'broken_link' },
    ]);
  });

  it('rolls the audit row back with the change it describes', async () => {
    const before = (await verifyAuditChain(t.database)).rows;
    await expect(
      t.database.db.transaction(async (tx) => {
        await appendAudit(
          tx,
          { id: null, label: 'test' },
          { action: 'test.rolled_back', entityType: 'thing' },
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await verifyAuditChain(t.database)).rows).toBe(before);
  });
});
