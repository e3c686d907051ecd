import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToText } from '../../testing/docx-text.js';
import { pdfToText } from '../../testing/pdf-text.js';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import { hashPassword } from '../identity/password.js';

/*
 * Issue 8's "done when", end to end over HTTP on a fresh plan: the Department assigns the letter's tasks,
 * two districts and one department report for Q1/2027 (one late), a community team member records
 * installs, the Department sees the aggregate with targets and exports both documents, read back as text
 * (pdftotext) and as a workbook (exceljs).
 */

let clock = new Date('2027-03-05T03:00:00Z');
let t: TestApp;
const clients: Record<string, TestClient> = {};

async function signIn(login: string) {
  clients[login] ??= new TestClient(t.app);
  await clients[login].signIn(login, TEST_DEMO_PASSWORD);
  return clients[login];
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  // Report leads of a second district and of a department (the demo has one for Tân An only).
  const db = t.testDb.database;
  const hash = await hashPassword(TEST_DEMO_PASSWORD);
  for (const [username, name, agencyCode] of [
    ['kientuong', 'Lê Văn Kiến Tường', 'ubnd-thi-xa-kien-tuong-795'],
    ['soyte', 'Trần Thị Y Tế', 'so-y-te'],
  ] as const) {
    const [agency] = await db.query<{ id: string }>(
      `select id from agencies where code = $1 or (name = 'Sở Y tế tỉnh Long An' and $1 = 'so-y-te')`,
      [agencyCode],
    );
    const [u] = await db.query<{ id: string }>(
      `insert into users (kind, username, full_name, password_hash) values ('staff', $1, $2, $3) returning id`,
      [username, name, hash],
    );
    await db.query(`insert into role_assignments (user_id, role, agency_id) values ($1, 'agency_lead', $2)`, [
      u!.id,
      agency!.id,
    ]);
  }
}, 240_000);
afterAll(async () => {
  await t?.close();
});

const TAN_AN = 'Ủy ban nhân dân thành phố Tân An';
const KIEN_TUONG = 'Ủy ban nhân dân thị xã Kiến Tường';
const SO_Y_TE = 'Sở Y tế tỉnh Long An';

describe(`issue 8 done-when (${TEST_ENGINE})`, () => {
  it('assigns, reports (one late), records installs, aggregates with targets, exports both documents', async () => {
    const dept = await signIn('so');
    // 1. The plan and the letter's tasks.
    const plan = await dept.post('/api/v1/campaigns/plans', {
      number: '881/KH-UBND',
      title: 'Tuyên truyền sử dụng “Long An Số” và Tổng đài 1022 năm 2027',
      issuingBody: 'Ủy ban nhân dân tỉnh Long An',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
    });
    expect(plan.statusCode).toBe(201);
    const planId = plan.json().id as string;
    const districts = await dept.post(`/api/v1/campaigns/plans/${planId}/tasks`, {
      version: 1,
      title: 'Tuyên truyền “Long An Số” cho người dân trên địa bàn',
      description: 'Treo phướn, phát thanh, hướng dẫn cài đặt.',
      assigneeGroup: 'district_pcs',
      materials: [{ title: 'Phướn tuyên truyền', url: '/chuyen-doi-so/tai-lieu/phuon' }],
      measures: [
        { code: 'banners_hung', name: 'Phướn treo trên tuyến đường chính', unit: 'cái' },
        {
          code: 'radio_per_week',
          name: 'Lượt phát thanh mỗi tuần',
          unit: 'lần/tuần',
          aggregation: 'average',
          minimum: 2,
        },
        {
          code: 'apps_installed',
          name: 'Người dân được hỗ trợ cài đặt',
          unit: 'lượt',
          communitySource: 'installs_helped',
        },
      ],
    });
    expect(districts.statusCode).toBe(201);
    const departments = await dept.post(`/api/v1/campaigns/plans/${planId}/tasks`, {
      version: 2,
      title: 'Giới thiệu “Long An Số” đến cán bộ, công chức',
      assigneeGroup: 'departments',
      measures: [{ code: 'staff_meetings', name: 'Buổi sinh hoạt có giới thiệu ứng dụng', unit: 'buổi' }],
    });
    expect(departments.json().version).toBe(3);
    const target = (unitCode: string, baseValue: number) => ({
      measureCode: 'apps_installed',
      unitCode,
      targetPercent: 80,
      baseValue,
      baseLabel: 'Người dùng điện thoại thông minh',
      dueOn: '2027-08-30',
    });
    expect(
      (
        await dept.request('PUT', `/api/v1/campaigns/plans/${planId}/targets`, {
          version: 3,
          targets: [target('794', 1000), target('795', 500)],
        })
      ).statusCode,
    ).toBe(200);
    const shown = (await dept.get(`/api/v1/campaigns/plans/${planId}`)).json();
    expect(shown.tasks[0].assignees.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining([TAN_AN, KIEN_TUONG]),
    );
    expect(shown.tasks[1].assignees.map((a: { name: string }) => a.name)).toContain(SO_Y_TE);

    // 2. Reports for Q1/2027 (due 15/03/2027): Tân An and Sở Y tế on time.
    const Q = { year: 2027, quarter: 1 };
    const report = async (login: string, figures: Record<string, number>, narrative: string) => {
      const c = await signIn(login);
      const saved = await c.request('PUT', `/api/v1/campaigns/plans/${planId}/report-form`, {
        ...Q,
        version: 0,
        figures,
        narrative,
      });
      expect(saved.statusCode).toBe(200);
      const sent = await c.post(`/api/v1/campaigns/reports/${saved.json().id}/submit`, { version: 1 });
      expect(sent.json().status).toBe('submitted');
      return sent.json() as { id: string; late: boolean };
    };
    const tanAn = await report(
      'lanhdao',
      { banners_hung: 40, radio_per_week: 3, apps_installed: 300 },
      'Đã treo phướn trên Quốc lộ 1A.',
    );
    const soYTe = await report('soyte', { staff_meetings: 6 }, 'Giới thiệu tại các buổi chào cờ.');
    expect(tanAn.late || soYTe.late).toBe(false);

    // A community team member records installs in a commune of Tân An (on top of the demo team's records).
    const summary = async (c: TestClient) =>
      (await c.get(`/api/v1/campaigns/plans/${planId}/summary.json?year=2027&quarter=1`)).json();
    const community = (x: { measures: { code: string; community: number }[] }) =>
      x.measures.find((m) => m.code === 'apps_installed')!.community;
    const teamBefore = community(await summary(dept));
    const team = await signIn('tocongnghe');
    const mine = (await team.get('/api/v1/campaigns/activities')).json();
    const recorded = await team.post('/api/v1/campaigns/activities', {
      clientKey: 'done-when:0001',
      unitCode: mine.team.unitCode,
      activityOn: '2027-03-04',
      place: 'Nhà văn hóa khu phố 1',
      householdsGuided: 12,
      peopleGuided: 20,
      installsHelped: 25,
    });
    expect(recorded.statusCode).toBe(201);

    // Kiến Tường reports after the due date: late.
    clock = new Date('2027-03-20T03:00:00Z');
    const kienTuong = await report(
      'kientuong',
      { banners_hung: 15, radio_per_week: 1, apps_installed: 120 },
      'Báo cáo chậm do thay đổi cán bộ phụ trách.',
    );
    expect(kienTuong.late).toBe(true);

    // 3. The Department reviews and sees the aggregate with targets.
    const dept2 = await signIn('so');
    for (const r of [tanAn, soYTe, kienTuong]) {
      const accepted = await dept2.post(`/api/v1/campaigns/reports/${r.id}/review`, {
        version: 2,
        decision: 'accept',
      });
      expect(accepted.json().status).toBe('accepted');
    }
    const s = await summary(dept2);
    const helped = teamBefore + 25;
    expect(community(s)).toBe(helped);
    expect(s.counts.accepted).toBe(3);
    // Late counts the missing ones too; of those who reported, one was late.
    const reportedLate = s.agencies.filter(
      (a: { late: boolean; state: string }) => a.late && a.state !== 'missing',
    );
    expect(reportedLate.map((a: { agencyName: string }) => a.agencyName)).toEqual([KIEN_TUONG]);
    expect(s.counts.missing).toBe(s.counts.expected - 3);
    const total = (code: string) => s.measures.find((m: { code: string }) => m.code === code).total;
    expect(total('banners_hung')).toBe(55);
    expect(total('apps_installed')).toBe(300 + 120 + helped);
    expect(total('staff_meetings')).toBe(6);
    expect(total('radio_per_week')).toBe(2);
    const tgt = (unit: string) => s.targets.find((x: { unitCode: string }) => x.unitCode === unit);
    expect(tgt('794')).toMatchObject({ actual: 300 + helped, baseValue: 1000, met: false });
    expect(tgt('795')).toMatchObject({ actual: 120, baseValue: 500, met: false });
    const late = s.agencies.find((a: { agencyName: string }) => a.agencyName === KIEN_TUONG);
    expect(late).toMatchObject({ late: true, state: 'accepted' });

    // 4. Both documents, read back.
    const pdf = await dept2.request(
      'GET',
      `/api/v1/campaigns/plans/${planId}/summary.pdf?year=2027&quarter=1`,
    );
    const text = (await pdfToText(pdf.rawPayload)).replace(/[ \t]+/g, ' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Long An, ngày 20 tháng 03 năm 2027');
    expect(text).toContain('Quý I/2027 theo 881/KH-UBND');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('đã báo cáo: 3 (Sở đã tiếp nhận 3, đang xem xét 0)');
    expect(flat).toContain(`Các đơn vị báo cáo trễ hạn: ${KIEN_TUONG}.`);
    expect(flat).toContain('Ủy ban nhân dân huyện Bến Lức;');
    expect(text).toMatch(/Phướn treo trên tuyến đường chính cái 55/);
    expect(text).toContain(`Người dân được hỗ trợ cài đặt lượt ${420 + helped}`);
    expect(text).toContain(
      `Thành phố Tân An 1.000 ${300 + helped} ${tgt('794').percent.toLocaleString('vi-VN')}% / 80%`,
    );
    expect(text).toMatch(/Thị xã Kiến Tường 500 120 24% \/ 80%/);
    expect(text).toContain('Nơi nhận:');

    const xlsx = await dept2.request(
      'GET',
      `/api/v1/campaigns/plans/${planId}/summary.xlsx?year=2027&quarter=1`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = (sheet: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(sheet)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    expect(rows('Chỉ tiêu')).toContainEqual([
      'apps_installed',
      'Người dân được hỗ trợ cài đặt',
      'lượt',
      420,
      helped,
      420 + helped,
    ]);
    expect(rows('Mục tiêu')).toContainEqual([
      'Thị xã Kiến Tường',
      'Người dùng điện thoại thông minh',
      500,
      120,
      24,
      80,
      '30/08/2027',
      'Chưa đạt',
    ]);
    const status = rows('Tình hình báo cáo');
    expect(status).toContainEqual([KIEN_TUONG, 'UBND cấp huyện', 'Sở đã tiếp nhận', 'Có']);
    expect(status).toContainEqual([SO_Y_TE, 'Sở, ban, ngành', 'Sở đã tiếp nhận', '']);

    const agencyPdf = await dept2.request('GET', `/api/v1/campaigns/reports/${kienTuong.id}/document.pdf`);
    const agencyText = (await pdfToText(agencyPdf.rawPayload)).replace(/[ \t]+/g, ' ');
    expect(agencyText).toMatch(/ỦY BAN NHÂN DÂN .*\n THỊ XÃ KIẾN TƯỜNG /);
    expect(agencyText).toContain('Báo cáo chậm do thay đổi cán bộ phụ trách.');
    expect(agencyText).toMatch(/Phướn treo trên tuyến đường chính cái 15/);
    expect(agencyText).toContain('THỦ TRƯỞNG CƠ QUAN');

    // The same two documents as Word files.
    const docx = await dept2.request(
      'GET',
      `/api/v1/campaigns/plans/${planId}/summary.docx?year=2027&quarter=1`,
    );
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const words = await docxToText(docx.rawPayload);
    expect(words).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(words).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(words).toContain('Long An, ngày 20 tháng 03 năm 2027');
    expect(words).toContain(`Các đơn vị báo cáo trễ hạn: ${KIEN_TUONG}.`);
    expect(words).toContain('Phướn treo trên tuyến đường chính | cái | 55 |');
    expect(words).toContain(`Thành phố Tân An | 1.000 | ${300 + helped} |`);
    expect(words).toContain('Nơi nhận:');
    expect(words).toContain('GIÁM ĐỐC');
    const agencyDocx = await dept2.request('GET', `/api/v1/campaigns/reports/${kienTuong.id}/document.docx`);
    const agencyWords = await docxToText(agencyDocx.rawPayload);
    expect(agencyWords).toContain('ỦY BAN NHÂN DÂN\nTHỊ XÃ KIẾN TƯỜNG');
    expect(agencyWords).toContain('Báo cáo chậm do thay đổi cán bộ phụ trách.');
    expect(agencyWords).toContain('Phướn treo trên tuyến đường chính | cái | 15 |');
  });
});
