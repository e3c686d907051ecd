import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let officer: Page;
let approver: Page;
let alertPath = '';

const HEADLINE = `Ngập sâu tại Phường 5, Tân An (${Date.now().toString(36)})`;

async function signIn(page: Page, username: string) {
  await page.goto('/console/');
  await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
  await page.getByLabel('Tên đăng nhập hoặc email').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Chức năng' }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  officer = await (await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' })).newPage();
  approver = await (await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('alerts: an officer drafts, a second person with 2FA approves, citizens see it', () => {
  it('the alert officer drafts a flood warning from a template and submits it', async () => {
    await signIn(officer, 'canhbao');
    await officer
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Cảnh báo' })
      .click();
    await officer.getByRole('heading', { name: 'Cảnh báo đến người dân', level: 1 }).waitFor();
    await officer.getByRole('link', { name: 'Soạn cảnh báo mới' }).click();
    await officer.getByLabel('Mẫu theo loại sự kiện').selectOption('flood');
    await officer.getByLabel('Tiêu đề (hiện trên điện thoại)').fill(HEADLINE);
    await officer.getByText('Chọn xã, phường — Thành phố Tân An').click();
    await officer.getByLabel('Phường 5', { exact: true }).first().check();
    // A drawn circle inside Kiến Tường: that district is targeted too, and the preview says so.
    await officer.getByLabel('Vĩ độ tâm').fill('10.8');
    await officer.getByLabel('Kinh độ tâm').fill('105.9');
    await officer.getByLabel('Bán kính (km)').fill('2');
    await expectAllInputsLabelled(officer);
    await officer.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await officer.getByRole('heading', { name: HEADLINE }).waitFor();
    alertPath = new URL(officer.url()).pathname;
    expect(alertPath).toMatch(/^\/console\/canh-bao\/[0-9a-f-]{36}$/);
    // The phone preview shows the headline as it will appear.
    await officer.locator('.phone-preview').getByText(HEADLINE).waitFor();
    expect(await officer.getByTestId('shape-units').getByRole('listitem').allTextContents()).toEqual([
      'Thị xã Kiến Tường',
    ]);
    await officer.getByRole('button', { name: 'Gửi duyệt' }).click();
    await officer.getByText('Chờ duyệt', { exact: true }).waitFor();
    // The author cannot approve.
    expect(await officer.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
  });

  it('the approver is refused without 2FA, enables it, approves and publishes', async () => {
    await signIn(approver, 'duyetcanhbao');
    await approver.goto(alertPath);
    await approver.getByRole('heading', { name: HEADLINE }).waitFor();
    await approver.getByText(/Sẽ đến \d+ thiết bị/).waitFor();
    await approver.getByRole('button', { name: 'Duyệt', exact: true }).click();
    // Refused (mfa_enrollment_required): the console takes the approver to the 2FA set-up page.
    await approver.getByRole('heading', { name: 'Bảo mật tài khoản', level: 1 }).waitFor();
    await approver.getByRole('button', { name: 'Bắt đầu thiết lập' }).click();
    const secretBox = approver.getByTestId('totp-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())?.trim() ?? '';
    await approver.getByLabel('Mã 6 chữ số').fill(await generate({ secret }));
    await approver.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await approver.getByText('Đã bật xác thực hai lớp.').waitFor();

    await approver.goto(alertPath);
    await approver.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await approver.getByText('Đã thực hiện: Duyệt.').waitFor();
    approver.once('dialog', (d) => void d.accept());
    await approver.getByRole('button', { name: 'Phát cảnh báo' }).click();
    await approver.getByText('Đã thực hiện: Phát cảnh báo.').waitFor();
    await approver.getByText('Đang hiệu lực', { exact: true }).waitFor();
  });

  it('the published alert is in the citizen app feed and on the public page', async () => {
    const citizen = await (await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' })).newPage();
    await citizen.goto('/app/canh-bao');
    await citizen.getByRole('heading', { name: 'Cảnh báo đang hiệu lực', level: 1 }).waitFor();
    await citizen.getByRole('link', { name: HEADLINE }).click();
    await citizen.getByRole('heading', { name: HEADLINE, level: 1 }).waitFor();
    await citizen.getByText('Người dân cần làm gì').waitFor();

    const res = await citizen.goto('/canh-bao');
    expect(res?.status()).toBe(200);
    await citizen.getByRole('link', { name: HEADLINE }).waitFor();
    expect(await citizen.locator('script').count()).toBe(0);
  });
});
