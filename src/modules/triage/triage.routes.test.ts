import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';

let t: TestApp;
let ioc: TestClient;
let handler: TestClient;
let agent: TestClient;

// Phường 5, Tân An.
const TAN_AN = { lat: 10.5359, lon: 106.4107 };

beforeAll(async () => {
  t = await createTestApp();
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
  handler = new TestClient(t.app);
  await handler.signIn('canbo', TEST_DEMO_PASSWORD);
  agent = new TestClient(t.app);
  await agent.signIn('tongdai', TEST_DEMO_PASSWORD);
}, 240_000); // building the seeded app on PGlite takes long on a loaded machine
afterAll(async () => {
  await t?.close();
});

async function submit(title: string, body: string, categoryCode = 'khac', location = TAN_AN) {
  const res = await new TestClient(t.app).post('/api/v1/reports', {
    categoryCode,
    title,
    body,
    location,
    reporter: { name: 'Nguyễn Văn An', phone: '0909123456' },
    displayPublicly: 'anonymous',
    consent: true,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe(`smart triage over HTTP (${TEST_ENGINE})`, () => {
  it('suggests the category of a report typed without diacritics, with the agency routing would pick', async () => {
    const id = await submit(
      'duong ngap sau mua',
      'mua to chieu qua duong vo khu pho ngap toi dau goi, cong nghet rac ko thoat nuoc dc',
    );
    const res = await ioc.get(`/api/v1/reports/${id}/suggestions`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.items).toHaveLength(3);
    expect(s.items[0].code).toBe('thoat_nuoc_ngap');
    expect(s.items[0].confidence).toBeGreaterThan(s.items[1].confidence);
    // thoat_nuoc_ngap goes to the People's Committee of the report's unit (Tân An).
    const detail = (await ioc.get(`/api/v1/reports/${id}`)).json().report;
    expect(s.items[0].agency?.name).toMatch(/Tân An/);
    expect(detail.unitCode).toBe('794');

    // Agency staff who cannot see the report get nothing.
    expect((await handler.get(`/api/v1/reports/${id}/suggestions`)).statusCode).toBe(404);
  });

  it('suggests for free text in the call-centre and the citizen form', async () => {
    const byAgent = await agent.post('/api/v1/triage/suggest', {
      title: 'cup dien',
      body: 'khu pho 3 cup dien tu sang toi gio k bao truoc, goi dien luc ko ai nghe',
      unitCode: '803',
    });
    expect(byAgent.statusCode).toBe(200);
    expect(byAgent.json().items[0]).toMatchObject({ code: 'dien', agency: { code: 'dien-luc' } });

    const anonymous = await new TestClient(t.app).post('/api/v1/triage/suggest', {
      title: 'Rác không được thu gom',
      body: 'Xe rác 5 ngày ko tới, bốc mùi thối',
    });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().items[0].code).toBe('ve_sinh_moi_truong');
    expect(
      (await new TestClient(t.app).post('/api/v1/triage/suggest', { title: '', body: '' })).json().items,
    ).toEqual([]);
  });

  it('finds a duplicate typed differently in a related category nearby, not the same text far away', async () => {
    const first = await submit(
      'Đèn đường không sáng',
      'Cả dãy đèn đường trên đường Hùng Vương đoạn trước chợ không sáng mấy đêm nay, tối thui',
      'chieu_sang',
    );
    const far = await submit(
      'Đèn đường không sáng',
      'Cả dãy đèn đường trên đường Hùng Vương đoạn trước chợ không sáng mấy đêm nay, tối thui',
      'chieu_sang',
      { lat: TAN_AN.lat + 0.02, lon: TAN_AN.lon },
    );
    const other = await submit('Mất điện', 'Khu phố cúp điện từ sáng', 'dien', {
      lat: TAN_AN.lat,
      lon: TAN_AN.lon + 0.0002,
    });
    const second = await submit(
      'den duong ko sang',
      'day den duong tren duong Hung Vuong truoc cho ko sang may dem nay, toi thui',
      'dien',
      { lat: TAN_AN.lat + 0.0001, lon: TAN_AN.lon },
    );
    const res = await ioc.get(`/api/v1/reports/${second}/duplicates`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: string;
      categoryCode: string;
      score: number;
      distanceM: number;
    }[];
    expect(items[0]).toMatchObject({ id: first, categoryCode: 'chieu_sang' });
    expect(items[0]!.distanceM).toBeLessThan(20);
    expect(items[0]!.score).toBeGreaterThan(0.4);
    expect(items.map((d) => d.id)).not.toContain(far);
    expect(items.map((d) => d.id)).not.toContain(other);
  });

  it('refuses training on demand when no job queue can run it (training never runs in a request)', async () => {
    expect((await handler.post('/api/v1/triage/models')).statusCode).toBe(403);
    const res = await ioc.post('/api/v1/triage/models');
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('triage_training_unavailable');
    expect((await ioc.get('/api/v1/triage/models')).json()).toEqual({ items: [], training: { pending: 0 } });
  });
});
