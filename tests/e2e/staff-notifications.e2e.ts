import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { scratchDatabase } from './support/postgres.js';
import { signInToConsole } from './support/console.js';
import { startServer, type RunningServer } from './support/server.js';

// Issue 3: staff are told about deadlines. A report of the agency lead's agency passes its deadline; the
// deadline job (queued now instead of waiting for its 10-minute schedule) escalates it, and the lead sees
// it in the console's bell, opens the list, marks it read and follows the link to the report. On
// PostgreSQL, so the test can move the deadline into the past and queue the job from outside.

let server: RunningServer;
let browser: Browser;
let databaseUrl: string;
const contexts: BrowserContext[] = [];
const cleanups: (() => Promise<void>)[] = [];
let report: { id: string; trackingCode: string };

async function sql(text: string, values: unknown[] = []): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(text, values);
  } finally {
    await c.end();
  }
}

async function signIn(login: string): Promise<Page> {
  return signInToConsole(browser, server.baseUrl, login, contexts);
}

/** The header's link to the notices: "Thông báo (3)" (named "Thông báo (3) chưa đọc"), or "Thông báo". */
const bell = (page: Page) =>
  page.getByRole('banner').getByRole('link', { name: /^Thông báo( \(\d+\) chưa đọc)?$/ });

/** The unread count the header's bell shows. */
async function bellCount(page: Page): Promise<number> {
  const text = await bell(page).innerText();
  return Number(/\((\d+)\)/.exec(text)?.[1] ?? 0);
}

beforeAll(async () => {
  databaseUrl = await scratchDatabase('notices', cleanups);
  server = await startServer({ env: { DATABASE_URL: databaseUrl, RATE_LIMIT_SCALE: '20' } });
  browser = await launchBrowser();
  const stamp = Date.now().toString(36);
  const res = await fetch(`${server.baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      categoryCode: 'giao_thong_ha_tang',
      title: `Cống hở trên đường Hùng Vương ${stamp}`,
      body: 'Nắp cống bị mất, miệng cống hở ngay lối đi, rất nguy hiểm cho trẻ em và người đi xe máy.',
      location: { lat: 10.5359, lon: 106.4107 },
      reporter: { name: 'Người dân', phone: '0909000111' },
      displayPublicly: 'anonymous',
      consent: true,
    }),
  });
  expect(res.status).toBe(201);
  report = (await res.json()) as { id: string; trackingCode: string };
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
});

describe('staff notifications in the console', () => {
  it("puts an overdue report in the agency lead's bell, lists it, marks it read and links to it", async () => {
    // The report is with the lead's agency and its deadline passed an hour ago.
    await sql(
      `update reports set status = 'assigned',
         agency_id = (select ra.agency_id from role_assignments ra join users u on u.id = ra.user_id
                      where u.username = 'lanhdao' and ra.role = 'agency_lead'),
         deadline_at = now() - interval '1 hour', extended_deadline_at = null
       where id = $1`,
      [report.id],
    );
    const lead = await signIn('lanhdao');
    // What the server counts now (the demo's assignments already told the lead of a few reports).
    const unreadNow = async () =>
      ((await (await lead.request.get('/api/v1/me/notifications')).json()) as { unread: number }).unread;
    const before = await unreadNow();
    await expect.poll(() => bellCount(lead)).toBe(before);

    const boss = new PgBoss({
      connectionString: databaseUrl,
      supervise: false,
      schedule: false,
      migrate: false,
    });
    await boss.start();
    await boss.send('feedback.check-deadlines', {});
    await boss.stop({ graceful: false, wait: false });

    // The escalation is a report change: the bell hears it on the live stream (or within a minute).
    for (let tries = 0; (await bellCount(lead)) <= before; tries++) {
      expect(tries).toBeLessThan(90);
      await lead.waitForTimeout(1000);
    }
    // The job escalates the demo's late reports too, one transaction each: wait until the bell has caught up.
    await expect
      .poll(async () => (await bellCount(lead)) === (await unreadNow()), { timeout: 70_000 })
      .toBe(true);
    const unread = await unreadNow();
    expect(await bell(lead).innerText()).toBe(`Thông báo (${unread})`);
    expect(await bell(lead).getAttribute('aria-label')).toBe(`Thông báo (${unread}) chưa đọc`);

    await bell(lead).click();
    await lead.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
    await expectAllInputsLabelled(lead);
    const title = `Quá hạn: ${report.trackingCode}`;
    const notice = lead.getByRole('listitem').filter({ has: lead.getByRole('link', { name: title }) });
    await notice.waitFor();
    await expect.poll(() => notice.innerText()).toContain('đã quá hạn xử lý');

    await notice.getByRole('button', { name: `Đánh dấu đã đọc: ${title}` }).click();
    await expect.poll(() => notice.getByRole('button', { name: /Đánh dấu đã đọc/ }).count()).toBe(0);
    await expect.poll(() => notice.innerText()).toContain('Đã đọc');
    await expect.poll(() => bellCount(lead)).toBe(unread - 1);

    await notice.getByRole('link', { name: title }).click();
    await lead.getByRole('heading', { name: new RegExp(report.trackingCode), level: 1 }).waitFor();
  });

  it('gives the notice to the lead of that agency only, not to a handler of another agency', async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      const { rows } = await c.query<{ username: string }>(
        `select u.username from staff_notifications n join users u on u.id = n.user_id
         where n.report_id = $1 and n.kind = 'report_overdue' order by 1`,
        [report.id],
      );
      expect(rows.map((r) => r.username)).toEqual(['canbo', 'ioc', 'lanhdao']);
    } finally {
      await c.end();
    }
  });
});
