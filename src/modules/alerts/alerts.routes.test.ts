import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';
import { loadProfile } from '../../platform/profile/profile.js';
import {
  approverWith2fa,
  floodAlert,
  inHours,
  startAlertsTestApp,
  TAN_AN,
  WARD_2,
  WARD_5,
} from './alerts-test-support.js';
import { checkCapSemantics } from './cap.js';
import { xmllintCap } from './cap-validate.js';

let t: TestApp;
let officer: TestClient;
let approver: TestClient;

// Markup-like characters in the headline and an English text: the CAP XML and the pages must escape them.
const flood = (over: Record<string, unknown> = {}) =>
  floodAlert({
    expires: inHours(12),
    vi: {
      event: 'Lũ, ngập lụt',
      headline: 'Ngập sâu tại Phường 5 & Phường 2 <Tân An>',
      description:
        'Nước sông Vàm Cỏ Tây dâng cao, đường Hùng Vương ngập 0,5 m; "khu dân cư" thấp trũng bị ảnh hưởng.',
      instruction: 'Di chuyển người già, trẻ em lên nơi cao; gọi 1022 khi cần hỗ trợ.',
    },
    en: {
      event: 'Flood',
      headline: 'Deep flooding in Ward 5 and Ward 2',
      description: 'The Vam Co Tay river is rising; Hung Vuong street is flooded.',
      instruction: 'Move to higher ground; call 1022 for help.',
    },
    ...over,
  });

beforeAll(async () => {
  ({ t, officer } = await startAlertsTestApp());
  // Migrating and seeding a fresh embedded database is slow when the machine is busy.
}, 240_000);
afterAll(async () => {
  await t?.close();
});

async function drafted(body = flood()): Promise<string> {
  const res = await officer.post('/api/v1/alerts', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe(`alerts over HTTP (${TEST_ENGINE})`, () => {
  it('refuses approval without two-factor, then by the author, then accepts a second person with 2FA', async () => {
    const id = await drafted();
    expect((await officer.post(`/api/v1/alerts/${id}/submit`)).json().state).toBe('submitted');

    const no2fa = new TestClient(t.app);
    await no2fa.signIn('duyetcanhbao', TEST_DEMO_PASSWORD);
    const refused = await no2fa.post(`/api/v1/alerts/${id}/approve`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('mfa_enrollment_required');

    // The officer holds no approval right at all.
    expect((await officer.post(`/api/v1/alerts/${id}/approve`)).json().code).toBe('forbidden');

    approver = await approverWith2fa(t);
    const approved = await approver.post(`/api/v1/alerts/${id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', approvedByLabel: 'duyetcanhbao' });
    expect(approved.json().availableActions).toEqual(['publish']);
  });

  it('refuses an approver approving their own draft (a person with both roles) — also a database rule', async () => {
    // Give the approver the officer role too, through the admin API's data: directly in the database.
    const [u] = await t.app.database.query<{ id: string }>(
      `select id from users where username = 'duyetcanhbao'`,
    );
    await t.app.database.query(`insert into role_assignments (user_id, role) values ($1, 'alert_officer')`, [
      u!.id,
    ]);
    const own = await approver.post('/api/v1/alerts', flood());
    expect(own.statusCode, own.body).toBe(201);
    const id = own.json().id as string;
    await approver.post(`/api/v1/alerts/${id}/submit`);
    const res = await approver.post(`/api/v1/alerts/${id}/approve`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('alert_self_approval');
    expect((await approver.get(`/api/v1/alerts/${id}`)).json().availableActions).not.toContain('approve');
    await expect(
      t.app.database.query(`update alerts set approved_by = created_by where id = $1`, [id]),
    ).rejects.toThrow(/alerts_approved_by_other_ck/);
    await t.app.database.query(`delete from role_assignments where user_id = $1 and role = 'alert_officer'`, [
      u!.id,
    ]);
  });

  it('refuses bad drafts with clear problems', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [flood({ expires: new Date(Date.now() - 60_000).toISOString() }), 'alert_expiry_past'],
      [flood({ onset: inHours(13), expires: inHours(12) }), 'alert_expiry_past'],
      [flood({ area: { unitCodes: ['99999'] } }), 'alert_unknown_unit'],
      [flood({ area: { unitCodes: [] } }), 'validation'],
      [
        flood({
          area: {
            unitCodes: [WARD_5],
            polygon: [
              [10.53, 106.4],
              [10.54, 106.41],
              [10.53, 106.42],
              [10.52, 106.41],
            ],
          },
        }),
        'alert_polygon_invalid',
      ],
      [
        // A bow tie: the ring closes but crosses itself.
        flood({
          area: {
            unitCodes: [WARD_5],
            polygon: [
              [10.5, 106.4],
              [10.6, 106.5],
              [10.5, 106.5],
              [10.6, 106.4],
              [10.5, 106.4],
            ],
          },
        }),
        'alert_polygon_invalid',
      ],
      [flood({ severity: 'Catastrophic' }), 'validation'],
    ];
    for (const [body, code] of cases) {
      const res = await officer.post('/api/v1/alerts', body);
      expect(res.json().code, JSON.stringify(body.area ?? body.expires)).toBe(code);
    }
    const en = new TestClient(t.app);
    en.lang = 'en';
    await en.signIn('canhbao', TEST_DEMO_PASSWORD);
    const res = await en.post('/api/v1/alerts', flood({ area: { unitCodes: ['99999'] } }));
    expect(res.json().title).toContain('not in the province profile');
  });

  it('publishes valid CAP 1.2 (xmllint + semantic rules), escaped, in Vietnamese UTF-8, and lists it in the Atom feed', async () => {
    const id = await drafted(
      flood({
        area: {
          unitCodes: [WARD_5, WARD_2],
          polygon: [
            [10.53, 106.4],
            [10.54, 106.41],
            [10.53, 106.42],
            [10.53, 106.4],
          ],
          circle: { lat: 10.5359, lon: 106.4107, radiusKm: 2.5 },
        },
      }),
    );
    // Before publication, the CAP document is not public.
    expect((await new TestClient(t.app).get(`/api/v1/alerts/${id}/cap.xml`)).statusCode).toBe(401);
    await officer.post(`/api/v1/alerts/${id}/submit`);
    await approver.post(`/api/v1/alerts/${id}/approve`);
    const published = await approver.post(`/api/v1/alerts/${id}/publish`);
    expect(published.json().state).toBe('published');

    const anon = new TestClient(t.app);
    const cap = await anon.get(`/api/v1/alerts/${id}/cap.xml`);
    expect(cap.statusCode).toBe(200);
    expect(cap.headers['content-type']).toContain('application/cap+xml');
    const xml = cap.body;
    expect(xmllintCap(xml)).toEqual({ valid: true, output: '' });
    expect(checkCapSemantics(xml)).toEqual([]);
    expect(xml).toContain('<headline>Ngập sâu tại Phường 5 &amp; Phường 2 &lt;Tân An&gt;</headline>');
    expect(xml).toMatch(/<sent>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00<\/sent>/);
    expect(xml).toContain('<language>vi-VN</language>');
    expect(xml).toContain('<language>en-US</language>');
    expect(xml).toContain('<polygon>10.53,106.4 10.54,106.41 10.53,106.42 10.53,106.4</polygon>');
    expect(xml).toContain('<circle>10.5359,106.4107 2.5</circle>');
    expect(xml).toContain(`<value>${WARD_5}</value>`);
    // Geocodes: every targeted unit, with the communes inside a targeted district (the drawn shape
    // touches Tân An, so all its wards), GSO codes under one documented valueName.
    const values = [...xml.matchAll(/<valueName>VN-GSO<\/valueName>\s*<value>(\d+)<\/value>/g)].map(
      (m) => m[1],
    );
    const tanAnWards = loadProfile('long-an-2022')
      .units.filter((u) => u.parent_code === TAN_AN)
      .map((u) => u.code);
    const expected = [TAN_AN, ...tanAnWards.sort()];
    expect(values).toEqual([...expected, ...expected]); // one area per info (vi-VN, en-US)

    const feed = await anon.get('/cap/alerts.atom');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain(`/api/v1/alerts/${id}/cap.xml`);
    const current = (await anon.get('/api/v1/alerts/current')).json().items as { id: string }[];
    expect(current.map((a) => a.id)).toContain(id);
  });

  it('prepares a cancellation referencing the original; publishing it ends the original; no update after that', async () => {
    const id = await drafted();
    await officer.post(`/api/v1/alerts/${id}/submit`);
    await approver.post(`/api/v1/alerts/${id}/approve`);
    const original = (await approver.post(`/api/v1/alerts/${id}/publish`)).json();
    expect(original.availableActions).toEqual([]);
    expect((await officer.get(`/api/v1/alerts/${id}`)).json().availableActions).toEqual(['update', 'cancel']);

    const cancel = await officer.post(`/api/v1/alerts/${id}/follow-up`, { kind: 'Cancel' });
    expect(cancel.statusCode).toBe(201);
    const c = cancel.json();
    expect(c).toMatchObject({
      msgType: 'Cancel',
      referencesId: id,
      state: 'draft',
      responseType: 'AllClear',
    });
    await officer.post(`/api/v1/alerts/${c.id}/submit`);
    await approver.post(`/api/v1/alerts/${c.id}/approve`);
    expect((await approver.post(`/api/v1/alerts/${c.id}/publish`)).json().state).toBe('published');
    expect((await officer.get(`/api/v1/alerts/${id}`)).json().state).toBe('cancelled');

    const xml = (await new TestClient(t.app).get(`/api/v1/alerts/${c.id}/cap.xml`)).body;
    expect(xmllintCap(xml).valid).toBe(true);
    expect(checkCapSemantics(xml)).toEqual([]);
    expect(xml).toContain('<msgType>Cancel</msgType>');
    expect(xml).toMatch(
      new RegExp(
        `<references>canhbao@[^,]+,urn:uuid:${id},\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00</references>`,
      ),
    );

    const late = await officer.post(`/api/v1/alerts/${id}/follow-up`, { kind: 'Update' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('alert_original_not_current');
    const current = (await new TestClient(t.app).get('/api/v1/alerts/current')).json().items as {
      id: string;
    }[];
    expect(current.map((a) => a.id)).not.toContain(id);
  });

  it('an update supersedes the original; a rejected draft goes back to its author; every step is audited', async () => {
    const id = await drafted();
    await officer.post(`/api/v1/alerts/${id}/submit`);
    const rejected = await approver.post(`/api/v1/alerts/${id}/reject`, {
      reason: 'Ghi rõ tuyến đường bị ngập',
    });
    expect(rejected.json()).toMatchObject({ state: 'rejected', rejectReason: 'Ghi rõ tuyến đường bị ngập' });
    const edited = await officer.request('PUT', `/api/v1/alerts/${id}`, flood());
    expect(edited.json().state).toBe('draft');
    await officer.post(`/api/v1/alerts/${id}/submit`);
    await approver.post(`/api/v1/alerts/${id}/approve`);
    await approver.post(`/api/v1/alerts/${id}/publish`);
    const upd = (await officer.post(`/api/v1/alerts/${id}/follow-up`, { kind: 'Update' })).json();
    expect(upd).toMatchObject({ msgType: 'Update', referencesId: id });
    await officer.post(`/api/v1/alerts/${upd.id}/submit`);
    await approver.post(`/api/v1/alerts/${upd.id}/approve`);
    await approver.post(`/api/v1/alerts/${upd.id}/publish`);
    expect((await officer.get(`/api/v1/alerts/${id}`)).json().state).toBe('superseded');

    const rows = await t.app.database.query<{ action: string; actor_label: string }>(
      `select action, actor_label from audit_log where entity_type = 'alert' and entity_id in ($1, $2) order by id`,
      [id, upd.id],
    );
    expect(rows.map((r) => `${r.action}:${r.actor_label}`)).toEqual([
      'alert.drafted:canhbao',
      'alert.submitted:canhbao',
      'alert.rejected:duyetcanhbao',
      'alert.edited:canhbao',
      'alert.submitted:canhbao',
      'alert.approved:duyetcanhbao',
      'alert.published:duyetcanhbao',
      'alert.update_prepared:canhbao',
      'alert.submitted:canhbao',
      'alert.approved:duyetcanhbao',
      'alert.superseded:duyetcanhbao',
      'alert.published:duyetcanhbao',
    ]);
  });

  it('previews reach by area: a district subscription hears about its wards, a neighbour district does not', async () => {
    const sub = (endpoint: string, unitCodes: string[], drills = false) =>
      new TestClient(t.app).post('/api/v1/push/subscriptions', {
        endpoint,
        keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) },
        unitCodes,
        drills,
      });
    expect((await sub('http://127.0.0.1:9/notify/district', [TAN_AN])).statusCode).toBe(201);
    expect((await sub('http://127.0.0.1:9/notify/ward', [WARD_5])).statusCode).toBe(201);
    expect((await sub('http://127.0.0.1:9/notify/other', ['795'], true)).statusCode).toBe(201);
    expect((await sub('http://127.0.0.1:9/notify/drill', ['80'], true)).statusCode).toBe(201);
    // Refused: internal addresses on a public install are never accepted (see endpointAcceptable tests).
    expect((await sub('ftp://127.0.0.1/x', [WARD_5])).json().code).toBe('validation');

    const id = await drafted(flood({ area: { unitCodes: [WARD_2] } }));
    const preview = (await officer.get(`/api/v1/alerts/${id}/preview`)).json();
    // WARD_2 ⊂ Tân An: the district and the province (drill) subscriptions intersect; WARD_5 and 795 do not.
    expect(preview.reach).toEqual({ subscriptions: 2, accounts: 0, drillSubscriptions: 1, sms: 0, email: 0 });
    expect(preview.phone.title).toBe('Ngập sâu tại Phường 5 & Phường 2 <Tân An>');
    expect(preview.units).toEqual([{ code: WARD_2, name: 'Phường 2', level: 3 }]);

    const drill = await drafted(flood({ status: 'Exercise', area: { unitCodes: [TAN_AN] } }));
    const dp = (await officer.get(`/api/v1/alerts/${drill}/preview`)).json();
    expect(dp.phone.title).toMatch(/^\[DIỄN TẬP\] /);
    // An exercise reaches only the subscriptions that opted in to drills.
    expect(dp.reach.subscriptions).toBe(1);
    expect(dp.problems).toContain('drill_only');
  });

  it('keeps drafts private and the public feed free of staff names', async () => {
    const id = await drafted();
    const anon = new TestClient(t.app);
    expect((await anon.get(`/api/v1/alerts/current/${id}`)).statusCode).toBe(404);
    expect((await anon.get(`/api/v1/alerts/${id}`)).statusCode).toBe(401);
    const feed = (await anon.get('/api/v1/alerts/current')).body;
    expect(feed).not.toContain('canhbao');
    expect(feed).not.toContain('duyetcanhbao');
    const citizenLike = new TestClient(t.app);
    await citizenLike.signIn('ioc', TEST_DEMO_PASSWORD);
    expect((await citizenLike.get('/api/v1/alerts')).json().code).toBe('forbidden');
  });

  it('serves the public alert pages as HTML without script: current alerts, one alert, drafts hidden', async () => {
    const anon = new TestClient(t.app);
    const list = await anon.get('/canh-bao');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/html');
    expect(list.body).not.toContain('<script');
    expect(list.body).toContain('Ngập sâu tại Phường 5 &amp; Phường 2 &lt;Tân An&gt;');
    expect(list.body).toContain('/cap/alerts.atom');
    expect(list.body).not.toContain('canhbao@');
    const current = (await anon.get('/api/v1/alerts/current')).json().items as { id: string }[];
    const one = await anon.get(`/canh-bao/${current[0]!.id}?lang=en`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('<html lang="en"');
    const cancelled = (
      await t.app.database.query<{ id: string }>(`select id from alerts where state = 'cancelled' limit 1`)
    )[0]!.id;
    expect((await anon.get(`/canh-bao/${cancelled}`)).body).toContain('không còn hiệu lực (Đã hủy)');
    const draft = await drafted();
    expect((await anon.get(`/canh-bao/${draft}`)).statusCode).toBe(404);
    expect((await anon.get('/canh-bao/khong-co')).statusCode).toBe(404);
  });
});
