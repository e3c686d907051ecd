import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { lastSmsCode } from './support/sms.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a citizen manages their account and personal data in the app', () => {
  it('signs in by phone, corrects the name, downloads the data and deletes the account', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await page.goto('/app/dang-nhap');
    await page.getByLabel('Số điện thoại').fill('0913 456 789');
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await page.getByLabel('Mã xác nhận').fill(await lastSmsCode(server.dataDir, '+84913456789'));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('link', { name: 'Tài khoản' }).click();

    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    await page.getByText('+84913456789').waitFor();
    await expectAllInputsLabelled(page);
    await page.getByLabel('Họ và tên').fill('Phạm Thị Dung');
    await page.getByLabel('Email', { exact: true }).fill('dung@example.vn');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu thông tin.' }).waitFor();

    // The download link gives the account's data as JSON (same session cookie as the page).
    const download = await page.request.get('/api/v1/me/data');
    expect(download.headers()['content-disposition']).toMatch(/attachment/);
    expect((await download.json()).account).toMatchObject({
      fullName: 'Phạm Thị Dung',
      email: 'dung@example.vn',
    });

    // Deleting needs an explicit confirmation.
    const remove = page.getByRole('button', { name: 'Xóa tài khoản và dữ liệu cá nhân' });
    expect(await remove.isDisabled()).toBe(true);
    await page.getByLabel('Tôi hiểu và muốn xóa tài khoản').check();
    await remove.click();
    await page.waitForURL(/\/app\/$/);
    await page.getByRole('link', { name: 'Đăng nhập' }).first().waitFor();
    expect((await page.request.get('/api/v1/me/account')).status()).toBe(401);
    await context.close();
  });
});
