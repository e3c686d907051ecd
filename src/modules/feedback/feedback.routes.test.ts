import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../testing/test-app.js';
import { TEST_ENGINE } from '../../testing/test-database.js';

let t: TestApp;
let ioc: TestClient;
let handler: TestClient;
let lead: TestClient;
let agencies: { id: string; name: string; kind: string; parentId: string | null; unitCode: string | null }[];

// Ổ gà trên QL1A ở phường 5, Tân An (the demo handler's district).
const TAN_AN = { lat: 10.5359, lon: 106.4107 };

const report = (over: Record<string, unknown> = {}) => ({
  categoryCode: 'giao_thong_ha_tang',
  title: 'Ổ gà lớn trên đường Hùng Vương',
  body: 'Trước số nhà 45 đường Hùng Vương có ổ gà sâu khoảng 15cm, xe máy dễ té ngã vào ban đêm.',
  location: TAN_AN,
  reporter: { name: 'Nguyễn Văn An', phone: '0909123456', email: 'an@example.vn' },
  displayPublicly: 'anonymous',
  consent: true,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  ioc = new TestClient(t.app);
  await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
  handler = new TestClient(t.app);
  await handler.signIn('canbo', TEST_DEMO_PASSWORD);
  lead = new TestClient(t.app);
  await lead.signIn('lanhdao', TEST_DEMO_PASSWORD);
  agencies = (await ioc.get('/api/v1/agencies')).json().items;
});
afterAll(async () => {
  await t?.close();
});

async function move(client: TestClient, id: string, body: Record<string, unknown>) {
  const current = (await client.get(`/api/v1/reports/${id}`)).json().report;
  return client.post(`/api/v1/reports/${id}/transitions`, { version: current.version, ...body });
}

describe(`feedback core over HTTP (${TEST_ENGINE})`, () => {
  it('takes a report in with a tracking code, a working-day deadline, the district and a routing suggestion', async () => {
    const citizen = new TestClient(t.app);
    const res = await citizen.post('/api/v1/reports', report());
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.trackingCode).toMatch(/^LA-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(created.status).toBe('received');
    expect(new Date(created.deadlineAt).getTime()).toBeGreaterThan(Date.now());
    // Stamped with the server's clock, not the demo seed's backdated one (the intake batches share a clock).
    const [received] = await t.app.database.query<{ at: Date }>(
      `select at from report_events where report_id = $1 and action = 'received'`,
      [created.id],
    );
    expect(Math.abs(new Date(received!.at).getTime() - Date.now())).toBeLessThan(120_000);

    const detail = (await ioc.get(`/api/v1/reports/${created.id}`)).json();
    expect(detail.report).toMatchObject({
      unitCode: '794',
      channel: 'web',
      categoryCode: 'giao_thong_ha_tang',
      urgency: 'field',
    });
    const suggested = agencies.find((a) => a.id === detail.report.suggestedAgencyId);
    expect(suggested?.unitCode).toBe('794');
    expect(detail.report.availableActions).toEqual(expect.arrayContaining(['accept', 'reject', 'merge']));
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['received']);
  });

  it('refuses bad reports with clear errors and writes nothing', async () => {
    const c = new TestClient(t.app);
    const before = (await ioc.get('/api/v1/reports?limit=200')).json().items.length;
    const cases: [Record<string, unknown>, string][] = [
      [report({ categoryCode: 'khong_co' }), 'unknown_category'],
      [report({ location: { lat: 10.77, lon: 106.7 } }), 'point_outside_province'],
      [report({ unitCode: '99999' }), 'unknown_unit'],
      [report({ consent: false }), 'validation'],
      [report({ reporter: {} }), 'contact_required'],
      [report({ attachmentIds: ['3f1c0d9e-4a8b-4c8e-9a57-1b2c3d4e5f60'] }), 'validation'],
    ];
    for (const [body, code] of cases) {
      const res = await c.post('/api/v1/reports', body);
      expect(res.json().code, JSON.stringify(body).slice(0, 80)).toBe(code);
    }
    expect((await ioc.get('/api/v1/reports?limit=200')).json().items.length).toBe(before);
  });

  it('returns the same report for a retried submission with the same idempotency key', async () => {
    const c = new TestClient(t.app);
    const first = await c.request(
      'POST',
      '/api/v1/reports',
      report({ title: 'Đèn đường không sáng cả tuần', categoryCode: 'chieu_sang' }),
      { 'idempotency-key': 'draft-5b0e7c1d-0001' },
    );
    const again = await c.request(
      'POST',
      '/api/v1/reports',
      report({ title: 'Đèn đường không sáng cả tuần', categoryCode: 'chieu_sang' }),
      { 'idempotency-key': 'draft-5b0e7c1d-0001' },
    );
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().trackingCode).toBe(first.json().trackingCode);
  });

  it('groups concurrent submissions into shared transactions without mixing them up', async () => {
    const c = new TestClient(t.app);
    const bodies = Array.from({ length: 30 }, (_, i) => report({ title: `Phản ánh đồng thời số ${i}` }));
    const responses = await Promise.all(
      bodies.map((b, i) =>
        c.request('POST', '/api/v1/reports', b, { 'idempotency-key': `burst-key-${i % 20}` }),
      ),
    );
    expect(responses.every((r) => r.statusCode === 201 || r.statusCode === 200)).toBe(true);
    const codes = responses.map((r) => r.json().trackingCode as string);
    expect(new Set(codes).size).toBe(20);
    for (let i = 20; i < 30; i++) expect(codes[i]).toBe(codes[i - 20]);
    const rows = await t.app.database.query<{ n: number }>(
      `select count(*)::int as n from reports where idempotency_key like 'burst-key-%'`,
    );
    expect(rows[0]!.n).toBe(20);
    const events = await t.app.database.query<{ n: number }>(
      `select count(*)::int as n from report_events e join reports r on r.id = e.report_id where r.idempotency_key like 'burst-key-%'`,
    );
    expect(events[0]!.n).toBe(20);
    const { verifyAuditChain } = await import('../../platform/audit/audit.js');
    expect((await verifyAuditChain(t.app.database)).ok).toBe(true);
  });

  it('walks received → closed through the IOC, the agency, its lead and the citizen, with every step on the timeline', async () => {
    const citizen = new TestClient(t.app);
    const { id, trackingCode } = (
      await citizen.post('/api/v1/reports', report({ title: 'Nắp hố ga bị mất trước chợ' }))
    ).json();
    const agencyId = (await ioc.get(`/api/v1/reports/${id}`)).json().report.suggestedAgencyId;

    // Not the handler's report (yet): it does not exist for them.
    expect(
      (await handler.post(`/api/v1/reports/${id}/transitions`, { action: 'accept', version: 1 })).statusCode,
    ).toBe(404);
    expect((await move(ioc, id, { action: 'accept' })).json().status).toBe('accepted');
    expect((await move(ioc, id, { action: 'assign', agencyId })).json().status).toBe('assigned');

    const handlerQueue = (await handler.get('/api/v1/reports')).json().items.map((r: { id: string }) => r.id);
    expect(handlerQueue).toContain(id);
    const contactLooks = (await ioc.get(`/api/v1/reports/${id}`)).json().report.reporter;
    expect(contactLooks.email).toBe('an@example.vn');
    const looked = await t.app.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'report.contact_viewed' and entity_id = $1`,
      [id],
    );
    expect(looked[0]!.n).toBeGreaterThan(0);
    const seenByHandler = (await handler.get(`/api/v1/reports/${id}`)).json().report;
    expect(seenByHandler.reporter).toBeNull(); // handlers never see the reporter's contact
    expect(seenByHandler.availableActions).toEqual(
      expect.arrayContaining(['start', 'return_to_ioc', 'pass_down']),
    );
    expect(seenByHandler.availableActions).not.toContain('publish');

    expect((await move(handler, id, { action: 'start' })).json().status).toBe('in_progress');
    expect((await move(handler, id, { action: 'approve_answer' })).json().code).toBe('illegal_transition');
    const answered = await move(handler, id, {
      action: 'submit_answer',
      answer: 'Đơn vị đã lắp lại nắp hố ga ngày 29/11, đề nghị người dân lưu ý.',
    });
    expect(answered.json()).toMatchObject({ status: 'answered', timeliness: 'on_time' });
    expect((await move(handler, id, { action: 'approve_answer' })).statusCode).toBe(403); // only the lead approves
    expect((await move(lead, id, { action: 'approve_answer' })).json().status).toBe('approved');
    expect((await move(ioc, id, { action: 'publish' })).json().status).toBe('published');

    const publicView = (await citizen.get(`/api/v1/public/reports/${trackingCode}`)).json();
    expect(publicView.answer).toContain('nắp hố ga');
    expect(JSON.stringify(publicView)).not.toContain('0909123456');
    expect(JSON.stringify(publicView)).not.toContain('Nguyễn Văn An');

    expect(
      (await citizen.get(`/api/v1/public/reports/lookup?code=${trackingCode}&contact=0911111111`)).statusCode,
    ).toBe(404);
    const mine = (
      await citizen.get(
        `/api/v1/public/reports/lookup?code=${trackingCode.toLowerCase()}&contact=0909%20123%20456`,
      )
    ).json();
    expect(mine.canRate).toBe(true);
    const rated = await citizen.post(`/api/v1/public/reports/${trackingCode}/rating`, {
      contact: 'an@example.vn',
      satisfied: true,
      comment: 'Cảm ơn',
    });
    expect(rated.json().report).toMatchObject({ status: 'closed', rating: 'satisfied' });
    expect(
      (
        await citizen.post(`/api/v1/public/reports/${trackingCode}/rating`, {
          contact: 'an@example.vn',
          satisfied: false,
        })
      ).json().code,
    ).toBe('rating_not_allowed');

    const timeline = (await ioc.get(`/api/v1/reports/${id}`))
      .json()
      .timeline.map((e: { action: string }) => e.action);
    expect(timeline).toEqual([
      'received',
      'accept',
      'assign',
      'start',
      'submit_answer',
      'approve_answer',
      'publish',
      'rated_satisfied',
    ]);
    const publicSteps = mine.timeline.map((e: { action: string }) => e.action);
    expect(publicSteps).toEqual(['received', 'accept', 'assign', 'start', 'publish']);
  });

  it('gives a conflict, never a lost update, when two people act on the same version', async () => {
    const { id } = (
      await new TestClient(t.app).post(
        '/api/v1/reports',
        report({ title: 'Cây xanh gãy đổ chắn đường', categoryCode: 'cay_xanh' }),
      )
    ).json();
    const version = (await ioc.get(`/api/v1/reports/${id}`)).json().report.version;
    const [a, b] = await Promise.all([
      ioc.post(`/api/v1/reports/${id}/transitions`, { action: 'accept', version }),
      ioc.post(`/api/v1/reports/${id}/transitions`, { action: 'reject', version, reason: 'spam' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('rejects with a reason the citizen sees, and handles return, pass-down and extensions', async () => {
    const citizen = new TestClient(t.app);
    const spam = (
      await citizen.post('/api/v1/reports', report({ title: 'Quảng cáo bán hàng giá rẻ' }))
    ).json();
    expect((await move(ioc, spam.id, { action: 'reject' })).json()).toMatchObject({ code: 'field_required' });
    expect((await move(ioc, spam.id, { action: 'reject', reason: 'spam' })).json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'spam',
    });

    const { id } = (
      await citizen.post('/api/v1/reports', report({ title: 'Đường bê tông bị sụt lún' }))
    ).json();
    const district = (await ioc.get(`/api/v1/reports/${id}`)).json().report.suggestedAgencyId;
    await move(ioc, id, { action: 'accept' });
    await move(ioc, id, { action: 'assign', agencyId: district });
    const commune = agencies.find((a) => a.parentId === district && a.kind === 'commune_pc')!;
    const other = agencies.find((a) => a.kind === 'department')!;
    expect((await move(handler, id, { action: 'pass_down', agencyId: other.id })).json().code).toBe(
      'not_a_sub_unit',
    );
    expect((await move(handler, id, { action: 'pass_down', agencyId: commune.id })).json()).toMatchObject({
      status: 'assigned',
      agencyId: commune.id,
    });
    // The district handler still sees it (sub-unit), starts it and asks for more time.
    await move(handler, id, { action: 'start' });
    expect((await move(handler, id, { action: 'request_extension', extensionDays: 2 })).json().code).toBe(
      'field_required',
    );
    expect(
      (
        await move(handler, id, {
          action: 'request_extension',
          extensionDays: 2,
          note: 'Cần khảo sát hiện trường',
        })
      ).json().extensionState,
    ).toBe('requested');
    const granted = (await move(ioc, id, { action: 'grant_extension' })).json();
    expect(granted.extensionState).toBe('granted');
    expect(new Date(granted.extendedDeadlineAt).getTime()).toBeGreaterThan(
      new Date(granted.deadlineAt).getTime(),
    );
    expect(
      (await move(handler, id, { action: 'return_to_ioc', note: 'Không thuộc thẩm quyền' })).json().status,
    ).toBe('returned');
  });

  it('keeps agency staff inside their agency: another agency’s report is not found', async () => {
    const { id } = (
      await new TestClient(t.app).post(
        '/api/v1/reports',
        report({ title: 'Mất điện cả khu phố', categoryCode: 'dien' }),
      )
    ).json();
    const electricity = (await ioc.get(`/api/v1/reports/${id}`)).json().report.suggestedAgencyId;
    await move(ioc, id, { action: 'accept' });
    await move(ioc, id, { action: 'assign', agencyId: electricity });
    expect((await handler.get(`/api/v1/reports/${id}`)).statusCode).toBe(404);
    expect(
      (await handler.get('/api/v1/reports?limit=200')).json().items.map((r: { id: string }) => r.id),
    ).not.toContain(id);
    expect((await handler.post(`/api/v1/reports/${id}/notes`, { text: 'x' })).statusCode).toBe(404);
  });

  it('merges a duplicate and filters the queue by status, channel and text without diacritics', async () => {
    const citizen = new TestClient(t.app);
    const a = (
      await citizen.post(
        '/api/v1/reports',
        report({ title: 'Rác thải chất đống đầu hẻm', categoryCode: 've_sinh_moi_truong' }),
      )
    ).json();
    const b = (
      await citizen.post(
        '/api/v1/reports',
        report({ title: 'Rác chất đống đầu hẻm 12', categoryCode: 've_sinh_moi_truong' }),
      )
    ).json();
    const dupes = (await ioc.get(`/api/v1/reports/${b.id}/duplicates`)).json().items;
    expect(dupes[0]).toMatchObject({ trackingCode: a.trackingCode, distanceM: 0 });
    expect(dupes[0].score).toBeGreaterThan(0.5);
    const merged = await move(ioc, b.id, { action: 'merge', mergeInto: a.trackingCode });
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoCode: a.trackingCode });
    const found = (await ioc.get('/api/v1/reports?q=rac%20chat%20dong&status=received'))
      .json()
      .items.map((r: { id: string }) => r.id);
    expect(found).toContain(a.id);
    expect(found).not.toContain(b.id);
    const page1 = (await ioc.get('/api/v1/reports?limit=2')).json();
    const page2 = (await ioc.get(`/api/v1/reports?limit=2&after=${page1.nextCursor}`)).json();
    expect(page2.items[0].id).not.toBe(page1.items[1].id);
  });
});

describe(`IOC tools (${TEST_ENGINE})`, () => {
  it('routes accepted reports automatically when the IOC turns it on, and shows the deadline board', async () => {
    expect((await handler.request('PUT', '/api/v1/routing/auto-assign', { enabled: true })).statusCode).toBe(
      403,
    );
    expect((await ioc.request('PUT', '/api/v1/routing/auto-assign', { enabled: true })).json()).toEqual({
      autoAssign: true,
    });
    const { id } = (
      await new TestClient(t.app).post('/api/v1/reports', report({ title: 'Vỉa hè bị bể nhiều chỗ' }))
    ).json();
    const accepted = (await move(ioc, id, { action: 'accept' })).json();
    expect(accepted.status).toBe('assigned');
    expect(accepted.agencyId).toBe(accepted.suggestedAgencyId);
    await ioc.request('PUT', '/api/v1/routing/auto-assign', { enabled: false });

    const map = (await ioc.get('/api/v1/reports/map')).json();
    expect(map.boundaries.features).toHaveLength(15);
    expect(map.points.map((pt: { id: string }) => pt.id)).toContain(id);
    expect(JSON.stringify(map.points)).not.toContain('@');
    const board = (await ioc.get('/api/v1/reports/deadline-board')).json();
    expect(Object.keys(board)).toEqual(['overdue', 'dueToday', 'dueSoon']);
  });

  it('keeps response templates and a routing rule that overrides the default', async () => {
    const created = await ioc.post('/api/v1/response-templates', {
      title: 'Đã khắc phục',
      body: 'Đơn vị đã khắc phục xong sự cố.',
      categoryCode: 'giao_thong_ha_tang',
    });
    expect(created.statusCode).toBe(201);
    const listed = (await handler.get('/api/v1/response-templates?category=giao_thong_ha_tang')).json().items;
    expect(listed.map((x: { title: string }) => x.title)).toContain('Đã khắc phục');

    const rule = await ioc.request('PUT', '/api/v1/routing/rules', {
      categoryCode: 'cay_xanh',
      unitCode: '794',
      agencyCode: 'so-xd',
    });
    expect(rule.statusCode).toBe(200);
    const { id } = (
      await new TestClient(t.app).post(
        '/api/v1/reports',
        report({ title: 'Cây xanh nghiêng sắp đổ', categoryCode: 'cay_xanh' }),
      )
    ).json();
    const suggested = (await ioc.get(`/api/v1/reports/${id}`)).json().report.suggestedAgencyId;
    expect(agencies.find((a) => a.id === suggested)?.name).toMatch(/Xây dựng/);
  });

  it('streams committed changes live, and only the agency’s own to agency staff', async () => {
    const address = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    const open = async (client: TestClient) => {
      const ctrl = new AbortController();
      const res = await fetch(`${address}/api/v1/reports/stream`, {
        headers: { cookie: client.cookie },
        signal: ctrl.signal,
      });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      let text = '';
      const read = async (ms: number) => {
        const until = Date.now() + ms;
        while (Date.now() < until) {
          const chunk = await Promise.race([
            reader.read(),
            new Promise<null>((r) => setTimeout(() => r(null), until - Date.now())),
          ]);
          if (!chunk || chunk.done) break;
          text += new TextDecoder().decode(chunk.value);
        }
        return text;
      };
      return { read, close: () => ctrl.abort() };
    };
    const iocStream = await open(ioc);
    const handlerStream = await open(handler);
    const { id } = (
      await new TestClient(t.app).post(
        '/api/v1/reports',
        report({ title: 'Nước ngập sau mưa lớn', categoryCode: 'thoat_nuoc_ngap' }),
      )
    ).json();
    expect(await iocStream.read(1500)).toContain(id);
    expect(await handlerStream.read(300)).not.toContain(id);
    iocStream.close();
    handlerStream.close();
  });
});
