import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import {
  createTestApp,
  TEST_ADMIN_PASSWORD,
  TEST_DEMO_PASSWORD,
  TestClient,
  type TestApp,
} from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';

let t: TestApp;
let clockShift = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function adminWith2fa(): Promise<{ client: TestClient; secret: string }> {
  const client = new TestClient(t.app);
  await client.signIn('admin', TEST_ADMIN_PASSWORD);
  const setup = await client.post('/api/v1/auth/totp/setup');
  expect(setup.statusCode).toBe(200);
  const secret = setup.json().secret as string;
  const enabled = await client.post('/api/v1/auth/totp/enable', { code: await generate({ secret }) });
  expect(enabled.statusCode).toBe(200);
  return { client, secret };
}

describe(`identity over HTTP (${TEST_ENGINE})`, () => {
  let admin: TestClient;
  let adminSecret: string;

  it('refuses a wrong password with a Vietnamese problem, English on request', async () => {
    const c = new TestClient(t.app);
    const vi = await c.post('/api/v1/auth/login', { login: 'ioc', password: 'wrong-password' });
    expect(vi.statusCode).toBe(401);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.json()).toMatchObject({
      code: 'invalid_credentials',
      title: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    c.lang = 'en';
    const en = await c.post('/api/v1/auth/login', { login: 'ioc', password: 'wrong-password' });
    expect(en.json().title).toBe('Wrong username or password.');
  });

  it('locks an account after five failures, even with the right password afterwards', async () => {
    const c = new TestClient(t.app);
    for (let i = 0; i < 5; i++)
      await c.post('/api/v1/auth/login', { login: 'bientap', password: 'not-the-password' });
    const res = await c.post('/api/v1/auth/login', { login: 'bientap', password: TEST_DEMO_PASSWORD });
    expect(res.statusCode).toBe(423);
    expect(res.json().code).toBe('account_locked');
  });

  it('rejects malformed JSON, unknown fields and oversized bodies without changing anything', async () => {
    const c = new TestClient(t.app);
    const bad = await c.request('POST', '/api/v1/auth/login', '{"login": "admin",', {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('malformed_json');
    const unknown = await c.post('/api/v1/auth/login', { login: 'admin', password: 'x', role: 'admin' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('validation');
    const huge = await c.post('/api/v1/auth/login', {
      login: 'admin',
      password: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });

  it('lets the administrator sign in and enable two-factor; later sign-ins need the code', async () => {
    ({ client: admin, secret: adminSecret } = await adminWith2fa());
    const session = await admin.get('/api/v1/auth/session');
    expect(session.json().user).toMatchObject({ username: 'admin', totpEnabled: true, mfaVerified: true });

    const c = new TestClient(t.app);
    const first = await c.signIn('admin', TEST_ADMIN_PASSWORD);
    expect(first.json()).toMatchObject({ mfaRequired: true, user: null });
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);
    // "Who is signed in" answers 200 with nobody (half signed in, or signed out), and the person otherwise.
    const nobody = await c.get('/api/v1/auth/whoami');
    expect(nobody.statusCode).toBe(200);
    expect(nobody.json()).toEqual({ user: null, csrfToken: null });
    expect((await admin.get('/api/v1/auth/whoami')).json()).toMatchObject({
      user: { username: 'admin' },
      csrfToken: expect.any(String),
    });
    const wrong = await c.post('/api/v1/auth/totp/verify', { code: '000000' });
    expect(wrong.json().code).toBe('invalid_totp');
    // The code used to enable 2FA is spent; the next step's code (within the drift window) works once.
    const enrolCode = await generate({ secret: adminSecret });
    expect((await c.post('/api/v1/auth/totp/verify', { code: enrolCode })).json().code).toBe('invalid_totp');
    const next = await generate({ secret: adminSecret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const ok = await c.post('/api/v1/auth/totp/verify', { code: next });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.mfaVerified).toBe(true);
    const again = new TestClient(t.app);
    await again.signIn('admin', TEST_ADMIN_PASSWORD);
    expect((await again.post('/api/v1/auth/totp/verify', { code: next })).json().code).toBe('invalid_totp');
  });

  it('requires an administrator without two-factor to enrol before managing people', async () => {
    const c = new TestClient(t.app);
    await c.signIn('ioc', TEST_DEMO_PASSWORD);
    expect((await c.get('/api/v1/admin/users')).statusCode).toBe(403);
  });

  it('refuses state changes without the CSRF token or from another origin', async () => {
    const noToken = await admin.request(
      'POST',
      '/api/v1/admin/agencies',
      { code: 'x-test', name: 'X', shortName: 'X', kind: 'other' },
      { 'x-csrf-token': 'nope' },
    );
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf');
    const crossSite = await admin.request(
      'POST',
      '/api/v1/admin/agencies',
      { code: 'x-test', name: 'X', shortName: 'X', kind: 'other' },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.statusCode).toBe(403);
  });

  it('creates an agency handler scoped to one district and records it in the audit log', async () => {
    const agencies = (await admin.get('/api/v1/agencies')).json().items as {
      id: string;
      name: string;
      kind: string;
    }[];
    const benLuc = agencies.find((a) => a.kind === 'district_pc' && a.name.includes('Bến Lức'));
    expect(benLuc).toBeDefined();
    const needsAgency = await admin.post('/api/v1/admin/users', {
      username: 'canbo.benluc',
      fullName: 'Cán bộ Bến Lức',
      password: 'Handler-Pass-2026',
      roles: [{ role: 'agency_handler' }],
    });
    expect(needsAgency.statusCode).toBe(422);
    expect(needsAgency.json().code).toBe('role_needs_agency');

    const created = await admin.post('/api/v1/admin/users', {
      username: 'canbo.benluc',
      fullName: 'Cán bộ Bến Lức',
      password: 'Handler-Pass-2026',
      roles: [{ role: 'agency_handler', agencyId: benLuc!.id }],
      locale: 'en',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user.roles).toEqual([expect.objectContaining({ role: 'agency_handler', agencyId: benLuc!.id })]);
    // The language of their notices: chosen by the administrator, Vietnamese unless set.
    expect(user.locale).toBe('en');
    const relabelled = await admin.patch(`/api/v1/admin/users/${user.id}`, { locale: 'vi' });
    expect(relabelled.json().locale).toBe('vi');
    expect((await admin.patch(`/api/v1/admin/users/${user.id}`, { locale: 'fr' })).statusCode).toBe(400);
    await admin.patch(`/api/v1/admin/users/${user.id}`, { locale: 'en' });

    const duplicate = await admin.post('/api/v1/admin/users', {
      username: 'CANBO.benluc',
      fullName: 'Trùng',
      password: 'Handler-Pass-2026',
      roles: [{ role: 'agency_handler', agencyId: benLuc!.id }],
    });
    expect(duplicate.json().code).toBe('username_taken');

    const audit = (await admin.get(`/api/v1/admin/audit?entityId=${user.id}`)).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toContain('user.created');
    const enabled = (await admin.get('/api/v1/admin/audit?action=auth.totp_enabled')).json();
    expect(enabled.items.length).toBeGreaterThan(0);

    const handler = new TestClient(t.app);
    await handler.signIn('canbo.benluc', 'Handler-Pass-2026');
    const me = (await handler.get('/api/v1/auth/session')).json().user;
    expect(me.locale).toBe('en');
    expect(me.permissions).toContain('reports.handle');
    expect(me.permissions).not.toContain('users.manage');
    expect((await handler.get('/api/v1/admin/users')).statusCode).toBe(403);
  });

  it('returns the language a staff member chose at their next sign-in, on any client (the console applies it)', async () => {
    const here = new TestClient(t.app);
    await here.signIn('tongdai', TEST_DEMO_PASSWORD);
    expect((await here.get('/api/v1/auth/session')).json().user.locale).toBe('vi');
    expect((await here.request('PUT', '/api/v1/me/locale', { locale: 'en' })).statusCode).toBe(204);

    const elsewhere = new TestClient(t.app);
    const login = await elsewhere.signIn('tongdai', TEST_DEMO_PASSWORD);
    expect(login.json().user.locale).toBe('en');
    expect((await elsewhere.get('/api/v1/auth/session')).json().user.locale).toBe('en');
    expect((await elsewhere.get('/api/v1/auth/whoami')).json().user.locale).toBe('en');
    expect((await elsewhere.request('PUT', '/api/v1/me/locale', { locale: 'vi' })).statusCode).toBe(204);
    expect((await here.get('/api/v1/auth/session')).json().user.locale).toBe('vi');
  });

  it('signs out everywhere', async () => {
    const a = new TestClient(t.app);
    const b = new TestClient(t.app);
    await a.signIn('tongdai', TEST_DEMO_PASSWORD);
    await b.signIn('tongdai', TEST_DEMO_PASSWORD);
    expect((await a.post('/api/v1/auth/logout-all')).statusCode).toBe(204);
    expect((await b.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('signs a citizen in with a one-time code: once, not expired, limited tries', async () => {
    const c = new TestClient(t.app);
    const sent = await c.post('/api/v1/auth/otp/request', { phone: '0912 345 678' });
    expect(sent.statusCode).toBe(202);
    expect(t.sms.sent.at(-1)?.to).toBe('+84912345678');
    const again = await c.post('/api/v1/auth/otp/request', { phone: '0912345678' });
    expect(again.json().code).toBe('otp_too_soon');
    const code = t.sms.lastCode()!;
    const wrongCode = code === '000000' ? '111111' : '000000';
    expect(
      (await c.post('/api/v1/auth/otp/verify', { phone: '0912345678', code: wrongCode })).json().code,
    ).toBe('otp_invalid');
    const ok = await c.post('/api/v1/auth/otp/verify', { phone: '+84912345678', code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ kind: 'citizen', phoneMasked: '+8491*****78' });
    const reused = await new TestClient(t.app).post('/api/v1/auth/otp/verify', { phone: '0912345678', code });
    expect(reused.json().code).toBe('otp_invalid');
    const badPhone = await c.post('/api/v1/auth/otp/request', { phone: '12345' });
    expect(badPhone.json().code).toBe('validation');
  });

  it('refuses an expired code', async () => {
    const later = await createTestApp({
      env: { SEED: 'base' },
      now: () => new Date(Date.now() + clockShift),
    });
    try {
      const c = new TestClient(later.app);
      await c.post('/api/v1/auth/otp/request', { phone: '0912000111' });
      const code = later.sms.lastCode()!;
      clockShift = 6 * 60_000;
      const res = await c.post('/api/v1/auth/otp/verify', { phone: '0912000111', code });
      expect(res.json().code).toBe('otp_invalid');
    } finally {
      clockShift = 0;
      await later.close();
    }
  });

  it('keeps an intact, append-only audit chain', async () => {
    const result = await verifyAuditChain(t.app.database);
    expect(result.ok).toBe(true);
    expect(result.rows).toBeGreaterThan(10);
    await expect(
      t.app.database.query('update audit_log set action = $1 where id = 1', ['forged']),
    ).rejects.toThrow(/append-only/);
    await expect(t.app.database.query('delete from audit_log where id = 1')).rejects.toThrow(/append-only/);
  });

  it('serves the OpenAPI document, health, readiness and metrics', async () => {
    const c = new TestClient(t.app);
    const doc = (await c.get('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/admin/users'].post.requestBody).toBeDefined();
    expect((await c.get('/readyz')).json()).toEqual({ status: 'ready', database: TEST_ENGINE });
    expect((await c.get('/metrics')).body).toContain('http_request_duration_seconds');
    // Relayed by a proxy (someone outside the machine): not served without METRICS_TOKEN.
    const relayed = await t.app.http.inject({
      url: '/metrics',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(relayed.statusCode).toBe(404);
    expect(relayed.body).not.toContain('http_request_duration_seconds');
    const missing = await c.get('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('route_not_found');
  });
});
