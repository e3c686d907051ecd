import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PASSWORD, TestClient, type TestApp } from '../../../testing/test-app.js';
import { TEST_ENGINE } from '../../../testing/test-database.js';
import { signCtiBody } from './cti-signature.js';
import { blindIndex, decryptText } from '../../../platform/crypto/field-cipher.js';

const SECRET = 'test-cti-secret-0123456789-abcdefghij';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { CTI_SECRET: SECRET } });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

let seq = 0;
const uniqueCallId = () => `pbx-${Date.now().toString(36)}-${++seq}`;
const caller = () => `09${String(Date.now() + ++seq).slice(-8)}`;

/** What a telephony system sends: the event (JSON or form), X-CTI-Timestamp and X-CTI-Signature. */
async function post(
  event: Record<string, string | string[]>,
  opts: { secret?: string; at?: number; form?: boolean; raw?: string; signature?: string } = {},
) {
  const at = opts.at ?? Math.floor(Date.now() / 1000);
  let body = opts.raw ?? JSON.stringify(event);
  if (opts.form) {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(event)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
    body = form.toString();
  }
  const signature = opts.signature ?? `sha256=${signCtiBody(opts.secret ?? SECRET, at, body)}`;
  return t.app.http.inject({
    method: 'POST',
    url: '/api/v1/cti/events',
    headers: {
      'content-type': opts.form ? 'application/x-www-form-urlencoded' : 'application/json',
      'x-cti-timestamp': String(at),
      'x-cti-signature': signature,
    },
    payload: body,
  });
}

async function callRow(externalId: string) {
  const { rows } = await t.app.database.executeSql(
    `select c.*, (select count(*)::int from cti_events e where e.external_id = c.external_id) as events
       from calls c where provider = 'cti' and external_id = $1`,
    [externalId],
  );
  return rows[0] as Record<string, unknown> | undefined;
}

describe(`CTI webhook (${TEST_ENGINE})`, () => {
  it('newCall → answer → hangup: opens the record, sets the agent, closes it with hang_up', async () => {
    const callId = uniqueCallId();
    const from = caller();
    const opened = await post({
      event: 'newCall',
      from,
      to: '02721022',
      direction: 'in',
      callId,
      'user[]': 'tongdai',
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'ringing', outcome: null });
    let row = await callRow(callId);
    expect(row).toMatchObject({ status: 'ringing', direction: 'in' });
    // The number is stored encrypted, found by its blind index.
    expect(row!.caller_phone).not.toContain(from.slice(1));
    expect(decryptText(row!.caller_phone as string)).toBe(`+84${from.slice(1)}`);
    expect(row!.caller_phone_hash).toBe(blindIndex(`+84${from.slice(1)}`));

    // Form-encoded, as Zammad's generic CTI also accepts; the agent is found by login.
    const answered = await post(
      { event: 'answer', from, to: '02721022', direction: 'in', callId, answeringNumber: 'tongdai' },
      { form: true },
    );
    expect(answered.statusCode).toBe(200);
    row = await callRow(callId);
    expect(row?.status).toBe('answered');
    expect(row?.answered_at).not.toBeNull();
    const { rows: agent } = await t.app.database.executeSql(
      `select id from users where username = 'tongdai'`,
    );
    expect(row?.agent_id).toBe((agent[0] as { id: string }).id);

    const ended = await post({
      event: 'hangup',
      from,
      to: '02721022',
      direction: 'in',
      callId,
      cause: 'normalClearing',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', outcome: 'hang_up' });
    row = await callRow(callId);
    expect(row).toMatchObject({
      status: 'ended',
      outcome: 'hang_up',
      hangup_cause: 'normalClearing',
      events: 3,
    });

    // The audit rows name the call, never the full number.
    const { rows: audit } = await t.app.database.executeSql(
      `select action, summary::text as s from audit_log where entity_id = $1 order by id`,
      [row?.id],
    );
    expect((audit as { action: string }[]).map((a) => a.action)).toEqual([
      'call.started',
      'call.answered',
      'call.ended',
    ]);
    expect(JSON.stringify(audit)).not.toContain(from.slice(1));
  });

  it('a call nobody answered ends as missed; an anonymous caller has no number', async () => {
    const callId = uniqueCallId();
    expect(
      (await post({ event: 'newCall', from: 'anonymous', to: '02721022', direction: 'in', callId }))
        .statusCode,
    ).toBe(200);
    const ended = await post({
      event: 'hangup',
      from: 'anonymous',
      direction: 'in',
      callId,
      cause: 'cancel',
    });
    expect(ended.json()).toMatchObject({ status: 'ended', outcome: 'missed' });
    expect(await callRow(callId)).toMatchObject({ caller_phone: null, answered_at: null });
  });

  it('refuses a bad signature, a stale or future timestamp, and a missing signature with 401', async () => {
    const callId = uniqueCallId();
    const event = { event: 'newCall', from: caller(), direction: 'in', callId };
    const wrongKey = await post(event, { secret: 'another-secret-that-is-long-enough-0000' });
    expect(wrongKey.statusCode).toBe(401);
    expect(wrongKey.headers['content-type']).toContain('application/problem+json');
    expect(wrongKey.json().code).toBe('cti_bad_signature');
    // The body changed after signing.
    const now = Math.floor(Date.now() / 1000);
    const signed = `sha256=${signCtiBody(SECRET, now, JSON.stringify(event))}`;
    const tampered = await post(event, {
      raw: JSON.stringify({ ...event, from: '0900000000' }),
      signature: signed,
      at: now,
    });
    expect(tampered.statusCode).toBe(401);
    expect((await post(event, { at: now - 301 })).statusCode).toBe(401);
    expect((await post(event, { at: now + 400 })).statusCode).toBe(401);
    expect((await post(event, { signature: '' })).statusCode).toBe(401);
    expect(await callRow(callId)).toBeUndefined();
    // A timestamp inside the window is fine.
    expect((await post(event, { at: now - 120 })).statusCode).toBe(200);
  });

  it('refuses a replayed request and a repeated event with 409, changing nothing', async () => {
    const callId = uniqueCallId();
    const event = { event: 'newCall', from: caller(), direction: 'in', callId };
    const at = Math.floor(Date.now() / 1000);
    expect((await post(event, { at })).statusCode).toBe(200);
    const replay = await post(event, { at });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe('cti_replay');
    // The same event re-signed a second later is still the same event for this call.
    expect((await post(event, { at: at + 1 })).statusCode).toBe(409);
    const hangup = { event: 'hangup', direction: 'in', callId, cause: 'cancel' };
    expect((await post(hangup, { at })).statusCode).toBe(200);
    expect((await post(hangup, { at: at + 2 })).statusCode).toBe(409);
    // An answer after the hang-up is refused as well.
    const late = await post({ event: 'answer', direction: 'in', callId, answeringNumber: 'tongdai' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('call_ended');
    expect(await callRow(callId)).toMatchObject({ status: 'ended', outcome: 'missed', agent_id: null });
  });

  it('answers an event for an unknown call with a problem 404; bad bodies are 400; nothing crashes', async () => {
    const unknown = await post({
      event: 'answer',
      direction: 'in',
      callId: 'never-seen-123',
      answeringNumber: 'tongdai',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ code: 'call_not_found' });
    expect((await post({ event: 'hangup', callId: 'never-seen-456' })).statusCode).toBe(404);
    expect((await post({ event: 'transfer', callId: uniqueCallId() })).statusCode).toBe(400);
    expect((await post({}, { raw: '{"event":' })).statusCode).toBe(400);
    expect((await post({}, { raw: '[1,2]' })).statusCode).toBe(400);
    const health = await t.app.http.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
  });

  it('is off (404) when CTI_SECRET is not set', async () => {
    const saved = t.config.cti.secret;
    t.config.cti.secret = undefined;
    try {
      const res = await post({ event: 'newCall', from: caller(), direction: 'in', callId: uniqueCallId() });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('cti_disabled');
    } finally {
      t.config.cti.secret = saved;
    }
  });
});

describe(`call records in the console (${TEST_ENGINE})`, () => {
  it('pops the caller’s history, links the report recorded on the call, keeps report_created at hang-up', async () => {
    const agent = new TestClient(t.app);
    await agent.signIn('tongdai', TEST_DEMO_PASSWORD);
    const from = caller();
    // An earlier call from this number, logged by hand, ended with the status given.
    const manual = await agent.post('/api/v1/call-centre/calls', { phone: from });
    expect(manual.statusCode).toBe(201);
    expect(manual.json()).toMatchObject({
      provider: 'manual',
      status: 'answered',
      phone: `+84${from.slice(1)}`,
    });
    const closed = await agent.post(`/api/v1/call-centre/calls/${manual.json().id}/outcome`, {
      outcome: 'status_given',
      note: 'Hỏi tình trạng phản ánh cũ',
      end: true,
    });
    expect(closed.json()).toMatchObject({ status: 'ended', outcome: 'status_given' });

    const callId = uniqueCallId();
    const opened = await post({ event: 'newCall', from, to: '02721022', direction: 'in', callId });
    const id = opened.json().id as string;
    expect(
      (await agent.get('/api/v1/call-centre/calls/open')).json().items.map((c: { id: string }) => c.id),
    ).toContain(id);
    const call = await agent.get(`/api/v1/call-centre/calls/${id}`);
    expect(call.json()).toMatchObject({ status: 'ringing', phone: `+84${from.slice(1)}` });
    const history = await agent.get(`/api/v1/call-centre/caller-reports?phone=${from}&exceptCall=${id}`);
    expect(history.json().calls).toHaveLength(1);
    expect(history.json().calls[0]).toMatchObject({
      outcome: 'status_given',
      note: 'Hỏi tình trạng phản ánh cũ',
    });

    await post({ event: 'answer', direction: 'in', callId, answeringNumber: 'tongdai' });
    const report = await agent.post('/api/v1/reports', {
      categoryCode: 'chieu_sang',
      title: 'Đèn đường tắt',
      body: 'Người gọi báo đèn đường tắt cả dãy trên đường Hùng Vương.',
      reporter: { phone: from },
      consent: true,
      channel: 'phone',
    });
    expect(report.statusCode).toBe(201);
    const linked = await agent.post(`/api/v1/call-centre/calls/${id}/reports`, {
      reportId: report.json().id,
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({
      outcome: 'report_created',
      reports: [{ trackingCode: report.json().trackingCode }],
    });
    const ended = await post({ event: 'hangup', direction: 'in', callId, cause: 'normalClearing' });
    expect(ended.json()).toMatchObject({ status: 'ended', outcome: 'report_created' });
    // A report belongs to one call.
    const again = await agent.post(`/api/v1/call-centre/calls/${manual.json().id}/reports`, {
      reportId: report.json().id,
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await agent.get('/api/v1/call-centre/calls/00000000-0000-0000-0000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('is for call-taking roles only', async () => {
    const handler = new TestClient(t.app);
    await handler.signIn('canbo', TEST_DEMO_PASSWORD);
    expect((await handler.post('/api/v1/call-centre/calls', { phone: '0912345678' })).statusCode).toBe(403);
    expect((await handler.get('/api/v1/call-centre/calls/open')).statusCode).toBe(403);
    expect(
      (await new TestClient(t.app).post('/api/v1/call-centre/calls', { phone: '0912345678' })).statusCode,
    ).toBe(401);
  });
});

describe(`call statistics (${TEST_ENGINE})`, () => {
  it('counts calls, answered, missed, handling time and outcomes per agent and Vietnam hour', async () => {
    const { rows } = await t.app.database.executeSql(
      `select id, username from users where username in ('tongdai', 'ioc')`,
    );
    const id = (u: string) => (rows as { id: string; username: string }[]).find((r) => r.username === u)?.id;
    const day = '2026-03-10';
    // started (UTC), answered after s seconds, ended after e seconds, agent, outcome.
    const calls: [string, number | null, number, string | null, string][] = [
      ['2026-03-10T01:15:00Z', 10, 190, 'tongdai', 'report_created'], // 08:15 in Vietnam
      ['2026-03-10T01:40:00Z', 5, 125, 'tongdai', 'status_given'], // 08:40
      ['2026-03-10T02:05:00Z', null, 30, null, 'missed'], // 09:05
      ['2026-03-10T07:30:00Z', 20, 80, 'ioc', 'question_answered'], // 14:30
      ['2026-03-09T16:59:00Z', 5, 65, 'tongdai', 'hang_up'], // 23:59 on the 9th: outside
      ['2026-03-10T17:00:00Z', 5, 65, 'tongdai', 'hang_up'], // 00:00 on the 11th: outside
    ];
    for (const [at, answer, end, agent, outcome] of calls)
      await t.app.database.executeSql(
        `insert into calls (provider, direction, caller_phone, agent_id, status, outcome, started_at, answered_at, ended_at)
         values ('manual', 'in', '+84900000001', $1, 'ended', $2, $3::timestamptz,
                 case when $4::int is null then null else $3::timestamptz + make_interval(secs => $4::int) end,
                 $3::timestamptz + make_interval(secs => $5::int))`,
        [agent ? id(agent) : null, outcome, at, answer, end],
      );

    const ioc = new TestClient(t.app);
    await ioc.signIn('ioc', TEST_DEMO_PASSWORD);
    const res = await ioc.get(`/api/v1/call-centre/stats?from=${day}&to=${day}`);
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    expect(stats.total).toMatchObject({ calls: 4, answered: 3, missed: 1 });
    // (180 + 120 + 60) / 3 seconds on the line.
    expect(stats.total.avgHandleSeconds).toBe(120);
    const tongdai = stats.agents.find((a: { agentId: string }) => a.agentId === id('tongdai'));
    expect(tongdai).toMatchObject({
      agentName: 'Lê Văn Tổng Đài',
      calls: 2,
      answered: 2,
      missed: 0,
      avgHandleSeconds: 150,
      outcomes: { report_created: 1, status_given: 1 },
    });
    expect(stats.agents.find((a: { agentId: string | null }) => a.agentId === null)).toMatchObject({
      calls: 1,
      missed: 1,
      outcomes: { missed: 1 },
    });
    expect(stats.hours.map((h: { hour: number; calls: number }) => [h.hour, h.calls])).toEqual([
      [8, 2],
      [9, 1],
      [14, 1],
    ]);

    const agent = new TestClient(t.app);
    await agent.signIn('tongdai', TEST_DEMO_PASSWORD);
    expect((await agent.get(`/api/v1/call-centre/stats?from=${day}&to=${day}`)).statusCode).toBe(403);
    expect((await ioc.get(`/api/v1/call-centre/stats?from=${day}&to=2026-03-01`)).statusCode).toBe(400);
  });
});

describe(`live call stream (${TEST_ENGINE})`, () => {
  it('pops a newCall on the named agent’s stream only, without the caller’s number', async () => {
    const address = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    const agent = new TestClient(t.app);
    await agent.signIn('tongdai', TEST_DEMO_PASSWORD);
    const abort = new AbortController();
    const res = await fetch(`${address}/api/v1/call-centre/stream`, {
      headers: { cookie: agent.cookie },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const next = async (needle: string) => {
      const deadline = Date.now() + 10_000;
      while (!text.includes(needle) && Date.now() < deadline) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<{ done: true; value: undefined }>((r) =>
            setTimeout(() => r({ done: true, value: undefined }), 1_000),
          ),
        ]);
        if (chunk.value) text += decoder.decode(chunk.value);
      }
      return text.includes(needle);
    };
    try {
      await next('retry:');
      const from = caller();
      // Rung on another agent only: not on this screen.
      const elsewhere = await post({
        event: 'newCall',
        from,
        direction: 'in',
        callId: uniqueCallId(),
        'user[]': 'ioc',
      });
      // Rung on this agent.
      const mine = await post({
        event: 'newCall',
        from,
        direction: 'in',
        callId: uniqueCallId(),
        'user[]': 'tongdai',
      });
      expect(await next(mine.json().id)).toBe(true);
      expect(text).toContain('event: call');
      expect(text).toContain('"event":"newCall"');
      expect(text).not.toContain(elsewhere.json().id);
      expect(text).not.toContain(from.slice(1));
    } finally {
      abort.abort();
    }
  });
});
