import { generate } from 'otplib';
import { expect } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';

// What the alert tests share: the real application with the demo alert officer and an approver who has
// enabled two-factor, a flood warning to draft, publishing through the four-eyes workflow, and waiting for
// the jobs behind a publication. Test-only (imported by *.test.ts files).

/** Tân An (a district of Long An) and two of its wards. */
export const TAN_AN = '794';
export const WARD_5 = '27685';
export const WARD_2 = '27688';

export const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

/** A flood warning for wards 5 and 2 of Tân An, in force for 6 hours; `over` replaces whole fields. */
export const floodAlert = (over: Record<string, unknown> = {}) => ({
  templateCode: 'flood',
  status: 'Actual',
  category: 'Met',
  responseType: 'Evacuate',
  urgency: 'Immediate',
  severity: 'Severe',
  certainty: 'Observed',
  expires: inHours(6),
  vi: {
    event: 'Lũ, ngập lụt',
    headline: 'Ngập sâu tại Phường 5 và Phường 2',
    description: 'Nước sông Vàm Cỏ Tây dâng cao, nhiều tuyến đường ngập sâu.',
    instruction: 'Di chuyển lên nơi cao; gọi 1022 khi cần hỗ trợ.',
  },
  area: { unitCodes: [WARD_5, WARD_2] },
  ...over,
});

/** Signs in the demo approver (`duyetcanhbao`) and enables two-factor, which approving requires. */
export async function approverWith2fa(t: TestApp): Promise<TestClient> {
  const approver = new TestClient(t.app);
  await approver.signIn('duyetcanhbao', TEST_DEMO_PASSWORD);
  const secret = (await approver.post('/api/v1/auth/totp/setup')).json().secret as string;
  const enabled = await approver.post('/api/v1/auth/totp/enable', { code: await generate({ secret }) });
  expect(enabled.statusCode, enabled.body).toBe(200);
  return approver;
}

/** The application on a fresh database (options as createTestApp's) with the alert officer signed in. */
export async function startAlertsTestApp(
  options: Parameters<typeof createTestApp>[0] = {},
): Promise<{ t: TestApp; officer: TestClient }> {
  const t = await createTestApp(options);
  const officer = new TestClient(t.app);
  await officer.signIn('canhbao', TEST_DEMO_PASSWORD);
  return { t, officer };
}

/** Submits (as the officer), approves and publishes (as the approver) a drafted alert. */
export async function approveAndPublish(
  people: { officer: TestClient; approver: TestClient },
  id: string,
): Promise<string> {
  expect((await people.officer.post(`/api/v1/alerts/${id}/submit`)).statusCode).toBe(200);
  expect((await people.approver.post(`/api/v1/alerts/${id}/approve`)).statusCode).toBe(200);
  const res = await people.approver.post(`/api/v1/alerts/${id}/publish`);
  expect(res.json().state, res.body).toBe('published');
  return id;
}

/** Polls `fn` every 200 ms until `ok` holds or `ms` pass; returns the last value (the caller asserts on it). */
export async function waitFor<T>(fn: () => Promise<T> | T, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}
