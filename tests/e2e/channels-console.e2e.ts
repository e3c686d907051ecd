import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dovecot } from '../../src/testing/dovecot.js';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

/**
 * The channels' console pages: the mail quarantine (IOC) with mail the real mailbox (a private Dovecot,
 * polled by the server's job every minute) could not take in, and the Open311 keys (administrator)
 * used by a client against /open311/v2.
 */
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const dovecot = new Dovecot();
const stamp = Date.now().toString(36);

const brokenMail = (subject: string) =>
  [
    // No From: nobody to answer, so the intake keeps it whole for staff.
    'To: 1022@longan.gov.vn',
    `Subject: ${subject}`,
    `Message-ID: <${subject}@broken.example.vn>`,
    'Date: Sun, 29 Nov 2026 09:00:00 +0700',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="never-closed"',
    '',
    '--never-closed',
    'Content-Type: text/plain; charset=UTF-8',
    '',
    'Thư không có người gửi, phần MIME không đóng.',
    '',
  ].join('\r\n');

beforeAll(async () => {
  await dovecot.start();
  server = await startServer({ env: { IMAP_URL: dovecot.url } });
  browser = await launchBrowser();
  await dovecot.append(brokenMail(`hong-1-${stamp}`));
  await dovecot.append(brokenMail(`hong-2-${stamp}`));
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  await dovecot.stop();
});

async function signIn(login: string, password: string): Promise<Page> {
  return signInToConsole(browser, server.baseUrl, login, contexts, { password });
}

describe('channels console pages', () => {
  it('the IOC sees quarantined mail, reads its headers, downloads it, reprocesses one and discards the other', async () => {
    const ioc = await signIn('ioc', DEMO_PASSWORD);
    const nav = ioc.getByRole('navigation', { name: 'Chức năng' });
    expect(await nav.getByRole('link', { name: 'Khóa Open311' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Thư cách ly' }).click();
    await ioc.getByRole('heading', { name: 'Thư chưa xử lý được (cách ly)', level: 1 }).waitFor();
    await expectAllInputsLabelled(ioc);
    // The server's poller runs every minute: wait for both mails to arrive.
    const first = ioc.getByRole('row').filter({ hasText: `hong-1-${stamp}` });
    const deadline = Date.now() + 150_000;
    while ((await first.count()) === 0) {
      if (Date.now() > deadline) throw new Error('the mailbox poller did not quarantine the mail');
      await new Promise((r) => setTimeout(r, 3000));
      await ioc.reload();
      await ioc.getByRole('heading', { name: 'Thư chưa xử lý được (cách ly)', level: 1 }).waitFor();
    }
    await ioc
      .getByRole('row')
      .filter({ hasText: `hong-2-${stamp}` })
      .waitFor();
    expect(await first.textContent()).toContain('no_sender');

    await first.getByRole('button', { name: /Xem/ }).click();
    const detail = ioc.getByRole('region', { name: /Thư cách ly/ });
    await detail.waitFor();
    await expect
      .poll(() => detail.locator('pre').textContent())
      .toContain(`Message-ID: <hong-1-${stamp}@broken.example.vn>`);
    const [download] = await Promise.all([
      ioc.waitForEvent('download'),
      detail.getByRole('link', { name: 'Tải thư gốc (.eml)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.eml$/);
    const stream = await download.createReadStream();
    let eml = '';
    for await (const chunk of stream) eml += (chunk as Buffer).toString();
    expect(eml).toContain('Thư không có người gửi');

    // Processing it again: still no sender, so it stays held and the page says why.
    await detail.getByRole('button', { name: 'Xử lý lại' }).click();
    await ioc.getByText('Vẫn chưa xử lý được: no_sender').waitFor();

    const second = ioc.getByRole('row').filter({ hasText: `hong-2-${stamp}` });
    await second.getByRole('button', { name: /Xem/ }).click();
    await detail.getByRole('button', { name: 'Bỏ qua thư' }).click();
    await detail.getByText('Bỏ qua thư này?').waitFor();
    await detail.getByRole('button', { name: 'Bỏ qua thư' }).click();
    await ioc.getByText('Đã bỏ qua thư.').waitFor();
    await second.waitFor({ state: 'detached' });
    await ioc.getByLabel('Trạng thái').selectOption('discarded');
    await ioc
      .getByRole('row')
      .filter({ hasText: `hong-2-${stamp}` })
      .waitFor();
  }, 240_000);

  it('an administrator issues an Open311 key (shown once), a client uses it, and after revoking it gets 403', async () => {
    const admin = await signIn('admin', ADMIN_PASSWORD);
    // Administrators turn on two-factor authentication before any privileged action.
    await admin.goto('/console/security');
    await admin.getByRole('button', { name: 'Bắt đầu thiết lập' }).click();
    const secret = ((await admin.getByTestId('totp-secret').textContent()) ?? '').trim();
    await admin.getByLabel('Mã 6 chữ số').fill(await generate({ secret }));
    await admin.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await admin.getByText('Đã bật xác thực hai lớp.').waitFor();

    await admin
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Khóa Open311' })
      .click();
    await admin.getByRole('heading', { name: 'Ứng dụng Open311 và khóa API', level: 1 }).waitFor();
    await expectAllInputsLabelled(admin);
    const appName = `Ứng dụng phường ${stamp}`;
    await admin.getByLabel('Tên ứng dụng').fill(appName);
    await admin.getByLabel(/Liên hệ của đơn vị phát triển/).fill('dev@example.vn');
    await admin.getByRole('button', { name: 'Cấp khóa' }).click();
    await admin.getByText(`Khóa của “${appName}” — chép ngay, khóa chỉ hiện một lần`).waitFor();
    const apiKey = await admin.getByLabel('Khóa API').inputValue();
    expect(apiKey).toMatch(/^o311_/);
    const row = admin.getByRole('row').filter({ hasText: appName });
    await row.getByText('Đang dùng').waitFor();
    expect(await row.textContent()).not.toContain(apiKey);

    const post = () =>
      fetch(`${server.baseUrl}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          api_key: apiKey,
          service_code: 'chieu_sang',
          lat: '10.5359',
          long: '106.4107',
          email: 'ung.dung@example.vn',
          description: `Đèn đường trước chợ không sáng (${stamp}).`,
        }),
      });
    const created = await post();
    expect(created.status).toBe(201);
    const [request] = (await created.json()) as { service_request_id: string; token: string }[];
    const byToken = await fetch(`${server.baseUrl}/open311/v2/tokens/${request!.token}.json`);
    expect(await byToken.json()).toEqual([
      { service_request_id: request!.service_request_id, token: request!.token },
    ]);

    await row.getByRole('button', { name: /Thu hồi/ }).click();
    await row.getByText(/Thu hồi khóa của/).waitFor();
    await row.getByRole('button', { name: /Thu hồi/ }).click();
    await admin.getByText(`Đã thu hồi khóa của “${appName}”.`).waitFor();
    await row.getByText(/Đã thu hồi/).waitFor();
    const refused = await post();
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: number }[])[0]!.code).toBe(403);
  }, 120_000);
});
