import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../platform/audit/audit.js';
import { decryptText } from '../../../platform/crypto/field-cipher.js';
import { createTestApp, TestClient, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';
import { anonymiseOldReports } from './deadline-jobs.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const report = (title: string) => ({
  categoryCode: 'giao_thong_ha_tang',
  title,
  body: 'Ổ gà lớn trước số nhà 12, xe máy dễ té ngã vào ban đêm, đề nghị sửa sớm.',
  location: { lat: 10.5359, lon: 106.4107 },
  reporter: { name: 'Lê Văn Tám', phone: '0909777888', email: 'tam@example.vn' },
  displayPublicly: 'name',
  consent: true,
});

interface Row {
  id: string;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_email: string | null;
  display_publicly: string;
  title: string;
}

describe(`personal data kept no longer than needed (${TEST_ENGINE})`, () => {
  it('removes the reporter from reports closed long ago, once, and leaves recent and open ones alone', async () => {
    const c = new TestClient(t.app);
    const [old, recent, open] = await Promise.all(
      ['Báo cáo cũ đã đóng', 'Báo cáo mới đóng', 'Báo cáo đang xử lý'].map(async (title) =>
        (await c.post('/api/v1/reports', report(title))).json(),
      ),
    );
    const db = t.app.database;
    await db.query(
      `update reports set status = 'closed', closed_at = now() - interval '800 days' where id = $1`,
      [old.id],
    );
    await db.query(
      `update reports set status = 'closed', closed_at = now() - interval '10 days' where id = $1`,
      [recent.id],
    );
    const deps = t.app.feedbackDeps;

    expect(await anonymiseOldReports(deps, 0)).toBe('skipped');
    expect(await anonymiseOldReports(deps, 730)).toBe('done');
    const rows = await db.query<Row>(
      `select id, reporter_name, reporter_phone, reporter_email, display_publicly, title
         from reports where id = any($1::uuid[])`,
      [[old.id, recent.id, open.id]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(old.id)).toMatchObject({
      reporter_name: null,
      reporter_phone: null,
      reporter_email: null,
      display_publicly: 'anonymous',
      title: 'Báo cáo cũ đã đóng',
    });
    for (const id of [recent.id, open.id]) {
      const r = byId.get(id)!;
      expect([decryptText(r.reporter_name!), decryptText(r.reporter_email!)]).toEqual([
        'Lê Văn Tám',
        'tam@example.vn',
      ]);
    }
    const hashes = await db.query<{ reporter_phone_hash: string | null }>(
      `select reporter_phone_hash from reports where id = $1`,
      [old.id],
    );
    expect(hashes[0]!.reporter_phone_hash).toBeNull();

    const events = await db.query<{ n: number }>(
      `select count(*)::int as n from report_events where report_id = $1 and action = 'anonymised'`,
      [old.id],
    );
    expect(events[0]!.n).toBe(1);
    const audit = await db.query<{ summary: { ids: string[] } }>(
      `select summary from audit_log where action = 'report.anonymised'`,
    );
    expect(audit.flatMap((a) => a.summary.ids)).toContain(old.id);
    expect(JSON.stringify(audit)).not.toContain('0909777888');
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // The look-up by the old contact finds nothing any more; a second run has nothing left to do.
    const lookup = await c.get(`/api/v1/public/reports/lookup?code=${old.trackingCode}&contact=0909777888`);
    expect(lookup.statusCode).toBe(404);
    const again = await anonymiseOldReports(deps, 730);
    const left = await db.query<{ n: number }>(
      `select count(*)::int as n from reports where status in ('closed','rejected','merged')
          and coalesce(closed_at, updated_at) < now() - interval '730 days' and reporter_email is not null`,
    );
    expect(left[0]!.n).toBe(0);
    expect(['done', 'skipped']).toContain(again);
  });
});
