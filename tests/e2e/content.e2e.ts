import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

const stamp = Date.now().toString(36);
const title = `Khơi thông điểm ngập nước đường Hùng Vương ${stamp}`;
let itemUrl = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function signIn(login: string): Promise<Page> {
  return signInToConsole(browser, server.baseUrl, login, contexts);
}

async function openItem(page: Page) {
  await page
    .getByRole('navigation', { name: 'Chức năng' })
    .getByRole('link', { name: 'Nội dung', exact: true })
    .click();
  await page.getByRole('heading', { name: 'Nội dung cổng chuyển đổi số', level: 1 }).waitFor();
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

async function act(page: Page, action: string, status: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByText(`Đã thực hiện: ${action}.`).waitFor();
  await expect.poll(() => page.getByTestId('content-status').textContent()).toContain(status);
}

describe('an article from the editor to the public site and the app', () => {
  let editor: Page;

  it('the editor writes a draft and submits it', async () => {
    editor = await signIn('bientap');
    await editor
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Nội dung', exact: true })
      .click();
    await editor.getByRole('link', { name: 'Viết nội dung mới' }).click();
    await editor.getByLabel('Tiêu đề').fill(title);
    await editor.getByLabel('Chuyên mục').selectOption({ label: 'Đời sống kinh tế - xã hội' });
    await editor
      .getByLabel('Tóm tắt')
      .fill('Đơn vị quản lý hạ tầng đã nạo vét cống sau phản ánh của người dân.');
    await editor
      .getByLabel('Nội dung chính')
      .fill(
        '## Kết quả\n\nCống thoát nước đã được **nạo vét**, mặt đường hết ngập sau mưa.\n\n- Thời gian: 2 ngày',
      );
    // A photo for the article, uploaded to the media library (multipart with the session's CSRF token).
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6f4e' } })
      .jpeg()
      .toBuffer();
    await editor
      .getByLabel(/^Tải tệp lên thư viện/)
      .setInputFiles({ name: 'cong-thoat-nuoc.jpg', mimeType: 'image/jpeg', buffer: photo });
    await editor.getByText('cong-thoat-nuoc.jpg').waitFor();
    await expectAllInputsLabelled(editor);
    await editor.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await editor.getByRole('heading', { name: title, level: 1 }).waitFor();
    await editor.getByText('cong-thoat-nuoc.jpg').waitFor();
    await expect.poll(() => editor.getByTestId('content-status').textContent()).toContain('Bản nháp');
    await act(editor, 'Gửi duyệt', 'Chờ duyệt');
    // Four eyes: no approve button for the one who submitted.
    expect(await editor.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
  });

  it('the Department approves it and the editor publishes it', async () => {
    const approver = await signIn('so');
    await openItem(approver);
    await act(approver, 'Duyệt', 'Đã duyệt');
    await editor.reload();
    await editor.getByRole('heading', { name: title, level: 1 }).waitFor();
    await act(editor, 'Đăng', 'Đã đăng');
    const link = editor.getByRole('link', { name: 'Xem trên trang công khai' });
    itemUrl = (await link.getAttribute('href')) ?? '';
    expect(itemUrl).toMatch(/^\/chuyen-doi-so\/tin-tuc\//);
  });

  it('a citizen sees it on /chuyen-doi-so without JavaScript and finds it without diacritics', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      javaScriptEnabled: false,
      locale: 'vi-VN',
    });
    contexts.push(context);
    const page = await context.newPage();
    const home = await page.goto('/chuyen-doi-so');
    expect(home?.status()).toBe(200);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await page.locator('strong', { hasText: 'nạo vét' }).count()).toBe(1);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toContain(itemUrl);

    await page.goto('/chuyen-doi-so/tim-kiem');
    await page.getByLabel(/Tìm tin tức/).fill(`khoi thong ngap nuoc ${stamp}`);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('link', { name: title }).waitFor();

    const rss = await context.request.get('/rss.xml');
    expect(await rss.text()).toContain(itemUrl);
  });

  it('the citizen app shows it in the news', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/app/tin-tuc');
    await page.getByRole('heading', { name: 'Tin tức', level: 1 }).waitFor();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByText('mặt đường hết ngập sau mưa').waitFor();
    await page.goto('/app/dich-vu-so');
    await page.getByRole('heading', { name: 'Y tế', level: 2 }).waitFor();
  });

  it('a correction of the published article waits for approval before it replaces the public text', async () => {
    const corrected = `Đã nạo vét xong ${stamp}, mặt đường thông thoáng.`;
    const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false });
    contexts.push(context);
    const publicText = async () => (await (await context.request.get(itemUrl)).text()) as string;

    await editor.reload();
    await editor.getByRole('heading', { name: title, level: 1 }).waitFor();
    await editor.getByText('Bài đã đăng: nội dung sửa được lưu thành bản sửa').waitFor();
    await editor.getByLabel('Tóm tắt').fill(corrected);
    await editor.getByRole('button', { name: 'Lưu', exact: true }).click();
    await editor.getByText('Đang có bản sửa chưa gửi duyệt').waitFor();
    expect(await publicText()).not.toContain(corrected);
    await act(editor, 'Gửi duyệt', 'Đã đăng');
    await editor.getByText('Bản sửa đang chờ duyệt').waitFor();
    expect(await editor.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);

    const approver = await signIn('so');
    await openItem(approver);
    await expect.poll(() => approver.getByLabel('Tóm tắt').inputValue()).toBe(corrected);
    await act(approver, 'Duyệt', 'Đã đăng');
    await expect.poll(publicText).toContain(corrected);
  });
});
