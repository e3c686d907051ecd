import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousViolations } from './support/browser.js';
import { scratchDatabase } from './support/postgres.js';
import { signInToConsole } from './support/console.js';
import { startServer, type RunningServer } from './support/server.js';

// Smart triage (issue 10), done when: a report typed without diacritics gets the right category first
// (citizen form and IOC), an agency from the routing rules and its duplicate; a burst of flood reports in
// one area raises a hotspot the IOC turns into a pre-filled alert draft. On PostgreSQL, so the test can
// queue the hotspot detection now instead of waiting for its 15-minute schedule.
const TAN_AN = { lat: 10.5359, lon: 106.4107 }; // Phường 5, Tân An (unit 794)
const KIEN_TUONG = { lat: 10.81293, lon: 105.92829 }; // Thị xã Kiến Tường (unit 795)
const FLOOD = 'Thoát nước – ngập úng – triều cường';

let server: RunningServer;
let browser: Browser;
let databaseUrl: string;
const contexts: BrowserContext[] = [];
const cleanups: (() => Promise<void>)[] = [];

async function sql(text: string, values: unknown[] = []): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(text, values);
  } finally {
    await c.end();
  }
}

/** A report through the public intake (no session), as the app or the portal would send it. */
async function report(input: {
  categoryCode: string;
  title: string;
  body: string;
  location: { lat: number; lon: number };
}): Promise<{ id: string; trackingCode: string }> {
  const res = await fetch(`${server.baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      ...input,
      reporter: { name: 'Người dân', phone: '0909000111' },
      displayPublicly: 'anonymous',
      consent: true,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; trackingCode: string };
}

beforeAll(async () => {
  databaseUrl = await scratchDatabase('triage', cleanups);
  server = await startServer({ env: { DATABASE_URL: databaseUrl, RATE_LIMIT_SCALE: '20' } });
  browser = await launchBrowser();
  // This province's IOC operators also draft alerts (in the demo they are two people).
  await sql(
    `insert into role_assignments (user_id, role) select id, 'alert_officer' from users where username = 'ioc'`,
  );
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function signIn(login: string): Promise<Page> {
  return signInToConsole(browser, server.baseUrl, login, contexts, {
    viewport: { width: 1280, height: 900 },
  });
}

describe('smart triage in the browser', () => {
  it('suggests the category of a report typed without diacritics, then the IOC sees it with the agency and its duplicate', async () => {
    // Earlier, a neighbour reported the same flooded street, with diacritics.
    const earlier = await report({
      categoryCode: 'thoat_nuoc_ngap',
      title: 'Đường ngập sâu sau mưa',
      body: 'Mưa to chiều qua, đường vô khu phố ngập tới đầu gối, cống nghẹt rác không thoát nước được.',
      location: TAN_AN,
    });

    const phone = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      geolocation: { latitude: TAN_AN.lat + 0.0002, longitude: TAN_AN.lon, accuracy: 15 },
      permissions: ['geolocation'],
    });
    contexts.push(phone);
    const page = await phone.newPage();
    await page.goto('/app/gui-phan-anh');
    await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh' }).waitFor();
    await page
      .locator('select[name=categoryCode] option[value=thoat_nuoc_ngap]')
      .waitFor({ state: 'attached' });

    // Offline: no suggestion and no error, the form works as before.
    await phone.setOffline(true);
    await page.getByLabel('Tiêu đề').fill('duong ngap sau mua');
    await page.getByLabel('Nội dung').fill('mua to chieu qua duong vo khu pho ngap toi dau goi');
    await page.waitForTimeout(1500);
    expect(await page.getByRole('group', { name: 'Có phải bạn muốn báo về:' }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await phone.setOffline(false);
    await page.getByLabel('Nội dung').fill('');

    // Too short: nothing asked yet.
    await page.getByLabel('Tiêu đề').fill('duong ngap');
    await page.waitForTimeout(1200);
    expect(await page.getByRole('group', { name: 'Có phải bạn muốn báo về:' }).count()).toBe(0);

    await page.getByLabel('Tiêu đề').fill('duong ngap sau mua');
    await page
      .getByLabel('Nội dung')
      .fill('mua to chieu qua duong vo khu pho ngap toi dau goi, cong nghet rac ko thoat nuoc dc');
    const suggestions = page.getByRole('group', { name: 'Có phải bạn muốn báo về:' });
    await suggestions.waitFor();
    const buttons = suggestions.getByRole('button');
    expect(await buttons.count()).toBeGreaterThan(0);
    expect(await buttons.count()).toBeLessThanOrEqual(3);
    expect((await buttons.first().textContent())?.trim()).toBe(FLOOD);
    // The region is announced politely; nothing was chosen for the citizen.
    expect(await page.locator('.category-suggestions').getAttribute('aria-live')).toBe('polite');
    expect(await page.getByLabel('Lĩnh vực').inputValue()).toBe('');

    // One tap (keyboard works too) sets the category.
    await buttons.first().focus();
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Lĩnh vực').inputValue()).toBe('thoat_nuoc_ngap');
    expect(await buttons.first().getAttribute('aria-pressed')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    // A category the citizen picks in the list is never replaced: no more suggestions over it.
    await page.getByLabel('Lĩnh vực').selectOption('cay_xanh');
    await page
      .getByLabel('Nội dung')
      .fill('mua to chieu qua duong vo khu pho ngap toi dau goi, cong nghet ko thoat dc');
    await page.waitForTimeout(1200);
    expect(await suggestions.count()).toBe(0);
    expect(await page.getByLabel('Lĩnh vực').inputValue()).toBe('cay_xanh');
    await page.getByLabel('Lĩnh vực').selectOption('thoat_nuoc_ngap');

    await page.getByRole('button', { name: 'Dùng vị trí hiện tại' }).click();
    await page.getByText(/Vị trí: 10\.53/).waitFor();
    await page.getByLabel('Email', { exact: true }).fill('nguoidan.triage@example.com');
    await page.getByRole('checkbox', { name: /Tôi đã đọc thông báo/ }).check();
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    const code = ((await page.getByTestId('tracking-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z]{2,4}-/);

    // The IOC opens it: the model's first suggestion is the flood category, with the agency routing picks
    // for Tân An, and the earlier report is found as a likely duplicate.
    const ioc = await signIn('ioc');
    const found = await ioc.request.get(`/api/v1/reports?q=${encodeURIComponent(code)}`);
    const id = ((await found.json()) as { items: { id: string; trackingCode: string }[] }).items.find(
      (r) => r.trackingCode === code,
    )!.id;
    await ioc.goto(`/console/phan-anh/${id}`);
    const triage = ioc.getByRole('region', { name: 'Gợi ý phân loại' });
    await triage.waitFor();
    const first = triage.getByRole('listitem').first();
    expect(await first.locator('strong').textContent()).toBe(FLOOD);
    expect(await first.textContent()).toMatch(/Cơ quan xử lý: .*Tân An/);
    const duplicates = ioc.getByRole('region', { name: 'Phản ánh có thể trùng' });
    await duplicates.getByRole('link', { name: earlier.trackingCode }).waitFor();
  });

  it('raises a hotspot for a burst of flood reports in one area and opens a pre-filled flood alert draft', async () => {
    for (let i = 0; i < 6; i++)
      await report({
        categoryCode: 'thoat_nuoc_ngap',
        title: `Ngập nước sau mưa lớn ${i + 1}`,
        body: 'Mưa lớn từ chiều, đường vào khu phố ngập sâu, nước tràn vô nhà',
        location: { lat: KIEN_TUONG.lat + i * 0.0005, lon: KIEN_TUONG.lon },
      });
    // The detection runs every 15 minutes in the worker; queue one run now.
    const boss = new PgBoss({
      connectionString: databaseUrl,
      supervise: false,
      schedule: false,
      migrate: false,
    });
    await boss.start();
    await boss.send('triage.detect-hotspots', {});
    await boss.stop({ graceful: false, wait: false });

    const ioc = await signIn('ioc');
    await ioc.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Điểm nóng' }).click();
    const heading = ioc.getByRole('heading', { level: 2, name: `${FLOOD} — Thị xã Kiến Tường` });
    for (let tries = 0; (await heading.count()) === 0; tries++) {
      expect(tries).toBeLessThan(30);
      await ioc.waitForTimeout(1000);
      await ioc.reload();
    }
    const hotspot = ioc.getByRole('article').filter({ has: heading });
    expect(await hotspot.getByRole('listitem').count()).toBeGreaterThanOrEqual(6);
    expect(await seriousViolations(ioc)).toEqual([]);

    await hotspot.getByRole('link', { name: 'Soạn cảnh báo cho địa bàn này' }).click();
    await ioc.getByRole('heading', { level: 1, name: 'Soạn cảnh báo' }).waitFor();
    expect(new URL(ioc.url()).pathname).toBe('/console/canh-bao/moi');
    const template = ioc.getByLabel('Mẫu theo loại sự kiện');
    await expect.poll(() => template.inputValue()).toBe('flood');
    expect(await ioc.getByRole('checkbox', { name: 'Thị xã Kiến Tường', exact: true }).isChecked()).toBe(
      true,
    );
    expect(await ioc.getByRole('checkbox', { name: 'Thành phố Tân An', exact: true }).isChecked()).toBe(
      false,
    );
  });
});

describe('the classifier versions in the console', () => {
  it('queues a training for the worker, shows it pending, then the new version active', async () => {
    const ioc = await signIn('ioc');
    await ioc.goto('/console/diem-nong');
    const panel = ioc.getByRole('region', { name: 'Mô hình gợi ý phân loại' });
    const rows = panel.getByRole('table').getByRole('row');
    // The first training at start-up (version 1): the panel shows it pending until it is stored.
    await rows.nth(1).waitFor();
    await panel.getByRole('cell', { name: 'Đang dùng' }).waitFor();
    const before = Number(await rows.nth(1).getByRole('cell').first().textContent());
    expect(before).toBeGreaterThanOrEqual(1);

    await panel.getByRole('button', { name: 'Huấn luyện lại ngay' }).click();
    // Pending at once (the request only queued it), with the version it will get.
    const pendingRow = panel.getByRole('row').filter({ hasText: 'Đang huấn luyện' });
    await pendingRow.first().waitFor();
    expect(await pendingRow.first().getByRole('cell').first().textContent()).toBe(String(before + 1));

    await panel
      .getByRole('status')
      .filter({ hasText: `Đã huấn luyện xong phiên bản ${before + 1}` })
      .waitFor();
    expect(await pendingRow.count()).toBe(0);
    const newest = rows.nth(1);
    expect(await newest.getByRole('cell').first().textContent()).toBe(String(before + 1));
    expect(await newest.textContent()).toContain('Đang dùng');
    expect(await rows.nth(2).getByRole('button', { name: 'Dùng phiên bản này' }).count()).toBe(1);
  });
});
