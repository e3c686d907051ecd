import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, without the background services that slow CI. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Every visible form control on the page has an accessible name (a <label>, aria-label or aria-labelledby). */
export async function expectAllInputsLabelled(page: Page): Promise<void> {
  const unlabelled = await page
    .locator('input:not([type=hidden]), select, textarea')
    .evaluateAll((elements) =>
      elements
        .filter((el) => {
          const control = el as HTMLInputElement;
          const hasLabel = (control.labels?.length ?? 0) > 0;
          return !hasLabel && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby');
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
  expect(unlabelled).toEqual([]);
}
