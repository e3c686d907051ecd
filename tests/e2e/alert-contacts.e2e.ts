import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '../../src/testing/smtp-sink.js';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { lastSmsCode } from './support/sms.js';

let server: RunningServer;
let browser: Browser;
const sink = new SmtpSink();

beforeAll(async () => {
  const smtpUrl = await sink.start();
  server = await startServer({ env: { SMTP_URL: smtpUrl } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sink.stop();
});

describe('a citizen chooses alerts by SMS and email in the app', () => {
  it('signs in, picks a district, SMS and email; confirms the email from the mail link; stops SMS', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    const page = await context.newPage();

    // Signed out, the box explains that SMS and email need a sign-in.
    await page.goto('/app/canh-bao');
    await page.getByRole('link', { name: /Đăng nhập bằng số điện thoại để nhận cảnh báo qua SMS/ }).waitFor();

    // The device box's area picker works from the keyboard: a district, then one of its communes; another
    // district clears the commune. (The same picker serves the SMS/email box below.)
    const pushBox = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'Nhận cảnh báo trên thiết bị này' }),
    });
    const area = pushBox.getByRole('group', { name: 'Khu vực' });
    const district = area.getByLabel('Huyện, thị xã, thành phố');
    const commune = area.getByLabel('Xã, phường, thị trấn (không bắt buộc)');
    await district.locator('option', { hasText: 'Thành phố Tân An' }).waitFor({ state: 'attached' });
    expect(await commune.count()).toBe(0);
    expect(await pushBox.getByRole('button', { name: 'Nhận cảnh báo' }).isDisabled()).toBe(true);
    await district.focus();
    await page.keyboard.press('ArrowDown'); // the first district: Thành phố Tân An
    expect(await district.inputValue()).toBe('794');
    expect(await commune.inputValue()).toBe('');
    expect(await commune.locator('option:checked').textContent()).toBe('— Cả huyện —');
    await commune.focus();
    await page.keyboard.press('ArrowDown');
    const chosenCommune = await commune.inputValue();
    expect(chosenCommune).not.toBe('');
    expect(await pushBox.getByRole('button', { name: 'Nhận cảnh báo' }).isDisabled()).toBe(false);
    await district.focus();
    await page.keyboard.press('ArrowDown');
    expect(await district.inputValue()).not.toBe('794');
    expect(await commune.inputValue()).toBe('');
    await expectAllInputsLabelled(page);

    await page.goto('/app/dang-nhap');
    await page.getByLabel('Số điện thoại').fill('0918 222 333');
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await page.getByLabel('Mã xác nhận').fill(await lastSmsCode(server.dataDir, '+84918222333'));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('link', { name: 'Tài khoản' }).waitFor();

    await page.goto('/app/canh-bao');
    const box = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'Nhận cảnh báo qua SMS hoặc email' }),
    });
    await box.getByLabel('Huyện, thị xã, thành phố').selectOption({ label: 'Thành phố Tân An' });
    await box.getByLabel('Tin nhắn SMS đến số điện thoại của tôi').check();
    await box.getByLabel('Email', { exact: true }).check();
    await box.getByLabel('Địa chỉ email').fill('Nguoi.Dan@Example.vn');
    await expectAllInputsLabelled(page);
    await box.getByRole('button', { name: 'Lưu lựa chọn' }).click();
    await box.getByText(/Đã gửi thư xác nhận đến Nguoi\.Dan@Example\.vn/).waitFor();
    // Both channels are listed, the phone and address masked, the email waiting for confirmation.
    await box.getByText(/^SMS: \+84\d*\*+\d+ — Thành phố Tân An/).waitFor();
    await box.getByText(/^Email: n\*+@example\.vn — Thành phố Tân An/).waitFor();
    await box.getByText('(chờ xác nhận: mở liên kết trong thư)').waitFor();

    // The confirmation mail's link opens the app and confirms the address.
    const mail = await sink.waitFor((m) => m.envelopeTo.includes('nguoi.dan@example.vn'));
    const link = /https?:\/\/[^\s]+\/app\/canh-bao\?xac-nhan-email=[A-Za-z0-9_-]+/.exec(
      mail.parsed.text ?? '',
    )?.[0];
    expect(link).toBeTruthy();
    await page.goto(new URL(link!).pathname + new URL(link!).search);
    await page.getByText('Đã xác nhận email. Bạn sẽ nhận cảnh báo qua email.').waitFor();
    expect(page.url()).not.toContain('xac-nhan-email');
    await box.getByText(/^Email: n\*+@example\.vn/).waitFor();
    expect(await box.getByText('(chờ xác nhận: mở liên kết trong thư)').count()).toBe(0);

    // Stopping SMS leaves the email.
    await box.getByRole('button', { name: 'Ngừng nhận qua SMS' }).click();
    await box.getByText('Đã ngừng nhận cảnh báo qua kênh này.').waitFor();
    // The list is read again after the notice appears: wait for the SMS line to go.
    await box.getByText(/^SMS: /).waitFor({ state: 'detached' });
    await box.getByText(/^Email: /).waitFor();
    await context.close();
  });
});
