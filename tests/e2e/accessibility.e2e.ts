import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousViolations } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the citizen pages have no serious or critical accessibility violations (axe-core)', () => {
  it('app home, report form, install guide, portal home, look-up, published answers and one answer', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};

    await page.goto('/app/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    found['/app/'] = await seriousViolations(page);

    await page.goto('/app/gui-phan-anh');
    await page
      .locator('select[name=categoryCode] option[value=giao_thong_ha_tang]')
      .waitFor({ state: 'attached' });
    found['/app/gui-phan-anh'] = await seriousViolations(page);

    const answers = (await (await page.request.get('/api/v1/public/reports?limit=1')).json()).items as {
      trackingCode: string;
    }[];
    expect(answers.length).toBe(1);
    for (const path of ['/', '/tra-cuu', '/phan-anh', `/phan-anh/${answers[0]!.trackingCode}`, '/cai-dat']) {
      await page.goto(path);
      found[path] = await seriousViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    await context.close();
  });
});
