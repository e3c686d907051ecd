import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDatabase, startPrivateCluster, type PrivateCluster } from './support/postgres.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

// Reliability (issue 12): the PostgreSQL server is restarted under load — once cleanly (pg_ctl stop -m fast)
// and once as a crash (stop -m immediate, recovery on start) — while citizens send a burst of reports.
// Clients get a clear retryable answer (503 problem+json, Retry-After, Vietnamese), never a 500 or a hang;
// retrying with the same Idempotency-Key makes every report exist exactly once; the app recovers without a
// restart: its pool reconnects, the live stream's LISTEN resumes, and the job queue sends the mail again.
// The cluster is the test's own (initdb in a temporary folder): the shared server is never touched.
const REPORTS = 120;
const CONCURRENCY = 8;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

function report(marker: string, n: number) {
  return {
    categoryCode: 'giao_thong_ha_tang',
    title: `Kiểm thử khởi động lại CSDL ${marker} số ${n}`,
    body: 'Nắp cống trước chợ bị vỡ, xe máy đi qua rất dễ sụp bánh, đề nghị thay nắp mới sớm.',
    location: { lat: 10.5359, lon: 106.4107 },
    reporter: { email: `restart${n}@example.vn` },
    consent: true,
  };
}

async function submit(baseUrl: string, key: string, body: unknown) {
  return fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, origin: baseUrl },
    body: JSON.stringify(body),
    // A hang is a failure: the answer must come while the database is down.
    signal: AbortSignal.timeout(20_000),
  });
}

interface Unavailable {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: { code?: string; title?: string };
}

async function readEvents(res: Response, seen: string[]): Promise<void> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (chunk.done) return;
    buffer += decoder.decode(chunk.value, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('data: ')) seen.push(line.slice(6));
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the PostgreSQL server restarted under load', () => {
  it('answers 503 with Retry-After while it is down, loses and duplicates nothing, and recovers by itself', async () => {
    const cluster: PrivateCluster = await startPrivateCluster();
    cleanups.push(() => cluster.destroy());
    const databaseUrl = await scratchDatabase('restart', cleanups, cluster.url);
    const server: RunningServer = await startServer({
      env: { DATABASE_URL: databaseUrl, RATE_LIMIT_SCALE: '100' },
    });
    cleanups.push(() => server.stop());
    const base = server.baseUrl;

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ login: 'ioc', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    // The IOC's live queue stays open through both restarts (the app's LISTEN connection must come back).
    const stream = await fetch(`${base}/api/v1/reports/stream`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const events: string[] = [];
    void readEvents(stream, events);

    const marker = `khoidong${randomBytes(4).toString('hex')}`;
    const keys = Array.from({ length: REPORTS }, () => randomUUID());
    const acknowledged = new Map<number, string>(); // report → tracking code
    const unavailable: Unavailable[] = [];
    const unexpected: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < REPORTS) {
        const i = next++;
        // A well-behaved client: on 503 it waits and retries with the same key, up to two minutes.
        const deadline = Date.now() + 120_000;
        while (Date.now() < deadline) {
          let res: Response;
          try {
            res = await submit(base, keys[i]!, report(marker, i));
          } catch (error) {
            unexpected.push(`report ${i}: ${(error as Error).name} ${(error as Error).message}`);
            break;
          }
          if (res.status === 201 || res.status === 200) {
            acknowledged.set(i, ((await res.json()) as { trackingCode: string }).trackingCode);
            break;
          }
          if (res.status === 503) {
            unavailable.push({
              status: res.status,
              contentType: res.headers.get('content-type'),
              retryAfter: res.headers.get('retry-after'),
              body: (await res.json()) as Unavailable['body'],
            });
            await new Promise((r) => setTimeout(r, 300));
            continue;
          }
          unexpected.push(`report ${i}: HTTP ${res.status} ${await res.text()}`);
          break;
        }
      }
    };
    const burst = Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const readyStatus = async () =>
      (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(10_000) })).status;
    // First a clean restart a quarter of the way in, then a crash of the server halfway.
    for (const [mode, at] of [
      ['fast', REPORTS / 4],
      ['immediate', REPORTS / 2],
    ] as const) {
      await until(() => acknowledged.size >= at, 180_000, `${at} acknowledged reports`);
      const before = unavailable.length;
      await cluster.stop(mode);
      await until(
        () => {
          if (unexpected.length)
            throw new Error(
              `unexpected answers:\n${unexpected.slice(0, 5).join('\n')}\nserver:\n${server.output().slice(-4000)}`,
            );
          return unavailable.length >= before + CONCURRENCY;
        },
        30_000,
        'clients told to retry',
      );
      expect(await readyStatus()).toBe(503);
      await cluster.start();
    }
    await burst;

    expect(unexpected).toEqual([]);
    expect(acknowledged.size).toBe(REPORTS);
    expect(unavailable.length).toBeGreaterThanOrEqual(2 * CONCURRENCY);
    for (const u of unavailable) {
      expect(u.contentType).toContain('application/problem+json');
      expect(Number(u.retryAfter)).toBeGreaterThan(0);
      expect(u.body).toMatchObject({
        code: 'service_unavailable',
        title: expect.stringMatching(/tạm thời/i) as unknown,
      });
    }
    expect(await readyStatus()).toBe(200);

    // Every report exists exactly once, with the tracking code its client was given.
    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect();
    cleanups.push(() => check.end());
    const rows = (
      await check.query<{ title: string; tracking_code: string }>(
        'select title, tracking_code from reports where title like $1',
        [`%${marker}%`],
      )
    ).rows;
    expect(rows.length).toBe(REPORTS);
    const byTitle = new Map(rows.map((r) => [r.title, r.tracking_code]));
    for (const [i, code] of acknowledged) expect(byTitle.get(report(marker, i).title)).toBe(code);

    // Retrying every request again changes nothing.
    for (const [i, key] of keys.entries()) {
      const res = await submit(base, key, report(marker, i));
      expect(res.status).toBe(200);
      expect(((await res.json()) as { trackingCode: string }).trackingCode).toBe(acknowledged.get(i));
    }
    const again = await check.query('select count(*)::int as n from reports where title like $1', [
      `%${marker}%`,
    ]);
    expect(again.rows[0]).toEqual({ n: REPORTS });

    // The live stream hears a report made after the restarts (LISTEN reconnected; give its back-off time).
    const after = await submit(base, randomUUID(), report(`${marker}sau`, 0));
    expect(after.status).toBe(201);
    const { id, trackingCode } = (await after.json()) as { id: string; trackingCode: string };
    await until(() => events.some((e) => e.includes(id)), 30_000, 'the live event after the restarts');

    // The job queue works again: the acknowledgement mail of that report goes out (once).
    const outbox = () => {
      try {
        return readFileSync(path.join(server.dataDir!, 'mail-outbox.log'), 'utf8');
      } catch {
        return '';
      }
    };
    await until(() => outbox().includes(trackingCode), 90_000, 'the acknowledgement mail');
  }, 900_000);
});
