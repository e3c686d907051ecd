import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_SCALE: '1', SEED: 'base' } });
});
afterAll(async () => {
  await t?.close();
});

describe('rate limits on public endpoints', () => {
  it('slows down tracking-code guessing with a clear Vietnamese problem', async () => {
    const c = new TestClient(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await c.get(`/api/v1/public/reports/lookup?code=LA-AAAA-AAA${i}&contact=0909000000`)).statusCode,
      );
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    const limited = await c.get('/api/v1/public/reports/lookup?code=LA-AAAA-AAAA&contact=0909000000');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({
      code: 'rate_limited',
      title: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
    });
  });
});
