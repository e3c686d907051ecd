import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const stamp = Date.now().toString(36);
// A caller who reported before through the portal.
const CALLER = `09${String(Date.now()).slice(-8)}`;
let earlier: { trackingCode: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const res = await fetch(`${server.baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      categoryCode: 'cap_nuoc',
      title: `Mất nước sinh hoạt ${stamp}`,
      body: 'Khu phố 2 mất nước sinh hoạt từ sáng hôm qua đến nay chưa có lại.',
      reporter: { phone: CALLER },
      consent: true,
    }),
  });
  expect(res.status).toBe(201);
  earlier = (await res.json()) as { trackingCode: string };
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function signIn(login: string, path = '/console/'): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Tên đăng nhập hoặc email').fill(login);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Chức năng' }).waitFor();
  if (path !== '/console/') await page.goto(path);
  return page;
}

describe('the 1022 call centre', () => {
  let code = '';

  it('an agent opens the screen-pop for a caller, sees the earlier report, records a new one and reads the code back', async () => {
    const agent = await signIn('tongdai', `/console/call-centre?phone=${CALLER}`);
    await agent.getByRole('heading', { name: 'Tổng đài 1022 — ghi nhận cuộc gọi', level: 1 }).waitFor();
    await agent.getByText(earlier.trackingCode).waitFor();
    await expectAllInputsLabelled(agent);

    await agent.getByLabel('Tìm lĩnh vực').fill('chieu sang');
    await agent.getByLabel('Lĩnh vực', { exact: true }).selectOption('chieu_sang');
    await agent.getByLabel('Tiêu đề ngắn').fill(`Đèn đường tắt cả dãy ${stamp}`);
    await agent
      .getByLabel('Nội dung người gọi trình bày')
      .fill('Người gọi cho biết cả dãy đèn đường trên đường Hùng Vương tắt từ tối qua.');
    await agent.getByLabel('Địa chỉ, địa điểm').fill('Đường Hùng Vương, phường 2, Tân An');
    await agent.getByLabel(/Người gọi đã nghe thông báo/).check();
    await agent.keyboard.press('Control+Enter');

    const panel = agent.locator('.call-code');
    await panel.waitFor();
    code = (await panel.locator('[data-code]').getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^LA-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // Shown in groups, one character at a time, to be read aloud.
    const groups = await panel.locator('.call-code-group').allTextContents();
    expect(groups).toEqual(code.split('-').map((g) => g.split('').join(' ')));
    // The focus moved to the code so the agent can read it at once; Alt+N starts the next call.
    expect(await agent.evaluate(() => document.activeElement?.classList.contains('call-code'))).toBe(true);
    await agent.keyboard.press('Alt+n');
    await panel.waitFor({ state: 'detached' });
    expect(await agent.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('tel');

    // The caller's history now holds both reports.
    await agent.getByLabel('Số điện thoại người gọi').fill(CALLER);
    await agent.keyboard.press('Enter');
    await agent.getByText(code).waitFor();
  });

  it('the report appears in the IOC queue as a phone report', async () => {
    const ioc = await signIn('ioc');
    await ioc
      .getByRole('navigation', { name: 'Chức năng' })
      .getByRole('link', { name: 'Phản ánh', exact: true })
      .click();
    const table = ioc.getByRole('table', { name: /Danh sách phản ánh/ });
    await table.getByRole('link', { name: code }).click();
    await ioc.getByRole('heading', { name: new RegExp(code), level: 1 }).waitFor();
    await ioc.getByText('Điện thoại 1022').first().waitFor();
  });
});
