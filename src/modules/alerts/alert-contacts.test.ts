import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import { SmtpSink } from '../../testing/smtp-sink.js';
import {
  approveAndPublish as publishWith,
  approverWith2fa,
  floodAlert,
  startAlertsTestApp,
  TAN_AN,
  WARD_5,
  waitFor,
} from './alerts-test-support.js';
import { fitSms, smsBudget, smsText, SMS_MAX_SEGMENTS } from './contact-messages.js';

// Alerts by SMS (the platform's SMS adapter, captured) and email (real SMTP to a sink): choosing a channel,
// double opt-in, one message per recipient and alert, update/cancel texts, unsubscribe link, counts.
let t: TestApp;
const sink = new SmtpSink();
let officer: TestClient;
let approver: TestClient;
let citizen: TestClient;
const PHONE = '+84912000111';

const flood = (over: Record<string, unknown> = {}) => floodAlert({ area: { unitCodes: [TAN_AN] }, ...over });
const approveAndPublish = (id: string) => publishWith({ officer, approver }, id);

const alertSms = () => t.sms.sent.filter((s) => s.to === PHONE && s.text.startsWith('['));

beforeAll(async () => {
  const url = await sink.start();
  ({ t, officer } = await startAlertsTestApp({
    jobs: true,
    env: { SMTP_URL: url, MAIL_FROM: '"Long An Số" <canhbao@longan.gov.vn>' },
  }));
  approver = await approverWith2fa(t);
  citizen = new TestClient(t.app);
  await citizen.post('/api/v1/auth/otp/request', { phone: PHONE });
  const verified = await citizen.post('/api/v1/auth/otp/verify', { phone: PHONE, code: t.sms.lastCode() });
  expect(verified.statusCode, verified.body).toBe(200);
}, 240_000);
afterAll(async () => {
  await t?.close();
  await sink.stop();
});

describe('SMS text budget', () => {
  it('counts GSM-7 and UCS-2 segments and cuts Vietnamese to the segment cap', () => {
    expect(smsBudget('Canh bao lu')).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(smsBudget('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(smsBudget('Cảnh báo')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(smsBudget('ả'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    const long = 'Nước sông dâng cao '.repeat(40);
    const text = fitSms('[CẢNH BÁO] ', long, ' https://x.vn/canh-bao/1');
    expect(smsBudget(text).segments).toBe(SMS_MAX_SEGMENTS);
    expect(text).toMatch(/… https:\/\/x\.vn\/canh-bao\/1$/);
    const sms = smsText(
      { id: 'a', status: 'Exercise', msgType: 'Cancel', textsVi: flood().vi, textsEn: null },
      'vi',
      'https://x.vn',
    );
    expect(sms.startsWith('[DIỄN TẬP – HỦY CẢNH BÁO] Ngập sâu')).toBe(true);
  });
});

describe(`alerts by SMS and email (${TEST_ENGINE})`, () => {
  it('refuses staff and unknown units; SMS goes to the verified phone at once', async () => {
    expect(
      (await officer.request('PUT', '/api/v1/alerts/contacts/sms', { unitCodes: [WARD_5] })).statusCode,
    ).toBe(403);
    expect(
      (await citizen.request('PUT', '/api/v1/alerts/contacts/sms', { unitCodes: ['99999'] })).json().code,
    ).toBe('alert_unknown_unit');
    const sms = await citizen.request('PUT', '/api/v1/alerts/contacts/sms', { unitCodes: [WARD_5] });
    expect(sms.statusCode, sms.body).toBe(200);
    expect(sms.json()).toMatchObject({ channel: 'sms', confirmed: true, address: '+8491*****11' });
  });

  it('email: double opt-in by the link in a real mail; nothing is sent before', async () => {
    const res = await citizen.request('PUT', '/api/v1/alerts/contacts/email', {
      email: 'Chi.Lan@Example.VN',
      unitCodes: [WARD_5],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ channel: 'email', confirmed: false });
    const mail = await sink.waitFor((m) => m.envelopeTo.includes('chi.lan@example.vn'));
    const token = /xac-nhan-email=([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')![1]!;
    expect(mail.parsed.text).toContain(`Hoặc nhập mã: ${token}`);
    const anon = new TestClient(t.app);
    expect(
      (await anon.post('/api/v1/alerts/contacts/email/confirm', { token: 'wrongtoken12' })).json().code,
    ).toBe('alert_contact_token_invalid');
    const ok = await anon.post('/api/v1/alerts/contacts/email/confirm', { token });
    expect(ok.json()).toMatchObject({ channel: 'email', confirmed: true });
    // Both addresses are encrypted at rest.
    const raw = await t.app.database.query<{ address: string }>('select address from alert_contacts');
    expect(raw.length).toBeGreaterThanOrEqual(2);
    expect(raw.every((r) => r.address.startsWith('ts1.'))).toBe(true);
    expect(JSON.stringify(raw).toLowerCase()).not.toMatch(/chi\.lan|\+849/);
    // Used once.
    expect((await anon.post('/api/v1/alerts/contacts/email/confirm', { token })).statusCode).toBe(400);
    const mine = (await citizen.get('/api/v1/alerts/contacts')).json().items;
    expect(mine.map((c: { channel: string; confirmed: boolean }) => [c.channel, c.confirmed])).toEqual([
      ['email', true],
      ['sms', true],
    ]);
  });

  it('preview counts each channel; one SMS and one mail per alert; update and cancel say so; counts per channel', async () => {
    const created = await officer.post('/api/v1/alerts', flood());
    const id = created.json().id as string;
    const preview = (await officer.get(`/api/v1/alerts/${id}/preview`)).json();
    expect(preview.reach).toMatchObject({ sms: 1, email: 1 });
    const before = sink.received.length;
    await approveAndPublish(id);
    await waitFor(alertSms, (s) => s.length >= 1);
    const mail = await sink.waitFor((m) => (m.parsed.subject ?? '').startsWith('[CẢNH BÁO]'));
    expect(alertSms()).toHaveLength(1);
    expect(alertSms()[0]!.text).toMatch(/^\[CẢNH BÁO\] Ngập sâu tại Phường 5 và Phường 2\. Di chuyển/);
    expect(alertSms()[0]!.text).toContain(`/canh-bao/${id}`);
    expect(smsBudget(alertSms()[0]!.text).segments).toBeLessThanOrEqual(SMS_MAX_SEGMENTS);
    expect(mail.parsed.text).toContain('Ngừng nhận: ');
    expect(mail.raw.toString().replace(/\r\n[ \t]+/g, ' ')).toMatch(/List-Unsubscribe:\s*<[^>]*ngung-email=/);
    const counts = await waitFor(
      async () => (await officer.get(`/api/v1/alerts/${id}`)).json().deliveriesByChannel,
      (c) => c.sms.sent === 1 && c.email.sent === 1,
    );
    expect(counts.sms).toMatchObject({ sent: 1, failed: 0, pending: 0 });
    expect(counts.email).toMatchObject({ sent: 1, failed: 0, pending: 0 });
    expect(sink.received.length - before).toBe(1);

    // Cancel: a new message, sent too, and the text says it is a cancellation.
    const cancel = (await officer.post(`/api/v1/alerts/${id}/follow-up`, { kind: 'Cancel' })).json();
    await approveAndPublish(cancel.id);
    await waitFor(alertSms, (s) => s.length >= 2);
    expect(alertSms()[1]!.text).toMatch(/^\[HỦY CẢNH BÁO\]/);
    const cancelMail = await sink.waitFor((m) => (m.parsed.subject ?? '').startsWith('[HỦY CẢNH BÁO]'));
    expect(cancelMail.parsed.text).toContain('Cảnh báo trước đó đã được hủy.');

    // Unsubscribe by the link in the mail: no more mail, SMS still on.
    const token = /ngung-email=([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')![1]!;
    expect(
      (await new TestClient(t.app).post('/api/v1/alerts/contacts/unsubscribe', { token })).statusCode,
    ).toBe(204);
    const mine = (await citizen.get('/api/v1/alerts/contacts')).json().items;
    expect(mine.map((c: { channel: string }) => c.channel)).toEqual(['sms']);
  });

  it('an exercise reaches only contacts who opted in to drills', async () => {
    const smsBefore = alertSms().length;
    const id = (await officer.post('/api/v1/alerts', flood({ status: 'Exercise' }))).json().id as string;
    expect((await officer.get(`/api/v1/alerts/${id}/preview`)).json().reach).toMatchObject({ sms: 0 });
    await approveAndPublish(id);
    await new Promise((r) => setTimeout(r, 3000));
    expect(alertSms().length).toBe(smsBefore);
    expect((await citizen.request('DELETE', '/api/v1/alerts/contacts/sms')).statusCode).toBe(204);
    expect((await citizen.request('DELETE', '/api/v1/alerts/contacts/sms')).json().code).toBe(
      'alert_contact_not_found',
    );
  });
});
