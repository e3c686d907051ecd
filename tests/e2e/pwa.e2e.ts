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

describe('the citizen app is installable and opens without a connection', () => {
  it('registers its service worker, then opens its shell from the cache when the server is gone', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await page.goto('/app/');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // Installable: a manifest the browser can read, with the app's name and icons.
    const manifestHref = await page.locator('link[rel=manifest]').getAttribute('href');
    expect(manifestHref).toBe('/app/manifest.webmanifest');
    const manifest = await (await page.request.get(manifestHref!)).json();
    expect(manifest.name).toBe('Long An Số');
    expect(manifest.display).toBe('standalone');

    // The worker installs (the shell and its assets are cached) and takes control of the page.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.baseUrl}/app/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // The server goes away entirely: the shell still opens from the cache, with the brand name.
    await server.stop();
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toContain('Long An Số');
    await expect(
      page
        .getByRole('link', { name: /Gửi phản ánh/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    // And when the phone knows it is offline, the app says so plainly.
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Bạn đang ngoại tuyến.' }).waitFor();
    await context.setOffline(false);
    await context.close();
  });
});
