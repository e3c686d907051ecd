import { sql } from 'drizzle-orm';
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
    // The rows spread over the interleaved chains; a removed row is seen at the next row of its chain.
    const rows = await t.database.query<{ id: string; chain: number }>(
      'select id, chain from audit_log order by id',
    );
    expect(new Set(rows.map((r) => r.chain)).size).toBeGreaterThan(1);
    const removed = rows.find((r, i) => rows.slice(i + 1).some((n) => n.chain === r.chain))!;
    const successor = rows.find((n) => Number(n.id) > Number(removed.id) && n.chain === removed.chain)!;
    const edited = rows.find((r) => r.id !== removed.id && r.id !== successor.id)!;

    // Tampering needs the append-only trigger off: what an attacker with table rights could do.
    await t.database.exec('alter table audit_log disable trigger user');
    await t.database.query(`update audit_log set summary = '{"i": 99}'::jsonb where id = $1`, [edited.id]);
    await t.database.query('delete from audit_log where id = $1', [removed.id]);
    await t.database.exec('alter table audit_log enable trigger user');

    const broken = await verifyAuditChain(t.database);
    expect(broken.ok).toBe(false);
    expect(broken.problems).toEqual(
      [
        { id: Number(edited.id), problem: 'hash_mismatch' },
        { id: Number(successor.id), problem: 'broken_link' },
      ].sort((a, b) => a.id - b.id),
    );
  });

  it('keeps every chain whole when more writers than chains wait for a chain and then link to it', async () => {
    // The tampering of the test above stays; nothing new may be added to it.
    const before = await verifyAuditChain(t.database);
    const actor = { id: null, label: 'test' };
    // Ten pooled connections on PostgreSQL against eight chains: writers wait on a held chain; each must read
    // the chain's last hash only after the holder committed (a snapshot taken before the lock would fork it).
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.database.db.transaction(async (tx) => {
          await appendAudit(tx, actor, { action: 'test.crowd', entityType: 'thing', entityId: String(i) });
          await tx.execute(sql`select pg_sleep(0.01)`);
        }),
      ),
    );
    const after = await verifyAuditChain(t.database);
    expect(after.rows).toBe(before.rows + 60);
    expect(after.problems).toEqual(before.problems);
  });

  it('holds one chain per transaction, so a second writer appends while the first is still open', async () => {
    const actor = { id: null, label: 'test' };
    const heldBy = async (tx: Parameters<Parameters<typeof t.database.db.transaction>[0]>[0]) => {
      const r = await tx.execute(
        sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and classid = 7100001 and objsubid = 2 and pid = pg_backend_pid()`,
      );
      return Number((r as unknown as { rows: { n: number }[] }).rows[0]!.n);
    };
    let firstHeld = -1;
    let secondDone = false;
    await t.database.db.transaction(async (tx) => {
      await appendAudit(tx, actor, { action: 'test.first', entityType: 'thing' });
      firstHeld = await heldBy(tx);
      if (TEST_ENGINE === 'postgres') {
        // The second transaction runs on another connection and must not wait for this one's commit.
        await t.database.db.transaction((tx2) =>
          appendAudit(tx2, actor, { action: 'test.second', entityType: 'thing' }),
        );
        secondDone = true;
      }
    });
    expect(firstHeld).toBe(1);
    if (TEST_ENGINE === 'postgres') expect(secondDone).toBe(true);
    expect((await verifyAuditChain(t.database)).problems.filter((p) => p.id > 12)).toEqual([]);
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
