import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resealColumns } from '../../platform/crypto/data-keys.js';
import { decryptText, installedKeyRing } from '../../platform/crypto/field-cipher.js';
import {
  createTestApp,
  TEST_ADMIN_PASSWORD,
  TEST_DEMO_PASSWORD,
  TestClient,
  type TestApp,
} from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import {
  emailIndex,
  IDENTITY_SEALED_COLUMNS,
  phoneIndex,
  validateUserContactChecks,
} from './user-contacts.js';

let t: TestApp;
// One code a minute per phone: each sign-in moves the clock two minutes on.
let clock = new Date();
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
});
afterAll(async () => {
  await t?.close();
});

interface RawUser {
  id: string;
  phone: string | null;
  phone_hash: string | null;
  email: string | null;
  email_hash: string | null;
}

const rawUser = async (where: string, params: unknown[]) =>
  (
    await t.app.database.query<RawUser>(
      `select id, phone, phone_hash, email, email_hash from users where ${where}`,
      params,
    )
  )[0];

async function citizenSignIn(phone: string): Promise<TestClient> {
  clock = new Date(clock.getTime() + 120_000);
  const c = new TestClient(t.app);
  expect((await c.post('/api/v1/auth/otp/request', { phone })).statusCode).toBe(202);
  const res = await c.post('/api/v1/auth/otp/verify', { phone, code: t.sms.lastCode() });
  expect(res.statusCode).toBe(200);
  return c;
}

describe(`accounts' phone and email encrypted at rest (${TEST_ENGINE})`, () => {
  const PHONE = '0913 579 246';
  let citizenId: string;

  it('signs a citizen in by phone and one-time code; the database holds no clear number', async () => {
    const c = await citizenSignIn(PHONE);
    const me = (await c.get('/api/v1/auth/session')).json().user;
    expect(me.kind).toBe('citizen');
    citizenId = me.id;
    const row = (await rawUser('id = $1', [citizenId]))!;
    expect(JSON.stringify(row)).not.toMatch(/913579246|0913|579 246/);
    expect(row.phone).toMatch(new RegExp(`^ts1\\.${installedKeyRing().current.id}\\.`));
    expect(decryptText(row.phone!)).toBe('+84913579246');
    expect(row.phone_hash).toBe(phoneIndex('+84913579246'));
    // The sign-in codes keep only the phone's blind index.
    const codes = await t.app.database.query<Record<string, unknown>>('select * from one_time_codes');
    expect(codes.length).toBeGreaterThan(0);
    expect(JSON.stringify(codes)).not.toMatch(/913579246/);
    expect(codes.every((r) => r.phone === undefined)).toBe(true);
    expect(codes.map((r) => r.phone_hash)).toContain(row.phone_hash);

    // The same person again, the number written another way: the same account, not a second one.
    const again = await citizenSignIn('+84913579246');
    expect((await again.get('/api/v1/auth/session')).json().user.id).toBe(citizenId);
    const n = await t.app.database.query<{ n: number }>(
      `select count(*)::int as n from users where phone_hash = $1`,
      [row.phone_hash],
    );
    expect(n[0]!.n).toBe(1);
  });

  it("keeps the citizen's email encrypted; another account cannot take it in another case", async () => {
    const c = await citizenSignIn(PHONE);
    const set = await c.patch('/api/v1/me/account', { email: 'Nguoi.Dan@Example.vn' });
    expect(set.statusCode).toBe(200);
    expect(set.json().email).toBe('Nguoi.Dan@Example.vn');
    const row = (await rawUser('id = $1', [citizenId]))!;
    expect(JSON.stringify(row).toLowerCase()).not.toContain('nguoi.dan');
    expect(row.email_hash).toBe(emailIndex('nguoi.dan@example.vn'));
    const other = await citizenSignIn('0913000222');
    const taken = await other.patch('/api/v1/me/account', { email: 'NGUOI.DAN@example.vn' });
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toContain('application/problem+json');
    expect(taken.json()).toMatchObject({ code: 'email_taken' });
  });

  let admin: TestClient;

  it('creates staff with an email, signs them in by it in any case, refuses a duplicate', async () => {
    admin = new TestClient(t.app);
    await admin.signIn('admin', TEST_ADMIN_PASSWORD);
    const secret = (await admin.post('/api/v1/auth/totp/setup')).json().secret as string;
    expect(
      (await admin.post('/api/v1/auth/totp/enable', { code: await generate({ secret }) })).statusCode,
    ).toBe(200);
    const created = await admin.post('/api/v1/admin/users', {
      username: 'canbo.mahoa',
      email: 'Can.Bo@LongAn.gov.vn',
      fullName: 'Cán Bộ Mã Hoá',
      password: 'Staff-Pass-2026',
      roles: [{ role: 'ioc_operator' }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().email).toBe('Can.Bo@LongAn.gov.vn');
    const row = (await rawUser(`username = 'canbo.mahoa'`, []))!;
    expect(JSON.stringify(row).toLowerCase()).not.toContain('can.bo');
    expect(decryptText(row.email!)).toBe('Can.Bo@LongAn.gov.vn');

    const staff = new TestClient(t.app);
    await staff.signIn('can.bo@longan.gov.vn', 'Staff-Pass-2026');
    expect((await staff.get('/api/v1/auth/session')).json().user).toMatchObject({
      username: 'canbo.mahoa',
      email: 'Can.Bo@LongAn.gov.vn',
    });

    const duplicate = await admin.post('/api/v1/admin/users', {
      username: 'canbo.khac',
      email: 'CAN.BO@longan.gov.vn',
      fullName: 'Trùng Email',
      password: 'Staff-Pass-2026',
      roles: [{ role: 'ioc_operator' }],
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.headers['content-type']).toContain('application/problem+json');
    expect(duplicate.json().code).toBe('username_taken');
    const changed = await admin.patch(`/api/v1/admin/users/${row.id}`, { email: 'moi@longan.gov.vn' });
    expect(changed.statusCode).toBe(200);
    await new TestClient(t.app).signIn('MOI@longan.gov.vn', 'Staff-Pass-2026');
    const old = await new TestClient(t.app).post('/api/v1/auth/login', {
      login: 'can.bo@longan.gov.vn',
      password: 'Staff-Pass-2026',
    });
    expect(old.statusCode).toBe(401);
  });

  it('finds staff by a whole email (blind index), by part of a name or username', async () => {
    const whole = (await admin.get('/api/v1/admin/users?q=Moi@LongAn.gov.vn')).json();
    expect(whole.items.map((u: { username: string }) => u.username)).toEqual(['canbo.mahoa']);
    expect(whole.items[0].email).toBe('moi@longan.gov.vn');
    const part = (await admin.get('/api/v1/admin/users?q=moi@longan')).json();
    expect(part.items).toHaveLength(0);
    const byName = (await admin.get(`/api/v1/admin/users?q=${encodeURIComponent('Mã Hoá')}`)).json();
    expect(byName.items.map((u: { username: string }) => u.username)).toEqual(['canbo.mahoa']);
  });

  it('encrypts accounts written in clear before (the start-up step), and sign-in still works', async () => {
    const db = t.app.database;
    // The state the migration leaves: rows without their index, the CHECKs on the indexes not valid yet.
    await db.query(
      `alter table users drop constraint users_citizen_phone_hash_ck, drop constraint users_email_hash_ck`,
    );
    await db.query(`update users set phone = '+84913579246', phone_hash = null where id = $1`, [citizenId]);
    await db.query(
      `update users set email = 'Ioc.Cu@LongAn.gov.vn', email_hash = null where username = 'ioc'`,
    );
    await db.query(
      `alter table users add constraint users_citizen_phone_hash_ck check (kind <> 'citizen' or phone_hash is not null) not valid`,
    );
    await db.query(
      `alter table users add constraint users_email_hash_ck check (email is null or email_hash is not null) not valid`,
    );
    const spec = IDENTITY_SEALED_COLUMNS.find((s) => s.table === 'users')!;
    expect(await resealColumns(db, spec, installedKeyRing())).toBe(2);
    expect(await resealColumns(db, spec, installedKeyRing())).toBe(0);
    await validateUserContactChecks(db.db);
    const row = (await rawUser('id = $1', [citizenId]))!;
    expect(row.phone).toMatch(/^ts1\./);
    expect(row.phone_hash).toBe(phoneIndex(PHONE));
    const c = await citizenSignIn(PHONE);
    expect((await c.get('/api/v1/auth/session')).json().user.id).toBe(citizenId);
    await new TestClient(t.app).signIn('ioc.cu@longan.gov.vn', TEST_DEMO_PASSWORD);
    const checks = await db.query<{ conname: string; convalidated: boolean }>(
      `select conname, convalidated from pg_constraint
        where conname in ('users_citizen_phone_hash_ck', 'users_email_hash_ck') order by conname`,
    );
    expect(checks).toEqual([
      { conname: 'users_citizen_phone_hash_ck', convalidated: true },
      { conname: 'users_email_hash_ck', convalidated: true },
    ]);
    // The database itself refuses a citizen without the phone's index.
    await expect(
      db.query(`insert into users (kind, full_name, phone) values ('citizen', 'Không Chỉ Mục', 'x')`),
    ).rejects.toThrow();
  });
});
