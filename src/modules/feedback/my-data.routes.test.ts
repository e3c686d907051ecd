import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';

let t: TestApp;
let ioc: TestClient;

const report = (title: string, reporter: Record<string, string>) => ({
  categoryCode: 'giao_thong_ha_tang',
  title,
  body: 'Đèn tín hiệu giao thông ở ngã tư bị hỏng từ sáng, xe cộ đi lại rất nguy hiểm.',
  location: { lat: 10.5359, lon: 106.4107 },
  reporter,
  displayPublicly: 'name',
  consent: true,
});

async function citizenSignedIn(phone: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  expect((await c.post('/api/v1/auth/otp/request', { phone })).statusCode).toBe(202);
  const ok = await c.post('/api/v1/auth/otp/verify', { phone, code: t.sms.lastCode()! });
  expect(ok.statusCode).toBe(200);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

describe(`a citizen's own reports and personal data (${TEST_ENGINE})`, () => {
  it('lists my reports with their public timeline, and looks up a phone’s saved codes in one request', async () => {
    const me = await citizenSignedIn('0912 000 111');
    const signedIn = (
      await me.post('/api/v1/reports', report('Đèn tín hiệu hỏng ở ngã tư', { name: 'Trần Thị Bình' }))
    ).json();
    const fromWeb = (
      await new TestClient(t.app).post(
        '/api/v1/reports',
        report('Đèn đường tắt cả dãy phố', { name: 'Trần Thị Bình', phone: '0912000111' }),
      )
    ).json();
    await ioc.post(`/api/v1/reports/${signedIn.id}/transitions`, { action: 'accept', version: 1 });

    const mine = (await me.get('/api/v1/me/reports')).json().items;
    expect(mine.map((v: { report: { trackingCode: string } }) => v.report.trackingCode)).toEqual([
      signedIn.trackingCode,
    ]);
    expect(mine[0].timeline.map((e: { action: string }) => e.action)).toEqual(['received', 'accept']);
    expect(mine[0].canRate).toBe(false);
    expect(mine[0].report.reporter).toBeUndefined();

    const anonymous = new TestClient(t.app);
    const found = await anonymous.post('/api/v1/public/reports/lookup', {
      items: [
        { code: fromWeb.trackingCode, contact: '0912 000 111' },
        { code: fromWeb.trackingCode, contact: '0999999999' },
        { code: 'LA-AAAA-AAAA', contact: '0912000111' },
      ],
    });
    expect(found.statusCode).toBe(200);
    const items = found.json().items;
    expect(items.map((i: { found: boolean }) => i.found)).toEqual([true, false, false]);
    expect(items[0].view.report.title).toBe('Đèn đường tắt cả dãy phố');
    // A wrong pair and an unknown code look exactly the same.
    expect(Object.keys(items[1]).sort()).toEqual(Object.keys(items[2]).sort());
    expect(JSON.stringify(items)).not.toContain('0912000111');

    const tooMany = await anonymous.post('/api/v1/public/reports/lookup', {
      items: Array.from({ length: 21 }, () => ({ code: fromWeb.trackingCode, contact: '0912000111' })),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.headers['content-type']).toMatch(/problem\+json/);
  });

  it('shows, corrects, exports and deletes my personal data; reports stay, anonymous', async () => {
    const me = await citizenSignedIn('0912 000 222');
    const sent = (
      await me.post(
        '/api/v1/reports',
        report('Cống thoát nước bị nghẹt', { name: 'Lê Văn Cường', email: 'cuong@example.vn' }),
      )
    ).json();
    const byPhone = (
      await new TestClient(t.app).post(
        '/api/v1/reports',
        report('Rác thải đổ trộm bên kênh', { name: 'Lê Văn Cường', phone: '0912000222' }),
      )
    ).json();

    const account = (await me.get('/api/v1/me/account')).json();
    expect(account).toMatchObject({ phone: '+84912000222', reportCount: 2 });

    const corrected = await me.patch('/api/v1/me/account', {
      fullName: 'Lê Văn Cường',
      email: 'cuong@example.vn',
    });
    expect(corrected.json()).toMatchObject({ fullName: 'Lê Văn Cường', email: 'cuong@example.vn' });
    const other = await citizenSignedIn('0912 000 333');
    const taken = await other.patch('/api/v1/me/account', { email: 'CUONG@example.vn' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('email_taken');
    expect((await other.patch('/api/v1/me/account', { email: 'not-an-email' })).statusCode).toBe(400);

    const exported = await me.get('/api/v1/me/data');
    expect(exported.headers['content-disposition']).toMatch(/attachment/);
    const data = exported.json();
    expect(data.account.phone).toBe('+84912000222');
    expect(data.reports.map((r: { trackingCode: string }) => r.trackingCode).sort()).toEqual(
      [sent.trackingCode, byPhone.trackingCode].sort(),
    );
    expect(
      data.reports.find((r: { trackingCode: string }) => r.trackingCode === sent.trackingCode).consent.at,
    ).not.toBeNull();

    // Staff have no "my data" here.
    expect((await ioc.get('/api/v1/me/data')).statusCode).toBe(403);

    const erased = await me.request('DELETE', '/api/v1/me/account');
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toEqual({ reportsAnonymised: 2 });
    expect(me.cookie).toBe('');
    expect((await me.get('/api/v1/me/account')).statusCode).toBe(401);

    for (const id of [sent.id, byPhone.id]) {
      const seen = (await ioc.get(`/api/v1/reports/${id}`)).json().report;
      expect(seen.title).toBeTruthy();
      expect(seen.reporter ?? {}).not.toMatchObject({ phone: expect.anything() });
      expect(JSON.stringify(seen)).not.toContain('0912000222');
      expect(JSON.stringify(seen)).not.toContain('Lê Văn Cường');
    }
    const audit = await t.app.database.query<{ summary: unknown }>(
      `select summary from audit_log where action = 'citizen.erased'`,
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.summary)).not.toContain('0912000222');

    // The same phone can sign up again, as a new account with nothing attached.
    const again = await citizenSignedIn('0912 000 222');
    expect((await again.get('/api/v1/me/account')).json().reportCount).toBe(0);
  });
});
