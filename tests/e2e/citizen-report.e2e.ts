import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;

const CODE = /^[A-Z]{2,4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function phone(): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  });
}

/** Opens the form and waits until the categories and districts have arrived. */
async function openForm(page: Page): Promise<void> {
  await page.goto('/app/gui-phan-anh');
  await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh' }).waitFor();
  await page
    .locator('select[name=categoryCode] option[value=giao_thong_ha_tang]')
    .waitFor({ state: 'attached' });
  await page.locator('select[name=district] option[value="794"]').waitFor({ state: 'attached' });
}

async function fillReport(page: Page, title: string, email: string): Promise<void> {
  await page.getByLabel('Lĩnh vực').selectOption('giao_thong_ha_tang');
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByLabel('Nội dung').fill('Ổ gà lớn giữa đường trước chợ phường 1, xe máy dễ té vào ban đêm.');
  await page.getByLabel('Quận, huyện, thị xã, thành phố').selectOption({ label: 'Thành phố Tân An' });
  const commune = page.getByLabel('Xã, phường, thị trấn');
  await commune.locator('option').nth(1).waitFor({ state: 'attached' });
  const firstCommune = await commune.locator('option').nth(1).getAttribute('value');
  await commune.selectOption(firstCommune!);
  await page.getByLabel('Email', { exact: true }).fill(email);
}

describe('a citizen sends a report from the phone and follows it on the portal', () => {
  it('needs explicit consent, gives a tracking code, and the portal finds it without JavaScript', async () => {
    const context = await phone();
    const page = await context.newPage();
    await openForm(page);

    const consent = page.getByRole('checkbox', { name: /Tôi đã đọc thông báo/ });
    expect(await consent.isChecked()).toBe(false);
    const notice = (await page.locator('#privacy-notice').textContent()) ?? '';
    expect(notice).toContain('Thông báo xử lý dữ liệu cá nhân');
    expect(notice).toContain('2 ngày làm việc');
    expect(notice).toMatch(/Phiên bản thông báo: \d{4}-\d{2}/);
    expect(await page.getByRole('radio', { name: 'Ẩn danh (mặc định)' }).isChecked()).toBe(true);
    await expectAllInputsLabelled(page);

    await fillReport(page, 'Ổ gà lớn trước chợ phường 1', 'nguoidan.e2e@example.com');

    // A photo: resized on the phone and uploaded (the report still goes without it if the upload fails).
    const photo = await sharp({
      create: { width: 2400, height: 1200, channels: 3, background: { r: 120, g: 140, b: 90 } },
    })
      .jpeg()
      .toBuffer();
    await page
      .getByLabel('Chọn ảnh có sẵn')
      .setInputFiles({ name: 'o-ga.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('img', { name: 'Ảnh 1' }).waitFor();
    await page.getByText(/Đã tải lên|Không tải được ảnh lên/).waitFor();

    // Without consent: refused on the phone with a clear message.
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Bạn cần đánh dấu ô đồng ý với thông báo xử lý dữ liệu cá nhân' })
      .first()
      .waitFor();
    expect(await page.getByTestId('tracking-code').count()).toBe(0);

    await consent.check();
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    const codeBox = page.getByTestId('tracking-code');
    await codeBox.waitFor();
    const code = ((await codeBox.textContent()) ?? '').trim();
    expect(code).toMatch(CODE);
    await page.getByText('Lưu mã này để tra cứu').waitFor();
    const saved = await page.evaluate(() => localStorage.getItem('tinhso.myReports'));
    expect(saved).toContain(code);

    // "Phản ánh của tôi" on this device finds it by code + contact.
    await page.getByRole('link', { name: 'Xem phản ánh của tôi' }).click();
    await page.getByText(`Mã: ${code}`).waitFor();
    await page.getByText('Trạng thái: Mới tiếp nhận').waitFor();
    await context.close();

    // The 1022 portal, with JavaScript disabled.
    const portal = await browser.newContext({
      baseURL: server.baseUrl,
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
    });
    const web = await portal.newPage();
    const res = await web.goto('/tra-cuu');
    expect(res?.status()).toBe(200);
    expect(await web.locator('script').count()).toBe(0);
    await web.getByLabel('Mã phản ánh').fill(code.toLowerCase());
    await web.getByLabel('Số điện thoại hoặc email').fill('nguoidan.e2e@example.com');
    await web.getByRole('button', { name: 'Tra cứu' }).click();
    await web.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor();
    expect(await web.locator('.status').textContent()).toBe('Mới tiếp nhận');
    expect(web.url()).not.toContain('example.com');
    const html = await web.content();
    expect(html).not.toContain('nguoidan.e2e@example.com');

    // A wrong contact is "not found", like an unknown code.
    await web.goto(`/tra-cuu?ma=${encodeURIComponent(code)}`);
    expect(await web.getByLabel('Mã phản ánh').inputValue()).toBe(code);
    await web.getByLabel('Số điện thoại hoặc email').fill('someone.else@example.com');
    await web.getByRole('button', { name: 'Tra cứu' }).click();
    await web.getByRole('heading', { name: 'Không tìm thấy phản ánh' }).waitFor();
    await portal.close();
  });

  it('keeps a draft while offline and sends it exactly once when the connection returns', async () => {
    const context = await phone();
    const page = await context.newPage();
    await openForm(page);
    await fillReport(page, 'Đèn đường tắt cả dãy', 'offline.e2e@example.com');
    await page.getByRole('checkbox', { name: /Tôi đã đọc thông báo/ }).check();

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã lưu bản nháp, sẽ gửi khi có mạng' }).waitFor();
    const drafts = JSON.parse(
      (await page.evaluate(() => localStorage.getItem('tinhso.reportDrafts'))) ?? '[]',
    ) as {
      key: string;
    }[];
    expect(drafts).toHaveLength(1);
    const key = drafts[0]!.key;

    await context.setOffline(false);
    const codeBox = page.getByTestId('tracking-code');
    await codeBox.waitFor({ timeout: 20_000 });
    const code = ((await codeBox.textContent()) ?? '').trim();
    expect(code).toMatch(CODE);
    expect(await page.evaluate(() => localStorage.getItem('tinhso.reportDrafts'))).toBe('[]');

    // The report exists once: the look-up finds it, and replaying the draft's key gives back the same report.
    const lookup = await context.request.get(
      `/api/v1/public/reports/lookup?code=${encodeURIComponent(code)}&contact=offline.e2e%40example.com`,
    );
    expect(lookup.status()).toBe(200);
    expect(((await lookup.json()) as { report: { title: string } }).report.title).toBe(
      'Đèn đường tắt cả dãy',
    );
    const replay = await context.request.post('/api/v1/reports', {
      headers: { 'idempotency-key': key, 'content-type': 'application/json' },
      data: {
        categoryCode: 'giao_thong_ha_tang',
        title: 'Đèn đường tắt cả dãy',
        body: 'Ổ gà lớn giữa đường trước chợ phường 1, xe máy dễ té vào ban đêm.',
        reporter: { email: 'offline.e2e@example.com' },
        displayPublicly: 'anonymous',
        consent: true,
        channel: 'app',
      },
    });
    expect(replay.status()).toBe(200);
    expect(((await replay.json()) as { trackingCode: string }).trackingCode).toBe(code);
    const saved = JSON.parse(
      (await page.evaluate(() => localStorage.getItem('tinhso.myReports'))) ?? '[]',
    ) as {
      code: string;
    }[];
    expect(saved.filter((s) => s.code === code)).toHaveLength(1);
    await context.close();
  });

  it('puts the place with a pin on the map: the district under the pin is chosen and kept by the server', async () => {
    const context = await phone();
    const page = await context.newPage();
    await openForm(page);
    await page.getByRole('button', { name: 'Chọn trên bản đồ' }).click();
    const map = page.getByRole('group', { name: /Bản đồ các huyện/ });
    await map.waitFor();
    const tanAn = map.locator('path').filter({ has: page.locator('title', { hasText: 'Thành phố Tân An' }) });
    await tanAn.click();
    await page.getByText(/Vị trí trên bản đồ: .* — Thành phố Tân An/).waitFor();
    expect(await page.getByLabel('Quận, huyện, thị xã, thành phố').inputValue()).toBe('794');
    // The keyboard moves the pin too (the map is focusable).
    const before = (await page.locator('.location-value').textContent()) ?? '';
    await map.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (old) => document.querySelector('.location-value')?.textContent !== old,
      before,
    );

    await page.getByLabel('Lĩnh vực').selectOption('giao_thong_ha_tang');
    await page.getByLabel('Tiêu đề').fill('Cây đổ chắn ngang đường');
    await page.getByLabel('Nội dung').fill('Cây lớn đổ chắn ngang đường sau cơn mưa, xe không qua được.');
    await page.getByLabel('Email', { exact: true }).fill('ghim.e2e@example.com');
    await page.getByRole('checkbox', { name: /Tôi đã đọc thông báo/ }).check();
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    const code = ((await page.getByTestId('tracking-code').textContent()) ?? '').trim();
    expect(code).toMatch(CODE);
    const found = await context.request.get(
      `/api/v1/public/reports/lookup?code=${encodeURIComponent(code)}&contact=ghim.e2e%40example.com`,
    );
    expect(((await found.json()) as { report: { unitName: string } }).report.unitName).toContain('Tân An');
    await context.close();
  });
});
