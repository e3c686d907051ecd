import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import { SmtpSink } from '../../testing/smtp-sink.js';
import { agencies, roleAssignments, users } from '../identity/identity.schema.js';
import * as identityRepo from '../identity/identity.repository.js';
import { hashPassword } from '../identity/password.js';
import { staffNotifications } from './feedback.schema.js';
import * as repo from './feedback.repository.js';
import { checkDeadlines } from './jobs/deadline-jobs.js';
import { emailStaffNotification } from './staff-notifications.js';
import { sealedEmail } from '../identity/user-contacts.js';

let t: TestApp;
let clock = new Date();
const sink = new SmtpSink();
const ids: Record<string, string> = {};
let agencyId = '';

async function userId(username: string) {
  const [u] = await t.app.database.db.select().from(users).where(eq(users.username, username));
  return u!.id;
}

async function signedIn(username: string) {
  const c = new TestClient(t.app);
  await c.signIn(username, TEST_DEMO_PASSWORD);
  return c;
}

async function move(client: TestClient, id: string, body: Record<string, unknown>) {
  const current = (await client.get(`/api/v1/reports/${id}`)).json().report;
  return client.post(`/api/v1/reports/${id}/transitions`, { version: current.version, ...body });
}

/** A citizen's street-light report in Tân An (the response, to read its id and tracking code). */
function submitLightReport(title: string, body: string, phone: string) {
  return new TestClient(t.app).post('/api/v1/reports', {
    categoryCode: 'chieu_sang',
    title,
    body,
    location: { lat: 10.5359, lon: 106.4107 },
    reporter: { phone },
    consent: true,
  });
}

/** Who got notices of this kind about the report, as usernames, sorted. */
async function recipients(reportId: string, kind: string) {
  const rows = await t.app.database.db
    .select({ username: users.username })
    .from(staffNotifications)
    .innerJoin(users, eq(users.id, staffNotifications.userId))
    .where(and(eq(staffNotifications.reportId, reportId), eq(staffNotifications.kind, kind)));
  return rows.map((r) => r.username!).sort();
}

beforeAll(async () => {
  const url = await sink.start();
  t = await createTestApp({
    jobs: true,
    now: () => clock,
    env: { SMTP_URL: url, MAIL_FROM: '"Tổng đài 1022" <1022@longan.gov.vn>', MAIL_AUTO_CAP_PER_HOUR: '50' },
  });
  const db = t.app.database.db;
  for (const name of ['ioc', 'canbo', 'lanhdao', 'tongdai']) {
    ids[name] = await userId(name);
    await db
      .update(users)
      .set(sealedEmail(`${name}@longan.gov.vn`))
      .where(eq(users.id, ids[name]));
  }
  const [grant] = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, ids.lanhdao!));
  agencyId = grant!.agencyId!;
  // A handler of another agency, with an address: must hear nothing about this agency's reports.
  const [other] = await db.select().from(agencies).where(ne(agencies.id, agencyId)).limit(1);
  const stranger = await identityRepo.insertUser(db, {
    kind: 'staff',
    username: 'canbokhac',
    ...sealedEmail('canbokhac@longan.gov.vn'),
    fullName: 'Cán Bộ Khác',
    passwordHash: await hashPassword(TEST_DEMO_PASSWORD),
  });
  await identityRepo.replaceGrants(db, stranger.id, [
    { role: 'agency_handler', agencyId: other!.id, unitCode: null },
  ]);
  ids.canbokhac = stranger.id;
});
afterAll(async () => {
  await t?.close();
  await sink.stop();
});

describe(`staff notifications (${TEST_ENGINE})`, () => {
  let reportId = '';
  let trackingCode = '';

  it('tells the agency when a report is assigned to it and the IOC when it comes back', async () => {
    clock = new Date();
    const res = await submitLightReport(
      'Đèn đường tắt cả dãy',
      'Cả dãy đèn đường trước chợ không sáng bốn đêm liền, người đi đường rất khó thấy ổ gà.',
      '0909000222',
    );
    expect(res.statusCode).toBe(201);
    ({ id: reportId, trackingCode } = res.json());
    const ioc = await signedIn('ioc');
    await move(ioc, reportId, { action: 'accept' });
    expect((await move(ioc, reportId, { action: 'assign', agencyId })).json().status).toBe('assigned');
    expect(await recipients(reportId, 'report_assigned')).toEqual(['canbo', 'lanhdao']);

    const handler = await signedIn('canbo');
    const back = await move(handler, reportId, { action: 'return_to_ioc', note: 'Không thuộc thẩm quyền' });
    expect(back.json().status).toBe('returned');
    expect(await recipients(reportId, 'report_returned')).toEqual(['ioc']);
    await move(ioc, reportId, { action: 'assign', agencyId });
  });

  it('warns the handlers before the deadline and everyone responsible after it, only once', async () => {
    const r = (await repo.findReport(t.app.database.db, reportId))!;
    clock = new Date(r.deadlineAt!.getTime() - 3600_000);
    await checkDeadlines(t.app.feedbackDeps);
    await checkDeadlines(t.app.feedbackDeps);
    expect(await recipients(reportId, 'report_due_soon')).toEqual(['canbo']);

    clock = new Date(r.deadlineAt!.getTime() + 3600_000);
    await checkDeadlines(t.app.feedbackDeps);
    await checkDeadlines(t.app.feedbackDeps);
    // The other agency's handler and the call agent hear nothing.
    expect(await recipients(reportId, 'report_overdue')).toEqual(['canbo', 'ioc', 'lanhdao']);
  });

  it('mails each deadline notice once over SMTP, even when the job runs again', async () => {
    const subject = `[${trackingCode}] Quá hạn: ${trackingCode}`;
    const mail = await sink.waitFor(
      (m) => m.envelopeTo.includes('lanhdao@longan.gov.vn') && m.parsed.subject === subject,
    );
    expect(mail.parsed.text).toContain(`Phản ánh ${trackingCode} "Đèn đường tắt cả dãy" đã quá hạn xử lý`);
    expect(mail.parsed.text).toContain(`/console/phan-anh/${reportId}`);
    await sink.waitFor((m) => m.envelopeTo.includes('ioc@longan.gov.vn') && m.parsed.subject === subject);
    await sink.waitFor(
      (m) =>
        m.envelopeTo.includes('canbo@longan.gov.vn') &&
        m.parsed.subject === `[${trackingCode}] Sắp đến hạn: ${trackingCode}`,
    );
    const [notice] = await t.app.database.db
      .select()
      .from(staffNotifications)
      .where(
        and(
          eq(staffNotifications.reportId, reportId),
          eq(staffNotifications.userId, ids.lanhdao!),
          eq(staffNotifications.kind, 'report_overdue'),
        ),
      );
    expect(notice!.emailedAt).not.toBeNull();
    // A retried job (same notice) sends nothing more.
    expect(
      await emailStaffNotification(t.app.feedbackDeps, t.app.channels.notifier, {
        notificationId: notice!.id,
      }),
    ).toBe('skipped');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const toLead = sink.received.filter(
      (m) => m.envelopeTo.includes('lanhdao@longan.gov.vn') && m.parsed.subject === subject,
    );
    expect(toLead).toHaveLength(1);
    expect(sink.received.some((m) => m.envelopeTo.includes('canbokhac@longan.gov.vn'))).toBe(false);
  });

  it('lists only my notices, newest first, and marks them read', async () => {
    // The demo reports escalated too when the clock moved; keep only this report's notices.
    await t.app.database.db.delete(staffNotifications).where(ne(staffNotifications.reportId, reportId));
    const lead = await signedIn('lanhdao');
    const mine = (await lead.get('/api/v1/me/notifications')).json();
    expect(mine.unread).toBe(3);
    expect(mine.items.map((n: { kind: string }) => n.kind)).toEqual([
      'report_overdue',
      'report_assigned',
      'report_assigned',
    ]);
    expect(mine.items.every((n: { reportId: string }) => n.reportId === reportId)).toBe(true);
    expect(mine.items[0].title).toBe(`Quá hạn: ${trackingCode}`);

    const page = (await lead.get('/api/v1/me/notifications?limit=2')).json();
    expect(page.items).toHaveLength(2);
    const rest = (await lead.get(`/api/v1/me/notifications?limit=2&before=${page.nextBefore}`)).json();
    expect(rest.items.map((n: { id: string }) => n.id)).toEqual([mine.items[2].id]);
    expect(rest.nextBefore).toBeNull();

    // Somebody else's notice cannot be marked through my account.
    const handler = await signedIn('canbo');
    const theirs = (await handler.get('/api/v1/me/notifications')).json();
    expect(
      theirs.items.some((n: { id: string }) => mine.items.some((m: { id: string }) => m.id === n.id)),
    ).toBe(false);
    expect((await lead.post('/api/v1/me/notifications/read', { ids: [theirs.items[0].id] })).json()).toEqual({
      marked: 0,
    });
    expect((await handler.get('/api/v1/me/notifications')).json().unread).toBe(theirs.unread);

    expect((await lead.post('/api/v1/me/notifications/read', { ids: [mine.items[0].id] })).json()).toEqual({
      marked: 1,
    });
    const after = (await lead.get('/api/v1/me/notifications')).json();
    expect(after.unread).toBe(2);
    expect(after.items[0].readAt).not.toBeNull();
    expect((await lead.get('/api/v1/me/notifications?unread=true')).json().items).toHaveLength(2);
    expect((await lead.post('/api/v1/me/notifications/read', { all: true })).json()).toEqual({ marked: 2 });
    expect((await lead.get('/api/v1/me/notifications')).json().unread).toBe(0);

    expect((await lead.post('/api/v1/me/notifications/read', {})).statusCode).toBe(400);
    expect((await new TestClient(t.app).get('/api/v1/me/notifications')).statusCode).toBe(401);
  });
});

describe(`staff notifications up the agency tree, in each person's language (${TEST_ENGINE})`, () => {
  let communeId = '';
  let communeName = '';
  let provinceId = '';
  let reportId = '';
  let trackingCode = '';

  /** A staff account with an address, holding the given grants; `locale` is their language. */
  async function staff(username: string, grants: { role: string; agencyId: string }[], locale = 'vi') {
    const db = t.app.database.db;
    const u = await identityRepo.insertUser(db, {
      kind: 'staff',
      username,
      ...sealedEmail(`${username}@longan.gov.vn`),
      fullName: username,
      passwordHash: await hashPassword(TEST_DEMO_PASSWORD),
    });
    await db.update(users).set({ locale }).where(eq(users.id, u.id));
    await identityRepo.replaceGrants(
      db,
      u.id,
      grants.map((g) => ({ ...g, role: g.role as 'agency_lead', unitCode: null })),
    );
    ids[username] = u.id;
  }

  /** Notices of this kind about the report, as "username: title", sorted. */
  async function notices(id: string, kind: string) {
    const rows = await t.app.database.db
      .select({ username: users.username, title: staffNotifications.title, body: staffNotifications.body })
      .from(staffNotifications)
      .innerJoin(users, eq(users.id, staffNotifications.userId))
      .where(and(eq(staffNotifications.reportId, id), eq(staffNotifications.kind, kind)));
    return rows.sort((a, b) => a.username!.localeCompare(b.username!));
  }

  beforeAll(async () => {
    const db = t.app.database.db;
    const [commune] = await db.select().from(agencies).where(eq(agencies.parentId, agencyId)).limit(1);
    communeId = commune!.id;
    communeName = commune!.name;
    const [district] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
    provinceId = district!.parentId!;
    await staff('canboxa', [{ role: 'agency_handler', agencyId: communeId }]);
    // The commune's lead reads English.
    await staff('lanhdaoxa', [{ role: 'agency_lead', agencyId: communeId }], 'en');
    // Lead of the commune and of the district: one notice each time, never two.
    await staff('lanhdaokep', [
      { role: 'agency_lead', agencyId: communeId },
      { role: 'agency_lead', agencyId },
    ]);
    // The province's lead: every district hangs under the province; it hears nothing of them.
    await staff('lanhdaotinh', [{ role: 'agency_lead', agencyId: provinceId }]);
  });

  it('tells the district leads when the IOC assigns a report to one of its communes, not the province', async () => {
    clock = new Date();
    const res = await submitLightReport(
      'Cột đèn xã bị nghiêng',
      'Cột đèn ở đầu ấp bị nghiêng sau cơn mưa lớn, có nguy cơ ngã ra đường liên xã.',
      '0909000333',
    );
    ({ id: reportId, trackingCode } = res.json());
    const ioc = await signedIn('ioc');
    await move(ioc, reportId, { action: 'accept' });
    expect((await move(ioc, reportId, { action: 'assign', agencyId: communeId })).statusCode).toBe(200);
    const told = await notices(reportId, 'report_assigned');
    expect(told.map((n) => n.username)).toEqual(['canboxa', 'lanhdao', 'lanhdaokep', 'lanhdaoxa']);
    const by = (name: string) => told.find((n) => n.username === name)!;
    // The district's lead is told which of its communes got it; the commune's lead reads English.
    expect(by('lanhdao').title).toBe(`Chuyển đến đơn vị trực thuộc: ${trackingCode}`);
    expect(by('lanhdao').body).toContain(`được chuyển đến ${communeName} (trực thuộc cơ quan của bạn)`);
    expect(by('lanhdaoxa').title).toBe(`New report for your agency: ${trackingCode}`);
    expect(by('lanhdaokep').title).toBe(`Phản ánh mới chuyển đến: ${trackingCode}`);
  });

  it('does not tell the district leads of a pass-down their own district made', async () => {
    const res = await submitLightReport(
      'Đèn hẻm chập chờn',
      'Đèn trong hẻm 12 chập chờn cả tuần nay, buổi tối rất tối, mong được sửa sớm.',
      '0909000444',
    );
    const id = res.json().id as string;
    const ioc = await signedIn('ioc');
    await move(ioc, id, { action: 'accept' });
    await move(ioc, id, { action: 'assign', agencyId });
    // Assigned to the district: its own staff hear, the province's lead does not.
    expect((await notices(id, 'report_assigned')).map((n) => n.username)).toEqual([
      'canbo',
      'lanhdao',
      'lanhdaokep',
    ]);
    await t.app.database.db.delete(staffNotifications).where(eq(staffNotifications.reportId, id));
    const handler = await signedIn('canbo');
    expect((await move(handler, id, { action: 'pass_down', agencyId: communeId })).statusCode).toBe(200);
    // The commune's staff hear; the district lead does not (their district passed it on).
    expect((await notices(id, 'report_assigned')).map((n) => n.username)).toEqual([
      'canboxa',
      'lanhdaokep',
      'lanhdaoxa',
    ]);
  });

  it("warns only the commune before the deadline; overdue reaches the district's leads and the IOC, once each", async () => {
    const r = (await repo.findReport(t.app.database.db, reportId))!;
    clock = new Date(r.deadlineAt!.getTime() - 3600_000);
    await checkDeadlines(t.app.feedbackDeps);
    expect((await notices(reportId, 'report_due_soon')).map((n) => n.username)).toEqual(['canboxa']);

    clock = new Date(r.deadlineAt!.getTime() + 3600_000);
    await checkDeadlines(t.app.feedbackDeps);
    await checkDeadlines(t.app.feedbackDeps);
    const told = await notices(reportId, 'report_overdue');
    expect(told.map((n) => n.username)).toEqual(['canboxa', 'ioc', 'lanhdao', 'lanhdaokep', 'lanhdaoxa']);
    const by = (name: string) => told.find((n) => n.username === name)!;
    expect(by('lanhdao').body).toContain(`Đơn vị đang xử lý: ${communeName} (trực thuộc cơ quan của bạn).`);
    // The person who leads both hears as the commune's lead (the holder), without the sub-unit line.
    expect(by('lanhdaokep').body).not.toContain('trực thuộc');
    expect(by('lanhdaoxa').title).toBe(`Overdue: ${trackingCode}`);
    expect(by('lanhdaoxa').body).toMatch(
      /is past its deadline \(due \d\d:\d\d \d\d\/\d\d\/\d{4} \(Vietnam time\)\)\.$/,
    );
  });

  it('mails staff with the staff footer, in their language', async () => {
    const vi = await sink.waitFor(
      (m) =>
        m.envelopeTo.includes('lanhdao@longan.gov.vn') &&
        m.parsed.subject === `[${trackingCode}] Quá hạn: ${trackingCode}`,
    );
    expect(vi.parsed.text).toContain(`Đơn vị đang xử lý: ${communeName}`);
    expect(vi.parsed.text).toContain('Tổng đài 1022 — thư tự động gửi cán bộ. Bạn nhận thư này vì phản ánh');
    expect(vi.parsed.text).toMatch(
      /Xem mọi thông báo của bạn trong bàn làm việc: http\S+\/console\/thong-bao\./,
    );
    // Not the reporter's footer about keeping the code when replying.
    expect(vi.parsed.text).not.toContain('giữ nguyên mã');
    expect(vi.parsed.html).toMatch(/<a href="http[^"]+\/console\/thong-bao">/);

    const en = await sink.waitFor(
      (m) =>
        m.envelopeTo.includes('lanhdaoxa@longan.gov.vn') &&
        m.parsed.subject === `[${trackingCode}] Overdue: ${trackingCode}`,
    );
    expect(en.parsed.text).toContain(`Open the report: `);
    expect(en.parsed.text).toMatch(/Your notifications: http\S+\/console\/thong-bao/);
    expect(en.parsed.text).toContain('1022 hotline — automatic mail to staff. You get it because');
    expect(en.parsed.text).not.toMatch(/thư tự động|Mở phản ánh/);
    expect(en.parsed.html).toContain('<html lang="en">');
    // The province's lead got no mail about the commune's report.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.some((m) => m.envelopeTo.includes('lanhdaotinh@longan.gov.vn'))).toBe(false);
    // Under load the mails arrive in any order: wait for this one, then count that it came once.
    await sink.waitFor(
      (m) =>
        m.envelopeTo.includes('lanhdaokep@longan.gov.vn') &&
        !!m.parsed.subject?.startsWith(`[${trackingCode}] Quá hạn`),
    );
    const toBoth = sink.received.filter(
      (m) =>
        m.envelopeTo.includes('lanhdaokep@longan.gov.vn') &&
        m.parsed.subject?.startsWith(`[${trackingCode}] Quá hạn`),
    );
    expect(toBoth).toHaveLength(1);
  });
});

describe(`choosing my notice language (${TEST_ENGINE})`, () => {
  it("the console's language switch makes the person's next notices English, and only theirs", async () => {
    clock = new Date();
    const lead = await signedIn('lanhdao');
    expect((await lead.request('PUT', '/api/v1/me/locale', { locale: 'fr' })).statusCode).toBe(400);
    expect(
      (await new TestClient(t.app).request('PUT', '/api/v1/me/locale', { locale: 'en' })).statusCode,
    ).toBe(401);
    expect((await lead.request('PUT', '/api/v1/me/locale', { locale: 'en' })).statusCode).toBe(204);

    const res = await submitLightReport(
      'Đèn đường chập chờn',
      'Đèn đường trước trường học chập chờn cả tuần nay, buổi tối rất tối và nguy hiểm cho học sinh.',
      '0909000333',
    );
    const { id, trackingCode: code } = res.json();
    const ioc = await signedIn('ioc');
    await move(ioc, id, { action: 'accept' });
    await move(ioc, id, { action: 'assign', agencyId });
    const titles = await t.app.database.db
      .select({ username: users.username, title: staffNotifications.title })
      .from(staffNotifications)
      .innerJoin(users, eq(users.id, staffNotifications.userId))
      .where(eq(staffNotifications.reportId, id));
    const byName = Object.fromEntries(titles.map((r) => [r.username, r.title]));
    expect(byName.lanhdao).toBe(`New report for your agency: ${code}`);
    expect(byName.canbo).toBe(`Phản ánh mới chuyển đến: ${code}`);
    await lead.request('PUT', '/api/v1/me/locale', { locale: 'vi' });
  });
});
