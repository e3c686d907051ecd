import { createHmac } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const stamp = Date.now().toString(36);
// A caller who reported before through the portal.
const CALLER = `09${String(Date.now()).slice(-8)}`;
let earlier: { trackingCode: string };
const CTI_SECRET = 'e2e-cti-secret-0123456789abcdefghijkl';

/**
 * The simulated telephony system: posts a Zammad-style CTI event to the webhook, signed with the shared
 * secret (HMAC-SHA256 over `<timestamp>.<body>`), as a PBX integration would.
 */
async function telephony(event: Record<string, string | string[]>) {
  const body = JSON.stringify(event);
  const at = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', CTI_SECRET).update(`${at}.${body}`).digest('hex');
  const res = await fetch(`${server.baseUrl}/api/v1/cti/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-cti-timestamp': at,
      'x-cti-signature': `sha256=${signature}`,
    },
    body,
  });
  return {
    status: res.status,
    json: (await res.json()) as { id: string; status: string; outcome: string | null },
  };
}

beforeAll(async () => {
  server = await startServer({ env: { CTI_SECRET } });
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
  const page = await signInToConsole(browser, server.baseUrl, login, contexts);
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
    // The caller speaks English: their notices are written in English, whatever the console's language.
    await agent.getByLabel(/Ngôn ngữ của người gọi/).selectOption('en');
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
    // The focus moves to the number field once the next call's form has rendered (a tick after the panel goes).
    await agent.waitForFunction(
      () => (document.activeElement as HTMLInputElement | null)?.type === 'tel',
      undefined,
      { timeout: 5_000 },
    );

    // The caller's history now holds both reports.
    await agent.getByLabel('Số điện thoại người gọi').fill(CALLER);
    await agent.keyboard.press('Enter');
    await agent.getByText(code).waitFor();
  });

  it('a simulated telephony system rings the agent: the caller’s history pops, the report is recorded on the call, the hang-up closes it', async () => {
    // An earlier call from this number that nobody answered.
    const missedId = `pbx-missed-${stamp}`;
    expect(
      (await telephony({ event: 'newCall', from: CALLER, to: '02721022', direction: 'in', callId: missedId }))
        .status,
    ).toBe(200);
    expect(
      (await telephony({ event: 'hangup', from: CALLER, direction: 'in', callId: missedId, cause: 'cancel' }))
        .json.outcome,
    ).toBe('missed');

    const agent = await signIn('tongdai', '/console/call-centre');
    await agent.locator('.call-centre[data-live="on"]').waitFor();
    const callId = `pbx-${stamp}`;
    const rang = await telephony({
      event: 'newCall',
      from: CALLER,
      to: '02721022',
      direction: 'in',
      callId,
      'user[]': ['tongdai'],
    });
    expect(rang.status).toBe(200);
    // The call pops by itself with the caller's earlier reports and calls.
    const panel = agent.locator(`.call-panel[data-call-id="${rang.json.id}"]`);
    await panel.waitFor();
    await panel.getByRole('heading', { name: `Cuộc gọi đến từ +84${CALLER.slice(1)}` }).waitFor();
    await agent.getByText(earlier.trackingCode).waitFor();
    await agent.getByText(code).waitFor();
    await agent.locator('.call-history-calls li', { hasText: 'Cuộc gọi nhỡ' }).waitFor();
    expect(await agent.getByLabel('Số điện thoại người gọi').inputValue()).toBe(CALLER);
    await expectAllInputsLabelled(agent);

    expect(
      (
        await telephony({
          event: 'answer',
          from: CALLER,
          direction: 'in',
          callId,
          answeringNumber: 'tongdai',
        })
      ).status,
    ).toBe(200);
    await agent.locator('.call-panel[data-status="answered"]').waitFor();

    // A form made for speaking: what the caller says, then one click on a suggested category.
    await agent.getByLabel('Tiêu đề ngắn').fill(`Cống thoát nước bị tắc ${stamp}`);
    await agent
      .getByLabel('Nội dung người gọi trình bày')
      .fill('Cống thoát nước trước chợ bị tắc, nước ngập đường mỗi khi mưa, bốc mùi hôi.');
    const suggestions = agent.getByRole('group', { name: 'Gợi ý lĩnh vực (bấm để chọn)' });
    const first = suggestions.getByRole('button').first();
    await first.waitFor();
    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    expect(await agent.getByLabel('Lĩnh vực', { exact: true }).inputValue()).not.toBe('');
    // The place by unit (district, then commune) and street.
    const district = agent.getByLabel('Huyện / thị xã / thành phố');
    await district.selectOption({ index: 1 });
    const commune = agent.getByLabel('Xã / phường / thị trấn');
    await commune.locator('option').nth(1).waitFor({ state: 'attached' });
    await commune.selectOption({ index: 1 });
    await agent.getByLabel('Địa chỉ, địa điểm').fill('Trước cổng chợ, đường 30/4');
    await agent.getByLabel(/Người gọi đã nghe thông báo/).check();
    await agent.keyboard.press('Control+Enter');

    const codePanel = agent.locator('.call-code');
    await codePanel.waitFor();
    const newCode = (await codePanel.locator('[data-code]').getAttribute('data-code')) ?? '';
    expect(newCode).toMatch(/^LA-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await panel.locator('[data-outcome="report_created"]').waitFor();
    await panel.getByRole('link', { name: newCode }).waitFor();

    // The caller hangs up: the telephony system's event closes the call, which keeps its outcome.
    const hung = await telephony({
      event: 'hangup',
      from: CALLER,
      direction: 'in',
      callId,
      cause: 'normalClearing',
    });
    expect(hung).toMatchObject({ status: 200, json: { status: 'ended', outcome: 'report_created' } });
    await agent.locator('.call-panel[data-status="ended"]').waitFor();
    await agent.getByText('Cuộc gọi đã kết thúc.').waitFor();
    // A replayed event is refused.
    expect(
      (await telephony({ event: 'hangup', from: CALLER, direction: 'in', callId, cause: 'normalClearing' }))
        .status,
    ).toBe(409);
  });

  it('without telephony the agent logs a call by hand and ends it with its outcome', async () => {
    const agent = await signIn('tongdai', '/console/call-centre');
    await agent.getByLabel('Số điện thoại người gọi').fill(CALLER);
    await agent.getByRole('button', { name: 'Ghi cuộc gọi (không qua tổng đài)' }).click();
    const panel = agent.locator('.call-panel[data-status="answered"]');
    await panel.getByText('(Ghi bằng tay)').waitFor();
    // The history holds the earlier calls, the one just ended with its report among them.
    await agent.locator('.call-history-calls li', { hasText: 'Đã ghi nhận phản ánh' }).waitFor();
    await panel.getByRole('button', { name: 'Đã giải đáp câu hỏi' }).click();
    await panel.locator('[data-outcome="question_answered"]').waitFor();
    await panel.getByLabel('Ghi chú cuộc gọi').fill('Hỏi giờ làm việc của bộ phận một cửa');
    await panel.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await panel.getByRole('button', { name: 'Kết thúc cuộc gọi' }).click();
    await agent.locator('.call-panel[data-status="ended"] [data-outcome="question_answered"]').waitFor();
  });

  it('the IOC sees the calls per agent and hour', async () => {
    const ioc = await signIn('ioc', '/console/call-centre');
    const table = ioc.getByRole('table', { name: 'Theo điện thoại viên' });
    const row = table.getByRole('row', { name: /Lê Văn Tổng Đài/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Đã ghi nhận phản ánh: 1');
    expect(await row.textContent()).toContain('Đã giải đáp: 1');
    await table.getByRole('row', { name: /chưa có người nghe/ }).waitFor();
    await ioc.getByRole('table', { name: 'Theo giờ trong ngày (giờ Việt Nam)' }).waitFor();
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
    // The caller's language chosen by the agent, for whoever answers.
    const fields = ioc.locator('dl.report-fields');
    expect(await fields.locator('dt:has-text("Ngôn ngữ người phản ánh") + dd').textContent()).toBe(
      'Tiếng Anh',
    );
  });
});
