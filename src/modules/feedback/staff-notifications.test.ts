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
    const res = await new TestClient(t.app).post('/api/v1/reports', {
      categoryCode: 'chieu_sang',
      title: 'Đèn đường tắt cả dãy',
      body: 'Cả dãy đèn đường trước chợ không sáng bốn đêm liền, người đi đường rất khó thấy ổ gà.',
      location: { lat: 10.5359, lon: 106.4107 },
      reporter: { phone: '0909000222' },
      consent: true,
    });
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
