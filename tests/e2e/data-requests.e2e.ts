import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('a personal data request, from the citizen app to the staff console', () => {
  it('a reporter without an account asks to delete their data; the IOC sees the deadline and fulfils it', async () => {
    // A report sent from the web, with a phone number.
    const sent = await fetch(`${server.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.baseUrl },
      body: JSON.stringify({
        categoryCode: 'giao_thong_ha_tang',
        title: 'Biển báo bị gãy ở ngã ba',
        body: 'Biển báo giao thông ở ngã ba bị xe tông gãy, nằm dưới đất, cần thay mới.',
        location: { lat: 10.5359, lon: 106.4107 },
        reporter: { name: 'Hồ Văn Xoá', phone: '0977000555' },
        displayPublicly: 'anonymous',
        consent: true,
      }),
    });
    const { trackingCode } = (await sent.json()) as { trackingCode: string };

    const citizen = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' });
    contexts.push(citizen);
    const app = await citizen.newPage();
    await app.goto('/app/yeu-cau-du-lieu');
    await app.getByRole('heading', { level: 1, name: 'Yêu cầu về dữ liệu cá nhân' }).waitFor();
    await expectAllInputsLabelled(app);
    await app.getByLabel('Bạn muốn').selectOption('deletion');
    await app.getByLabel('Mã phản ánh').fill(trackingCode);
    await app.getByLabel('Số điện thoại hoặc email đã dùng khi gửi').fill('0977 000 555');
    await app.getByLabel('Nội dung yêu cầu').fill('Xin xoá tên và số điện thoại của tôi.');
    await app.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await app.getByRole('status').filter({ hasText: 'Đã nhận yêu cầu. Hạn trả lời' }).waitFor();

    const staff = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' });
    contexts.push(staff);
    const ioc = await staff.newPage();
    await ioc.goto('/console/');
    await ioc.getByLabel('Tên đăng nhập hoặc email').fill('ioc');
    await ioc.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await ioc.getByRole('button', { name: 'Đăng nhập' }).click();
    await ioc
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Yêu cầu về dữ liệu cá nhân' })
      .click();
    await ioc.getByRole('heading', { level: 1, name: 'Yêu cầu về dữ liệu cá nhân' }).waitFor();
    const row = ioc.getByRole('row').filter({ hasText: trackingCode });
    await row.waitFor();
    expect(await row.textContent()).toContain('Xoá dữ liệu');
    expect(await row.textContent()).not.toContain('0977');
    await row.getByRole('button', { name: 'Thực hiện' }).click();
    await ioc.getByLabel('Ghi chú gửi người yêu cầu (không bắt buộc)').fill('Đã xoá thông tin người gửi.');
    await ioc.getByRole('button', { name: 'Thực hiện' }).last().click();
    await ioc.getByRole('status').filter({ hasText: 'Đã thực hiện yêu cầu' }).waitFor();

    // The reporter's identity has left the report: the old contact no longer finds it.
    const lookup = await fetch(
      `${server.baseUrl}/api/v1/public/reports/lookup?code=${trackingCode}&contact=0977000555`,
    );
    expect(lookup.status).toBe(404);
  });
});
