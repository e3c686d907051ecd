import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { buildApp } from '../../server/app.js';
import { FEEDBACK_SEALED_COLUMNS } from '../../modules/feedback/feedback-deps.js';
import {
  createTestApp,
  TEST_ADMIN_PASSWORD,
  TEST_DATA_KEY,
  TEST_DEMO_PASSWORD,
  TestClient,
  type TestApp,
} from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import { DataKeyError, resealColumns } from './data-keys.js';
import { findCitizenByPhone } from '../../modules/identity/identity.repository.js';
import { emailIndex } from '../../modules/identity/user-contacts.js';
import {
  automaticMailsSince,
  isUndeliverable,
  markUndeliverable,
  recordMail,
} from '../../modules/channels/channels.repository.js';
import { dataKey, decryptText, installedKeyRing } from './field-cipher.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const NAME = 'Trần Thị Bảo Mật';
const PHONE = '0912345679';
const EMAIL = 'bao.mat@example.vn';

const report = (
  title: string,
  reporter: Record<string, string> = { name: NAME, phone: PHONE, email: EMAIL },
) => ({
  categoryCode: 'giao_thong_ha_tang',
  title,
  body: 'Đèn đường hỏng cả đoạn, buổi tối rất tối, đề nghị thay bóng sớm.',
  location: { lat: 10.5359, lon: 106.4107 },
  reporter,
  displayPublicly: 'anonymous',
  consent: true,
});

interface RawReport {
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_email: string | null;
  reporter_phone_hash: string | null;
  reporter_email_hash: string | null;
}

const rawRow = async (id: string) =>
  (
    await t.app.database.query<RawReport>(
      `select reporter_name, reporter_phone, reporter_email, reporter_phone_hash, reporter_email_hash
         from reports where id = $1`,
      [id],
    )
  )[0]!;

describe(`reporters' contacts encrypted at rest (${TEST_ENGINE})`, () => {
  let created: { id: string; trackingCode: string };

  it('stores name, phone and email as AES-GCM text with a key id, and blind indexes', async () => {
    created = (await new TestClient(t.app).post('/api/v1/reports', report('Đèn đường hỏng'))).json();
    const row = await rawRow(created.id);
    const dump = JSON.stringify(row);
    for (const clear of [NAME, PHONE, '912345679', EMAIL]) expect(dump).not.toContain(clear);
    const id = installedKeyRing().current.id;
    for (const v of [row.reporter_name, row.reporter_phone, row.reporter_email])
      expect(v).toMatch(new RegExp(`^ts1\\.${id}\\.`));
    expect(decryptText(row.reporter_phone!)).toBe('+84912345679');
    expect(row.reporter_phone_hash).toMatch(/^[0-9a-f]{64}$/);
    // A random IV per value: the same phone twice gives two different texts, one index.
    const again = (
      await new TestClient(t.app).post('/api/v1/reports', report('Đèn đường hỏng lần hai'))
    ).json();
    const row2 = await rawRow(again.id);
    expect(row2.reporter_phone).not.toBe(row.reporter_phone);
    expect(row2.reporter_phone_hash).toBe(row.reporter_phone_hash);
  });

  it('finds reports by code + phone or email, and not by a wrong contact', async () => {
    const c = new TestClient(t.app);
    for (const contact of ['0912 345 679', '+84912345679', 'Bao.Mat@Example.vn']) {
      const res = await c.get(
        `/api/v1/public/reports/lookup?code=${created.trackingCode}&contact=${encodeURIComponent(contact)}`,
      );
      expect(res.statusCode, contact).toBe(200);
      expect(res.body).not.toContain('bao.mat');
    }
    const wrong = await c.get(
      `/api/v1/public/reports/lookup?code=${created.trackingCode}&contact=0912345670`,
    );
    expect(wrong.statusCode).toBe(404);
  });

  it('shows the contact only to roles that need it, decrypted, and never in lists', async () => {
    const ioc = new TestClient(t.app);
    await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
    const detail = await ioc.get(`/api/v1/reports/${created.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().report.reporter).toEqual({ name: NAME, phone: '+84912345679', email: EMAIL });
    const list = await ioc.get('/api/v1/reports?limit=100');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('912345679');
    expect(list.body).not.toContain(EMAIL);
    expect(list.body).not.toContain('ts1.');

    const agent = new TestClient(t.app);
    await agent.signIn('tongdai', TEST_DEMO_PASSWORD);
    const history = await agent.get('/api/v1/call-centre/caller-reports?phone=0912345679');
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((i: { id: string }) => i.id)).toContain(created.id);

    const page = await new TestClient(t.app).get(`/phan-anh/${created.trackingCode}`);
    expect(page.body).not.toContain(NAME);
  });

  it('encrypts rows written in clear before encryption, once (the start-up step)', async () => {
    const db = t.app.database;
    await db.query(
      `update reports set reporter_name = $2, reporter_phone = '+84988000111', reporter_email = 'cu@example.vn',
              reporter_phone_hash = null, reporter_email_hash = null where id = $1`,
      [created.id, 'Người Cũ'],
    );
    const spec = FEEDBACK_SEALED_COLUMNS.find((s) => s.table === 'reports')!;
    expect(await resealColumns(db, spec, installedKeyRing())).toBe(1);
    expect(await resealColumns(db, spec, installedKeyRing())).toBe(0);
    const row = await rawRow(created.id);
    expect(JSON.stringify(row)).not.toMatch(/988000111|cu@example|Người Cũ/);
    expect(decryptText(row.reporter_name!)).toBe('Người Cũ');
    const found = await new TestClient(t.app).get(
      `/api/v1/public/reports/lookup?code=${created.trackingCode}&contact=cu@example.vn`,
    );
    expect(found.statusCode).toBe(200);
  });

  it('refuses to start with a key that cannot read the database, with a clear message', async () => {
    const config = loadConfig({
      PROFILE: 'long-an-2022',
      SEED: 'none',
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      DATA_DIR: t.config.dataDir,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ...(t.testDb.url ? { DATABASE_URL: t.testDb.url } : {}),
    });
    const start = buildApp(config, { database: t.testDb.database, jobs: false });
    await expect(start).rejects.toBeInstanceOf(DataKeyError);
    await expect(start).rejects.toThrow(/không khớp.*\n.*does not match/);
  });

  it('re-encrypts everything under a new key when the old one is given as previous (rotation)', async () => {
    // Accounts, mail caps and the bounce list hold contacts too: one of each before the rotation.
    const citizen = new TestClient(t.app);
    await citizen.post('/api/v1/auth/otp/request', { phone: '0913 246 801' });
    expect(
      (await citizen.post('/api/v1/auth/otp/verify', { phone: '0913246801', code: t.sms.lastCode() }))
        .statusCode,
    ).toBe(200);
    expect((await citizen.patch('/api/v1/me/account', { email: 'xoay.khoa@example.vn' })).statusCode).toBe(
      200,
    );
    const alertsBySms = await citizen.request('PUT', '/api/v1/alerts/contacts/sms', { unitCodes: ['27685'] });
    expect(alertsBySms.statusCode).toBe(200);
    const db = t.app.database.db;
    await recordMail(db, {
      direction: 'out',
      messageId: '<xoay-khoa@tinhso>',
      address: 'Xoay.Khoa@example.vn',
      kind: 'ack',
      automatic: true,
    });
    await markUndeliverable(db, 'xoay.khoa@example.vn', new Date(), '5.1.1');
    const oldRing = installedKeyRing();
    const newKey = randomBytes(32);
    const config = loadConfig({
      PROFILE: 'long-an-2022',
      SEED: 'none',
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      DATA_DIR: t.config.dataDir,
      DATA_ENCRYPTION_KEY: newKey.toString('base64'),
      DATA_ENCRYPTION_PREVIOUS_KEYS: TEST_DATA_KEY,
      ...(t.testDb.url ? { DATABASE_URL: t.testDb.url } : {}),
    });
    const rotated = await buildApp(config, { database: t.testDb.database, jobs: false });
    try {
      const newId = dataKey(newKey).id;
      expect(newId).not.toBe(oldRing.current.id);
      const stale = await t.app.database.query<{ n: number }>(
        `select count(*)::int as n from reports where reporter_phone is not null and reporter_phone not like $1`,
        [`ts1.${newId}.%`],
      );
      expect(stale[0]!.n).toBe(0);
      for (const [table, column] of [
        ['users', 'phone'],
        ['users', 'email'],
        ['mail_messages', 'address'],
        ['mail_addresses', 'address'],
        ['community_team_members', 'phone'],
        ['alert_contacts', 'address'],
      ]) {
        const left = await t.app.database.query<{ n: number; all: number }>(
          `select count(*) filter (where ${column} not like $1)::int as n, count(${column})::int as "all" from ${table}`,
          [`ts1.${newId}.%`],
        );
        expect(left[0]!.n, `${table}.${column}`).toBe(0);
        expect(left[0]!.all, `${table}.${column}`).toBeGreaterThan(0);
      }
      // The blind indexes were recomputed under the new key: every look-up still finds its row.
      expect((await findCitizenByPhone(db, '+84913246801'))?.phone?.open()).toBe('+84913246801');
      expect(await isUndeliverable(db, 'Xoay.Khoa@example.vn')).toBe(true);
      const byEmail = await t.app.database.query<{ n: number }>(
        'select count(*)::int as n from users where email_hash = $1',
        [emailIndex('Xoay.Khoa@Example.vn')],
      );
      expect(byEmail[0]!.n).toBe(1);
      expect(await automaticMailsSince(db, 'xoay.khoa@example.vn', new Date(0))).toBe(1);
      const keys = await t.app.database.query<{ id: string }>('select id from data_keys');
      expect(keys.map((k) => k.id)).toEqual([newId]);
      const found = await new TestClient(rotated).get(
        `/api/v1/public/reports/lookup?code=${created.trackingCode}&contact=cu@example.vn`,
      );
      expect(found.statusCode).toBe(200);
    } finally {
      await rotated.close();
    }
  });
});
