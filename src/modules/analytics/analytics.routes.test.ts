import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import { refreshRollups } from './analytics.repository.js';

// The fixture lives in March 2026 (a controllable clock); the demo seed's reports are in the last 3 weeks
// of real time, so a March 2026 period holds only these reports.
const T0 = Date.parse('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
const HOUR = 3600_000;
let clock = new Date(T0);
let t: TestApp;
const TAN_AN = { lat: 10.5359, lon: 106.4107 }; // district 794
const KIEN_TUONG = { lat: 10.80374, lon: 105.91153 }; // district 795
const PHONE = '0909123456';
let tanAnId = '';
let kienTuongId = '';
const ids: Record<string, { id: string; trackingCode: string }> = {};

async function as(login: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.signIn(login, TEST_DEMO_PASSWORD);
  return c;
}

async function submit(name: string, category: string, location: { lat: number; lon: number }) {
  const res = await new TestClient(t.app).post('/api/v1/reports', {
    categoryCode: category,
    title: `Phản ánh thử nghiệm ${name}`,
    body: 'Nội dung phản ánh dùng để kiểm tra số liệu thống kê của Trung tâm điều hành.',
    location,
    reporter: { phone: PHONE },
    consent: true,
  });
  expect(res.statusCode).toBe(201);
  ids[name] = res.json();
}

async function move(client: TestClient, name: string, body: Record<string, unknown>) {
  const id = ids[name]!.id;
  const current = (await client.get(`/api/v1/reports/${id}`)).json().report;
  const res = await client.post(`/api/v1/reports/${id}/transitions`, { version: current.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
}

async function rate(name: string, satisfied: boolean) {
  const res = await new TestClient(t.app).post(`/api/v1/public/reports/${ids[name]!.trackingCode}/rating`, {
    contact: PHONE,
    satisfied,
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
}

const at = (hours: number) => {
  clock = new Date(T0 + hours * HOUR);
};

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const ioc0 = await as('ioc');
  const agencies = (await ioc0.get('/api/v1/agencies')).json().items as { id: string; code: string }[];
  tanAnId = agencies.find((a) => a.code === 'ubnd-thanh-pho-tan-an-794')!.id;
  kienTuongId = agencies.find((a) => a.code === 'ubnd-thi-xa-kien-tuong-795')!.id;

  at(0);
  await submit('R1', 'giao_thong_ha_tang', TAN_AN);
  at(1);
  for (const n of ['R2', 'R5', 'R7']) await submit(n, 'chieu_sang', TAN_AN);
  for (const n of ['R3', 'R4']) await submit(n, 'giao_thong_ha_tang', TAN_AN);
  await submit('R6', 'giao_thong_ha_tang', KIEN_TUONG);
  at(1.5);
  let ioc = await as('ioc');
  await move(ioc, 'R3', { action: 'reject', reason: 'spam' });
  at(2);
  for (const n of ['R1', 'R2', 'R5', 'R6', 'R7']) await move(ioc, n, { action: 'accept' });
  for (const n of ['R1', 'R2', 'R5', 'R7']) await move(ioc, n, { action: 'assign', agencyId: tanAnId });
  await move(ioc, 'R6', { action: 'assign', agencyId: kienTuongId });
  at(3);
  let canbo = await as('canbo');
  for (const n of ['R1', 'R2', 'R7']) await move(canbo, n, { action: 'start' });
  await move(canbo, 'R5', { action: 'return_to_ioc', note: 'Không thuộc thẩm quyền của thành phố.' });
  await move(canbo, 'R7', {
    action: 'request_extension',
    extensionDays: 20,
    note: 'Cần khảo sát hiện trường.',
  });
  await move(ioc, 'R7', { action: 'grant_extension' });
  at(26);
  canbo = await as('canbo');
  await move(canbo, 'R1', { action: 'submit_answer', answer: 'Đã vá ổ gà, hoàn trả mặt đường.' });
  let lead = await as('lanhdao');
  await move(lead, 'R1', { action: 'approve_answer' });
  ioc = await as('ioc');
  await move(ioc, 'R1', { action: 'publish' });
  await rate('R1', true);
  // A first look at the figures mid-way, so that the later reads go through the incremental refresh.
  expect((await ioc.get('/api/v1/analytics/dashboard?from=2026-03-01&to=2026-03-31')).statusCode).toBe(200);

  at(30 * 24);
  canbo = await as('canbo');
  await move(canbo, 'R2', { action: 'submit_answer', answer: 'Đã thay bóng đèn.' });
  await move(canbo, 'R7', { action: 'submit_answer', answer: 'Đã sửa đường dây.' });
  lead = await as('lanhdao');
  await move(lead, 'R2', { action: 'approve_answer' });
  ioc = await as('ioc');
  await move(ioc, 'R2', { action: 'publish' });
  await rate('R2', false); // reopens the report
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe(`analytics over HTTP (${TEST_ENGINE})`, () => {
  it('gives the IOC the figures computed by hand from the fixture, from the monthly and the daily rollups', async () => {
    const ioc = await as('ioc');
    for (const [from, to] of [
      ['2026-03-01', '2026-03-31'],
      ['2026-03-02', '2026-03-02'],
    ]) {
      const res = await ioc.get(`/api/v1/analytics/dashboard?from=${from}&to=${to}`);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d.totals).toEqual({
        received: 7,
        inProgress: 5, // R2 reopened, R4 received, R5 returned, R6 assigned, R7 answered (awaiting the lead)
        overdueOpen: 4, // all but R7, whose extended deadline is still ahead
        rejected: 1,
        merged: 0,
        answered: 3,
        onTime: 1,
        late: 1,
        lateWithExtension: 1,
        onTimeRate: 0.3333,
        onTimeRateWithExtension: 0.6667,
        rated: 2,
        satisfied: 1,
        satisfactionRate: 0.5,
        // first actions 0.5, 1, 1, 1, 1, 2 h → buckets [0,1):1 [1,2):4 [2,4):1 → 1 + (3 − 1) / 4
        medianFirstActionHours: 1.5,
        // answers 26 h, 719 h, 719 h → [24,48):1 [360,720):2 → 360 + (1.5 − 1) / 2 × 360
        medianAnswerHours: 450,
      });
      expect(d.byArea.map((a: { key: string; received: number }) => [a.key, a.received])).toEqual([
        ['794', 6],
        ['795', 1],
      ]);
      expect(d.byChannel.map((a: { key: string; received: number }) => [a.key, a.received])).toEqual([
        ['web', 7],
      ]);
      const byCat = Object.fromEntries(
        d.byCategory.map((c: { key: string; received: number }) => [c.key, c.received]),
      );
      expect(byCat).toEqual({ giao_thong_ha_tang: 4, chieu_sang: 3 });
      const agency = Object.fromEntries(
        d.byAgency.map((c: { key: string | null; received: number }) => [c.key, c.received]),
      );
      expect(agency).toEqual({ [tanAnId]: 4, [kienTuongId]: 1, null: 2 });
    }
    const d = (await ioc.get('/api/v1/analytics/dashboard?from=2026-03-01&to=2026-03-31&unit=795')).json();
    expect(d.totals.received).toBe(1);
    const cat = (
      await ioc.get('/api/v1/analytics/dashboard?from=2026-03-01&to=2026-03-31&category=chieu_sang')
    ).json();
    expect([cat.totals.received, cat.totals.answered, cat.totals.lateWithExtension]).toEqual([3, 2, 1]);
  });

  it('counts the backlog by age now, whatever the period', async () => {
    const ioc = await as('ioc');
    const d = (await ioc.get('/api/v1/analytics/dashboard?from=2026-03-31&to=2026-03-31')).json();
    expect(d.totals.received).toBe(0);
    const backlog = Object.fromEntries(
      d.backlog.map((b: { bucket: string; open: number; overdue: number }) => [
        b.bucket,
        [b.open, b.overdue],
      ]),
    );
    // Received on 2 March, the clock is on 1 April: 30 days old.
    expect(backlog['16-30']).toEqual([5, 4]);
  });

  it('ranks agencies with their returned reports, and limits an agency lead to their agency', async () => {
    const ioc = await as('ioc');
    const ranking = (await ioc.get('/api/v1/analytics/agencies?from=2026-03-01&to=2026-03-31')).json();
    const pick = (r: { items: Record<string, unknown>[] }) =>
      r.items.map((i) => [i.agencyId, i.rank, i.received, i.onTimeRate, i.satisfactionRate, i.returned]);
    expect(pick(ranking)).toEqual([
      [tanAnId, 1, 4, 0.3333, 0.5, 1],
      [kienTuongId, 2, 1, null, null, 0],
    ]);
    const tanAnTrend = ranking.items[0].trend as { month: string; received: number }[];
    expect(tanAnTrend.find((m) => m.month === '2026-03')?.received).toBe(4);

    const lead = await as('lanhdao');
    const own = (await lead.get('/api/v1/analytics/agencies?from=2026-03-01&to=2026-03-31')).json();
    expect(pick(own)).toEqual([[tanAnId, 1, 4, 0.3333, 0.5, 1]]);
    const d = (await lead.get('/api/v1/analytics/dashboard?from=2026-03-01&to=2026-03-31')).json();
    expect([d.totals.received, d.totals.inProgress, d.totals.overdueOpen, d.totals.answered]).toEqual([
      4, 3, 2, 3,
    ]);
    expect(d.totals.medianFirstActionHours).toBe(1.7); // 1, 1, 1, 2 h → 1 + 2 / 3
    expect(d.byArea.map((a: { key: string }) => a.key)).toEqual(['794']);

    expect((await lead.get(`/api/v1/analytics/agencies/${kienTuongId}`)).statusCode).toBe(403);
    const page = await lead.get(`/api/v1/analytics/agencies/${tanAnId}?from=2026-03-01&to=2026-03-31`);
    expect(page.statusCode).toBe(200);
    expect(page.json().dashboard.totals.received).toBe(4);
    expect(page.json().figures.returned).toBe(1);
    const other = (
      await ioc.get(`/api/v1/analytics/agencies/${kienTuongId}?from=2026-03-01&to=2026-03-31`)
    ).json();
    expect(other.dashboard.totals.received).toBe(1);
  });

  it('refuses people without analytics.read', async () => {
    for (const login of ['tongdai', 'canbo', 'bientap']) {
      const c = await as(login);
      expect((await c.get('/api/v1/analytics/dashboard')).statusCode).toBe(403);
      expect((await c.get('/api/v1/analytics/agencies')).statusCode).toBe(403);
    }
    expect((await new TestClient(t.app).get('/api/v1/analytics/dashboard')).statusCode).toBe(401);
  });

  it('matches counts computed directly from the reports table, incrementally and after a full rebuild', async () => {
    const ioc = await as('ioc');
    const q = '/api/v1/analytics/dashboard?from=2024-01-01&to=2026-12-31&granularity=month';
    const incremental = (await ioc.get(q)).json().totals;
    const [direct] = await t.app.database.query<Record<string, number>>(
      `select count(*)::int as received,
         count(*) filter (where status in ('received','accepted','assigned','in_progress','returned','answered','approved','reopened'))::int as "inProgress",
         count(*) filter (where status = 'rejected')::int as rejected,
         count(*) filter (where answered_at is not null)::int as answered,
         count(*) filter (where timeliness = 'on_time')::int as "onTime",
         count(*) filter (where rating is not null)::int as rated,
         count(*) filter (where rating = 'satisfied')::int as satisfied
       from reports where received_at >= '2023-12-31T17:00:00Z' and received_at < '2026-12-31T17:00:00Z'`,
    );
    expect(direct!.received).toBeGreaterThan(40);
    expect(incremental).toMatchObject(direct!);
    await refreshRollups(t.app.database.db, clock, { full: true });
    expect((await ioc.get(q)).json().totals).toEqual(incremental);
  });

  it('publishes the same month on /thong-ke, in CSV and as open data, without personal data, cached', async () => {
    const ioc = await as('ioc');
    const month = (await ioc.get('/api/v1/analytics/dashboard?from=2026-03-01&to=2026-03-31')).json().totals;
    const open = await new TestClient(t.app).get('/api/v1/open-data/agencies?month=2026-03');
    expect(open.statusCode).toBe(200);
    const data = open.json();
    expect(data.province).toEqual({
      received: month.received,
      answered: month.answered,
      onTime: month.onTime,
      onTimeRate: month.onTimeRate,
      rated: month.rated,
      satisfied: month.satisfied,
      satisfactionRate: month.satisfactionRate,
    });
    expect(
      data.agencies.map((a: { agencyId: string; received: number }) => [a.agencyId, a.received]),
    ).toEqual([
      [tanAnId, 4],
      [kienTuongId, 1],
    ]);
    const monthly = (await new TestClient(t.app).get('/api/v1/open-data/monthly?month=2026-03')).json();
    expect(monthly.months.at(-1)).toMatchObject({ month: '2026-03', received: 7, answered: 3 });

    const page = await new TestClient(t.app).get('/thong-ke?thang=2026-03');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('public, max-age=300');
    const html = page.body;
    expect(html).not.toContain('<script');
    expect(html).toContain('Tháng 03/2026');
    expect(html).toContain('33,3%'); // on-time rate, Vietnamese number format
    expect(html).toContain('Ủy ban nhân dân thành phố Tân An');
    for (const secret of [PHONE, ...Object.values(ids).map((r) => r.trackingCode), 'Phản ánh thử nghiệm'])
      expect(html).not.toContain(secret);
    const again = await new TestClient(t.app).request('GET', '/thong-ke?thang=2026-03', undefined, {
      'if-none-match': String(page.headers.etag),
    });
    expect(again.statusCode).toBe(304);

    const csv = await new TestClient(t.app).get('/thong-ke.csv?thang=2026-03');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Tiếp nhận');
    expect(lines).toContain('2026-03,Toàn tỉnh,7,3,1,0.3333,2,1,0.5');
    expect(lines).toContain('2026-03,Ủy ban nhân dân thành phố Tân An,4,3,1,0.3333,2,1,0.5');
  });

  it('exports a dashboard table to CSV and XLSX with the figures on screen, and a monthly PDF in Vietnamese', async () => {
    const ioc = await as('ioc');
    const q = 'from=2026-03-01&to=2026-03-31';
    const csv = await ioc.get(`/api/v1/analytics/export?table=category&format=csv&${q}`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="thong-ke-category-.*\.csv"/);
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(rows[0]![0]).toBe('Lĩnh vực');
    const lighting = rows.find((r) => r[0] === 'Điện chiếu sáng công cộng')!;
    expect(lighting.slice(1, 8)).toEqual(['3', '3', '2', '2', '0', '1', '1']);

    const xlsx = await ioc.request('GET', `/api/v1/analytics/export?table=agency&format=xlsx&${q}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Cơ quan');
    const byName = new Map<string, unknown[]>();
    ws.eachRow((row, n) => {
      if (n > 1) byName.set(String(row.getCell(1).value), (row.values as unknown[]).slice(2));
    });
    const tanAn = byName.get('Ủy ban nhân dân thành phố Tân An')!;
    expect(tanAn.slice(0, 8)).toEqual([4, 3, 2, 3, 1, 1, 1, 0.3333]);
    expect(ws.getRow(2).getCell(9).numFmt).toBe('0.0%');

    const pdf = await ioc.request('GET', '/api/v1/analytics/monthly-report.pdf?month=2026-03');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    // The embedded font's ToUnicode maps must cover the Vietnamese letters of the title (ế ử ả).
    const text = bytes.toString('latin1');
    const cmaps: string[] = [];
    for (const m of text.matchAll(/stream\r?\n/g)) {
      const start = m.index! + m[0].length;
      const end = text.indexOf('endstream', start);
      try {
        cmaps.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
      } catch {
        // not a deflated stream
      }
    }
    const unicode = cmaps
      .filter((c) => c.includes('begincmap'))
      .join('\n')
      .toLowerCase();
    for (const ch of ['ế', 'ử', 'ả'])
      expect(unicode).toContain(`<${ch.codePointAt(0)!.toString(16).padStart(4, '0')}>`);

    const audit = await t.app.database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'analytics.exported'",
    );
    expect(audit[0]!.n).toBe(3);
    expect((await (await as('tongdai')).get(`/api/v1/analytics/export?table=area&${q}`)).statusCode).toBe(
      403,
    );
  });
});
