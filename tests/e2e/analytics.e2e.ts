import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'vi-VN',
    acceptDownloads: true,
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const kpi = (key: string) => page.locator(`dd[data-kpi="${key}"]`);

describe('analytics: the IOC operator reads the dashboard, filters it and exports a table', () => {
  it('opens the dashboard from the console navigation', async () => {
    await page.goto('/console/');
    await page.getByLabel('Tên đăng nhập hoặc email').fill('ioc');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Thống kê' }).click();
    await page.getByRole('heading', { name: 'Thống kê, điều hành', level: 1 }).waitFor();
    await kpi('analytics.received').waitFor();
    const received = Number((await kpi('analytics.received').textContent())!.replace(/\D/g, ''));
    expect(received).toBeGreaterThan(0); // the demo reports of the last three weeks
    await page.getByRole('img', { name: 'Tiếp nhận và trả lời theo thời gian' }).waitFor();
    await page.getByRole('table', { name: 'Theo lĩnh vực' }).waitFor();
    await page.getByRole('heading', { name: 'Xếp hạng cơ quan' }).waitFor();
    await expectAllInputsLabelled(page);
  });

  it('filters by a category and the figures follow', async () => {
    const before = Number((await kpi('analytics.received').textContent())!.replace(/\D/g, ''));
    const table = page.getByRole('table', { name: 'Theo lĩnh vực' });
    const firstRow = table.locator('tbody tr').first();
    const name = (await firstRow.locator('th').textContent())!.trim();
    const count = Number((await firstRow.locator('td').first().textContent())!.replace(/\D/g, ''));
    await page.getByLabel('Lĩnh vực').selectOption({ label: name });
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.waitForFunction(
      (n) =>
        document.querySelector('dd[data-kpi="analytics.received"]')?.textContent?.replace(/\D/g, '') === n,
      String(count),
    );
    expect(count).toBeLessThanOrEqual(before);
    const rows = await page.getByRole('table', { name: 'Theo lĩnh vực' }).locator('tbody tr').count();
    expect(rows).toBe(1);
  });

  it('exports the category table as CSV', async () => {
    const section = page.locator('section.figure-table', {
      has: page.getByRole('table', { name: 'Theo lĩnh vực' }),
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Tải CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^thong-ke-category-.*\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('Lĩnh vực,Tiếp nhận');
    expect(text.trim().split('\r\n')).toHaveLength(2);
  });
});

describe('analytics: the public statistics page works without JavaScript', () => {
  it('shows the month, the charts and the agencies, and offers CSV', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      javaScriptEnabled: false,
      locale: 'vi-VN',
    });
    const p = await context.newPage();
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const response = await p.goto(`/thong-ke?thang=${month}`);
    expect(response?.status()).toBe(200);
    await p
      .getByRole('heading', { level: 1, name: 'Thống kê tiếp nhận, xử lý phản ánh, kiến nghị' })
      .waitFor();
    await p.getByRole('img', { name: /12 tháng gần nhất/ }).waitFor();
    expect(await p.getByRole('table').count()).toBeGreaterThanOrEqual(1);
    expect(await p.locator('script').count()).toBe(0);
    const csv = await context.request.get(`/thong-ke.csv?thang=${month}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Toàn tỉnh');
    await p.getByRole('navigation').getByRole('link', { name: 'Thống kê' }).first().waitFor();
    await context.close();
  });
});
