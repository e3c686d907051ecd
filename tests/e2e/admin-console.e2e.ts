import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('staff console: an administrator sets up 2FA and creates an agency handler', () => {
  const username = `canbo.benluc.${Date.now().toString(36)}`;

  it('signs in with username and password', async () => {
    await page.goto('/console/');
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    await expectAllInputsLabelled(page);
    await page.getByLabel('Tên đăng nhập hoặc email').fill('admin');
    await page.getByLabel('Mật khẩu').fill('wrong-password-123');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('không đúng');

    await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const nav = page.getByRole('navigation', { name: 'Chức năng' });
    await nav.waitFor();
    await nav.getByText('Quản trị').waitFor();
    await nav.getByRole('link', { name: 'Người dùng' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('enables two-factor authentication with the secret shown on the page', async () => {
    await page.getByRole('link', { name: 'Bảo mật tài khoản' }).click();
    await page.getByRole('heading', { name: 'Bảo mật tài khoản', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Bắt đầu thiết lập' }).click();
    const secretBox = page.getByTestId('totp-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await page.getByRole('img', { name: /Mã QR/ }).waitFor();
    await expectAllInputsLabelled(page);
    await page.getByLabel('Mã 6 chữ số').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await page.getByText('Đã bật xác thực hai lớp.').waitFor();
    await page.getByText('Xác thực hai lớp đang bật cho tài khoản này.').waitFor();
  });

  it('creates an agency handler scoped to the Bến Lức district People’s Committee', async () => {
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Tạo tài khoản cán bộ' }).click();
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn Bến');
    await page.getByLabel('Email', { exact: true }).fill(`${username}@example.vn`);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Canbo-Test-2026!');
    await page.getByLabel('Ngôn ngữ tài khoản').selectOption('en');
    await page.getByLabel('Cán bộ xử lý').check();

    // The agency picker appears for agency-scoped roles: narrow by kind, then by name.
    await page.getByLabel('Loại cơ quan').selectOption('district_pc');
    await page.getByLabel('Tìm theo tên cơ quan').fill('ben luc');
    const agencySelect = page.getByLabel('Cơ quan', { exact: true });
    const optionText =
      (await agencySelect.locator('option', { hasText: 'Bến Lức' }).first().textContent()) ?? '';
    expect(optionText).toContain('Bến Lức');
    await agencySelect.selectOption({ label: optionText });
    await expectAllInputsLabelled(page);

    await page.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
    await page.getByText('Đã tạo tài khoản Nguyễn Văn Bến.').waitFor();
    await page.getByLabel('Tên, tên đăng nhập hoặc email').fill(username);
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    const row = page.getByRole('row', { name: new RegExp(username.replace(/\./g, '\\.')) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Bến Lức');
    expect(await row.textContent()).toContain('Cán bộ xử lý');
  });

  it('shows the 2FA enablement and the account creation in the audit log', async () => {
    await page.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    await page.getByRole('heading', { name: 'Nhật ký hệ thống', level: 1 }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('cell', { name: 'auth.totp_enabled' }).first().waitFor();
    await expectAllInputsLabelled(page);

    await page.getByLabel('Hành động').fill('user.created');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await table.getByRole('row', { name: new RegExp(username.replace(/\./g, '\\.')) }).waitFor();
    // The filtered answer replaces the table: every row is then a user creation.
    await expect
      .poll(async () => new Set(await table.locator('tbody td:nth-child(3)').allTextContents()), {
        timeout: 10_000,
      })
      .toEqual(new Set(['user.created']));
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: /Tiếng Việt/ }).click();
    await page.getByRole('heading', { name: 'Nhật ký hệ thống', level: 1 }).waitFor();
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
  });

  it('opens the console in the language the new handler was given, on a browser that never saw them', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' });
    try {
      const handler = await context.newPage();
      await handler.goto('/console/');
      await handler.getByLabel('Tên đăng nhập hoặc email').fill(username);
      await handler.getByLabel('Mật khẩu').fill('Canbo-Test-2026!');
      await handler.getByRole('button', { name: 'Đăng nhập' }).click();
      await handler.getByRole('navigation', { name: 'Features' }).waitFor();
      expect(await handler.locator('html').getAttribute('lang')).toBe('en');
      await handler.getByRole('button', { name: 'Sign out' }).waitFor();
      // A reload keeps it (the session says English), and their own switch is saved for next time.
      await handler.reload();
      await handler.getByRole('button', { name: /Tiếng Việt/ }).click();
      await handler.getByRole('button', { name: 'Đăng xuất' }).waitFor();
      await expect
        .poll(async () => (await handler.request.get('/api/v1/auth/session')).json())
        .toMatchObject({ user: { locale: 'vi' } });
    } finally {
      await context.close();
    }
  });
});
