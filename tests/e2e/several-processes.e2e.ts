import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from './support/postgres.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

// Scale (issue 11): two web processes and one worker on one PostgreSQL server, started together.
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function signIn(server: RunningServer): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl },
    body: JSON.stringify({ login: 'ioc', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return {
    cookie: res.headers.get('set-cookie')!.split(';')[0]!,
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}

/** Reads server-sent events until one matches, or gives up. */
async function waitForEvent(
  res: Response,
  match: (data: string) => boolean,
  timeoutMs: number,
): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - Date.now()))),
      ]);
      if (!chunk || chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      for (const line of buffer.split('\n'))
        if (line.startsWith('data: ') && match(line.slice(6))) return line.slice(6);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  throw new Error(`no matching event within ${timeoutMs} ms; got:\n${buffer}`);
}

describe('two web processes and one worker on one PostgreSQL server', () => {
  it('start together, share sessions, hear each other’s changes live, leave jobs to the worker, and share rate limits', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tinhso-procs-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env = { DATABASE_URL: await scratchDatabase('procs', cleanups), RATE_LIMIT_SCALE: '20' };
    // Started at the same moment: the startup lock makes them migrate and seed one after the other.
    const [webA, webB, worker] = await Promise.all([
      startServer({ dataDir, env: { ...env, PROCESS_ROLE: 'web' } }),
      startServer({ dataDir, env: { ...env, PROCESS_ROLE: 'web' } }),
      startServer({ dataDir, env: { ...env, PROCESS_ROLE: 'worker' } }),
    ]);
    cleanups.push(
      () => webA.stop(),
      () => webB.stop(),
      () => worker.stop(),
    );

    // A session opened on A is valid on B (sessions live in the database).
    const ioc = await signIn(webA);
    const onB = await fetch(`${webB.baseUrl}/api/v1/auth/session`, { headers: { cookie: ioc.cookie } });
    expect(((await onB.json()) as { user: { username: string } }).user.username).toBe('ioc');

    // The IOC watches the live queue on A; a citizen's report arrives through B.
    const stream = await fetch(`${webA.baseUrl}/api/v1/reports/stream`, { headers: { cookie: ioc.cookie } });
    expect(stream.status).toBe(200);
    const email = `hai.tien.trinh.${randomBytes(3).toString('hex')}@example.vn`;
    const created = await fetch(`${webB.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: webB.baseUrl },
      body: JSON.stringify({
        categoryCode: 'giao_thong_ha_tang',
        title: 'Cột điện nghiêng sát đường',
        body: 'Cột điện trước nhà văn hóa khu phố nghiêng nhiều sau cơn mưa, có nguy cơ ngã ra đường.',
        location: { lat: 10.5359, lon: 106.4107 },
        reporter: { email },
        consent: true,
      }),
    });
    expect(created.status).toBe(201);
    const { id, trackingCode } = (await created.json()) as { id: string; trackingCode: string };
    const event = await waitForEvent(stream, (data) => data.includes(id), 20_000);
    expect(JSON.parse(event)).toMatchObject({ id, status: 'received' });

    // The acknowledgement is sent by the worker (web processes run no jobs).
    const deadline = Date.now() + 60_000;
    let outbox = '';
    while (Date.now() < deadline && !outbox.includes(trackingCode)) {
      try {
        outbox = readFileSync(path.join(dataDir, 'mail-outbox.log'), 'utf8');
      } catch {
        // Not written yet.
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(outbox).toContain(trackingCode);
    expect(outbox).toContain(email);

    // One address guessing tracking codes through both processes gets one budget, not one per process:
    // 10 a minute × RATE_LIMIT_SCALE 20 = 200 look-ups in all (the counters live in PostgreSQL).
    const budget = 10 * 20;
    const statuses: number[] = [];
    for (let i = 0; i <= budget; i++) {
      const web = i % 2 === 0 ? webA : webB;
      const res = await fetch(
        `${web.baseUrl}/api/v1/public/reports/lookup?code=LA-AAAA-A${String(i).padStart(3, '0')}&contact=0909000000`,
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, budget).every((s) => s === 404)).toBe(true);
    expect(statuses[budget]).toBe(429);
    for (const web of [webA, webB]) {
      const res = await fetch(
        `${web.baseUrl}/api/v1/public/reports/lookup?code=LA-AAAA-AAAA&contact=0909000000`,
      );
      expect(res.status).toBe(429);
      expect(((await res.json()) as { code: string }).code).toBe('rate_limited');
    }
  }, 600_000);
});
