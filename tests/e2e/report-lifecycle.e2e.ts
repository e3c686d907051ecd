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
const email = `nguoidan.${stamp}@example.vn`;
let report: { id: string; trackingCode: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // A citizen sends a report from a point inside Tân An (no session: the public intake).
  const res = await fetch(`${server.baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      categoryCode: 'giao_thong_ha_tang',
      title: `Ổ gà lớn trên đường Hùng Vương ${stamp}`,
      body: 'Mặt đường có ổ gà sâu khoảng 20 cm, xe máy đi qua rất nguy hiểm vào ban đêm.',
      location: { lat: 10.5359, lon: 106.4107 },
      reporter: { name: 'Trần Thị Dân', email },
      displayPublicly: 'anonymous',
      consent: true,
    }),
  });
  expect(res.status).toBe(201);
  report = (await res.json()) as { id: string; trackingCode: string };
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function signIn(login: string): Promise<Page> {
  return signInToConsole(browser, server.baseUrl, login, contexts);
}

/** Opens the report from the queue (the person's own queue: the server scopes it). */
async function openFromQueue(page: Page, queueTitle: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Chức năng' })
    .getByRole('link', { name: 'Phản ánh', exact: true })
    .click();
  await page.getByRole('heading', { name: queueTitle, level: 1 }).waitFor();
  const table = page.getByRole('table', { name: /Danh sách phản ánh/ });
  await table.getByRole('link', { name: report.trackingCode }).click();
  await page.getByRole('heading', { name: new RegExp(report.trackingCode), level: 1 }).waitFor();
}

/** Clicks a lifecycle button, confirms its small form (after `fill`), and waits for the new status. */
async function act(
  page: Page,
  action: string,
  status: string,
  fill?: (form: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const form = page.getByRole('form', { name: action });
  await form.waitFor();
  if (fill) await fill(form);
  await form.getByRole('button', { name: 'Xác nhận' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Đã thực hiện: ${action}.` })
    .waitFor();
  await expect.poll(() => page.getByTestId('report-status').textContent()).toBe(status);
}

describe('a report from intake to a satisfied citizen', () => {
  let ioc: Page;

  it('the IOC operator sees the new report in the queue, accepts and assigns it', async () => {
    ioc = await signIn('ioc');
    await openFromQueue(ioc, 'Hàng đợi phản ánh');
    await expectAllInputsLabelled(ioc);
    // The IOC may read the reporter's contact.
    await ioc.getByText(email).waitFor();
    await act(ioc, 'Tiếp nhận', 'Đã kiểm tra, chờ chuyển xử lý');
    await act(ioc, 'Chuyển xử lý', 'Đã chuyển cơ quan xử lý', async (form) => {
      // The routing suggestion is preselected: the People's Committee of Tân An.
      const chosen = await form
        .getByLabel('Cơ quan xử lý', { exact: true })
        .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
      expect(chosen).toContain('Tân An');
    });
  });

  it('the agency handler starts it and submits an answer, without seeing the reporter’s email', async () => {
    const canbo = await signIn('canbo');
    await openFromQueue(canbo, 'Phản ánh của cơ quan');
    expect(await canbo.getByRole('main').textContent()).not.toContain(email);
    await act(canbo, 'Nhận xử lý', 'Đang xử lý');
    await act(canbo, 'Gửi dự thảo trả lời', 'Đã có dự thảo trả lời, chờ lãnh đạo duyệt', async (form) => {
      await form
        .getByLabel('Nội dung trả lời')
        .fill('UBND thành phố Tân An đã chỉ đạo vá ổ gà trên đường Hùng Vương trong tuần này.');
      // The answer carries a photo of the repaired road and the answer letter.
      const photo = await sharp({
        create: { width: 640, height: 480, channels: 3, background: '#5a6b7c' },
      })
        .jpeg()
        .toBuffer();
      await form.getByLabel('Tệp kèm câu trả lời (không bắt buộc)').setInputFiles([
        { name: 'da-va-o-ga.jpg', mimeType: 'image/jpeg', buffer: photo },
        {
          name: 'cong-van-tra-loi.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
        },
      ]);
      const uploaded = form.getByRole('list', { name: 'Tệp đã tải lên cho câu trả lời' });
      await uploaded.getByText('cong-van-tra-loi.pdf').waitFor();
      expect(await uploaded.locator('li').count()).toBe(2);
    });
    expect(await canbo.getByRole('main').textContent()).not.toContain(email);
  });

  it('the agency lead approves the answer', async () => {
    const lead = await signIn('lanhdao');
    await openFromQueue(lead, 'Phản ánh của cơ quan');
    await act(lead, 'Duyệt trả lời', 'Lãnh đạo đã duyệt, chờ IOC công khai');
  });

  it('the IOC publishes it, with the files of the answer on its public page', async () => {
    await ioc.reload();
    await ioc.getByRole('heading', { name: new RegExp(report.trackingCode), level: 1 }).waitFor();
    await act(ioc, 'Công khai trả lời', 'Đã trả lời, công khai');

    const visitor = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' });
    contexts.push(visitor);
    const page = await visitor.newPage();
    await page.goto(`/phan-anh/${encodeURIComponent(report.trackingCode)}`);
    const answer = page.locator('section[aria-labelledby=answer]');
    await answer.getByRole('heading', { name: 'Tệp kèm câu trả lời' }).waitFor();
    const thumb = answer.getByRole('img', { name: 'Ảnh 1 kèm câu trả lời' });
    expect((await page.request.get((await thumb.getAttribute('src'))!)).headers()['content-type']).toBe(
      'image/jpeg',
    );
    const letter = answer.getByRole('link', { name: 'Văn bản 1 kèm câu trả lời' });
    const pdf = await page.request.get((await letter.getAttribute('href'))!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the citizen rates the answer and the timeline shows every step', async () => {
    const res = await fetch(
      `${server.baseUrl}/api/v1/public/reports/${encodeURIComponent(report.trackingCode)}/rating`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ contact: email, satisfied: true }),
      },
    );
    expect(res.status, await res.clone().text()).toBeLessThan(300);

    await ioc.reload();
    const timeline = ioc.getByTestId('timeline');
    await timeline.waitFor();
    const steps = await timeline.locator('li > strong').allTextContents();
    for (const step of [
      'Tiếp nhận',
      'Chuyển xử lý',
      'Nhận xử lý',
      'Gửi dự thảo trả lời',
      'Duyệt trả lời',
      'Công khai trả lời',
      'Người dân hài lòng',
    ]) {
      expect(steps, step).toContain(step);
    }
    await ioc.getByText('Hài lòng', { exact: true }).waitFor();
  });

  it('the IOC sees open reports on the map of the province', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryCode: 'chieu_sang',
        title: 'Đèn đường tắt cả tuyến',
        body: 'Cả tuyến đường Hùng Vương không có đèn chiếu sáng từ tối hôm qua.',
        location: { lat: 10.5359, lon: 106.4107 },
        reporter: { email: 'map@example.vn' },
        consent: true,
      }),
    });
    expect(res.status).toBe(201);
    await ioc.goto('/console/ban-do');
    const map = ioc.getByRole('group', { name: 'Bản đồ phản ánh đang xử lý' });
    await map.waitFor();
    expect(await map.locator('path').count()).toBe(15);
    const dots = await map.locator('circle').count();
    expect(dots).toBeGreaterThan(0);
    // Clusters: fewer circles than reports, each named with its count; the heat layer draws no links.
    await ioc.getByRole('radio', { name: 'Gom cụm' }).check();
    const clustered = ioc.getByRole('img', { name: 'Bản đồ phản ánh đang xử lý' });
    await clustered.locator('circle title').first().waitFor({ state: 'attached' });
    const titles = await clustered.locator('circle title').allTextContents();
    expect(titles.length).toBeLessThanOrEqual(dots);
    expect(titles.every((x) => /^\d+ phản ánh đang xử lý ở khu vực này, \d+ quá hạn$/.test(x))).toBe(true);
    const total = titles.reduce((n, x) => n + Number(x.split(' ')[0]), 0);
    expect(total).toBe(dots);
    await ioc.getByRole('radio', { name: 'Bản đồ nhiệt' }).check();
    expect(await clustered.locator('a').count()).toBe(0);
    expect(await clustered.locator('g[aria-hidden=true] circle').count()).toBeGreaterThan(0);
  });
});
