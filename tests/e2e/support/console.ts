import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server.js';

/**
 * Opens a fresh browser context (Vietnamese; its own cookies), signs a demo staff member in to the console
 * and waits for the console's menu. The context joins `contexts`, which the test file closes at the end.
 */
export async function signInToConsole(
  browser: Browser,
  baseUrl: string,
  login: string,
  contexts: BrowserContext[],
  options: { password?: string; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Tên đăng nhập hoặc email').fill(login);
  await page.getByLabel('Mật khẩu').fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Chức năng' }).waitFor();
  return page;
}
