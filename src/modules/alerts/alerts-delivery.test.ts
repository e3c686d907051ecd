import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import {
  approveAndPublish as publishWith,
  approverWith2fa,
  floodAlert,
  startAlertsTestApp,
  WARD_2,
  WARD_5,
  waitFor as waitUpTo,
} from './alerts-test-support.js';
import { deliverBatch, RetryLaterError } from './jobs/deliver-alert.js';
import { startLocalPushService, type LocalPushService } from './push/local-push-service.js';
import { PushSender, type VapidConfig } from './push/push-sender.js';

// The whole delivery path against a real push service (web-push-testing: checks the VAPID JWT, decrypts
// the aes128gcm payload): queue jobs, targeting, headers, removal of gone subscriptions, no duplicates.

let t: TestApp;
let push: LocalPushService;
let officer: TestClient;
let approver: TestClient;

const flood = floodAlert;
// Generous: under a loaded CI machine the jobs behind a fan-out can take well over 20 s to run.
const waitFor = <T>(fn: () => Promise<T> | T, ok: (v: T) => boolean, ms = 60_000) => waitUpTo(fn, ok, ms);
const approveAndPublish = (id: string) => publishWith({ officer, approver }, id);

async function publish(body: Record<string, unknown>): Promise<string> {
  const res = await officer.post('/api/v1/alerts', body);
  expect(res.statusCode, res.body).toBe(201);
  return approveAndPublish(res.json().id);
}

const browsers: Record<string, { endpoint: string; clientHash: string; id?: string }> = {};

async function subscribeBrowser(name: string, unitCodes: string[], extra: Record<string, unknown> = {}) {
  const key = (await new TestClient(t.app).get('/api/v1/push/vapid-public-key')).json().publicKey as string;
  const sub = await push.subscribe(key);
  const res = await new TestClient(t.app).post('/api/v1/push/subscriptions', {
    endpoint: sub.endpoint,
    keys: sub.keys,
    unitCodes,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  browsers[name] = { endpoint: sub.endpoint, clientHash: sub.clientHash, id: res.json().id };
}

const messagesOf = (name: string) => push.messages(browsers[name]!.clientHash).map((m) => JSON.parse(m));
const requestsOf = (name: string) => push.requests.filter((r) => r.clientHash === browsers[name]!.clientHash);

beforeAll(async () => {
  push = await startLocalPushService();
  ({ t, officer } = await startAlertsTestApp({ jobs: true }));
  approver = await approverWith2fa(t);
  // The job queue's first start on a fresh embedded database (pg-boss schema, demo seed jobs) is slow.
}, 240_000);
afterAll(async () => {
  await t?.close();
  await push?.close();
});

describe(`alert delivery by Web Push (${TEST_ENGINE})`, { timeout: 120_000 }, () => {
  let floodId: string;

  it('delivers a flood warning for two wards exactly once to a subscribed browser in the area, none outside', async () => {
    await subscribeBrowser('ward', [WARD_5], { lang: 'vi' });
    await subscribeBrowser('district', ['794'], { lang: 'en' });
    await subscribeBrowser('elsewhere', ['795']);
    await subscribeBrowser('gone', [WARD_2]);
    push.expire(browsers.gone!.clientHash);

    floodId = await publish(flood());
    const msgs = await waitFor(
      () => messagesOf('ward'),
      (m) => m.length > 0,
    );
    await waitFor(
      () => messagesOf('district'),
      (m) => m.length > 0,
    );
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toEqual({
      title: 'Ngập sâu tại Phường 5 và Phường 2',
      body: 'Nước sông Vàm Cỏ Tây dâng cao, nhiều tuyến đường ngập sâu.\nDi chuyển lên nơi cao; gọi 1022 khi cần hỗ trợ.',
      url: `${t.config.publicUrl}/app/canh-bao/${floodId}`,
      tag: `alert-${floodId}`,
      severity: 'Severe',
      status: 'Actual',
    });
    // No English texts: the English-speaking browser gets the Vietnamese ones.
    expect(messagesOf('district')[0].title).toBe('Ngập sâu tại Phường 5 và Phường 2');
    expect(messagesOf('elsewhere')).toEqual([]);

    const [req] = requestsOf('ward');
    expect(req!.headers.urgency).toBe('high');
    expect(req!.headers.topic).toBe(floodId.replace(/-/g, ''));
    expect(req!.headers.encoding).toBe('aes128gcm');
    const ttl = Number(req!.headers.ttl);
    expect(ttl).toBeGreaterThan(6 * 3600 - 120);
    expect(ttl).toBeLessThanOrEqual(6 * 3600);
    expect(req!.headers.authorization).toMatch(/^vapid t=.+, k=.+$/);
  });

  it('removes a subscription the push service says is gone (410) and counts deliveries on the alert', async () => {
    const gone = await waitFor(
      () =>
        t.app.database.query<{ n: number }>(
          `select count(*)::int as n from push_subscriptions where id = $1`,
          [browsers.gone!.id],
        ),
      (r) => r[0]!.n === 0,
    );
    expect(gone[0]!.n).toBe(0);
    const view = await waitFor(
      async () => (await officer.get(`/api/v1/alerts/${floodId}`)).json(),
      (v) => v.deliveries.sent === 2 && v.deliveries.removed === 1,
    );
    expect(view.deliveries).toEqual({ sent: 2, failed: 0, removed: 1, pending: 0, unknown: 0 });
  });

  it('sends nothing twice when the batch job runs again', async () => {
    const before = push.requests.length;
    const ids = [browsers.ward!.id!, browsers.district!.id!];
    const again = await deliverBatch(t.app.alerts.deps, await t.app.alerts.sender(), {
      alertId: floodId,
      subscriptionIds: ids,
    });
    expect(again).toEqual({ sent: 0, removed: 0, failed: 0, retry: 0 });
    expect(push.requests.length).toBe(before);
    expect(messagesOf('ward')).toHaveLength(1);
  });

  it('retries a busy push service (429) and then delivers once', async () => {
    await subscribeBrowser('late', [WARD_5]);
    const sender = await t.app.alerts.sender();
    const job = { alertId: floodId, subscriptionIds: [browsers.late!.id!] };
    push.failNext(1, 429);
    await expect(deliverBatch(t.app.alerts.deps, sender, job)).rejects.toBeInstanceOf(RetryLaterError);
    const [row] = await t.app.database.query<{ status: string; http_status: number }>(
      `select status, http_status from alert_deliveries where alert_id = $1 and subscription_id = $2`,
      [floodId, browsers.late!.id],
    );
    expect(row).toEqual({ status: 'retry', http_status: 429 });
    expect(await deliverBatch(t.app.alerts.deps, sender, job)).toMatchObject({ sent: 1 });
    expect(await deliverBatch(t.app.alerts.deps, sender, job)).toMatchObject({ sent: 0 });
    expect(messagesOf('late')).toHaveLength(1);
    expect(requestsOf('late')).toHaveLength(2);
  });

  it('retries a failing push service (500) until it answers, then delivers once', async () => {
    await subscribeBrowser('down', [WARD_5]);
    const sender = await t.app.alerts.sender();
    const job = { alertId: floodId, subscriptionIds: [browsers.down!.id!] };
    push.failNext(2, 500);
    for (let i = 0; i < 2; i++)
      await expect(deliverBatch(t.app.alerts.deps, sender, job)).rejects.toBeInstanceOf(RetryLaterError);
    const [row] = await t.app.database.query<{ status: string; http_status: number }>(
      `select status, http_status from alert_deliveries where alert_id = $1 and subscription_id = $2`,
      [floodId, browsers.down!.id],
    );
    expect(row).toEqual({ status: 'retry', http_status: 500 });
    expect(await deliverBatch(t.app.alerts.deps, sender, job)).toMatchObject({ sent: 1 });
    expect(await deliverBatch(t.app.alerts.deps, sender, job)).toMatchObject({ sent: 0 });
    expect(messagesOf('down')).toHaveLength(1);
    expect(requestsOf('down')).toHaveLength(3);
  });

  it('retries a push service that does not answer in time; the browser still shows one notification', async () => {
    await subscribeBrowser('slow', [WARD_5]);
    // The installation's sender with a short timeout (its VAPID keys are private to it).
    const { vapid } = (await t.app.alerts.sender()) as unknown as { vapid: VapidConfig };
    const impatient = new PushSender(vapid, 300);
    const job = { alertId: floodId, subscriptionIds: [browsers.slow!.id!] };
    push.slowDown(1500);
    try {
      await expect(deliverBatch(t.app.alerts.deps, impatient, job)).rejects.toBeInstanceOf(RetryLaterError);
    } finally {
      push.slowDown(0);
    }
    const [row] = await t.app.database.query<{ status: string; http_status: number | null }>(
      `select status, http_status from alert_deliveries where alert_id = $1 and subscription_id = $2`,
      [floodId, browsers.slow!.id],
    );
    expect(row).toEqual({ status: 'retry', http_status: null });
    expect(await deliverBatch(t.app.alerts.deps, impatient, job)).toMatchObject({ sent: 1 });
    expect(await deliverBatch(t.app.alerts.deps, impatient, job)).toMatchObject({ sent: 0 });
    impatient.close();
    // The slow first request may still have reached the service: both carry the alert's Topic (the push
    // service keeps one pending message per topic) and the same tag (the browser replaces, never stacks).
    const messages = await waitFor(
      () => messagesOf('slow'),
      (m) => m.length >= 2,
      3000,
    );
    expect(new Set(messages.map((m: { tag: string }) => m.tag))).toEqual(new Set([`alert-${floodId}`]));
    expect(new Set(requestsOf('slow').map((r) => r.headers.topic))).toEqual(
      new Set([floodId.replace(/-/g, '')]),
    );
    expect(requestsOf('slow')).toHaveLength(2);
  });

  it('leaves retries to the job queue with growing delays (pg-boss retry back-off)', async () => {
    const [queue] = await t.app.database.query<{
      retry_limit: number;
      retry_delay: number;
      retry_backoff: boolean;
    }>(`select retry_limit, retry_delay, retry_backoff from pgboss.queue where name = 'alerts.push-batch'`);
    expect(queue).toEqual({ retry_limit: 5, retry_delay: 10, retry_backoff: true });
  });

  it('an update replaces the notification (same Topic and tag), a cancellation ends it', async () => {
    const upd = (await officer.post(`/api/v1/alerts/${floodId}/follow-up`, { kind: 'Update' })).json();
    await approveAndPublish(upd.id);
    const afterUpdate = await waitFor(
      () => messagesOf('ward'),
      (m) => m.length >= 2,
    );
    expect(afterUpdate).toHaveLength(2);
    expect(afterUpdate[1]).toMatchObject({
      title: '[CẬP NHẬT] Ngập sâu tại Phường 5 và Phường 2',
      tag: `alert-${floodId}`,
    });
    expect(requestsOf('ward')[1]!.headers.topic).toBe(floodId.replace(/-/g, ''));

    const cancel = (await officer.post(`/api/v1/alerts/${upd.id}/follow-up`, { kind: 'Cancel' })).json();
    await approveAndPublish(cancel.id);
    const afterCancel = await waitFor(
      () => messagesOf('ward'),
      (m) => m.length >= 3,
    );
    expect(afterCancel).toHaveLength(3);
    expect(afterCancel[2]).toMatchObject({ tag: `alert-${floodId}`, severity: 'Minor' });
    expect(afterCancel[2].title).toMatch(/^\[HỦY\] Hủy cảnh báo: /);
    expect(requestsOf('ward')[2]!.headers.urgency).toBe('normal');
    const current = (await new TestClient(t.app).get('/api/v1/alerts/current')).json().items as {
      id: string;
    }[];
    expect(current.map((a) => a.id)).not.toContain(floodId);
    expect(current.map((a) => a.id)).not.toContain(upd.id);
  });

  it('never delivers an exercise to the public audience; only to browsers that opted in to drills', async () => {
    await subscribeBrowser('drill', ['80'], { drills: true });
    const before = messagesOf('ward').length;
    const id = await publish(flood({ status: 'Exercise', severity: 'Moderate' }));
    const drillMsgs = await waitFor(
      () => messagesOf('drill'),
      (m) => m.length > 0,
    );
    expect(drillMsgs).toHaveLength(1);
    expect(drillMsgs[0]).toMatchObject({
      status: 'Exercise',
      url: `${t.config.publicUrl}/app/canh-bao/${id}`,
    });
    expect(drillMsgs[0].title).toMatch(/^\[DIỄN TẬP\] /);
    // Give the queue time to (wrongly) deliver to others.
    await new Promise((r) => setTimeout(r, 2500));
    expect(messagesOf('ward')).toHaveLength(before);
    expect(messagesOf('district').filter((m) => m.status === 'Exercise')).toEqual([]);
  });

  it('targets a drawn circle: subscribers in the districts it touches receive it, the preview names them', async () => {
    await subscribeBrowser('kienTuongWard', ['27787']); // Phường 1, Thị xã Kiến Tường
    await subscribeBrowser('tanHung', ['796']);
    // Chose Tân Hưng, but subscribed with "my current location" inside the circle: reached by the point.
    await subscribeBrowser('locatedInCircle', ['796'], { location: { lat: 10.8012, lon: 105.9013 } });
    const ward5Before = messagesOf('ward').length;
    // Chosen unit: Phường 2 of Tân An; drawn: a 2 km circle inside Kiến Tường.
    const res = await officer.post(
      '/api/v1/alerts',
      flood({ area: { unitCodes: [WARD_2], circle: { lat: 10.8, lon: 105.9, radiusKm: 2 } } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const preview = (await officer.get(`/api/v1/alerts/${id}/preview`)).json();
    expect(preview.shapeUnits).toEqual([{ code: '795', name: 'Thị xã Kiến Tường', level: 2 }]);
    expect(preview.map.highlight).toEqual(expect.arrayContaining(['794', '795']));
    expect(preview.problems).not.toContain('shape_outside');
    const reachWithShape = preview.reach.subscriptions as number;

    await approveAndPublish(id);
    const msgs = await waitFor(
      () => messagesOf('kienTuongWard'),
      (m) => m.length > 0,
    );
    expect(msgs).toHaveLength(1);
    expect(msgs[0].url).toBe(`${t.config.publicUrl}/app/canh-bao/${id}`);
    const located = await waitFor(
      () => messagesOf('locatedInCircle'),
      (m) => m.length > 0,
    );
    expect(located.map((m) => m.url)).toEqual([`${t.config.publicUrl}/app/canh-bao/${id}`]);
    const counts = await waitFor(
      async () => (await officer.get(`/api/v1/alerts/${id}`)).json().deliveries,
      (d) => d.sent >= reachWithShape,
    );
    expect(counts).toMatchObject({ sent: reachWithShape, unknown: 0 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(messagesOf('tanHung')).toEqual([]);
    // Phường 5 is in Tân An but not Phường 2: the chosen unit alone does not reach it.
    expect(messagesOf('ward')).toHaveLength(ward5Before);
  });

  it('warns when a drawn area lies outside the province', async () => {
    const ring = [
      [9, 104],
      [9, 104.1],
      [9.1, 104.1],
      [9, 104],
    ];
    const res = await officer.post('/api/v1/alerts', flood({ area: { unitCodes: [WARD_2], polygon: ring } }));
    expect(res.statusCode, res.body).toBe(201);
    const preview = (await officer.get(`/api/v1/alerts/${res.json().id}/preview`)).json();
    expect(preview.shapeUnits).toEqual([]);
    expect(preview.problems).toContain('shape_outside');
  });

  it('lets a browser unsubscribe', async () => {
    const c = new TestClient(t.app);
    const status = await c.post('/api/v1/push/subscriptions/status', {
      endpoint: browsers.elsewhere!.endpoint,
    });
    expect(status.json().unitCodes).toEqual(['795']);
    expect(
      (await c.post('/api/v1/push/subscriptions/delete', { endpoint: browsers.elsewhere!.endpoint }))
        .statusCode,
    ).toBe(204);
    expect(
      (await c.post('/api/v1/push/subscriptions/status', { endpoint: browsers.elsewhere!.endpoint })).json()
        .code,
    ).toBe('push_not_subscribed');
  });
});
