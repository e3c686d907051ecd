import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';
import * as repo from '../feedback.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ jobs: true, env: { SEED: 'base' } });
});
afterAll(async () => {
  await t?.close();
});

describe(`reporter notices through the real job queue (${TEST_ENGINE})`, () => {
  it('sends the acknowledgement after the report is committed, once', async () => {
    const res = await new TestClient(t.app).post('/api/v1/reports', {
      categoryCode: 'cap_nuoc',
      title: 'Mất nước sinh hoạt hai ngày',
      body: 'Khu phố 3 phường 4 bị mất nước sinh hoạt hai ngày nay, chưa có thông báo của công ty cấp nước.',
      reporter: { phone: '0987 654 321' },
      consent: true,
    });
    expect(res.statusCode).toBe(201);
    const { id, trackingCode } = res.json();
    const deadline = Date.now() + 20_000;
    let notified = false;
    while (!notified && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      notified = (await repo.eventsOf(t.app.database.db, id, false)).some(
        (e) => e.action === 'reporter_notified',
      );
    }
    expect(notified).toBe(true);
    const toReporter = t.sms.sent.filter((m) => m.to === '+84987654321');
    expect(toReporter).toHaveLength(1);
    expect(toReporter[0]!.text).toContain(trackingCode);
  });
});
