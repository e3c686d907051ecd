import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkResponse,
  checkXml,
  jsonSchemas,
  xmlValues,
  type ContractKind,
} from '../../../testing/georeport-contract.js';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';
import { principalOfUsername } from '../../identity/index.js';
import { createClient } from './open311-requests.js';

/**
 * Contract tests: every Open311 response, JSON and XML, checked against our own GeoReport v2 rules
 * (src/testing/georeport-contract.ts: zod schemas and XML Schemas validated by xmllint), as a third-party
 * client sees them. Rate limits at their production values (RATE_LIMIT_SCALE=1).
 */
const DEMO_KEY = 'contract-open311-key-0000000001';
let t: TestApp;
let otherKey = '';
/** A fresh key per test: each has its own write budget (30 a minute). */
let KEY = '';
const issueKey = async (name: string) => {
  const admin = await principalOfUsername(t.app.database.db, 'admin');
  return (await createClient(t.app.channels.deps, admin, { name }, { id: null, label: 'test' })).apiKey;
};

beforeAll(async () => {
  t = await createTestApp({ env: { DEMO_API_KEY: DEMO_KEY, RATE_LIMIT_SCALE: '1' } });
}, 180_000);
beforeEach(async () => {
  KEY = await issueKey('Ứng dụng thử');
  otherKey = await issueKey('Ứng dụng khác');
});
afterAll(async () => {
  await t?.close();
});

type Format = 'json' | 'xml';
const FORMATS: Format[] = ['json', 'xml'];
const get = (url: string) => t.app.http.inject({ method: 'GET', url });
const postForm = (url: string, fields: Record<string, string>) =>
  t.app.http.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: new URLSearchParams(fields).toString(),
  });
const check = async (
  res: Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>,
  format: Format,
  kind: ContractKind,
  status = 200,
) => checkResponse(await res, format, kind, status);

const TAN_AN = { lat: '10.5359', long: '106.4107' };
const request = (over: Record<string, string> = {}) => ({
  api_key: KEY,
  service_code: 'chieu_sang',
  ...TAN_AN,
  email: 'khach.hang@example.vn',
  phone: '0909123456',
  first_name: 'Lan',
  last_name: 'Trần Thị',
  description: 'Đèn đường số 12 đường Hùng Vương không sáng từ tối qua.',
  ...over,
});

/** POSTs a request in a format and reads back its id and token from that format's body. */
async function create(format: Format, fields: Record<string, string>) {
  const res = await postForm(`/open311/v2/requests.${format}`, fields);
  const data = checkResponse(res, format, 'created', 201) as { service_request_id: string; token: string }[];
  if (format === 'json') return data[0]!;
  return {
    service_request_id: xmlValues(res.body, 'service_request_id')[0]!,
    token: xmlValues(res.body, 'token')[0]!,
  };
}

describe(`Open311 contract: every response against the GeoReport v2 rules (${TEST_ENGINE})`, () => {
  it('the checks themselves refuse bodies that break the rules', () => {
    const req = (over: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<service_requests><request><service_request_id>LA-1</service_request_id><status>open</status><service_name>x</service_name><service_code>x</service_code>${over}</request></service_requests>`;
    expect(() =>
      checkXml(
        'requests',
        req(
          '<requested_datetime>2026-11-29T10:00:00Z</requested_datetime><updated_datetime>2026-11-29T10:00:00+07:00</updated_datetime>',
        ),
      ),
    ).not.toThrow();
    expect(() =>
      checkXml(
        'requests',
        req(
          '<requested_datetime>29/11/2026</requested_datetime><updated_datetime>2026-11-29T10:00:00Z</updated_datetime>',
        ),
      ),
    ).toThrow(/requested_datetime/);
    expect(() =>
      checkXml('requests', req('<requested_datetime>2026-11-29T10:00:00Z</requested_datetime>')),
    ).toThrow(/updated_datetime/);
    expect(() => checkXml('errors', '<?xml version="1.0" encoding="UTF-8"?>\n<errors></errors>')).toThrow();
    expect(() =>
      checkXml('errors', '<errors><error><code>400</code><description>x</description></error></errors>'),
    ).toThrow(/declaration/);
    expect(
      jsonSchemas.services.safeParse([
        {
          service_code: 12,
          service_name: 'x',
          description: '',
          metadata: false,
          type: 'realtime',
          keywords: '',
          group: '',
        },
      ]).success,
    ).toBe(false);
    expect(jsonSchemas.errors.safeParse({ code: 400, description: 'x' }).success).toBe(false);
  });

  it('discovery, services and service definitions (with attributes) in both formats', async () => {
    for (const f of FORMATS) {
      await check(get(`/open311/v2/discovery.${f}`), f, 'discovery');
      await check(get(`/open311/v2/services.${f}`), f, 'services');
      await check(get(`/open311/v2/services/chieu_sang.${f}`), f, 'service_definition');
      await check(get(`/open311/v2/services/cay_xanh.${f}`), f, 'service_definition');
      await check(get(`/open311/v2/services/khac.${f}`), f, 'service_definition');
      await check(get(`/open311/v2/services/khong_co.${f}`), f, 'errors', 404);
    }
    const services = (await get('/open311/v2/services.json')).json() as {
      service_code: string;
      metadata: boolean;
    }[];
    expect(services.filter((s) => s.metadata).map((s) => s.service_code)).toEqual(
      expect.arrayContaining(['chieu_sang', 'cay_xanh']),
    );
    expect(services.find((s) => s.service_code === 'khac')?.metadata).toBe(false);
    const def = (await get('/open311/v2/services/cay_xanh.json')).json();
    expect(def.attributes[0]).toMatchObject({
      code: 'loai_su_co',
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      values: expect.arrayContaining([{ key: 'nga_do', name: 'Cây ngã, đổ / Fallen tree' }]),
    });
    const xml = (await get('/open311/v2/services/chieu_sang.xml')).body;
    expect(xmlValues(xml, 'attribute/code')).toEqual(['so_cot_den', 'tinh_trang_den']);
    expect(xmlValues(xml, 'value/key')).toContain('khong_sang');
    const discovery = (await get('/open311/v2/discovery.json')).json();
    expect(discovery.endpoints.map((e: { specification: string }) => e.specification)).toEqual([
      'http://wiki.open311.org/GeoReport_v2',
      expect.stringContaining('mysociety/fixmystreet'),
    ]);
  });

  it('a third-party client creates requests and reads them back by id and by token, in JSON and in XML', async () => {
    for (const f of FORMATS) {
      const created = await create(f, request({ description: `Đèn đường không sáng (${f}), cột số 7.` }));
      expect(created.service_request_id).toMatch(/^LA-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(created.token).toMatch(/^tk_/);
      for (const g of FORMATS) {
        await check(get(`/open311/v2/requests/${created.service_request_id}.${g}`), g, 'requests');
        await check(get(`/open311/v2/tokens/${created.token}.${g}`), g, 'tokens');
      }
      const [byId] = (await get(`/open311/v2/requests/${created.service_request_id}.json`)).json();
      expect(byId).toMatchObject({
        service_request_id: created.service_request_id,
        status: 'open',
        service_code: 'chieu_sang',
      });
      const byIdXml = (await get(`/open311/v2/requests/${created.service_request_id}.xml`)).body;
      expect(xmlValues(byIdXml, 'service_request_id')).toEqual([created.service_request_id]);
      expect(xmlValues(byIdXml, 'status')).toEqual(['open']);
      expect((await get(`/open311/v2/tokens/${created.token}.json`)).json()).toEqual([
        { service_request_id: created.service_request_id, token: created.token },
      ]);
      const tokenXml = (await get(`/open311/v2/tokens/${created.token}.xml`)).body;
      expect(xmlValues(tokenXml, 'service_request_id')).toEqual([created.service_request_id]);
      // No personal data in what anyone may GET.
      for (const body of [JSON.stringify(byId), byIdXml, tokenXml])
        expect(body).not.toMatch(/khach\.hang|0909123456|909123456|Trần Thị|Lan/);
    }
    // A JSON body (not a form) with the attributes as an object works too.
    const json = await t.app.http.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { ...request(), attribute: { so_cot_den: 'TA-01-123', tinh_trang_den: 'chap_chon' } },
    });
    const [c] = checkResponse(json, 'json', 'created', 201) as { service_request_id: string }[];
    const { rows } = (await t.app.database.executeSql(
      'select body, channel from reports where tracking_code = $1',
      [c!.service_request_id],
    )) as { rows: { body: string; channel: string }[] };
    expect(rows[0]!.channel).toBe('open311');
    expect(rows[0]!.body).toContain('Số hiệu cột đèn (ghi trên thân cột): TA-01-123');
    expect(rows[0]!.body).toContain('Tình trạng đèn: Chập chờn / Flickering');
    // Lists and filters stay within the rules.
    for (const f of FORMATS) {
      await check(get(`/open311/v2/requests.${f}`), f, 'requests');
      await check(get(`/open311/v2/requests.${f}?status=closed`), f, 'requests');
      await check(
        get(`/open311/v2/requests.${f}?service_request_id=${c!.service_request_id}`),
        f,
        'requests',
      );
      await check(get(`/open311/v2/requests.${f}?status=pending`), f, 'errors', 400);
      await check(get(`/open311/v2/requests/LA-2222-2222.${f}`), f, 'errors', 404);
      await check(get(`/open311/v2/tokens/tk_khong_co.${f}`), f, 'errors', 404);
    }
  });

  it('validates attribute[code] against the service definition', async () => {
    const tree = (over: Record<string, string>) =>
      request({ service_code: 'cay_xanh', description: 'Cây dầu trước trường học có nguy cơ ngã.', ...over });
    for (const f of FORMATS) {
      const missing = await postForm(`/open311/v2/requests.${f}`, tree({}));
      checkResponse(missing, f, 'errors', 400);
      expect(missing.body).toContain('attribute[loai_su_co]');
      checkResponse(
        await postForm(`/open311/v2/requests.${f}`, tree({ 'attribute[loai_su_co]': 'bay_mau' })),
        f,
        'errors',
        400,
      );
      checkResponse(
        await postForm(
          `/open311/v2/requests.${f}`,
          tree({ 'attribute[loai_su_co]': 'gay_canh', 'attribute[duong_kinh_cm]': 'to lắm' }),
        ),
        f,
        'errors',
        400,
      );
      checkResponse(
        await postForm(
          `/open311/v2/requests.${f}`,
          tree({ 'attribute[loai_su_co]': 'gay_canh', 'attribute[mau_la]': 'x' }),
        ),
        f,
        'errors',
        400,
      );
    }
    const ok = await create(
      'xml',
      tree({ 'attribute[loai_su_co]': 'gay_canh', 'attribute[duong_kinh_cm]': '45' }),
    );
    const { rows } = (await t.app.database.executeSql('select body from reports where tracking_code = $1', [
      ok.service_request_id,
    ])) as { rows: { body: string }[] };
    expect(rows[0]!.body).toContain('Sự cố cây xanh: Gãy cành / Broken branch');
    expect(rows[0]!.body).toContain('Đường kính thân cây ước tính (cm): 45');
  });

  it('answers bad input by the rules: key, unknown service, no place, 10,000 characters, HTML', async () => {
    for (const f of FORMATS) {
      const url = `/open311/v2/requests.${f}`;
      checkResponse(await postForm(url, request({ api_key: '' })), f, 'errors', 403);
      checkResponse(await postForm(url, request({ api_key: 'sai-khoa-000000000000' })), f, 'errors', 403);
      const unknown = await postForm(url, request({ service_code: 'khong_co' }));
      checkResponse(unknown, f, 'errors', 404);
      expect(unknown.body).toContain('khong_co');
      const { lat: _a, long: _b, ...noPlace } = request();
      checkResponse(await postForm(url, noPlace), f, 'errors', 400);
      checkResponse(await postForm(url, { ...noPlace, lat: '10.5' }), f, 'errors', 400);
      checkResponse(await postForm(url, request({ description: 'đ'.repeat(10_000) })), f, 'errors', 400);
    }
    const html = await create(
      'json',
      request({
        description:
          '<p>Đèn <b>không sáng</b></p><script>alert(1)</script><img src=x onerror="alert(2)"> ở hẻm 5 &amp; hẻm 7',
      }),
    );
    const { rows } = (await t.app.database.executeSql(
      'select title, body from reports where tracking_code = $1',
      [html.service_request_id],
    )) as { rows: { title: string; body: string }[] };
    expect(rows[0]!.body).not.toMatch(/<|alert|onerror/);
    expect(rows[0]!.body).toContain('Đèn không sáng');
    expect(rows[0]!.title).not.toContain('<');
  });

  it('serves servicerequestupdates: public steps only, paged, no personal data or internal notes', async () => {
    const created = await create('json', request({ description: 'Trụ đèn nghiêng sát nhà dân số 40.' }));
    const ioc = new TestClient(t.app);
    await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
    const queue = (await ioc.get('/api/v1/reports?channel=open311')).json().items as {
      id: string;
      trackingCode: string;
      version: number;
    }[];
    const mine = queue.find((r) => r.trackingCode === created.service_request_id)!;
    const accepted = await ioc.post(`/api/v1/reports/${mine.id}/transitions`, {
      action: 'accept',
      version: mine.version,
      note: 'GHI-CHU-NOI-BO: gọi lại chị Lan 0909123456',
    });
    expect(accepted.statusCode).toBe(200);

    const since = new Date(Date.now() - 3600_000).toISOString();
    for (const f of FORMATS)
      await check(get(`/open311/v2/servicerequestupdates.${f}?start_date=${since}`), f, 'updates');
    const updates = (await get(`/open311/v2/servicerequestupdates.json?start_date=${since}`)).json() as {
      update_id: string;
      service_request_id: string;
      status: string;
      description: string;
    }[];
    const ours = updates.filter((u) => u.service_request_id === created.service_request_id);
    // (Its `received` step is there too when stamped in the window; see the report on intake clocks.)
    expect(ours.at(-1)).toMatchObject({
      status: 'open',
      description: 'Đã kiểm tra, chờ chuyển xử lý / Accepted, awaiting routing',
    });
    const all = JSON.stringify(updates);
    expect(all).not.toMatch(/GHI-CHU-NOI-BO|0909123456|khach\.hang|Trần Thị/);
    const xml = (await get(`/open311/v2/servicerequestupdates.xml?start_date=${since}`)).body;
    expect(xml).not.toMatch(/GHI-CHU-NOI-BO|0909123456/);
    expect(xmlValues(xml, 'update_id')).toEqual(updates.map((u) => u.update_id));

    // A window of the seed's last 89 days, paged: page_size, then after_id the last update_id.
    const wideStart = new Date(Date.now() - 89 * 86400_000).toISOString();
    const wide = (await get(`/open311/v2/servicerequestupdates.json?start_date=${wideStart}`)).json() as {
      update_id: string;
      status: string;
      description: string;
    }[];
    expect(wide.length).toBeGreaterThan(10);
    expect(wide.every((u) => u.description.length > 0)).toBe(true);
    expect(wide.some((u) => u.status === 'closed')).toBe(true);
    const first = (
      await get(`/open311/v2/servicerequestupdates.json?start_date=${wideStart}&page_size=2`)
    ).json() as { update_id: string }[];
    expect(first.map((u) => u.update_id)).toEqual(wide.slice(0, 2).map((u) => u.update_id));
    const next = (
      await get(
        `/open311/v2/servicerequestupdates.json?start_date=${wideStart}&page_size=2&after_id=${first[1]!.update_id}`,
      )
    ).json() as { update_id: string }[];
    expect(next.map((u) => u.update_id)).toEqual(wide.slice(2, 4).map((u) => u.update_id));
    for (const f of FORMATS) {
      await check(get(`/open311/v2/servicerequestupdates.${f}?start_date=hom-qua`), f, 'errors', 400);
      await check(
        get(
          `/open311/v2/servicerequestupdates.${f}?start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z`,
        ),
        f,
        'errors',
        400,
      );
      await check(get(`/open311/v2/servicerequestupdates.${f}?page_size=0`), f, 'errors', 400);
    }
  });

  it('takes a client’s update to its own request (non-public, for the IOC); others get 403', async () => {
    const created = await create('json', request({ description: 'Đèn chớp tắt liên tục ở ngã tư.' }));
    const fields = (over: Record<string, string> = {}) => ({
      api_key: KEY,
      service_request_id: created.service_request_id,
      update_id: 'fms-991',
      updated_datetime: new Date().toISOString(),
      status: 'OPEN',
      description: 'Người dân bổ sung: đèn đã tắt hẳn từ 21 giờ.',
      email: 'khach.hang@example.vn',
      ...over,
    });
    for (const f of FORMATS) {
      const url = `/open311/v2/servicerequestupdates.${f}`;
      const res = await postForm(url, fields());
      checkResponse(res, f, 'update_created', 201);
      checkResponse(await postForm(url, fields({ api_key: otherKey })), f, 'errors', 403);
      checkResponse(await postForm(url, fields({ api_key: '' })), f, 'errors', 403);
      checkResponse(await postForm(url, fields({ service_request_id: 'LA-2222-2222' })), f, 'errors', 404);
      checkResponse(await postForm(url, fields({ description: '' })), f, 'errors', 400);
    }
    const ioc = new TestClient(t.app);
    await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
    const queue = (await ioc.get('/api/v1/reports?channel=open311')).json().items as {
      id: string;
      trackingCode: string;
    }[];
    const mine = queue.find((r) => r.trackingCode === created.service_request_id)!;
    const detail = (await ioc.get(`/api/v1/reports/${mine.id}`)).json();
    const steps = (detail.timeline ?? detail.events) as {
      action: string;
      note: string | null;
      public: boolean;
    }[];
    const added = steps.filter((e) => e.action === 'open311_update');
    expect(added).toHaveLength(2);
    expect(added[0]).toMatchObject({ public: false, note: 'Người dân bổ sung: đèn đã tắt hẳn từ 21 giờ.' });
    // Not public, so not in the updates feed.
    const feed = (
      await get(
        `/open311/v2/servicerequestupdates.json?start_date=${new Date(Date.now() - 600_000).toISOString()}`,
      )
    ).json() as { description: string }[];
    expect(feed.some((u) => u.description.includes('Người dân bổ sung'))).toBe(false);
  });

  it('limits writes per key (30 a minute): the 31st gets a 429 error array, another key still works', async () => {
    const url = '/open311/v2/requests.json';
    for (let i = 0; i < 30; i++)
      expect((await postForm(url, request({ service_code: 'khong_co' }))).statusCode).toBe(404);
    checkResponse(await postForm(url, request()), 'json', 'errors', 429);
    checkResponse(await postForm('/open311/v2/requests.xml', request()), 'xml', 'errors', 429);
    // The same key on the updates extension shares the budget.
    expect((await postForm('/open311/v2/servicerequestupdates.json', { api_key: KEY })).statusCode).toBe(429);
    await create('json', request({ api_key: otherKey }));
  });
});
