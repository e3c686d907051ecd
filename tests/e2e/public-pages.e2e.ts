import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
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

describe('public pages arrive as real HTML', () => {
  it('shows the 1022 portal home with JavaScript disabled', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      javaScriptEnabled: false,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('heading', { level: 1, name: /1022/ }).waitFor();
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toContain('0272.1022');
    expect(body).toContain('Tra cứu phản ánh');
    expect(await page.getByLabel('Mã phản ánh').count()).toBe(1);
    expect(await page.getByLabel('Số điện thoại').count()).toBe(1);
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBeTruthy();
    expect(await page.locator('script').count()).toBe(0);
    const css = await context.request.get('/public.css');
    expect(css.status()).toBe(200);
    await context.close();
  });

  it('serves the English version at ?lang=en', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      javaScriptEnabled: false,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await page.goto('/?lang=en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { name: 'Look up a report' }).waitFor();
    await context.close();
  });
});
