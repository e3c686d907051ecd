import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const AGENCY = 'Ủy ban nhân dân thành phố Tân An';
const BANNERS = 'Phướn “Long An Số” treo trên tuyến đường chính (cái)';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function signIn(login: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'vi-VN' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Tên đăng nhập hoặc email').fill(login);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Chức năng' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Chức năng' })
    .getByRole('link', { name: 'Chiến dịch tuyên truyền' })
    .click();
  await page.getByRole('heading', { name: 'Chiến dịch tuyên truyền và báo cáo quý', level: 1 }).waitFor();
  return page;
}

const status = (page: Page, text: string) =>
  page.getByTestId('report-status').filter({ hasText: text }).waitFor();

async function openAgency(page: Page) {
  await page.getByRole('tab', { name: 'Tình hình báo cáo' }).click();
  await page.getByRole('button', { name: `Mở: ${AGENCY}` }).click();
  await page.getByRole('heading', { name: new RegExp(AGENCY), level: 2 }).waitFor();
}

/** The Department's total of banners hung this quarter, read from its own API (same session). */
async function bannersTotal(page: Page): Promise<number> {
  const plans = await (await page.request.get('/api/v1/campaigns/plans')).json();
  const plan = plans.items[0];
  const [year, quarter] = plan.currentQuarter.split('-Q');
  const s = await (
    await page.request.get(`/api/v1/campaigns/plans/${plan.id}/summary.json?year=${year}&quarter=${quarter}`)
  ).json();
  return s.measures.find((m: { code: string }) => m.code === 'banners_hung').total;
}

describe('campaigns: quarterly report journey', () => {
  it('agency fills and submits, Department asks for a correction, agency resubmits, Department accepts', async () => {
    const dept = await signIn('so');
    const before = await bannersTotal(dept);

    const lead = await signIn('lanhdao');
    await lead.getByRole('tab', { name: 'Báo cáo của đơn vị', selected: true }).waitFor();
    await status(lead, 'Chưa báo cáo');
    await expectAllInputsLabelled(lead);
    await lead.getByLabel('Buổi sinh hoạt, chào cờ có giới thiệu “Long An Số” (buổi)').fill('12');
    await lead.getByLabel(BANNERS).fill('37');
    await lead
      .getByLabel('Số lần phát chuyên mục “Chuyện đời số” trên đài truyền thanh mỗi tuần (lần/tuần)')
      .fill('3');
    await lead
      .getByLabel('Tình hình triển khai, khó khăn, đề xuất')
      .fill('Đã treo phướn trên QL1A và đường Hùng Vương.');
    await lead.getByRole('button', { name: 'Gửi báo cáo về Sở' }).click();
    await status(lead, 'Đã gửi, chờ Sở xem xét');

    await openAgency(dept);
    await dept
      .getByLabel('Nội dung yêu cầu bổ sung, chỉnh sửa')
      .fill('Bổ sung phướn treo tại đường Nguyễn Huệ.');
    await dept.getByRole('button', { name: 'Yêu cầu bổ sung, chỉnh sửa' }).click();
    await status(dept, 'Sở yêu cầu bổ sung, chỉnh sửa');

    await lead.reload();
    await status(lead, 'Sở yêu cầu bổ sung, chỉnh sửa');
    await lead.getByText('Bổ sung phướn treo tại đường Nguyễn Huệ.').first().waitFor();
    await lead.getByLabel(BANNERS).fill('41');
    await lead.getByRole('button', { name: 'Gửi báo cáo về Sở' }).click();
    await status(lead, 'Đã gửi, chờ Sở xem xét');

    await dept.getByRole('button', { name: '← Quay lại danh sách' }).click();
    await openAgency(dept);
    await dept.getByRole('button', { name: 'Tiếp nhận báo cáo' }).click();
    await status(dept, 'Sở đã tiếp nhận');
    await dept.getByRole('listitem').filter({ hasText: 'gửi lại báo cáo đã chỉnh sửa' }).waitFor();

    // The quarter dashboard shows the figure with the agency's 41 banners added.
    await dept.getByRole('button', { name: '← Quay lại danh sách' }).click();
    await dept.getByRole('tab', { name: 'Tổng hợp quý' }).click();
    const row = dept.getByTestId('measure-totals').locator('tr[data-code="banners_hung"]');
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(Number(cells.at(-1)!.replace(/\D/g, ''))).toBe(before + 41);
    expect(await bannersTotal(dept)).toBe(before + 41);
    await dept.getByRole('img', { name: /Biểu đồ tỷ lệ cài đặt theo huyện/ }).waitFor();
    await dept.getByRole('img', { name: /Bản đồ các huyện tô màu theo tiến độ/ }).waitFor();
    const html = await dept.request.get(
      (await dept.getByRole('link', { name: 'Báo cáo gửi Ban Chỉ đạo (bản in)' }).getAttribute('href'))!,
    );
    expect(await html.text()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
});
