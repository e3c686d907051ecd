import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startLocalPushService,
  type LocalPushService,
} from '../../src/modules/alerts/push/local-push-service.js';
import { launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';
import { lastSmsCode } from './support/sms.js';

// The done-when journey: a citizen signs in to the app, goes offline, writes a report, comes back
// online and sees it sent once; turns on report notifications; receives a push through a local push
// service (web-push-testing, which checks VAPID and decrypts) when the report is answered; rates it.
// Chromium cannot reach a real push service from here, so the page's PushManager.subscribe is pointed at
// the local one (the browser ↔ push service registration is the only part replaced).

let server: RunningServer;
let browser: Browser;
let push: LocalPushService;

beforeAll(async () => {
  push = await startLocalPushService();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await push?.close();
});

/** A staff member over the HTTP API (session cookie + CSRF token + Origin, as the console sends them). */
async function staff(login: string) {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const call = async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${server.baseUrl}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        origin: server.baseUrl,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await r.json()) as Record<string, unknown>;
    expect(r.status, JSON.stringify(json)).toBeLessThan(300);
    return json;
  };
  return {
    call,
    async move(id: string, body: Record<string, unknown>) {
      const { report } = (await call('GET', `/api/v1/reports/${id}`)) as { report: { version: number } };
      return call('POST', `/api/v1/reports/${id}/transitions`, { version: report.version, ...body });
    },
  };
}

describe('a signed-in citizen hears on the phone when the report is answered, then rates it', () => {
  it('offline draft sent once, push on answer through a real push service, rating in the app', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    await context.grantPermissions(['notifications'], { origin: server.baseUrl });
    const subscriptions: { endpoint: string; clientHash: string }[] = [];
    await context.exposeBinding('__e2ePushSubscribe', async (_source, key: string) => {
      const sub = await push.subscribe(key);
      subscriptions.push(sub);
      return { endpoint: sub.endpoint, keys: sub.keys };
    });
    await context.addInitScript(() => {
      const w = window as unknown as {
        __e2ePushSubscribe(key: string): Promise<{ endpoint: string; keys: unknown }>;
      };
      const asSubscription = (s: { endpoint: string; keys: unknown }) => ({
        endpoint: s.endpoint,
        toJSON: () => s,
        unsubscribe: async () => {
          localStorage.removeItem('e2e.pushSubscription');
          return true;
        },
      });
      PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
        const bytes = new Uint8Array(options!.applicationServerKey as ArrayBuffer);
        const key = btoa(String.fromCharCode(...bytes))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
        const s = await w.__e2ePushSubscribe(key);
        localStorage.setItem('e2e.pushSubscription', JSON.stringify(s));
        return asSubscription(s) as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async function () {
        const saved = localStorage.getItem('e2e.pushSubscription');
        return saved ? (asSubscription(JSON.parse(saved)) as unknown as PushSubscription) : null;
      };
    });
    const page = await context.newPage();

    // Sign in with the phone and a one-time code.
    await page.goto('/app/dang-nhap');
    await page.getByLabel('Số điện thoại').fill('0918 222 333');
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await page.getByLabel('Mã xác nhận').fill(await lastSmsCode(server.dataDir, '+84918222333'));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('link', { name: 'Tài khoản' }).waitFor();
    // The service worker must control the app before notifications can be turned on.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

    // Offline: the report waits as a draft; back online it is sent once.
    await page.goto('/app/gui-phan-anh');
    await page
      .locator('select[name=categoryCode] option[value=giao_thong_ha_tang]')
      .waitFor({ state: 'attached' });
    await page.getByLabel('Lĩnh vực').selectOption('giao_thong_ha_tang');
    await page.getByLabel('Tiêu đề').fill('Ổ gà sâu trước trường tiểu học');
    await page.getByLabel('Nội dung').fill('Ổ gà sâu trước cổng trường, học sinh đi xe đạp dễ té ngã.');
    await page.getByLabel('Quận, huyện, thị xã, thành phố').selectOption({ label: 'Thành phố Tân An' });
    const commune = page.getByLabel('Xã, phường, thị trấn');
    await commune.locator('option').nth(1).waitFor({ state: 'attached' });
    await commune.selectOption((await commune.locator('option').nth(1).getAttribute('value'))!);
    await page.getByRole('checkbox', { name: /Tôi đã đọc thông báo/ }).check();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã lưu bản nháp, sẽ gửi khi có mạng' }).waitFor();
    await context.setOffline(false);
    const codeBox = page.getByTestId('tracking-code');
    await codeBox.waitFor({ timeout: 30_000 });
    const code = ((await codeBox.textContent()) ?? '').trim();
    expect(await page.evaluate(() => localStorage.getItem('tinhso.reportDrafts'))).toBe('[]');

    // "My reports": the report once; turn on notifications for this phone.
    await page.goto('/app/phan-anh-cua-toi');
    await page.getByText(`Mã: ${code}`).waitFor();
    expect(await page.getByText(`Mã: ${code}`).count()).toBe(1);
    await page.getByRole('button', { name: 'Bật thông báo phản ánh' }).click();
    await page.getByText('Đã bật: bạn sẽ nhận thông báo khi phản ánh có tiến triển.').waitFor();
    expect(subscriptions).toHaveLength(1);
    const phone = subscriptions[0]!;

    // The IOC, the agency and its lead answer it (HTTP API, as the console does).
    const ioc = await staff('ioc');
    const handler = await staff('canbo');
    const lead = await staff('lanhdao');
    const found = (await ioc.call('GET', `/api/v1/reports?q=${encodeURIComponent(code)}`)) as {
      items: { id: string; trackingCode: string; suggestedAgencyId: string }[];
    };
    const report = found.items.find((r) => r.trackingCode === code)!;
    const detail = (await ioc.call('GET', `/api/v1/reports/${report.id}`)) as {
      report: { suggestedAgencyId: string };
    };
    await ioc.move(report.id, { action: 'accept' });
    await ioc.move(report.id, { action: 'assign', agencyId: detail.report.suggestedAgencyId });
    await handler.move(report.id, { action: 'start' });
    await handler.move(report.id, {
      action: 'submit_answer',
      answer: 'Đã vá ổ gà trước cổng trường ngày 29/11.',
    });
    await lead.move(report.id, { action: 'approve_answer' });
    await ioc.move(report.id, { action: 'publish' });

    // The push service received, for this phone, the answer (decrypted by the service with the keys).
    const deadline = Date.now() + 60_000;
    let messages: { title: string; body: string; tag: string }[] = [];
    while (Date.now() < deadline) {
      messages = push.messages(phone.clientHash).map((m) => JSON.parse(m) as (typeof messages)[number]);
      if (messages.some((m) => m.body.includes('Đã vá ổ gà'))) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    const answered = messages.find((m) => m.body.includes('Đã vá ổ gà'));
    expect(answered, JSON.stringify(messages)).toBeDefined();
    expect(answered!.title).toContain(code);
    expect(answered!.tag).toBe(`report-${code}`);
    expect(JSON.stringify(messages)).not.toContain('918222333');

    // The citizen opens the report from the notification's link and rates the answer.
    await page.goto(`/app/phan-anh-cua-toi?ma=${code}`);
    await page.getByText('Đã vá ổ gà trước cổng trường ngày 29/11.').waitFor();
    await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    const after = (await ioc.call('GET', `/api/v1/reports/${report.id}`)) as {
      report: { status: string };
    };
    expect(after.report.status).toBe('closed');
    await context.close();
  });
});
