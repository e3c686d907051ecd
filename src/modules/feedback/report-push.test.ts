import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import { startLocalPushService, type LocalPushService } from '../alerts/push/local-push-service.js';

// A reporter's phone hears when their report moves: Web Push through a real push service
// (web-push-testing checks the VAPID JWT and decrypts the payload), from the notify-reporter job.

let t: TestApp;
let push: LocalPushService;
let ioc: TestClient;
let handler: TestClient;
let lead: TestClient;

const TAN_AN = { lat: 10.5359, lon: 106.4107 };
const report = (title: string, reporter: Record<string, string>) => ({
  categoryCode: 'giao_thong_ha_tang',
  title,
  body: 'Trước số nhà 45 đường Hùng Vương có ổ gà sâu khoảng 15cm, xe máy dễ té ngã vào ban đêm.',
  location: TAN_AN,
  reporter,
  displayPublicly: 'anonymous',
  consent: true,
});

async function waitFor<T>(fn: () => Promise<T> | T, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function move(client: TestClient, id: string, body: Record<string, unknown>) {
  const current = (await client.get(`/api/v1/reports/${id}`)).json().report;
  const res = await client.post(`/api/v1/reports/${id}/transitions`, { version: current.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
}

/** IOC accepts and assigns, the agency answers, its lead approves, the IOC publishes. */
async function answer(id: string) {
  const agencyId = (await ioc.get(`/api/v1/reports/${id}`)).json().report.suggestedAgencyId;
  await move(ioc, id, { action: 'accept' });
  await move(ioc, id, { action: 'assign', agencyId });
  await move(handler, id, { action: 'start' });
  await move(handler, id, { action: 'submit_answer', answer: 'Đã vá ổ gà ngày 29/11, cảm ơn bạn.' });
  await move(lead, id, { action: 'approve_answer' });
  await move(ioc, id, { action: 'publish' });
}

async function device() {
  const key = (await new TestClient(t.app).get('/api/v1/push/vapid-public-key')).json().publicKey as string;
  return push.subscribe(key);
}
const messages = (clientHash: string) =>
  push
    .messages(clientHash)
    .map((m) => JSON.parse(m) as { title: string; body: string; tag: string; url: string });

beforeAll(async () => {
  push = await startLocalPushService();
  t = await createTestApp({ jobs: true });
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
  handler = new TestClient(t.app);
  await handler.signIn('canbo', TEST_DEMO_PASSWORD);
  lead = new TestClient(t.app);
  await lead.signIn('lanhdao', TEST_DEMO_PASSWORD);
}, 240_000);
afterAll(async () => {
  await t?.close();
  await push?.close();
});

describe(`push to the reporter when the report moves (${TEST_ENGINE})`, () => {
  it('pushes each public step once to the device that proved code + contact, in Vietnamese, without personal data', async () => {
    const citizen = new TestClient(t.app);
    const sent = (
      await citizen.post('/api/v1/reports', report('Ổ gà trước nhà 45', { phone: '0909555111' }))
    ).json();
    const phone = await device();
    const other = await device();

    // A wrong contact watches nothing (and says nothing about the code).
    const wrong = await citizen.post('/api/v1/public/reports/push', {
      endpoint: other.endpoint,
      keys: other.keys,
      items: [{ code: sent.trackingCode, contact: '0909000000' }],
    });
    expect(wrong.json()).toEqual({ watching: 0 });
    const ok = await citizen.post('/api/v1/public/reports/push', {
      endpoint: phone.endpoint,
      keys: phone.keys,
      items: [{ code: sent.trackingCode.toLowerCase(), contact: '0909 555 111' }],
    });
    expect(ok.json()).toEqual({ watching: 1 });
    // Asking twice keeps one target.
    await citizen.post('/api/v1/public/reports/push', {
      endpoint: phone.endpoint,
      keys: phone.keys,
      items: [{ code: sent.trackingCode, contact: '0909555111' }],
    });
    expect(
      (await citizen.post('/api/v1/public/reports/push/status', { endpoint: phone.endpoint })).json(),
    ).toEqual({ reports: 1, account: false });

    await answer(sent.id);
    const got = await waitFor(
      () => messages(phone.clientHash),
      (m) => m.some((x) => x.body.includes('Đã vá ổ gà')),
    );
    // Each public step at most once; a step the report had already moved past when its job ran is not
    // pushed (it would replace the newer notification on the phone); the last one is the answer.
    const publicSteps = (await ioc.get(`/api/v1/reports/${sent.id}`))
      .json()
      .timeline.filter((e: { public: boolean; action: string }) => e.public && e.action !== 'received');
    expect(got.length).toBeLessThanOrEqual(publicSteps.length);
    expect(new Set(got.map((m) => m.body)).size).toBe(got.length);
    const last = got.at(-1)!;
    expect(last.title).toContain(sent.trackingCode);
    expect(last.body).toContain('Đã vá ổ gà ngày 29/11');
    expect(last.tag).toBe(`report-${sent.trackingCode}`);
    expect(last.url).toContain(`/app/phan-anh-cua-toi?ma=${sent.trackingCode}`);
    expect(JSON.stringify(got)).not.toContain('0909555111');
    expect(messages(other.clientHash)).toEqual([]);
    const req = push.requests.find((r) => r.clientHash === phone.clientHash)!;
    expect(req.headers.topic).toBe(sent.id.replace(/-/g, ''));

    // Each step was pushed once and recorded; a retried job does not push it again.
    const rows = await t.app.database.query<{ n: number }>(
      `select count(*)::int as n from report_events where report_id = $1 and action = 'reporter_pushed'`,
      [sent.id],
    );
    expect(rows[0]!.n).toBe(got.length);
  }, 120_000);

  it('pushes every report of a signed-in citizen, forgets gone devices, and stops when asked', async () => {
    const me = new TestClient(t.app);
    expect((await me.post('/api/v1/auth/otp/request', { phone: '0912 333 444' })).statusCode).toBe(202);
    expect(
      (await me.post('/api/v1/auth/otp/verify', { phone: '0912 333 444', code: t.sms.lastCode()! }))
        .statusCode,
    ).toBe(200);
    const phone = await device();
    const gone = await device();
    // Only a citizen account may watch "all my reports".
    expect(
      (await ioc.post('/api/v1/me/report-push', { endpoint: phone.endpoint, keys: phone.keys })).statusCode,
    ).toBe(403);
    expect(
      (
        await new TestClient(t.app).post('/api/v1/me/report-push', {
          endpoint: phone.endpoint,
          keys: phone.keys,
        })
      ).statusCode,
    ).toBe(401);
    // An endpoint that is not a push service is refused.
    const bad = await me.post('/api/v1/me/report-push', {
      endpoint: 'https://10.0.0.5/push',
      keys: phone.keys,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');

    for (const d of [phone, gone])
      expect(
        (await me.post('/api/v1/me/report-push', { endpoint: d.endpoint, keys: d.keys, lang: 'en' }))
          .statusCode,
      ).toBe(200);
    push.expire(gone.clientHash);
    // Sent after turning notifications on: still heard, through the account.
    const sent = (await me.post('/api/v1/reports', report('Đèn đường tắt', { name: 'Chị Hoa' }))).json();
    await move(ioc, sent.id, { action: 'accept' });
    const got = await waitFor(
      () => messages(phone.clientHash),
      (m) => m.length > 0,
    );
    expect(got).toHaveLength(1);
    expect(got[0]!.body).toContain('is now: Accepted');
    await waitFor(
      () =>
        t.app.database.query<{ n: number }>(
          `select count(*)::int as n from report_push_targets where endpoint = $1`,
          [gone.endpoint],
        ),
      (r) => r[0]!.n === 0,
    );

    expect(
      (await me.post('/api/v1/public/reports/push/delete', { endpoint: phone.endpoint })).json(),
    ).toEqual({
      removed: 1,
    });
    await move(ioc, sent.id, {
      action: 'assign',
      agencyId: (await ioc.get(`/api/v1/reports/${sent.id}`)).json().report.suggestedAgencyId,
    });
    await waitFor(
      () =>
        t.app.database.query<{ n: number }>(
          `select count(*)::int as n from report_events where report_id = $1 and action = 'reporter_pushed'`,
          [sent.id],
        ),
      (r) => r[0]!.n >= 1,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(messages(phone.clientHash)).toHaveLength(1);
  }, 120_000);
});
