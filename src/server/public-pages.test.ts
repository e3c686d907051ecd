import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { TEST_ENGINE } from '../testing/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.http.inject({ method: 'GET', url });

interface Row {
  tracking_code: string;
  category_code: string;
  district: string | null;
  title: string;
}

/** The published demo reports straight from the database, to check the filters against. */
async function published(): Promise<Row[]> {
  return t.app.database.query<Row>(
    `select r.tracking_code, r.category_code, r.title,
            case when u.level = 3 then u.parent_code else u.code end as district
       from reports r left join admin_units u on u.code = r.unit_code
      where r.status in ('published','closed')`,
  );
}

describe(`published answers: filters and map (${TEST_ENGINE})`, () => {
  it('filters by category, area and words, over the API and on the server-rendered page', async () => {
    const rows = await published();
    expect(rows.length).toBeGreaterThan(2);
    const codes = (url: string) =>
      get(url).then((r) => (r.json().items as { trackingCode: string }[]).map((i) => i.trackingCode).sort());

    const category = rows[0]!.category_code;
    expect(await codes(`/api/v1/public/reports?limit=100&category=${category}`)).toEqual(
      rows
        .filter((r) => r.category_code === category)
        .map((r) => r.tracking_code)
        .sort(),
    );
    const district = rows.find((r) => r.district)!.district!;
    expect(await codes(`/api/v1/public/reports?limit=100&unit=${district}`)).toEqual(
      rows
        .filter((r) => r.district === district)
        .map((r) => r.tracking_code)
        .sort(),
    );
    // A word of the title typed without diacritics finds it.
    const word = rows[0]!.title.split(/\s+/).find((w) => w.length >= 4)!;
    const plain = word
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd');
    expect(await codes(`/api/v1/public/reports?limit=100&q=${encodeURIComponent(plain)}`)).toContain(
      rows[0]!.tracking_code,
    );
    expect(await codes('/api/v1/public/reports?limit=100&from=2999-01-01')).toEqual([]);
    expect((await get('/api/v1/public/reports?from=29-11-2026')).statusCode).toBe(400);

    const page = await get(`/phan-anh?linh-vuc=${category}`);
    expect(page.statusCode).toBe(200);
    const onPage = [...page.body.matchAll(/href="\/phan-anh\/([A-Z]+-[0-9A-Z]{4}-[0-9A-Z]{4})"/g)].map(
      (m) => m[1],
    );
    expect(new Set(onPage)).toEqual(
      new Set(rows.filter((r) => r.category_code === category).map((r) => r.tracking_code)),
    );
    expect(page.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it('draws the page’s reports on a map of the districts, without script', async () => {
    const page = await get('/phan-anh');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<figure class="answers-map"><svg[^>]*role="group"/);
    expect(page.body).not.toMatch(/<script/i);
  });

  it('answers unknown filters with a clear 400 page', async () => {
    for (const url of ['/phan-anh?linh-vuc=khong_co', '/phan-anh?khu-vuc=99999', '/phan-anh?tu=hom-qua']) {
      const res = await get(url);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
  });

  it('serves a page from the cache with its ETag (304 when unchanged) and drops it when a report changes', async () => {
    const [row] = await published();
    const first = await get(`/phan-anh/${row!.tracking_code}`);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await t.app.http.inject({
      method: 'GET',
      url: `/phan-anh/${row!.tracking_code}`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    // A change to a published report (here its title, as a moderator would fix it) shows at once once
    // the report is announced as changed.
    await t.app.database.query(`update reports set title = 'Tiêu đề đã sửa' where tracking_code = $1`, [
      row!.tracking_code,
    ]);
    await t.app.database.query(`select pg_notify('report_changes', '{"action":"note"}')`);
    let body = '';
    for (let i = 0; i < 50 && !body.includes('Tiêu đề đã sửa'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      body = (await get(`/phan-anh/${row!.tracking_code}`)).body;
    }
    expect(body).toContain('Tiêu đề đã sửa');
  });

  it('masks the phone numbers, e-mails and ID numbers a reporter wrote, on every public face', async () => {
    const sent = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'content-type': 'application/json' },
      payload: {
        categoryCode: 'giao_thong_ha_tang',
        title: 'Cột điện nghiêng sát nhà, gọi 0912 345 678',
        body: 'Cột điện trước nhà nghiêng sắp đổ. Liên hệ chị Hoa 0912.345.678 hoặc hoa.tran@example.vn, CCCD 079203012345.',
        location: { lat: 10.535912, lon: 106.410749 },
        reporter: { name: 'Trần Thị Hoa', phone: '0912345678' },
        consent: true,
      },
    });
    expect(sent.statusCode).toBe(201);
    const { trackingCode } = sent.json() as { trackingCode: string };
    await t.app.database.query(
      `update reports set status = 'published', answer = 'Điện lực đã dựng lại cột; hotline 0272 3826 123.',
         published_at = now() where tracking_code = $1`,
      [trackingCode],
    );
    const leaks = (text: string) =>
      ['345', '678', 'hoa.tran', '079203012345'].filter((x) => text.includes(x));

    const view = (await get(`/api/v1/public/reports/${trackingCode}`)).json();
    expect(view.title).toBe('Cột điện nghiêng sát nhà, gọi [số điện thoại đã ẩn]');
    expect(view.body).toBe(
      'Cột điện trước nhà nghiêng sắp đổ. Liên hệ chị Hoa [số điện thoại đã ẩn] hoặc [email đã ẩn], CCCD [số giấy tờ đã ẩn].',
    );
    // The agency's answer quotes its hotline on purpose: kept.
    expect(view.answer).toContain('0272 3826 123');
    expect(view.location).toEqual({ lat: 10.536, lon: 106.411 });
    const page = await get(`/phan-anh/${trackingCode}`);
    expect(leaks(page.body.replace('0272 3826 123', ''))).toEqual([]);
    const open311 = (await get(`/open311/v2/requests.json?service_request_id=${trackingCode}`)).json();
    expect(leaks(JSON.stringify(open311).replace('0272 3826 123', ''))).toEqual([]);
    expect(open311[0]).toMatchObject({ lat: 10.536, long: 106.411 });

    // Searching the published answers for the phone number tells nothing: it is dropped from the search.
    const codes = async (q: string) =>
      (
        (await get(`/api/v1/public/reports?limit=100&q=${encodeURIComponent(q)}`)).json().items as {
          trackingCode: string;
        }[]
      ).map((i) => i.trackingCode);
    expect(await codes('nghieng 0912345678')).toEqual(await codes('nghieng'));
    expect(await codes('nghieng')).toContain(trackingCode);
    expect(await codes('0912345678')).toEqual(await codes(''));

    // Staff still read what was sent.
    const [stored] = await t.app.database.query<{ body: string }>(
      'select body from reports where tracking_code = $1',
      [trackingCode],
    );
    expect(stored!.body).toContain('0912.345.678');
  });
});
