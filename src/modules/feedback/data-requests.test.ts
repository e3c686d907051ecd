import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import { cachedRoutingSnapshot } from '../routing/index.js';
import type { ReporterMessage, ReporterNotifier } from './jobs/notify-reporter.js';
import { notifyDataRequest } from './use-cases/data-requests.js';

let t: TestApp;
let ioc: TestClient;
// Friday 4 Dec 2026, 10:00 in Vietnam: two working days later is Tuesday 8 Dec.
let clock = new Date('2026-12-04T03:00:00Z');

class CapturingNotifier implements ReporterNotifier {
  sent: ReporterMessage[] = [];
  async deliver(m: ReporterMessage) {
    this.sent.push(m);
    return m.to.email
      ? { channel: 'email' as const, recipient: m.to.email }
      : { channel: 'sms' as const, recipient: m.to.phone! };
  }
}

const report = (title: string) => ({
  categoryCode: 'giao_thong_ha_tang',
  title,
  body: 'Cây xanh ngã chắn ngang đường sau cơn mưa, xe không qua được.',
  location: { lat: 10.5359, lon: 106.4107 },
  reporter: { name: 'Phạm Văn Quyền', phone: '0933111222', email: 'quyen@example.vn' },
  displayPublicly: 'name',
  consent: true,
});

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

const raw = async (id: string) =>
  (
    await t.app.database.query<Record<string, string | null>>(
      'select reporter_name, reporter_phone, reporter_email, display_publicly from reports where id = $1',
      [id],
    )
  )[0]!;

describe(`data subject requests handled by staff within 2 working days (${TEST_ENGINE})`, () => {
  it('a reporter without an account asks to delete their data; the deadline skips the weekend', async () => {
    const anon = new TestClient(t.app);
    const r = (await anon.post('/api/v1/reports', report('Cây ngã chắn đường'))).json();

    expect((await anon.post('/api/v1/public/data-requests', { kind: 'deletion' })).statusCode).toBe(400);
    const wrong = await anon.post('/api/v1/public/data-requests', {
      kind: 'deletion',
      code: r.trackingCode,
      contact: '0933111223',
    });
    expect(wrong.statusCode).toBe(404);

    const filed = await anon.post('/api/v1/public/data-requests', {
      kind: 'deletion',
      code: r.trackingCode,
      contact: '0933 111 222',
      details: 'Tôi muốn xoá tên và số điện thoại khỏi phản ánh này.',
    });
    expect(filed.statusCode).toBe(201);
    const receipt = filed.json();
    expect(receipt).toMatchObject({ kind: 'deletion', status: 'open' });
    const calendar = (await cachedRoutingSnapshot(t.app.database)).calendar;
    expect(receipt.dueAt).toBe(calendar.addWorkingDays(clock, 2).toISOString());
    expect(calendar.localDate(new Date(receipt.dueAt))).toBe('2026-12-08');

    // The requester is told it arrived and by when.
    const notifier = new CapturingNotifier();
    expect(
      await notifyDataRequest(t.app.feedbackDeps, notifier, { requestId: receipt.id, step: 'filed' }),
    ).toBe('done');
    expect(
      await notifyDataRequest(t.app.feedbackDeps, notifier, { requestId: receipt.id, step: 'filed' }),
    ).toBe('skipped');
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]!.to).toEqual({ phone: '+84933111222', email: null });
    expect(notifier.sent[0]!.text).toMatch(/Hạn trả lời: 17:00 08\/12\/2026/);

    // Staff see it with its deadline, not yet overdue; no contact in the list.
    const list = await ioc.get('/api/v1/data-requests?status=open');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === receipt.id);
    expect(item).toMatchObject({ kind: 'deletion', overdue: false, trackingCode: r.trackingCode });
    expect(list.body).not.toContain('933111222');

    // Three working days later it is overdue.
    clock = new Date('2026-12-09T03:00:00Z');
    await ioc.signIn('ioc', TEST_DEMO_PASSWORD); // the staff session of five days ago has expired
    const late = (await ioc.get('/api/v1/data-requests')).json();
    expect(late.items.find((i: { id: string }) => i.id === receipt.id).overdue).toBe(true);
    expect(late.overdue).toBeGreaterThanOrEqual(1);

    // A handler may not decide; the IOC fulfils: the reporter's identity leaves the report.
    const canbo = new TestClient(t.app);
    await canbo.signIn('canbo', TEST_DEMO_PASSWORD);
    expect(
      (await canbo.post(`/api/v1/data-requests/${receipt.id}/decision`, { decision: 'fulfil' })).statusCode,
    ).toBe(403);
    const done = await ioc.post(`/api/v1/data-requests/${receipt.id}/decision`, { decision: 'fulfil' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'fulfilled', overdue: false });
    expect(await raw(r.id)).toEqual({
      reporter_name: null,
      reporter_phone: null,
      reporter_email: null,
      display_publicly: 'anonymous',
    });
    expect(
      (await ioc.post(`/api/v1/data-requests/${receipt.id}/decision`, { decision: 'fulfil' })).statusCode,
    ).toBe(409);

    // The outcome reaches the contact kept with the request, which is then dropped.
    await notifyDataRequest(t.app.feedbackDeps, notifier, { requestId: receipt.id, step: 'decided' });
    expect(notifier.sent[1]!.text).toContain('đã được thực hiện');
    const kept = await t.app.database.query<{ contact_phone: string | null }>(
      'select contact_phone from data_requests where id = $1',
      [receipt.id],
    );
    expect(kept[0]!.contact_phone).toBeNull();

    const audit = await t.app.database.query<{ action: string; summary: unknown }>(
      `select action, summary from audit_log where entity_id = $1 order by id`,
      [receipt.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'data_request.filed',
      'data_request.notified',
      'data_request.fulfilled',
      'data_request.notified',
    ]);
    expect(JSON.stringify(audit)).not.toContain('933111222');
    expect((await verifyAuditChain(t.app.database)).ok).toBe(true);
  });

  it('a correction is applied to the report; a refusal needs a reason, which the citizen is told', async () => {
    const anon = new TestClient(t.app);
    const r = (await anon.post('/api/v1/reports', report('Đèn đường hỏng trước chợ'))).json();
    const fix = (
      await anon.post('/api/v1/public/data-requests', {
        kind: 'correction',
        code: r.trackingCode,
        contact: 'quyen@example.vn',
        correction: { email: 'quyen.pham@example.vn' },
      })
    ).json();
    expect(
      (await ioc.post(`/api/v1/data-requests/${fix.id}/decision`, { decision: 'fulfil' })).statusCode,
    ).toBe(200);
    const byNew = await anon.get(
      `/api/v1/public/reports/lookup?code=${r.trackingCode}&contact=quyen.pham@example.vn`,
    );
    expect(byNew.statusCode).toBe(200);
    const detail = (await ioc.get(`/api/v1/reports/${r.id}`)).json();
    expect(detail.report.reporter.email).toBe('quyen.pham@example.vn');

    const object = (
      await anon.post('/api/v1/public/data-requests', {
        kind: 'objection',
        code: r.trackingCode,
        contact: '0933111222',
      })
    ).json();
    const noReason = await ioc.post(`/api/v1/data-requests/${object.id}/decision`, { decision: 'refuse' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('data_request_reason_required');
    const refused = await ioc.post(`/api/v1/data-requests/${object.id}/decision`, {
      decision: 'refuse',
      note: 'Phản ánh đang được xử lý; cần liên hệ để xác minh hiện trường.',
    });
    expect(refused.json()).toMatchObject({
      status: 'refused',
      outcomeNote: expect.stringContaining('xác minh'),
    });
    const notifier = new CapturingNotifier();
    await notifyDataRequest(t.app.feedbackDeps, notifier, { requestId: object.id, step: 'decided' });
    expect(notifier.sent[0]!.text).toContain('Lý do: Phản ánh đang được xử lý');
    expect((await raw(r.id)).reporter_phone).not.toBeNull();
  });

  it('a signed-in citizen asks what is held about them and sees the outcome in their list', async () => {
    const me = new TestClient(t.app);
    expect((await me.post('/api/v1/auth/otp/request', { phone: '0944555666' })).statusCode).toBe(202);
    expect(
      (await me.post('/api/v1/auth/otp/verify', { phone: '0944555666', code: t.sms.lastCode()! })).statusCode,
    ).toBe(200);
    const mine = (
      await me.post('/api/v1/reports', { ...report('Rác tồn đọng'), reporter: { name: 'Lý Thị Hỏi' } })
    ).json();
    const asked = await me.post('/api/v1/public/data-requests', { kind: 'access' });
    expect(asked.statusCode).toBe(201);
    await ioc.post(`/api/v1/data-requests/${asked.json().id}/decision`, { decision: 'fulfil' });
    const notifier = new CapturingNotifier();
    await notifyDataRequest(t.app.feedbackDeps, notifier, { requestId: asked.json().id, step: 'decided' });
    expect(notifier.sent[0]!.to.phone).toBe('+84944555666');
    expect(notifier.sent[0]!.text).toContain(mine.trackingCode);
    const list = (await me.get('/api/v1/me/data-requests')).json();
    expect(list.items[0]).toMatchObject({ kind: 'access', status: 'fulfilled' });
    // Staff do not file for others through the citizen's list.
    expect((await ioc.get('/api/v1/me/data-requests')).statusCode).toBe(403);
  });

  it('tells the requester in English when they filed in English or their account chose English', async () => {
    // Anonymous, filed from the app in English: the notices follow the language of the filing.
    const anon = new TestClient(t.app);
    anon.lang = 'en';
    const r = (await anon.post('/api/v1/reports', report('Cống bị tắc'))).json();
    const filed = await anon.post('/api/v1/public/data-requests', {
      kind: 'objection',
      code: r.trackingCode,
      contact: 'quyen@example.vn',
    });
    expect(filed.statusCode).toBe(201);
    const notifier = new CapturingNotifier();
    await notifyDataRequest(t.app.feedbackDeps, notifier, { requestId: filed.json().id, step: 'filed' });
    expect(notifier.sent[0]).toMatchObject({ lang: 'en', to: { email: 'quyen@example.vn' } });
    expect(notifier.sent[0]!.subject).toMatch(
      /: your request to stop processing personal data was received$/,
    );
    expect(notifier.sent[0]!.text).toContain(`(report ${r.trackingCode}). We will answer by `);
    expect(notifier.sent[0]!.text).toContain('(Vietnam time)');
    expect(notifier.sent[0]!.text).not.toMatch(/yêu cầu|Hạn trả lời/);
    await ioc.post(`/api/v1/data-requests/${filed.json().id}/decision`, {
      decision: 'refuse',
      note: 'The report is still being handled.',
    });
    await notifyDataRequest(t.app.feedbackDeps, notifier, { requestId: filed.json().id, step: 'decided' });
    expect(notifier.sent[1]!.text).toContain('was refused. Reason: The report is still being handled.');

    // Signed in with an account whose language is English: the account's choice wins over the request's.
    const me = new TestClient(t.app);
    await me.post('/api/v1/auth/otp/request', { phone: '0944777888' });
    await me.post('/api/v1/auth/otp/verify', { phone: '0944777888', code: t.sms.lastCode()! });
    expect((await me.patch('/api/v1/me/account', { locale: 'en' })).statusCode).toBe(200);
    const mine = (await me.post('/api/v1/reports', report('Đèn tắt'))).json();
    const asked = await me.post('/api/v1/public/data-requests', { kind: 'access' });
    await ioc.post(`/api/v1/data-requests/${asked.json().id}/decision`, { decision: 'fulfil' });
    const told = new CapturingNotifier();
    await notifyDataRequest(t.app.feedbackDeps, told, { requestId: asked.json().id, step: 'decided' });
    expect(told.sent[0]!.subject).toMatch(/: your request to see the personal data we hold was carried out$/);
    expect(told.sent[0]!.text).toContain('has been carried out.');
    expect(told.sent[0]!.text).toContain('Account: ');
    expect(told.sent[0]!.text).toContain(mine.trackingCode);
    expect(told.sent[0]!.text).not.toContain('Tài khoản');
  });
});
