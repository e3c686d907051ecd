import AxeBuilder from '@axe-core/playwright';
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

/** axe-core's serious and critical findings on the page as it is now (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
