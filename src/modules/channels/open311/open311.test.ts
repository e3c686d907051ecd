import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';
import { principalOfUsername } from '../../identity/index.js';
import * as feedbackRepo from '../../feedback/feedback.repository.js';
import { notifyReporter, type ReporterMessage } from '../../feedback/jobs/notify-reporter.js';
import { createClient, revokeClient } from './open311-requests.js';

const KEY = 'demo-open311-key-for-tests-0001';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { DEMO_API_KEY: KEY } });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.http.inject({ method: 'GET', url });
const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.http.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
/** Well-formed XML, checked by libxml2's xmllint (installed with the project's CI tools). */
const wellFormed = (xml: string) => {
  execFileSync('xmllint', ['--noout', '-'], { input: xml });
  return true;
};
const TAN_AN = { lat: '10.5359', long: '106.4107' };
const valid = (over: Record<string, string> = {}) => ({
  api_key: KEY,
  service_code: 'chieu_sang',
  ...TAN_AN,
  email: 'ung.dung@example.vn',
  first_name: 'An',
  last_name: 'Nguyễn',
  description: 'Đèn đường trước chợ Tân An không sáng hai đêm nay.',
  ...over,
});

describe(`Open311 GeoReport v2 (${TEST_ENGINE})`, () => {
  it('serves discovery in both formats', async () => {
    const json = await get('/open311/v2/discovery.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json().endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
    });
    const xml = await get('/open311/v2/discovery.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(wellFormed(xml.body)).toBe(true);
    expect(xml.body).toContain('<format>text/xml</format>');
  });

  it('lists the profile categories as services, codes as strings, and defines one', async () => {
    const services = (await get('/open311/v2/services.json')).json();
    expect(services.length).toBeGreaterThan(20);
    expect(services.every((s: { service_code: unknown }) => typeof s.service_code === 'string')).toBe(true);
    expect(services.find((s: { service_code: string }) => s.service_code === 'chieu_sang')).toMatchObject({
      service_name: t.app.profile.categories.find((c) => c.code === 'chieu_sang')!.name,
      metadata: true,
      type: 'realtime',
    });
    const xml = (await get('/open311/v2/services.xml')).body;
    expect(wellFormed(xml)).toBe(true);
    expect(xml).toMatch(/<services>\s*<service>\s*<service_code>/);
    expect((await get('/open311/v2/services/khac.json')).json()).toEqual({
      service_code: 'khac',
      attributes: [],
    });
    const lights = (await get('/open311/v2/services/chieu_sang.json')).json();
    expect(lights.attributes.map((a: { code: string }) => a.code)).toEqual(['so_cot_den', 'tinh_trang_den']);
    const missing = await get('/open311/v2/services/khong_co.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: expect.stringContaining('khong_co') }]);
    const missingXml = await get('/open311/v2/services/khong_co.xml');
    expect(wellFormed(missingXml.body)).toBe(true);
    expect(missingXml.body).toContain('<errors>\n  <error>\n    <code>404</code>');
  });

  it('refuses a request without a valid key (403), with unknown services (404), no place, or 10,000 characters (400)', async () => {
    const noKey = await post('/open311/v2/requests.json', { ...valid(), api_key: '' });
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()[0].code).toBe(403);
    expect(
      (await post('/open311/v2/requests.json', valid({ api_key: 'wrong-key-0000000000' }))).statusCode,
    ).toBe(403);
    expect((await post('/open311/v2/requests.json', valid({ service_code: 'khong_co' }))).statusCode).toBe(
      404,
    );
    const { lat: _a, long: _b, ...noPlace } = valid();
    const place = await post('/open311/v2/requests.json', noPlace);
    expect(place.statusCode).toBe(400);
    expect(place.json()[0].description).toContain('lat+long');
    expect(
      (await post('/open311/v2/requests.json', valid({ description: 'x'.repeat(10_000) }))).statusCode,
    ).toBe(400);
    expect(
      (await post('/open311/v2/requests.json', valid({ lat: '21.03', long: '105.85' }))).statusCode,
    ).toBe(400);
    const { email: _e, ...noContact } = valid();
    expect((await post('/open311/v2/requests.json', noContact)).statusCode).toBe(400);
  });

  it('creates ordinary reports (channel open311) that the IOC sees, in JSON and XML', async () => {
    const res = await post(
      '/open311/v2/requests.json',
      valid({ description: '<b>Đèn đường</b> trước chợ <script>x()</script>không sáng.' }),
    );
    expect(res.statusCode).toBe(201);
    const [created] = res.json();
    expect(created.service_request_id).toMatch(/^LA-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const xmlRes = await post(
      '/open311/v2/requests.xml',
      valid({ address_string: '12 Trương Định, Phường 1, Tân An' }),
    );
    expect(xmlRes.statusCode).toBe(201);
    expect(wellFormed(xmlRes.body)).toBe(true);
    const xmlCode = /<service_request_id>(LA-[A-Z0-9-]+)<\/service_request_id>/.exec(xmlRes.body)?.[1];
    expect(xmlCode).toBeDefined();

    const ioc = new TestClient(t.app);
    await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
    const queue = (await ioc.get('/api/v1/reports?channel=open311')).json().items;
    const mine = queue.find((r: { trackingCode: string }) => r.trackingCode === created.service_request_id);
    expect(mine).toMatchObject({ channel: 'open311', status: 'received', categoryCode: 'chieu_sang' });
    expect(mine.body).toBe('Đèn đường trước chợ không sáng.');
    expect(queue.map((r: { trackingCode: string }) => r.trackingCode)).toContain(xmlCode);
  });

  it("answers the reporter in the request's language: Accept-Language, else the description", async () => {
    const delivered: ReporterMessage[] = [];
    const notifier = {
      async deliver(m: ReporterMessage) {
        delivered.push(m);
        return { channel: 'email' as const, recipient: m.to.email! };
      },
    };
    const create = async (fields: Record<string, string>, headers: Record<string, string> = {}) => {
      const res = await post('/open311/v2/requests.json', valid(fields), headers);
      expect(res.statusCode).toBe(201);
      const report = (await feedbackRepo.findReportByCode(
        t.app.database.db,
        res.json()[0].service_request_id,
      ))!;
      const received = (await feedbackRepo.eventsOf(t.app.database.db, report.id, true))[0]!;
      expect(
        await notifyReporter(t.app.feedbackDeps, notifier, { reportId: report.id, eventId: received.id }),
      ).toBe('done');
      return { lang: report.lang, notice: delivered.at(-1)! };
    };
    const english = 'The street light by the market gate has been out for three nights.';

    const byText = await create({ description: english });
    expect(byText.lang).toBe('en');
    expect(byText.notice.lang).toBe('en');
    expect(byText.notice.text).toContain(`We have received your report "${english}"`);
    expect(byText.notice.text).not.toContain('Chúng tôi');

    // The app says its user reads English, whatever the words.
    const byHeader = await create({}, { 'accept-language': 'en-US,en;q=0.9' });
    expect(byHeader.lang).toBe('en');
    expect(byHeader.notice.subject).toMatch(/\] Received$/);

    // Vietnamese, with or without its marks, and an app preferring Vietnamese: Vietnamese.
    expect((await create({ description: 'Den duong o cho Tan An hong hai dem nay' })).lang).toBe('vi');
    const vi = await create({ description: english }, { 'accept-language': 'vi-VN, en;q=0.5' });
    expect(vi.lang).toBe('vi');
    expect(vi.notice.text).toContain('Chúng tôi');
  });

  it('lists and shows requests without personal data, with the filters of the specification', async () => {
    const [created] = (await post('/open311/v2/requests.json', valid({ phone: '0909 111 222' }))).json();
    const one = await get(`/open311/v2/requests/${created.service_request_id}.json`);
    expect(one.statusCode).toBe(200);
    const [r] = one.json();
    expect(r).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      service_code: 'chieu_sang',
      description: null,
    });
    expect(one.body).not.toMatch(/ung\.dung@example\.vn|0909|909111222|Nguyễn/);
    expect(new Date(r.requested_datetime).toISOString()).toBe(r.requested_datetime);

    const xml = await get(`/open311/v2/requests/${created.service_request_id}.xml`);
    expect(wellFormed(xml.body)).toBe(true);
    expect(xml.body).toContain('<status>open</status>');

    const byIds = (
      await get(`/open311/v2/requests.json?service_request_id=${created.service_request_id},LA-2222-2222`)
    ).json();
    expect(byIds.map((x: { service_request_id: string }) => x.service_request_id)).toEqual([
      created.service_request_id,
    ]);
    const open = (await get('/open311/v2/requests.json?service_code=chieu_sang&status=open')).json();
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(
      open.every(
        (x: { status: string; service_code: string }) =>
          x.status === 'open' && x.service_code === 'chieu_sang',
      ),
    ).toBe(true);
    const closed = (await get('/open311/v2/requests.json?status=closed')).json();
    expect(closed.every((x: { status: string }) => x.status === 'closed')).toBe(true);
    const published = closed.find((x: { description: string | null }) => x.description);
    if (published) expect(published.status_notes).toBeTruthy();
    const future = (
      await get('/open311/v2/requests.json?start_date=2030-01-01T00:00:00Z&end_date=2030-02-01T00:00:00Z')
    ).json();
    expect(future).toEqual([]);
    expect(
      (await get('/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z'))
        .statusCode,
    ).toBe(400);
    expect((await get('/open311/v2/requests.json?status=pending')).statusCode).toBe(400);
    expect((await get('/open311/v2/requests/LA-2222-2222.json')).statusCode).toBe(404);
  });

  it('lets administrators issue and revoke keys; others may not', async () => {
    const ioc = new TestClient(t.app);
    await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
    expect((await ioc.post('/api/v1/open311/clients', { name: 'Zalo mini app' })).statusCode).toBe(403);
    const admin = await principalOfUsername(t.app.database.db, 'admin');
    const deps = t.app.channels.deps;
    const issued = await createClient(
      deps,
      admin,
      { name: 'Zalo mini app' },
      { id: admin!.userId, label: 'admin' },
    );
    expect(issued.apiKey).toMatch(/^o311_/);
    const { rows } = await t.app.database.executeSql('select key_hash from open311_clients where id = $1', [
      issued.id,
    ]);
    expect((rows[0] as { key_hash: string }).key_hash).not.toContain(issued.apiKey);
    expect((await post('/open311/v2/requests.json', valid({ api_key: issued.apiKey }))).statusCode).toBe(201);
    await revokeClient(deps, admin, issued.id, { id: admin!.userId, label: 'admin' });
    expect((await post('/open311/v2/requests.json', valid({ api_key: issued.apiKey }))).statusCode).toBe(403);
  });
});
