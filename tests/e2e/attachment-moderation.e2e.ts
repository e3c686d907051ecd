import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser, seriousViolations } from './support/browser.js';
import { scratchDatabase } from './support/postgres.js';
import { signInToConsole } from './support/console.js';
import { startServer, type RunningServer } from './support/server.js';

// Moderation of a citizen's report (issue 3, "public answers"): the IOC operator masks the number plate on a
// photo by drawing on it and takes the plate and the owner's name out of the public text; the public page of
// the published answer shows only the masked copy and the edited text, and a photo hidden afterwards leaves
// the public page at once (its cache is dropped). On PostgreSQL, so the test can
// publish the report directly instead of walking the whole lifecycle (report-lifecycle.e2e.ts does that).

let server: RunningServer;
let browser: Browser;
let databaseUrl: string;
const contexts: BrowserContext[] = [];
const cleanups: (() => Promise<void>)[] = [];
const W = 800;
const H = 600;

async function sql(text: string, values: unknown[] = []): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(text, values);
  } finally {
    await c.end();
  }
}

/** The spread (standard deviation) of the pixel values of a JPEG inside a box given in fractions. */
async function spread(jpeg: Buffer, box: { x: number; y: number; width: number; height: number }) {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  let sum = 0;
  let sq = 0;
  const x0 = Math.ceil(box.x * info.width) + 4;
  const x1 = Math.floor((box.x + box.width) * info.width) - 4;
  const y0 = Math.ceil(box.y * info.height) + 4;
  const y1 = Math.floor((box.y + box.height) * info.height) - 4;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++)
      for (let c = 0; c < info.channels; c++) {
        const v = data[(y * info.width + x) * info.channels + c]!;
        sum += v;
        sq += v * v;
        n++;
      }
  return Math.sqrt(sq / n - (sum / n) ** 2);
}

async function signIn(login: string): Promise<Page> {
  return signInToConsole(browser, server.baseUrl, login, contexts, {
    viewport: { width: 1280, height: 1000 },
  });
}

beforeAll(async () => {
  databaseUrl = await scratchDatabase('moderation', cleanups);
  server = await startServer({ env: { DATABASE_URL: databaseUrl } });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

describe('moderating a photo in the console', () => {
  it('the IOC masks a number plate on the photo and takes it out of the public text; the public page shows only those, and a hidden photo leaves it', async () => {
    // A citizen's photo, full of detail (noise), sent with a report from the portal.
    const photo = await sharp({
      create: {
        width: W,
        height: H,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 92 })
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'xe-do-sai.jpg');
    const uploaded = await fetch(`${server.baseUrl}/api/v1/uploads`, { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as { id: string; uploadToken: string };
    const created = await fetch(`${server.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        categoryCode: 'giao_thong_ha_tang',
        title: 'Xe tải đậu trên vỉa hè đường Hùng Vương',
        body: 'Xe tải biển số 62C-456.78 của ông Năm Sáu đậu trên vỉa hè trước chợ mỗi buổi sáng, người đi bộ phải đi xuống lòng đường.',
        location: { lat: 10.5359, lon: 106.4107 },
        reporter: { name: 'Lê Văn Cường', phone: '0909555666' },
        displayPublicly: 'anonymous',
        consent: true,
        attachmentIds: [file.id],
        uploadTokens: [file.uploadToken],
      }),
    });
    expect(created.status).toBe(201);
    const report = (await created.json()) as { id: string; trackingCode: string };

    // The operator opens the report and frames the plate (the middle of the photo) with the mouse.
    const page = await signIn('ioc');
    await page.goto(`/console/phan-anh/${report.id}`);
    await page.getByRole('heading', { name: 'Tệp đính kèm' }).waitFor();
    await page.getByRole('button', { name: 'Che vùng trên ảnh' }).click();
    const editor = page.getByRole('form', { name: 'Che vùng trên ảnh xe-do-sai.jpg' });
    const frame = editor.getByTestId('mask-frame');
    await editor
      .getByRole('img', { name: /^Ảnh xe-do-sai\.jpg/ })
      .evaluate((img: HTMLImageElement) =>
        img.complete ? undefined : new Promise((resolve) => img.addEventListener('load', resolve)),
      );
    await frame.scrollIntoViewIfNeeded();
    const box = (await frame.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6, { steps: 5 });
    await page.mouse.up();
    const first = editor.getByRole('group', { name: 'Vùng 1' });
    expect(Number(await first.getByLabel('Cách mép trái (%)').inputValue())).toBeCloseTo(30, 0);
    expect(Number(await first.getByLabel('Rộng (%)').inputValue())).toBeCloseTo(40, 0);

    // Without a mouse: a region added with the button and placed by typing, then removed again.
    await editor.getByRole('button', { name: 'Thêm vùng' }).click();
    const second = editor.getByRole('group', { name: 'Vùng 2' });
    await second.getByLabel('Cách mép trên (%)').fill('5');
    expect(await second.getByLabel('Cách mép trên (%)').inputValue()).toBe('5');
    await editor.getByRole('button', { name: 'Xoá vùng 2' }).click();
    expect(await editor.getByRole('group', { name: 'Vùng 2' }).count()).toBe(0);
    await expectAllInputsLabelled(page);
    expect(await seriousViolations(page)).toEqual([]);

    // A reason is required (it goes to the audit log).
    await editor.getByRole('button', { name: 'Lưu vùng che' }).click();
    await editor.getByText('Vui lòng nhập lý do (ít nhất 3 ký tự).').waitFor();
    await editor.getByLabel('Lý do (ghi vào nhật ký)').fill('Ảnh lộ biển số xe');
    await editor.getByRole('button', { name: 'Lưu vùng che' }).click();
    await page.getByText('Đã lưu 1 vùng che trên xe-do-sai.jpg; công chúng thấy bản đã che.').waitFor();
    await page.getByText(/đã che 1 vùng/).waitFor();

    // Staff keep the original; the public copy is masked where the operator drew, and only there.
    const plate = { x: 0.3, y: 0.4, width: 0.4, height: 0.2 };
    const elsewhere = { x: 0.02, y: 0.02, width: 0.2, height: 0.2 };
    const original = await (await page.request.get(`/api/v1/attachments/${file.id}`)).body();
    const publicCopy = await (await page.request.get(`/api/v1/attachments/${file.id}?view=public`)).body();
    expect(await spread(publicCopy, plate)).toBeLessThan((await spread(original, plate)) / 3);
    expect(await spread(publicCopy, elsewhere)).toBeGreaterThan((await spread(original, elsewhere)) * 0.8);

    // The plate and the owner's name are taken out of the text the public will see.
    await page.getByRole('button', { name: 'Biên tập nội dung công khai' }).click();
    const edit = page.getByRole('form', { name: 'Biên tập nội dung công khai' });
    await edit.getByLabel('Tiêu đề công khai').fill('Xe tải đậu trên vỉa hè trước chợ');
    await edit
      .getByLabel('Nội dung công khai')
      .fill('Một xe tải đậu trên vỉa hè trước chợ mỗi buổi sáng, người đi bộ phải đi xuống lòng đường.');
    await edit.getByLabel('Lý do (ghi vào nhật ký)').fill('Bỏ biển số và tên chủ xe');
    await edit.getByRole('button', { name: 'Lưu nội dung công khai' }).click();
    await page.getByText('Đã lưu nội dung công khai.').waitFor();
    await page.getByText('Trang công khai đang hiển thị bản đã biên tập.').waitFor();
    expect(await page.getByTestId('timeline').textContent()).toContain('Biên tập nội dung công khai');

    // Once the answer is published, anyone sees the report's page with the masked photo only.
    await sql(
      `update reports set status = 'published', answer = 'Đã lập biên bản chủ xe.', published_at = now() where id = $1`,
      [report.id],
    );
    const visitor = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' });
    contexts.push(visitor);
    const citizen = await visitor.newPage();
    await citizen.goto(`/phan-anh/${report.trackingCode}`);
    await citizen.getByRole('heading', { level: 1, name: 'Xe tải đậu trên vỉa hè trước chợ' }).waitFor();
    const shownText = (await citizen.locator('main').textContent())!;
    expect(shownText).not.toContain('62C-456.78');
    expect(shownText).not.toContain('Năm Sáu');
    const shown = citizen.getByRole('img', { name: /Ảnh 1/ });
    const src = (await shown.getAttribute('src'))!;
    expect(src).toMatch(new RegExp(`^/api/v1/public/attachments/${file.id}\\?v=[0-9a-f]+&thumb=1$`));
    const full = await (await citizen.request.get(src.replace('&thumb=1', ''))).body();
    expect(full.equals(publicCopy)).toBe(true);

    // The operator then hides the photo altogether; the public page drops it at once.
    await page.getByRole('button', { name: 'Ẩn khỏi công chúng' }).click();
    const hide = page.getByRole('form', { name: 'Ẩn xe-do-sai.jpg khỏi công chúng' });
    await hide.getByLabel('Lý do (ghi vào nhật ký)').fill('Ảnh chụp rõ mặt người đi đường');
    await hide.getByRole('button', { name: 'Ẩn khỏi công chúng' }).click();
    await page.getByText('Đã ẩn xe-do-sai.jpg khỏi công chúng.').waitFor();
    await page.getByRole('button', { name: 'Hiện lại cho công chúng' }).waitFor();
    await expect
      .poll(async () => {
        await citizen.reload();
        return citizen.getByRole('img', { name: /Ảnh 1/ }).count();
      })
      .toBe(0);
    expect((await citizen.request.get(src)).status()).toBe(404);
  });
});
