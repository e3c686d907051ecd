import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';

let t: TestApp;
let ioc: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

const publicCodes = async (q: string) =>
  (
    (await new TestClient(t.app).get(`/api/v1/public/reports?limit=100&q=${encodeURIComponent(q)}`)).json()
      .items as { trackingCode: string }[]
  ).map((i) => i.trackingCode);

describe(`the public text of a report, edited by a moderator (${TEST_ENGINE})`, () => {
  it('shows the edited title and text to the public, the original to staff, and restores it', async () => {
    const sent = await new TestClient(t.app).post('/api/v1/reports', {
      categoryCode: 'giao_thong_ha_tang',
      title: 'Hàng xóm Lê Văn Tám lấn chiếm vỉa hè',
      body: 'Ông Lê Văn Tám ở nhà bên cạnh dựng mái che lấn hết vỉa hè, người đi bộ phải đi xuống lòng đường.',
      location: { lat: 10.5359, lon: 106.4107 },
      reporter: { name: 'Người dân', phone: '0909000222' },
      consent: true,
    });
    expect(sent.statusCode).toBe(201);
    const { id, trackingCode } = sent.json() as { id: string; trackingCode: string };
    await t.testDb.database.query(
      `update reports set status = 'published', answer = 'Phường đã yêu cầu tháo dỡ mái che.', published_at = now()
        where id = $1`,
      [id],
    );
    const version = (await ioc.get(`/api/v1/reports/${id}`)).json().report.version as number;
    const url = `/api/v1/reports/${id}/public-text`;
    const edit = {
      version,
      title: 'Nhà dân lấn chiếm vỉa hè',
      body: 'Một hộ dân dựng mái che lấn hết vỉa hè, người đi bộ phải đi xuống lòng đường.',
      reason: 'Bỏ tên người thứ ba',
    };

    // Who may: the IOC, not an agency handler; bad input and a stale version change nothing.
    const handler = new TestClient(t.app);
    await handler.signIn('canbo', TEST_DEMO_PASSWORD);
    expect((await handler.request('PUT', url, edit)).statusCode).toBe(403);
    expect((await ioc.put(url, { ...edit, title: 'Nhà' })).statusCode).toBe(400);
    expect((await ioc.put(url, { ...edit, reason: '' })).statusCode).toBe(400);
    expect((await ioc.put(url, { ...edit, version: version + 5 })).json().code).toBe('conflict');

    const saved = await ioc.put(url, edit);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      title: 'Hàng xóm Lê Văn Tám lấn chiếm vỉa hè',
      publicTitle: edit.title,
      publicBody: edit.body,
      version: version + 1,
    });
    const pub = (await new TestClient(t.app).get(`/api/v1/public/reports/${trackingCode}`)).json();
    expect(pub).toMatchObject({ title: edit.title, body: edit.body });
    expect(JSON.stringify(pub)).not.toContain('Tám');
    expect((await new TestClient(t.app).get(`/phan-anh/${trackingCode}`)).body).not.toContain('Lê Văn Tám');
    const open311 = (
      await new TestClient(t.app).get(`/open311/v2/requests.json?service_request_id=${trackingCode}`)
    ).json();
    expect(open311[0].description).toBe(edit.body);
    // The public finds it by the words it sees, not by the name taken out.
    expect(await publicCodes('mai che lan via he')).toContain(trackingCode);
    expect(await publicCodes('Le Van Tam')).not.toContain(trackingCode);
    // Staff see an internal step with the reason; the public timeline does not.
    const detail = (await ioc.get(`/api/v1/reports/${id}`)).json();
    expect(detail.timeline.at(-1)).toMatchObject({
      action: 'public_text_edited',
      note: 'Bỏ tên người thứ ba',
    });
    expect(pub.timeline.map((s: { action: string }) => s.action)).not.toContain('public_text_edited');

    // Null restores what was sent.
    const restored = await ioc.put(url, {
      version: version + 1,
      title: null,
      body: null,
      reason: 'Người gửi đồng ý công khai',
    });
    expect(restored.json()).toMatchObject({ publicTitle: null, publicBody: null });
    expect((await new TestClient(t.app).get(`/api/v1/public/reports/${trackingCode}`)).json().title).toBe(
      'Hàng xóm Lê Văn Tám lấn chiếm vỉa hè',
    );
    expect(await publicCodes('Le Van Tam')).toContain(trackingCode);
  });
});
