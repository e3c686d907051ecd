import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import { pdfToText } from '../../testing/pdf-text.js';
import { SmtpSink } from '../../testing/smtp-sink.js';
import type { CampaignsDeps } from './campaigns-deps.js';
import { remindReports } from './jobs/remind-reports.js';
import { sealedEmail } from '../identity/user-contacts.js';

// A clock the test moves: 29/11/2026 is in Q4 2026 (due 15/12/2026); Q3 2026 is closed.
let clock = new Date('2026-11-29T03:00:00Z');
let t: TestApp;
let lead: TestClient;
let handler: TestClient;
let dept: TestClient;
let team: TestClient;
let planId: string;
const sink = new SmtpSink();

beforeAll(async () => {
  const smtpUrl = await sink.start();
  t = await createTestApp({
    now: () => clock,
    env: { SMTP_URL: smtpUrl, MAIL_FROM: '"Sở TT&TT Long An" <stttt@longan.gov.vn>' },
  });
  lead = new TestClient(t.app);
  await lead.signIn('lanhdao', TEST_DEMO_PASSWORD);
  handler = new TestClient(t.app);
  await handler.signIn('canbo', TEST_DEMO_PASSWORD);
  dept = new TestClient(t.app);
  await dept.signIn('so', TEST_DEMO_PASSWORD);
  team = new TestClient(t.app);
  await team.signIn('tocongnghe', TEST_DEMO_PASSWORD);
  const plans = (await lead.get('/api/v1/campaigns/plans')).json().items;
  planId = plans.find((p: { number: string }) => p.number === '310/KH-UBND').id;
}, 240_000);
afterAll(async () => {
  await t?.close();
  await sink.stop();
});

const Q4 = 'year=2026&quarter=4';
const form = (c: TestClient, q = Q4) => c.get(`/api/v1/campaigns/plans/${planId}/report-form?${q}`);
const save = (c: TestClient, body: Record<string, unknown>) =>
  c.request('PUT', `/api/v1/campaigns/plans/${planId}/report-form`, {
    year: 2026,
    quarter: 4,
    narrative: '',
    ...body,
  });

function upload(c: TestClient, reportId: string, fileName: string, data: Buffer) {
  const boundary = `----campaign${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.http.inject({
    method: 'POST',
    url: `/api/v1/campaigns/reports/${reportId}/files`,
    headers: {
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}

type Item = { reportId: string | null; agencyId: string; agencyName: string; status: string; late: boolean };

describe(`campaigns over HTTP (${TEST_ENGINE})`, () => {
  it('shows the plan with the letter’s tasks resolved to agency groups', async () => {
    const plan = (await dept.get(`/api/v1/campaigns/plans/${planId}`)).json();
    const districtTask = plan.tasks.find(
      (x: { assigneeGroup: string }) => x.assigneeGroup === 'district_pcs',
    );
    expect(districtTask.assignees).toHaveLength(15);
    expect(districtTask.measures.map((m: { code: string }) => m.code)).toContain('radio_per_week');
    const press = plan.tasks.find((x: { assigneeGroup: string }) => x.assigneeGroup === 'press');
    expect(press.assignees.map((a: { name: string }) => a.name).sort()).toEqual([
      'Báo Long An',
      'Đài Phát thanh và Truyền hình Long An',
    ]);
    expect(plan.targets).toHaveLength(15);
  });

  it('walks draft → submitted → correction → resubmitted → accepted, with versions and refusals', async () => {
    const empty = (await form(lead)).json();
    expect(empty.status).toBe('not_started');
    expect(empty.agencyName).toBe('Ủy ban nhân dân thành phố Tân An');
    const codes = empty.tasks.flatMap((x: { measures: { code: string }[] }) => x.measures.map((m) => m.code));
    expect(codes).toEqual(expect.arrayContaining(['meetings_held', 'banners_hung', 'apps_installed']));
    expect(codes).not.toContain('column_articles');

    const figures = { meetings_held: 12, banners_hung: 40, radio_per_week: 3, apps_installed: 5000 };
    // Bad input: negative, impossible (more installs than smartphone users), not this agency's measure.
    expect((await save(lead, { version: 0, figures: { banners_hung: -1 } })).statusCode).toBe(400);
    const impossible = await save(lead, { version: 0, figures: { apps_installed: 1_000_000 } });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().code).toBe('campaign_figure_impossible');
    expect((await save(lead, { version: 0, figures: { column_articles: 3 } })).json().code).toBe(
      'campaign_unknown_measure',
    );

    const draft = await save(lead, { version: 0, figures, narrative: 'Đã treo phướn tại QL1A.' });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', version: 1 });
    // A stale version is a conflict, never a lost update.
    expect((await save(handler, { version: 0, figures })).statusCode).toBe(409);
    const id = draft.json().id;

    // A photo of the banners: checked by content, re-encoded; a disguised file is refused.
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } })
      .jpeg()
      .toBuffer();
    const attached = await upload(lead, id, 'phướn QL1A.jpg', photo);
    expect(attached.statusCode).toBe(201);
    expect(attached.json()).toMatchObject({ fileName: 'phướn QL1A.jpg', mime: 'image/jpeg' });
    expect((await upload(lead, id, 'bao-cao.pdf', photo)).json().code).toBe('file_type_mismatch');
    expect((await upload(lead, id, 'x.jpg', Buffer.from('MZ\x90\x00 not an image'))).json().code).toBe(
      'file_type_not_allowed',
    );
    const file = await lead.get(`/api/v1/campaigns/files/${attached.json().id}`);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect((await form(lead)).json().files).toHaveLength(1);

    const submitted = await lead.post(`/api/v1/campaigns/reports/${id}/submit`, { version: 1 });
    expect(submitted.json()).toMatchObject({ status: 'submitted', late: false });
    // A second submission of the same report is refused.
    const again = await lead.post(`/api/v1/campaigns/reports/${id}/submit`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect((await save(lead, { version: 2, figures })).json().code).toBe('campaign_report_not_editable');
    // The agency cannot review its own report.
    expect(
      (await lead.post(`/api/v1/campaigns/reports/${id}/review`, { version: 2, decision: 'accept' }))
        .statusCode,
    ).toBe(403);

    expect(
      (
        await dept.post(`/api/v1/campaigns/reports/${id}/review`, {
          version: 2,
          decision: 'request_correction',
        })
      ).json().code,
    ).toBe('campaign_comment_required');
    const sentBack = await dept.post(`/api/v1/campaigns/reports/${id}/review`, {
      version: 2,
      decision: 'request_correction',
      comment: 'Bổ sung số lượt phát thanh.',
    });
    expect(sentBack.json()).toMatchObject({
      status: 'correction_requested',
      reviewComment: 'Bổ sung số lượt phát thanh.',
    });

    const fixed = await save(handler, { version: 3, figures: { ...figures, radio_per_week: 4 } });
    expect(fixed.json()).toMatchObject({ status: 'correction_requested', version: 4 });
    const resubmitted = await handler.post(`/api/v1/campaigns/reports/${id}/submit`, { version: 4 });
    expect(resubmitted.json().status).toBe('submitted');
    const accepted = await dept.post(`/api/v1/campaigns/reports/${id}/review`, {
      version: 5,
      decision: 'accept',
    });
    expect(accepted.json().status).toBe('accepted');
    expect(accepted.json().events.map((e: { action: string }) => e.action)).toEqual([
      'save',
      'submit',
      'request_correction',
      'save',
      'resubmit',
      'accept',
    ]);
    expect((await save(lead, { version: 6, figures })).statusCode).toBe(409);
    const doc = await lead.get(`/api/v1/campaigns/reports/${id}/document.html`);
    expect(doc.body).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ TÂN AN');
    expect(doc.body).toContain('Phướn “Long An Số” treo trên tuyến đường chính');
    // The same report as a PDF, read back as text by poppler's pdftotext: diacritics, figures, layout parts.
    const pdf = await lead.request('GET', `/api/v1/campaigns/reports/${id}/document.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfToText(pdf.rawPayload)).replace(/[ \t]+/g, ' ');
    expect(text).toMatch(/ỦY BAN NHÂN DÂN .*\n THÀNH PHỐ TÂN AN /);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toMatch(/Long An, ngày 29 tháng 11 năm 2026/);
    expect(text).toContain('Kính gửi: Sở Thông tin và Truyền thông.');
    expect(text).toContain('I. TÌNH HÌNH TRIỂN KHAI');
    expect(text).toMatch(/Phướn “Long An Số” treo trên tuyến đường chính cái 40\n/);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('THỦ TRƯỞNG CƠ QUAN');
    // Another agency may not print it.
    expect((await team.request('GET', `/api/v1/campaigns/reports/${id}/document.pdf`)).statusCode).toBe(404);
    const audit = await t.testDb.database.query<{ action: string }>(
      `select action from audit_log where entity_id = $1 order by id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'campaign_report.save',
      'campaign_report.attach',
      'campaign_report.submit',
      'campaign_report.request_correction',
      'campaign_report.save',
      'campaign_report.resubmit',
      'campaign_report.accept',
    ]);
  });

  it('keeps agencies to their own reports; the Department sees all', async () => {
    const all = (await dept.get(`/api/v1/campaigns/plans/${planId}/reports?${Q4}`)).json().items as Item[];
    expect(all.length).toBe(41);
    const other = all.find((i) => i.reportId && i.agencyName !== 'Ủy ban nhân dân thành phố Tân An')!;
    expect((await lead.get(`/api/v1/campaigns/reports/${other.reportId}`)).statusCode).toBe(404);
    expect((await form(lead, `${Q4}&agencyId=${other.agencyId}`)).statusCode).toBe(403);
    expect((await save(lead, { version: 0, agencyId: other.agencyId, figures: {} })).statusCode).toBe(403);
    const mine = (await lead.get(`/api/v1/campaigns/plans/${planId}/reports?${Q4}`)).json().items as Item[];
    expect(mine.map((i) => i.agencyName)).toEqual(['Ủy ban nhân dân thành phố Tân An']);
    // A closed quarter takes no report.
    const closed = await save(lead, { year: 2026, quarter: 3, version: 0, figures: {} });
    expect(closed.json().code).toBe('campaign_quarter_not_open');
  });

  it('counts late and missing reports, and exports figures that match the reports', async () => {
    const q3 = (await dept.get(`/api/v1/campaigns/plans/${planId}/summary.json?year=2026&quarter=3`)).json();
    const list3 = (await dept.get(`/api/v1/campaigns/plans/${planId}/reports?year=2026&quarter=3`)).json()
      .items as Item[];
    expect(q3.counts.missing).toBe(list3.filter((i) => i.status === 'missing').length);
    expect(q3.counts.missing).toBeGreaterThan(0);
    expect(q3.counts.late).toBe(list3.filter((i) => i.late).length);

    // Independent sum of banners hung over the quarter's submitted and accepted reports.
    const list = (await dept.get(`/api/v1/campaigns/plans/${planId}/reports?${Q4}`)).json().items as Item[];
    let banners = 0;
    for (const item of list.filter((i) => ['submitted', 'accepted'].includes(i.status))) {
      const r = (await dept.get(`/api/v1/campaigns/reports/${item.reportId}`)).json();
      for (const task of r.tasks)
        for (const m of task.measures) if (m.code === 'banners_hung') banners += m.value ?? 0;
    }
    expect(banners).toBeGreaterThan(40);
    const s = (await dept.get(`/api/v1/campaigns/plans/${planId}/summary.json?${Q4}`)).json();
    expect(s.measures.find((m: { code: string }) => m.code === 'banners_hung').total).toBe(banners);
    expect(
      s.districts.reduce((n: number, d: { values: Record<string, number> }) => n + d.values.banners_hung!, 0),
    ).toBe(banners);

    const csv = await dept.get(`/api/v1/campaigns/plans/${planId}/summary.csv?${Q4}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const line = csv.body.split('\r\n').find((l) => l.startsWith('banners_hung,'))!;
    expect(line.split(',').at(-1)).toBe(String(banners));

    const xlsx = await dept.request('GET', `/api/v1/campaigns/plans/${planId}/summary.xlsx?${Q4}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Chỉ tiêu')!;
    let cell: unknown;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'banners_hung') cell = row.getCell(6).value;
    });
    expect(cell).toBe(banners);
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('Tổng hợp Quý IV/2026');

    const html = await dept.get(`/api/v1/campaigns/plans/${planId}/summary.html?${Q4}`);
    expect(html.body).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html.body).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(html.body).toContain('Kết quả triển khai tuyên truyền');

    // The official report as a PDF, converted to text: motto, number/date line, figures, agency names.
    const pdf = await dept.request('GET', `/api/v1/campaigns/plans/${planId}/summary.pdf?${Q4}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfToText(pdf.rawPayload)).replace(/[ \t]+/g, ' ');
    expect(text).toContain('UBND TỈNH LONG AN');
    expect(text).toContain('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toMatch(/Số: \/BC-STTTT/);
    expect(text).toMatch(/Long An, ngày 29 tháng 11 năm 2026/);
    expect(text).toContain('Kính gửi: Ban Chỉ đạo Chuyển đổi số tỉnh.');
    expect(text).toContain(`Quý IV/2026 theo 310/KH-UBND`);
    const bannersLine = text.split('\n').find((l) => l.includes('Phướn “Long An Số”'))!;
    expect(bannersLine.trim().split(' ').at(-1)).toBe(banners.toLocaleString('vi-VN'));
    expect(text).toContain('Thành phố Tân An');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('GIÁM ĐỐC');
    expect(text).toContain(`Các đơn vị chưa báo cáo: `);
    expect(text).toContain('Ủy ban nhân dân huyện');

    const map = (await dept.get('/api/v1/campaigns/district-boundaries')).json();
    expect(map.boundaries.features).toHaveLength(15);
    expect((await lead.get('/api/v1/campaigns/district-boundaries')).statusCode).toBe(403);
    // Only the Department aggregates.
    expect((await lead.get(`/api/v1/campaigns/plans/${planId}/summary.json?${Q4}`)).statusCode).toBe(403);
  });

  it('adds community team records to the district’s figures and targets', async () => {
    const before = (await dept.get(`/api/v1/campaigns/plans/${planId}/summary.json?${Q4}`)).json();
    const mine = (await team.get('/api/v1/campaigns/activities')).json();
    const commune = mine.team.unitCode as string;
    const activity = {
      clientKey: 'device-1:0001',
      unitCode: commune,
      activityOn: '2026-11-28',
      place: 'Nhà văn hóa khu phố 2',
      householdsGuided: 17,
      peopleGuided: 30,
      installsHelped: 23,
    };
    expect((await team.post('/api/v1/campaigns/activities', activity)).statusCode).toBe(201);
    expect((await team.post('/api/v1/campaigns/activities', activity)).statusCode).toBe(200);
    expect(
      (
        await team.post('/api/v1/campaigns/activities', {
          ...activity,
          clientKey: 'device-1:0002',
          unitCode: '27694',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await team.post('/api/v1/campaigns/activities', {
          ...activity,
          clientKey: 'device-1:0003',
          activityOn: '2026-12-30',
        })
      ).json().code,
    ).toBe('campaign_date_in_future');
    const after = (await dept.get(`/api/v1/campaigns/plans/${planId}/summary.json?${Q4}`)).json();
    const total = (s: typeof before, code: string) =>
      s.measures.find((m: { code: string }) => m.code === code).total;
    expect(total(after, 'households_guided') - total(before, 'households_guided')).toBe(17);
    expect(total(after, 'apps_installed') - total(before, 'apps_installed')).toBe(23);
    const tgt = (s: typeof before) => s.targets.find((x: { unitCode: string }) => x.unitCode === '794');
    expect(tgt(after).actual - tgt(before).actual).toBe(23);
  });

  it('reminds agencies before the due date and marks late and missing reports after it', async () => {
    const deps = {
      ...t.app.feedbackDeps,
      storage: null,
      notifier: t.app.channels.notifier,
    } as unknown as CampaignsDeps;
    // Contacts: one agency that has not reported gets mail at its own address and at its report lead's;
    // Tân An's lead has an address too, but Tân An has reported.
    const before = (await dept.get(`/api/v1/campaigns/plans/${planId}/reports?${Q4}`)).json().items as Item[];
    const silent = before.find((i) => i.status === 'not_started')!;
    const db = t.testDb.database;
    await db.query(`update agencies set email = $1 where id = $2`, [
      'VanThu.Huyen@LongAn.gov.vn',
      silent.agencyId,
    ]);
    // Account emails are encrypted with a blind index (raw SQL gets the stored forms).
    const staffEmail = (address: string) => {
      const sealed = sealedEmail(address);
      return [sealed.email!.stored, sealed.emailHash];
    };
    const [u] = await db.query<{ id: string }>(
      `insert into users (kind, username, email, email_hash, full_name) values ('staff', 'truongphong', $1, $2, 'Lê Thị Trưởng Phòng') returning id`,
      staffEmail('truongphong@longan.gov.vn'),
    );
    await db.query(`insert into role_assignments (user_id, role, agency_id) values ($1, 'agency_lead', $2)`, [
      u!.id,
      silent.agencyId,
    ]);
    await db.query(
      `update users set email = $1, email_hash = $2 where username = 'lanhdao'`,
      staffEmail('lanhdao@longan.gov.vn'),
    );
    const mailsTo = (address: string, word: string) =>
      sink.received.filter((m) => m.envelopeTo.includes(address) && m.parsed.subject?.includes(word));
    // Moving the clock days ahead ends the 8-hour staff sessions: sign in again.
    const travel = async (iso: string) => {
      clock = new Date(iso);
      await dept.signIn('so', TEST_DEMO_PASSWORD);
      await lead.signIn('lanhdao', TEST_DEMO_PASSWORD);
    };
    await travel('2026-12-10T03:00:00Z');
    expect(await remindReports(deps)).toBe('done');
    expect(await remindReports(deps)).toBe('skipped');
    // One Vietnamese mail (text + HTML) to each address of the agency, none to an agency that reported.
    const reminder = await sink.waitFor((m) => m.envelopeTo.includes('vanthu.huyen@longan.gov.vn'));
    expect(reminder.parsed.subject).toBe('[310/KH-UBND] Nhắc hạn gửi báo cáo Quý IV/2026 (hạn 15/12/2026)');
    expect(reminder.parsed.text).toContain(`Kính gửi: ${silent.agencyName}.`);
    expect(reminder.parsed.text).toContain('cần gửi về Sở trước ngày 15/12/2026');
    expect(reminder.parsed.text).toContain('/console/campaigns');
    expect(reminder.parsed.html).toContain('Sở Thông tin và Truyền thông nhắc');
    expect(reminder.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    // The campaign footer: what the reminder is and where to file; not the reporter's note about a code.
    expect(reminder.parsed.text).toContain(
      'Sở Thông tin và Truyền thông tỉnh Long An — thư tự động nhắc hạn báo cáo kết quả thực hiện kế hoạch',
    );
    expect(reminder.parsed.text).toMatch(
      /Nhập và gửi báo cáo trong bàn làm việc: http\S+\/console\/campaigns\./,
    );
    expect(reminder.parsed.text).toContain("automatic reminder about a plan's quarterly report");
    expect(reminder.parsed.text).not.toContain('giữ nguyên mã');
    expect(reminder.parsed.html).toContain('thư tự động nhắc hạn báo cáo');
    expect(mailsTo('vanthu.huyen@longan.gov.vn', 'Nhắc hạn')).toHaveLength(1);
    expect(mailsTo('truongphong@longan.gov.vn', 'Nhắc hạn')).toHaveLength(1);
    expect(sink.received.filter((m) => m.envelopeTo.includes('lanhdao@longan.gov.vn'))).toHaveLength(0);
    const notices = (await dept.get('/api/v1/campaigns/notices')).json().items as { kind: string }[];
    const list = (await dept.get(`/api/v1/campaigns/plans/${planId}/reports?${Q4}`)).json().items as Item[];
    const unsent = list.filter((i) => !['submitted', 'accepted'].includes(i.status)).length;
    expect(notices.filter((n) => n.kind === 'due_soon')).toHaveLength(unsent);
    // Tân An has sent its report: no reminder for it.
    expect((await lead.get('/api/v1/campaigns/notices')).json().items).toHaveLength(0);

    await travel('2026-12-20T03:00:00Z');
    const draft = list.find((i) => i.status === 'draft')!;
    const r = (await dept.get(`/api/v1/campaigns/reports/${draft.reportId}`)).json();
    const late = await dept.post(`/api/v1/campaigns/reports/${r.id}/submit`, { version: r.version });
    expect(late.json()).toMatchObject({ status: 'submitted', late: true });
    const afterDue = (await dept.get(`/api/v1/campaigns/plans/${planId}/reports?${Q4}`)).json()
      .items as Item[];
    expect(afterDue.find((i) => i.agencyId === draft.agencyId)!.late).toBe(true);
    expect(afterDue.filter((i) => i.status === 'missing').length).toBe(
      list.filter(
        (i) =>
          ['not_started', 'missing'].includes(i.status) ||
          (i.status === 'draft' && i.agencyId !== draft.agencyId),
      ).length,
    );
    expect(await remindReports(deps)).toBe('done');
    expect(await remindReports(deps)).toBe('skipped');
    expect(
      ((await dept.get('/api/v1/campaigns/notices')).json().items as { kind: string }[]).some(
        (n) => n.kind === 'overdue',
      ),
    ).toBe(true);
    const overdue = await sink.waitFor(
      (m) => m.envelopeTo.includes('truongphong@longan.gov.vn') && !!m.parsed.subject?.includes('Quá hạn'),
    );
    expect(overdue.parsed.subject).toBe('[310/KH-UBND] Quá hạn: chưa nhận được báo cáo Quý IV/2026');
    expect(overdue.parsed.text).toContain('Đề nghị đơn vị khẩn trương gửi báo cáo.');
    expect(mailsTo('vanthu.huyen@longan.gov.vn', 'Quá hạn')).toHaveLength(1);
    expect(mailsTo('truongphong@longan.gov.vn', 'Quá hạn')).toHaveLength(1);
  });
  it('lets the Department edit plans, tasks, measures and targets, refusing edits that orphan figures', async () => {
    const plan881 = {
      number: '881/KH-UBND',
      title: 'Kế hoạch chuyển đổi số năm 2027',
      issuingBody: 'Ủy ban nhân dân tỉnh Long An',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
    };
    expect((await lead.post('/api/v1/campaigns/plans', plan881)).statusCode).toBe(403);
    const created = await dept.post('/api/v1/campaigns/plans', plan881);
    expect(created.statusCode).toBe(201);
    const id881 = created.json().id as string;
    expect((await dept.post('/api/v1/campaigns/plans', plan881)).json().code).toBe(
      'campaign_plan_number_taken',
    );
    expect(
      (
        await dept.post('/api/v1/campaigns/plans', {
          ...plan881,
          number: '882/KH-UBND',
          endsOn: '2026-01-01',
        })
      ).json().code,
    ).toBe('campaign_plan_dates');

    const task = {
      version: 1,
      title: 'Tuyên truyền trên báo, đài',
      description: 'Đăng tin, bài trong chuyên mục “Chuyển đổi số”.',
      assigneeGroup: 'press',
      materials: [{ title: 'Bộ nhận diện Long An Số', url: '/chuyen-doi-so/tai-lieu/bo-nhan-dien' }],
      measures: [
        { code: 'articles', name: 'Tin, bài trong chuyên mục', unit: 'tin, bài' },
        { code: 'tv_spots', name: 'Phóng sự truyền hình', unit: 'phóng sự', minimum: 1 },
      ],
    };
    const added = await dept.post(`/api/v1/campaigns/plans/${id881}/tasks`, task);
    expect(added.statusCode).toBe(201);
    expect(added.json().version).toBe(2);
    const taskId = added.json().id as string;
    // A stale version is a conflict, never a lost update.
    expect((await dept.post(`/api/v1/campaigns/plans/${id881}/tasks`, task)).statusCode).toBe(409);
    const edited = await dept.request('PUT', `/api/v1/campaigns/plans/${id881}/tasks/${taskId}`, {
      ...task,
      version: 2,
      measures: [
        { code: 'articles', name: 'Tin, bài trong chuyên mục “Chuyển đổi số”', unit: 'tin, bài' },
        { code: 'radio', name: 'Lượt phát thanh', unit: 'lượt', aggregation: 'sum' },
      ],
    });
    expect(edited.json()).toMatchObject({ version: 3 });
    const targets = await dept.request('PUT', `/api/v1/campaigns/plans/${id881}/targets`, {
      version: 3,
      targets: [
        {
          measureCode: 'articles',
          unitCode: '794',
          targetPercent: 80,
          baseValue: 100,
          baseLabel: 'Tin, bài kế hoạch',
          dueOn: '2027-06-30',
        },
      ],
    });
    expect(targets.json()).toMatchObject({ version: 4 });
    expect(
      (
        await dept.request('PUT', `/api/v1/campaigns/plans/${id881}/targets`, {
          version: 4,
          targets: [
            {
              measureCode: 'articles',
              unitCode: '27694',
              targetPercent: 80,
              baseValue: 1,
              baseLabel: 'Một xã',
              dueOn: '2027-06-30',
            },
          ],
        })
      ).json().code,
    ).toBe('campaign_target_invalid');
    const shown = (await dept.get(`/api/v1/campaigns/plans/${id881}`)).json();
    expect(shown.version).toBe(4);
    expect(shown.tasks[0].measures.map((m: { code: string }) => m.code)).toEqual(['articles', 'radio']);
    expect(shown.tasks[0].assignees.map((a: { name: string }) => a.name)).toContain('Báo Long An');
    expect(shown.targets).toHaveLength(1);
    expect(
      (await dept.request('DELETE', `/api/v1/campaigns/plans/${id881}/tasks/${taskId}?version=4`)).json(),
    ).toEqual({
      version: 5,
    });

    // Plan 310 has reported figures: removing or reassigning what they belong to is refused.
    const p310 = (await dept.get(`/api/v1/campaigns/plans/${planId}`)).json();
    const district = p310.tasks.find((x: { measures: { code: string }[] }) =>
      x.measures.some((m) => m.code === 'banners_hung'),
    );
    const asBody = (x: typeof district, changes: Record<string, unknown>) => ({
      version: p310.version,
      title: x.title,
      description: x.description,
      assigneeGroup: x.assigneeGroup,
      materials: x.materials,
      measures: x.measures.map((m: Record<string, unknown>) => ({
        code: m.code,
        name: m.name,
        unit: m.unit,
        aggregation: m.aggregation,
        minimum: m.minimum,
        communitySource: m.communitySource,
      })),
      ...changes,
    });
    const url = `/api/v1/campaigns/plans/${planId}/tasks/${district.id}`;
    const dropBanners = await dept.request(
      'PUT',
      url,
      asBody(district, {
        measures: asBody(district, {}).measures.filter((m: { code: string }) => m.code !== 'banners_hung'),
      }),
    );
    expect(dropBanners.statusCode).toBe(409);
    expect(dropBanners.json().code).toBe('campaign_measure_has_figures');
    expect(dropBanners.json().detail).toContain('Phướn “Long An Số”');
    expect((await dept.request('PUT', url, asBody(district, { assigneeGroup: 'press' }))).json().code).toBe(
      'campaign_edit_orphans_figures',
    );
    expect((await dept.request('DELETE', `${url}?version=${p310.version}`)).json().code).toBe(
      'campaign_measure_has_figures',
    );
    const shorten = await dept.request('PUT', `/api/v1/campaigns/plans/${planId}`, {
      version: p310.version,
      number: p310.number,
      title: p310.title,
      issuingBody: p310.issuingBody,
      startsOn: '2026-10-01',
      endsOn: p310.endsOn,
    });
    expect(shorten.json().code).toBe('campaign_edit_orphans_reports');
    // A plain edit (the reminder window) goes through and moves the version.
    const window = await dept.request('PUT', `/api/v1/campaigns/plans/${planId}`, {
      version: p310.version,
      number: p310.number,
      title: p310.title,
      issuingBody: p310.issuingBody,
      issuedOn: p310.issuedOn,
      startsOn: p310.startsOn,
      endsOn: p310.endsOn,
      dueDay: p310.dueDay,
      remindDaysBefore: 7,
    });
    expect(window.json()).toMatchObject({ version: p310.version + 1 });
    expect((await dept.get(`/api/v1/campaigns/plans/${planId}`)).json().remindDaysBefore).toBe(7);
    const audit = await t.testDb.database.query<{ action: string }>(
      `select action from audit_log where entity_id in ($1, $2) order by id`,
      [id881, planId],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'campaign_plan.create',
      'campaign_plan.task_add',
      'campaign_plan.task_update',
      'campaign_plan.targets',
      'campaign_plan.task_remove',
      'campaign_plan.update',
    ]);
  });
  it('counts anonymous app installs and store figures by district against smartphone users', async () => {
    await team.signIn('tocongnghe', TEST_DEMO_PASSWORD);
    const commune = (await team.get('/api/v1/campaigns/activities')).json().team.unitCode as string;
    const anon = new TestClient(t.app);
    const install = (installId: string, unitCode: string) =>
      anon.post('/api/v1/public/app-installs', { installId, unitCode });
    const before = (await dept.get(`/api/v1/campaigns/plans/${planId}/summary.json?${Q4}`)).json();
    const row = (s: typeof before) => s.adoption.rows.find((r: { unitCode: string }) => r.unitCode === '794');
    expect((await install('device0000000000000001', commune)).statusCode).toBe(200);
    expect((await install('device0000000000000002', '794')).statusCode).toBe(200);
    // The same device again (area chosen again): still one install.
    expect((await install('device0000000000000001', commune)).statusCode).toBe(200);
    expect((await install('device0000000000000003', '99999')).json().code).toBe('unknown_unit');
    expect((await install('short', '794')).statusCode).toBe(400);
    const { rows } = await t.app.database.executeSql('select * from app_installs');
    expect(JSON.stringify(rows)).not.toContain('device0000000000000001');

    const store = {
      month: '2026-11',
      store: 'google_play',
      rows: [{ unitCode: '794', installs: 5000, activeUsers: 3100 }],
    };
    expect((await lead.request('PUT', '/api/v1/campaigns/store-figures', store)).statusCode).toBe(403);
    expect(
      (
        await dept.request('PUT', '/api/v1/campaigns/store-figures', {
          ...store,
          rows: [{ unitCode: '794', installs: 10, activeUsers: 11 }],
        })
      ).json().code,
    ).toBe('campaign_adoption_invalid');
    expect(
      (
        await dept.request('PUT', '/api/v1/campaigns/store-figures', {
          ...store,
          rows: [{ unitCode: commune, installs: 10, activeUsers: 1 }],
        })
      ).json().code,
    ).toBe('campaign_adoption_invalid');
    expect((await dept.request('PUT', '/api/v1/campaigns/store-figures', store)).json()).toEqual({
      saved: 1,
    });
    expect(
      (
        await dept.request('PUT', '/api/v1/campaigns/store-figures', {
          ...store,
          store: 'app_store',
          rows: [{ unitCode: '794', installs: 1200, activeUsers: 700 }],
        })
      ).statusCode,
    ).toBe(200);

    const after = (await dept.get(`/api/v1/campaigns/plans/${planId}/summary.json?${Q4}`)).json();
    const r = row(after);
    expect(r.appInstalls - row(before).appInstalls).toBe(2);
    expect(r.appActive30 - row(before).appActive30).toBe(2);
    expect(r.storeInstalls).toBe(6200);
    expect(r.storeActive).toBe(3800);
    expect(r.smartphoneUsers).toBeGreaterThan(0);
    expect(r.percent).toBe(Math.round((6200 / r.smartphoneUsers) * 1000) / 10);

    const xlsx = await dept.request('GET', `/api/v1/campaigns/plans/${planId}/summary.xlsx?${Q4}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Ứng dụng')!;
    let found: unknown[] = [];
    sheet.eachRow((x) => {
      if (x.getCell(1).value === 'Thành phố Tân An') found = (x.values as unknown[]).slice(1);
    });
    expect(found.slice(1, 5)).toEqual([r.smartphoneUsers, 6200, 3800, r.appInstalls]);
    const pdf = await dept.request('GET', `/api/v1/campaigns/plans/${planId}/summary.pdf?${Q4}`);
    const text = (await pdfToText(pdf.rawPayload)).replace(/[ \t]+/g, ' ');
    expect(text).toContain('IV. NGƯỜI DÙNG ỨNG DỤNG');
    expect(text).toMatch(new RegExp(`Thành phố Tân An [\\d.]+ 6\\.200 / ${r.appInstalls}`));
    // The public endpoint is rate-limited: 10 a minute per client (× RATE_LIMIT_SCALE=20 in tests).
    let limited = 0;
    let k = 0;
    for (; k < 215 && !limited; k++) {
      const res = await install(`flood${String(k).padStart(16, '0')}`, '794');
      if (res.statusCode === 429) limited = k;
    }
    expect(limited).toBeGreaterThan(150);
    expect(limited).toBeLessThanOrEqual(200);
  });

  it('keeps community team lists; a field record names the member', async () => {
    const mine = (await team.get('/api/v1/campaigns/activities')).json();
    const teamId = mine.team.id as string;
    const list = (await team.get(`/api/v1/campaigns/teams/${teamId}/members`)).json();
    expect(list.canManage).toBe(true);
    expect(list.items.map((m: { fullName: string }) => m.fullName)).toEqual([
      'Đặng Thị Cộng Đồng',
      'Nguyễn Văn Tình Nguyện',
      'Trần Thị Đoàn Viên',
    ]);
    const added = await team.post(`/api/v1/campaigns/teams/${teamId}/members`, {
      fullName: 'Lê Văn Thanh Niên',
      phone: '0987654321',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().phone).toBe('0987654321');
    // Volunteers' phones are encrypted at rest (the seeded one too).
    const phones = await t.testDb.database.query<{ phone: string }>(
      `select phone from community_team_members where phone is not null`,
    );
    expect(phones).toHaveLength(2);
    expect(JSON.stringify(phones)).not.toMatch(/987654321|912000111/);
    expect(phones.every((r) => r.phone.startsWith('ts1.'))).toBe(true);
    expect((await lead.get(`/api/v1/campaigns/teams/${teamId}/members`)).statusCode).toBe(403);
    expect(
      (await lead.post(`/api/v1/campaigns/teams/${teamId}/members`, { fullName: 'Người ngoài' })).statusCode,
    ).toBe(403);
    const teams = (await dept.get('/api/v1/campaigns/teams')).json().items as {
      agencyId: string;
      members: number;
    }[];
    expect(teams.find((x) => x.agencyId === teamId)!.members).toBe(4);

    const record = (clientKey: string, memberId?: string) =>
      team.post('/api/v1/campaigns/activities', {
        clientKey,
        unitCode: mine.team.unitCode,
        activityOn: '2026-11-28',
        place: 'Chợ xã',
        householdsGuided: 5,
        peopleGuided: 9,
        installsHelped: 7,
        ...(memberId ? { memberId } : {}),
      });
    const byVolunteer = await record('device-2:0001', added.json().id);
    expect(byVolunteer.statusCode).toBe(201);
    expect(byVolunteer.json().activity.memberId).toBe(added.json().id);
    // Without a member named, the record is the recording person's own.
    const lead1 = list.items[0];
    expect((await record('device-2:0002')).json().activity.memberId).toBe(lead1.id);
    // A member who left the team cannot be named any more.
    const left = await team.request('PUT', `/api/v1/campaigns/teams/${teamId}/members/${added.json().id}`, {
      fullName: 'Lê Văn Thanh Niên',
      active: false,
    });
    expect(left.json().active).toBe(false);
    expect((await record('device-2:0003', added.json().id)).json().code).toBe('campaign_member_invalid');
  });
});
