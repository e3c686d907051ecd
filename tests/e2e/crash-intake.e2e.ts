import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from './support/postgres.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

// Reliability (issue 12): a report acknowledged to a citizen (HTTP 201) survives a crash of the server,
// exactly once; a retry with the same Idempotency-Key never makes a second report.
const REPORTS = 90;
const CONCURRENCY = 10;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

interface Outcome {
  key: string;
  acknowledged: { id: string; trackingCode: string } | null;
}

function report(marker: string, n: number) {
  return {
    categoryCode: 'giao_thong_ha_tang',
    title: `Kiểm thử sập nguồn ${marker} số ${n}`,
    body: 'Đèn đường trước trường tiểu học bị tắt nhiều ngày, buổi tối học sinh đi lại rất nguy hiểm.',
    location: { lat: 10.5359, lon: 106.4107 },
    reporter: { email: `crash${n}@example.vn` },
    consent: true,
  };
}

async function submit(baseUrl: string, key: string, body: unknown) {
  return fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, origin: baseUrl },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
}

/** Sends the burst; kills the server once a third of the reports are acknowledged. */
async function burstWithCrash(server: RunningServer, marker: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = Array.from({ length: REPORTS }, () => ({
    key: randomUUID(),
    acknowledged: null,
  }));
  let next = 0;
  let acked = 0;
  let killing: Promise<void> | null = null;
  const worker = async () => {
    while (next < REPORTS) {
      const i = next++;
      try {
        const res = await submit(server.baseUrl, outcomes[i]!.key, report(marker, i));
        if (res.status === 201 || res.status === 200) {
          outcomes[i]!.acknowledged = (await res.json()) as { id: string; trackingCode: string };
          if (++acked === Math.floor(REPORTS / 3)) killing ??= server.kill();
        }
      } catch {
        // Connection refused or reset: never acknowledged.
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await (killing ?? server.kill());
  return outcomes;
}

async function countByMarker(baseUrl: string, marker: string): Promise<Map<string, number>> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ login: 'ioc', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const res = await fetch(`${baseUrl}/api/v1/reports?q=${marker}&limit=200`, { headers: { cookie } });
  const items = ((await res.json()) as { items: { title: string }[] }).items;
  const counts = new Map<string, number>();
  for (const r of items) counts.set(r.title, (counts.get(r.title) ?? 0) + 1);
  return counts;
}

const engines: { name: string; env: () => Promise<Record<string, string>> }[] = [
  { name: 'embedded PGlite', env: async () => ({}) },
  {
    name: 'PostgreSQL server',
    env: async () => ({ DATABASE_URL: await scratchDatabase('crash', cleanups) }),
  },
];

describe.each(engines)('intake survives a SIGKILL during a burst ($name)', ({ env }) => {
  it('keeps every acknowledged report exactly once; retries with the same key never duplicate', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tinhso-crash-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const serverEnv = { ...(await env()), RATE_LIMIT_SCALE: '100' };
    const marker = `sapnguon${randomBytes(4).toString('hex')}`;

    const first = await startServer({ dataDir, env: serverEnv });
    const outcomes = await burstWithCrash(first, marker);
    const acknowledged = outcomes.filter((o) => o.acknowledged);
    expect(acknowledged.length).toBeGreaterThanOrEqual(Math.floor(REPORTS / 3));
    expect(acknowledged.length, 'the crash must land in the middle of the burst').toBeLessThan(REPORTS);

    // Restart on the same data (PGlite: the stale lock of the killed process is taken over).
    const second = await startServer({ dataDir, env: serverEnv });
    cleanups.push(() => second.stop());
    const before = await countByMarker(second.baseUrl, marker);
    for (const [i, o] of outcomes.entries()) {
      if (!o.acknowledged) continue;
      expect(
        before.get(report(marker, i).title),
        `acknowledged ${o.acknowledged.trackingCode} after the crash`,
      ).toBe(1);
    }
    for (const count of before.values()) expect(count).toBe(1);

    // The client retries everything with the same keys: acknowledged ones come back as they were.
    for (const [i, o] of outcomes.entries()) {
      const res = await submit(second.baseUrl, o.key, report(marker, i));
      expect([200, 201]).toContain(res.status);
      const body = (await res.json()) as { id: string; trackingCode: string };
      if (o.acknowledged) {
        expect(res.status).toBe(200);
        expect(body.trackingCode).toBe(o.acknowledged.trackingCode);
      }
    }
    const after = await countByMarker(second.baseUrl, marker);
    expect(after.size).toBe(REPORTS);
    for (const count of after.values()) expect(count).toBe(1);
  }, 600_000); // two server starts on a fresh database
});
