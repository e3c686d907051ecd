import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import { runHotspotDetection } from './use-cases/hotspots.js';

let t: TestApp;
let ioc: TestClient;

// Phường 5, Tân An (unit 794).
const TAN_AN = { lat: 10.5359, lon: 106.4107 };

beforeAll(async () => {
  t = await createTestApp();
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
}, 240_000); // building the seeded app on PGlite takes long on a loaded machine
afterAll(async () => {
  await t?.close();
});

async function floodReport(i: number) {
  const res = await new TestClient(t.app).post('/api/v1/reports', {
    categoryCode: 'thoat_nuoc_ngap',
    title: `Ngập nước sau mưa ${i}`,
    body: 'Mưa lớn từ chiều, đường vào khu phố ngập sâu, nước tràn vô nhà',
    location: { lat: TAN_AN.lat + i * 0.0005, lon: TAN_AN.lon },
    reporter: { name: 'Người dân', phone: '0909000111' },
    displayPublicly: 'anonymous',
    consent: true,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe(`emerging hotspots (${TEST_ENGINE})`, () => {
  it('raises a hotspot for a burst of flood reports in one unit, groups its reports, and lets the IOC dismiss it', async () => {
    // The demo history alone is no hotspot.
    expect(await runHotspotDetection(t.app.feedbackDeps)).toEqual({ opened: 0, updated: 0, expired: 0 });

    // Usual rate: two flood reports in the baseline weeks (backdated history).
    const old = [await floodReport(100), await floodReport(101)];
    await t.app.database.query(
      `update reports set received_at = now() - interval '10 days' where id = any($1::uuid[])`,
      [old],
    );
    const burst: string[] = [];
    for (let i = 0; i < 6; i++) burst.push(await floodReport(i));

    expect(await runHotspotDetection(t.app.feedbackDeps)).toMatchObject({ opened: 1 });
    const list = (await ioc.get('/api/v1/triage/hotspots')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      categoryCode: 'thoat_nuoc_ngap',
      unitCode: '794',
      status: 'open',
      count: 6,
    });
    expect(list[0].expected).toBeLessThan(1);
    expect(list[0].reports.map((r: { id: string }) => r.id).sort()).toEqual([...burst].sort());
    expect(list[0].center.lat).toBeCloseTo(TAN_AN.lat + 0.00125, 4);

    // A later run updates the same hotspot instead of opening another.
    burst.push(await floodReport(6));
    expect(await runHotspotDetection(t.app.feedbackDeps)).toMatchObject({ opened: 0, updated: 1 });
    expect((await ioc.get('/api/v1/triage/hotspots')).json().items[0].count).toBe(7);

    // Agency staff may not see hotspots; the IOC dismisses; it stays quiet on the next run.
    const handler = new TestClient(t.app);
    await handler.signIn('canbo', TEST_DEMO_PASSWORD);
    expect((await handler.get('/api/v1/triage/hotspots')).statusCode).toBe(403);
    const dismissed = await ioc.post(`/api/v1/triage/hotspots/${list[0].id}`, { action: 'dismiss' });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed' });
    expect(
      (await ioc.post(`/api/v1/triage/hotspots/${list[0].id}`, { action: 'acknowledge' })).statusCode,
    ).toBe(409);
    expect(await runHotspotDetection(t.app.feedbackDeps)).toMatchObject({ opened: 0 });
    expect((await ioc.get('/api/v1/triage/hotspots')).json().items).toEqual([]);

    const audit = await t.app.database.query<{ action: string }>(
      `select action from audit_log where entity_type = 'triage_hotspot' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['triage.hotspot_detected', 'triage.hotspot_dismissed']);
  }, 120_000);
});
