import { date, pgTable, serial, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportEvents, reports } from '../../modules/feedback/feedback.schema.js';
import { auditLog } from '../audit/audit.schema.js';
import { randomBytes } from 'node:crypto';
import { installKeyRing, keyRing, Sealed } from '../crypto/field-cipher.js';
import { openTestDatabase, TEST_ENGINE, type TestDatabase } from '../../testing/test-database.js';
import { insertMany } from './insert-many.js';

let t: TestDatabase;
beforeAll(async () => {
  installKeyRing(keyRing(randomBytes(32)));
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const report = (code: string, extra: Partial<typeof reports.$inferInsert> = {}) => ({
  trackingCode: code,
  channel: 'web',
  citizenCategoryCode: 'giao_thong_ha_tang',
  categoryCode: 'giao_thong_ha_tang',
  title: 'Ổ gà lớn trên đường Hùng Vương',
  body: 'Mặt đường có nhiều ổ gà, nguy hiểm ban đêm.',
  address: null,
  lat: 10.5359,
  lon: 106.4107,
  unitCode: '80',
  urgency: 'normal',
  receivedAt: new Date('2026-11-02T01:02:03.456Z'),
  deadlineAt: new Date('2026-11-07T10:00:00Z'),
  reporterName: Sealed.of('Nguyễn Văn A'),
  reporterEmail: Sealed.of('a@example.vn'),
  reporterPhone: null,
  displayPublicly: 'anonymous',
  consentAt: new Date('2026-11-02T01:02:03.456Z'),
  consentVersion: 'v1',
  lang: 'vi',
  ...extra,
});

/** The returned row without the values the database makes up per row. */
const comparable = (row: Record<string, unknown>) => {
  const { id: _id, trackingCode: _code, search: _search, createdAt: _c, updatedAt: _u, ...rest } = row;
  // Each encryption draws its own nonce: compare what the sealed values open to.
  const open = (v: unknown) => (v as Sealed | null)?.open() ?? null;
  return { ...rest, reporterName: open(row.reporterName), reporterEmail: open(row.reporterEmail) };
};

describe(`insertMany (${TEST_ENGINE})`, () => {
  it('returns what drizzle’s insert … returning gives: dates, numbers, encrypted text, json, defaults', async () => {
    const [viaDrizzle] = await t.database.db.insert(reports).values(report('LA-TEST-0001')).returning();
    const many = await insertMany(t.database.db, reports, [
      report('LA-TEST-0002'),
      report('LA-TEST-0003', { idempotencyKey: 'k-1', address: 'Phường 2, Tân An' }),
    ]);
    expect(many.map((r) => r.trackingCode)).toEqual(['LA-TEST-0002', 'LA-TEST-0003']);
    expect(comparable(many[0]!)).toEqual(comparable(viaDrizzle!));
    expect(many[0]!.receivedAt).toEqual(new Date('2026-11-02T01:02:03.456Z'));
    expect(many[0]!.status).toBe('received'); // database default
    expect(many[0]!.version).toBe(1);
    expect(many[0]!.idempotencyKey).toBeNull(); // left out of this row, given by the other
    expect(many[1]!.idempotencyKey).toBe('k-1');
    expect(many[0]!.reporterEmail!.open()).toBe('a@example.vn');

    const events = await insertMany(
      t.database.db,
      reportEvents,
      many.map((r, i) => ({
        reportId: r.id,
        at: r.receivedAt,
        action: 'received',
        fromStatus: null,
        toStatus: 'received',
        isPublic: true,
        actorId: null,
        actorLabel: 'test',
        note: null,
        data: { channel: 'web', n: i, nested: { vi: 'Tiếng Việt' } },
      })),
    );
    expect(typeof events[0]!.id).toBe('number');
    expect(events[1]!.id).toBeGreaterThan(events[0]!.id);
    expect(events[1]!.data).toEqual({ channel: 'web', n: 1, nested: { vi: 'Tiếng Việt' } });
    const [readBack] = await t.database.query<{ data: unknown }>(
      'select data from report_events where id = $1',
      [events[1]!.id],
    );
    expect(readBack!.data).toEqual({ channel: 'web', n: 1, nested: { vi: 'Tiếng Việt' } });
  });

  it('writes inside the caller’s transaction and nothing when it rolls back', async () => {
    const row = {
      at: new Date(),
      actorId: null,
      actorLabel: 'test',
      action: 'test.rollback',
      entityType: 'thing',
      entityId: '1',
      summary: {},
      ip: null,
      requestId: null,
      prevHash: 'x',
      hash: 'y',
      chain: 3,
    };
    await expect(
      t.database.db.transaction(async (tx) => {
        const [written] = await insertMany(tx, auditLog, [row]);
        expect(written!.chain).toBe(3);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const left = await t.database.query("select 1 from audit_log where action = 'test.rollback'");
    expect(left).toHaveLength(0);
  });

  it('refuses tables whose dates the raw driver would read differently from drizzle', async () => {
    const local = pgTable('insert_many_local_times', {
      id: serial('id').primaryKey(),
      day: date('day'),
      at: timestamp('at'),
    });
    await expect(insertMany(t.database.db, local, [{ day: '2026-11-30' }])).rejects.toThrow(
      /insert_many_local_times\.day is date/,
    );
  });

  it('refuses a column the table does not have', async () => {
    await expect(
      insertMany(t.database.db, reportEvents, [{ nope: 1 } as unknown as typeof reportEvents.$inferInsert]),
    ).rejects.toThrow(/has no nope/);
  });
});
