import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';
import type { FeedbackDeps } from '../feedback-deps.js';
import * as repo from '../feedback.repository.js';
import { checkDeadlines, closeQuietReports } from './deadline-jobs.js';
import { notifyReporter, type ReporterMessage, type ReporterNotifier } from './notify-reporter.js';

let t: TestApp;
let clock = new Date();
let deps: FeedbackDeps;
const delivered: ReporterMessage[] = [];
const notifier: ReporterNotifier = {
  async deliver(m) {
    delivered.push(m);
    return m.to.email
      ? { channel: 'email', recipient: m.to.email }
      : { channel: 'sms', recipient: m.to.phone! };
  },
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  deps = t.app.feedbackDeps;
});
afterAll(async () => {
  await t?.close();
});

async function submit(title: string) {
  const res = await new TestClient(t.app).post('/api/v1/reports', {
    categoryCode: 'chieu_sang',
    title,
    body: 'Đèn đường trước trường tiểu học không sáng đã ba đêm, học sinh đi học thêm về rất tối.',
    location: { lat: 10.5359, lon: 106.4107 },
    reporter: { phone: '0909000111' },
    consent: true,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; trackingCode: string };
}

/** Runs the notice job for a report's "received" step and returns the one message it delivered. */
async function receivedNotice(reportId: string): Promise<ReporterMessage> {
  const received = (await repo.eventsOf(t.app.database.db, reportId, true))[0]!;
  const before = delivered.length;
  expect(await notifyReporter(deps, notifier, { reportId, eventId: received.id })).toBe('done');
  expect(delivered).toHaveLength(before + 1);
  return delivered[before]!;
}

describe(`feedback jobs (${TEST_ENGINE})`, () => {
  it('tells the reporter about a public step once, however often the job runs', async () => {
    const { id, trackingCode } = await submit('Đèn đường không sáng trước trường');
    const received = (await repo.eventsOf(t.app.database.db, id, true))[0]!;
    expect(await notifyReporter(deps, notifier, { reportId: id, eventId: received.id })).toBe('done');
    expect(await notifyReporter(deps, notifier, { reportId: id, eventId: received.id })).toBe('skipped');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.to.phone).toBe('+84909000111');
    expect(delivered[0]!.text).toContain(trackingCode);
    expect(delivered[0]!.text).toContain('Mới tiếp nhận');
    const internal = (await repo.eventsOf(t.app.database.db, id, false)).map((e) => e.action);
    expect(internal).toContain('reporter_notified');
  });

  it('writes the notice in the language the reporter used', async () => {
    const client = new TestClient(t.app);
    client.lang = 'en';
    const res = await client.post('/api/v1/reports', {
      categoryCode: 'chieu_sang',
      title: 'Street light out by the market',
      body: 'The street light by the market gate has been out for three nights; the road is very dark.',
      location: { lat: 10.5359, lon: 106.4107 },
      reporter: { email: 'visitor@example.com' },
      consent: true,
    });
    expect(res.statusCode).toBe(201);
    const { id, trackingCode } = res.json() as { id: string; trackingCode: string };
    const notice = await receivedNotice(id);
    expect(notice.lang).toBe('en');
    expect(notice.subject).toBe(`[${trackingCode}] Received`);
    expect(notice.text).toContain('We have received your report "Street light out by the market"');
    expect(notice.text).toContain(`/tra-cuu?ma=${trackingCode}&lang=en`);
    expect(notice.text).not.toContain('Chúng tôi');
  });

  it("writes a phoned-in report's notices in the caller's language, not the agent's", async () => {
    const agent = new TestClient(t.app);
    await agent.signIn('tongdai', TEST_DEMO_PASSWORD);
    const noticeFor = async (consoleLang: 'vi' | 'en', reporterLang: 'vi' | 'en' | undefined) => {
      agent.lang = consoleLang;
      const res = await agent.post('/api/v1/reports', {
        categoryCode: 'chieu_sang',
        title: 'Đèn đường hỏng ở chợ / Street light out at the market',
        body: 'Người gọi báo đèn đường ở cổng chợ không sáng ba đêm. The caller says the light is out.',
        location: { lat: 10.5359, lon: 106.4107 },
        reporter: { phone: '0909000222' },
        consent: true,
        channel: 'phone',
        ...(reporterLang ? { reporterLang } : {}),
      });
      expect(res.statusCode).toBe(201);
      const { id } = res.json() as { id: string };
      expect((await repo.findReport(t.app.database.db, id))!.channel).toBe('phone');
      return receivedNotice(id);
    };
    const english = await noticeFor('vi', 'en');
    expect(english.lang).toBe('en');
    expect(english.text).toContain('We have received your report');
    const vietnamese = await noticeFor('en', 'vi');
    expect(vietnamese.lang).toBe('vi');
    expect(vietnamese.text).toContain('Mới tiếp nhận');
    // Without a choice, the request's language, as before.
    expect((await noticeFor('en', undefined)).lang).toBe('en');
    const bad = await agent.post('/api/v1/reports', {
      categoryCode: 'chieu_sang',
      title: 'Đèn đường hỏng',
      body: 'Đèn đường ở cổng chợ không sáng ba đêm liền.',
      reporter: { phone: '0909000222' },
      consent: true,
      reporterLang: 'fr',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('escalates once before the deadline and once when it passes, however often the job runs', async () => {
    const { id } = await submit('Trụ đèn nghiêng sắp ngã');
    const r = (await repo.findReport(t.app.database.db, id))!;
    clock = new Date(r.deadlineAt!.getTime() - 3600_000);
    await checkDeadlines(deps);
    await checkDeadlines(deps);
    clock = new Date(r.deadlineAt!.getTime() + 3600_000);
    await checkDeadlines(deps);
    await checkDeadlines(deps);
    const actions = (await repo.eventsOf(t.app.database.db, id, false))
      .map((e) => e.action)
      .filter((a) => a === 'due_soon' || a === 'overdue');
    expect(actions).toEqual(['due_soon', 'overdue']);
    const ioc = new TestClient(t.app);
    await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
    const overdue = (await ioc.get('/api/v1/reports?overdue=true&limit=200'))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(overdue).toContain(id);
    clock = new Date();
  });

  it('closes a published answer nobody rated after the quiet period', async () => {
    const { id } = await submit('Đèn chiếu sáng hẻm 5 bị hỏng');
    const ioc = new TestClient(t.app);
    await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
    const lead = new TestClient(t.app);
    await lead.signIn('lanhdao', TEST_DEMO_PASSWORD);
    const step = async (c: TestClient, body: Record<string, unknown>) => {
      const v = (await c.get(`/api/v1/reports/${id}`)).json().report.version;
      const res = await c.post(`/api/v1/reports/${id}/transitions`, { version: v, ...body });
      expect(res.statusCode, res.body).toBe(200);
    };
    const agencyId = (await ioc.get(`/api/v1/reports/${id}`)).json().report.suggestedAgencyId;
    await step(ioc, { action: 'accept' });
    await step(ioc, { action: 'assign', agencyId });
    await step(lead, { action: 'start' });
    await step(lead, { action: 'submit_answer', answer: 'Đã thay bóng đèn mới cho hẻm 5.' });
    await step(lead, { action: 'approve_answer' });
    await step(ioc, { action: 'publish' });
    clock = new Date(Date.now() + 15 * 86400_000);
    expect(await closeQuietReports(deps)).toBe('done');
    expect((await repo.findReport(t.app.database.db, id))!.status).toBe('closed');
    clock = new Date();
  });
});

describe(`the overdue list (${TEST_ENGINE})`, () => {
  it('is ordered most overdue first and pages by that order', async () => {
    clock = new Date(Date.now() + 60 * 86400_000);
    const ioc = new TestClient(t.app);
    await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
    try {
      const all = (await ioc.get('/api/v1/reports?overdue=true&limit=200')).json().items as {
        id: string;
        deadlineAt: string;
        extendedDeadlineAt: string | null;
      }[];
      expect(all.length).toBeGreaterThan(3);
      const due = all.map((r) => new Date(r.extendedDeadlineAt ?? r.deadlineAt).getTime());
      expect([...due].sort((a, b) => a - b)).toEqual(due);
      const first = (await ioc.get('/api/v1/reports?overdue=true&limit=2')).json();
      const second = (await ioc.get(`/api/v1/reports?overdue=true&limit=2&after=${first.nextCursor}`)).json();
      expect([...first.items, ...second.items].map((r: { id: string }) => r.id)).toEqual(
        all.slice(0, 4).map((r) => r.id),
      );
    } finally {
      clock = new Date();
    }
  });
});
