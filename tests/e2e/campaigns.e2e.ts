import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pdfToText } from '../../src/testing/pdf-text.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllInputsLabelled, launchBrowser } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { startServer, type RunningServer } from './support/server.js';

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
  const page = await signInToConsole(browser, server.baseUrl, login, contexts);
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
  it('Department edits the plan, a team member records installs, the Department exports both documents', async () => {
    // Plan editing: a plain change goes through; removing a task whose figures were reported is refused.
    const dept = await signIn('so');
    await dept.getByRole('tab', { name: 'Nhiệm vụ và mục tiêu' }).click();
    await dept.getByRole('heading', { name: 'Sửa kế hoạch, nhiệm vụ và mục tiêu' }).waitFor();
    await dept.getByLabel('Nhắc trước hạn (số ngày)').fill('6');
    await dept.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await dept.getByText('Đã lưu kế hoạch.').waitFor();
    await dept
      .getByRole('button', {
        name: 'Xóa: Tuyên truyền “Long An Số” cho người dân, doanh nghiệp trên địa bàn',
      })
      .click();
    await dept
      .getByText(/đã có \d+ báo cáo nhập số liệu cho chỉ tiêu này/)
      .first()
      .waitFor();

    // A community team member (the team lead) adds a volunteer and records installs done by them.
    const team = await signIn('tocongnghe');
    await team.getByRole('tab', { name: 'Tổ công nghệ số cộng đồng', selected: true }).waitFor();
    await team.getByTestId('team-members').getByText('Đặng Thị Cộng Đồng · Tổ trưởng').waitFor();
    await team.getByLabel('Họ và tên').fill('Phan Văn Thanh Niên');
    await team.getByLabel('Số điện thoại').fill('0987000111');
    await team.getByRole('button', { name: 'Thêm thành viên' }).click();
    await team.getByTestId('team-members').getByText('Phan Văn Thanh Niên').waitFor();
    await team.getByLabel('Thành viên thực hiện').selectOption({ label: 'Phan Văn Thanh Niên' });
    await team.getByLabel('Địa điểm (ấp, khu phố, điểm hướng dẫn)').fill('Nhà văn hóa ấp 3');
    await team.getByLabel('Số lượt cài đặt được hỗ trợ').fill('19');
    await team.getByRole('button', { name: 'Ghi nhận' }).click();
    await team.getByText('Nhà văn hóa ấp 3').first().waitFor();

    // The Department's quarter: adoption against smartphone users, and both official documents.
    await dept.getByRole('tab', { name: 'Tổng hợp quý' }).click();
    await dept.getByTestId('adoption').waitFor();
    await dept.getByLabel('Lượt cài đặt: Thành phố Tân An').fill('4200');
    await dept.getByLabel('Người dùng hoạt động: Thành phố Tân An').fill('2500');
    await dept.getByRole('button', { name: 'Lưu số liệu kho ứng dụng' }).click();
    await dept.getByText('Đã lưu số liệu của 1 huyện.').waitFor();
    await dept.getByTestId('adoption').locator('tr[data-unit="794"]').getByText('4.200').waitFor();

    const pdfHref = await dept
      .getByRole('link', { name: 'Báo cáo gửi Ban Chỉ đạo (PDF)' })
      .getAttribute('href');
    const pdf = await dept.request.get(pdfHref!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = (await pdfToText(await pdf.body())).replace(/[ \t]+/g, ' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toMatch(/Long An, ngày \d{2} tháng \d{2} năm \d{4}/);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('GIÁM ĐỐC');
    expect(text).toContain('Thành phố Tân An');
    expect(text).toMatch(/Thành phố Tân An [\d.]+ 4\.200 \//);
    const banners = await bannersTotal(dept);
    const line = text.split('\n').find((l) => l.includes('Phướn “Long An Số”'))!;
    expect(line.trim().split(' ').at(-1)).toBe(banners.toLocaleString('vi-VN'));

    const xlsxHref = await dept.getByRole('link', { name: 'Tải Excel (XLSX)' }).getAttribute('href');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await dept.request.get(xlsxHref!)).body()) as unknown as ArrayBuffer);
    let cell: unknown;
    wb.getWorksheet('Chỉ tiêu')!.eachRow((row) => {
      if (row.getCell(1).value === 'banners_hung') cell = row.getCell(6).value;
    });
    expect(cell).toBe(banners);
    const names: unknown[] = [];
    wb.getWorksheet('Tình hình báo cáo')!.eachRow((row) => names.push(row.getCell(1).value));
    expect(names).toContain(AGENCY);

    // One agency's report as a PDF.
    const lead = await signIn('lanhdao');
    const agencyPdf = await lead.request.get(
      (await lead.getByRole('link', { name: 'Tải báo cáo (PDF)' }).getAttribute('href'))!,
    );
    const agencyText = (await pdfToText(await agencyPdf.body())).replace(/[ \t]+/g, ' ');
    expect(agencyText).toMatch(/ỦY BAN NHÂN DÂN .*\n THÀNH PHỐ TÂN AN /);
    expect(agencyText).toContain('Kính gửi: Sở Thông tin và Truyền thông.');
    expect(agencyText).toMatch(/Phướn “Long An Số” treo trên tuyến đường chính cái 41/);
  });
});
