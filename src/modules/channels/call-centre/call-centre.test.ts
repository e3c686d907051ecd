import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe(`call centre (${TEST_ENGINE})`, () => {
  it('records a phone report for a caller and finds it by the number, auditing the look-up', async () => {
    const agent = new TestClient(t.app);
    await agent.signIn('tongdai', TEST_DEMO_PASSWORD);
    const res = await agent.post('/api/v1/reports', {
      categoryCode: 'chieu_sang',
      title: 'Đèn đường tắt cả dãy',
      body: 'Người gọi cho biết cả dãy đèn trên đường Hùng Vương tắt từ tối qua.',
      reporter: { phone: '0912 345 678', name: 'Người gọi' },
      consent: true,
    });
    expect(res.statusCode).toBe(201);
    const { trackingCode } = res.json();
    const history = await agent.get('/api/v1/call-centre/caller-reports?phone=%2B84912345678');
    expect(history.statusCode).toBe(200);
    expect(history.json().items[0]).toMatchObject({ trackingCode, channel: 'phone', status: 'received' });
    const { rows } = await t.app.database.executeSql(
      `select summary from audit_log where action = 'report.contact_lookup' order by id desc limit 1`,
    );
    expect((rows[0] as { summary: { phone: string; found: number } }).summary).toEqual({
      phone: '+8491*****78',
      found: 1,
      calls: 0,
    });
  });

  it('is only for roles that take calls and may read contacts', async () => {
    const handler = new TestClient(t.app);
    await handler.signIn('canbo', TEST_DEMO_PASSWORD);
    expect((await handler.get('/api/v1/call-centre/caller-reports?phone=0912345678')).statusCode).toBe(403);
    expect(
      (await new TestClient(t.app).get('/api/v1/call-centre/caller-reports?phone=0912345678')).statusCode,
    ).toBe(401);
  });
});
