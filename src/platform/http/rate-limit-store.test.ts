import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { postgresRateLimitStore } from './rate-limit-store.js';

let t: TestDatabase;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await t?.drop();
});

/** A small web process: one limited route, counters in the shared database. */
async function webProcess(max: number): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(t.database).Store });
  app.get('/lookup', { config: { rateLimit: { max, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
  app.get('/other', { config: { rateLimit: { max, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
  await app.ready();
  apps.push(app);
  return app;
}

describe('rate-limit counters in the database', () => {
  it('share one budget per route and address between processes', async () => {
    const [a, b] = [await webProcess(5), await webProcess(5)];
    const hit = (app: FastifyInstance, url = '/lookup', ip = '203.0.113.7') =>
      app.inject({ method: 'GET', url, remoteAddress: ip });
    const statuses: number[] = [];
    for (const app of [a, b, a, b, a, b]) statuses.push((await hit(app)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await hit(a);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another route and another address have budgets of their own.
    expect((await hit(b, '/other')).statusCode).toBe(200);
    expect((await hit(a, '/lookup', '203.0.113.8')).statusCode).toBe(200);
  });

  it('counts concurrent hits exactly', async () => {
    const { Store } = postgresRateLimitStore(t.database);
    const store = new Store({});
    const counts = await Promise.all(
      Array.from(
        { length: 30 },
        () =>
          new Promise<number>((resolve, reject) =>
            store.incr('concurrent', (err, res) => (err ? reject(err) : resolve(res!.current)), 60_000, 100),
          ),
      ),
    );
    expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('counts a burst in few statements: concurrent hits share one', async () => {
    let statements = 0;
    const counted = Object.create(t.database) as typeof t.database;
    counted.query = ((...args: Parameters<typeof t.database.query>) => {
      statements++;
      return t.database.query(...args);
    }) as typeof t.database.query;
    const { Store } = postgresRateLimitStore(counted);
    const store = new Store({});
    await Promise.all(
      Array.from(
        { length: 100 },
        (_, i) =>
          new Promise((resolve, reject) =>
            store.incr(`burst-${i}`, (err, res) => (err ? reject(err) : resolve(res)), 60_000, 10),
          ),
      ),
    );
    const [row] = await t.database.query<{ n: string }>(
      `select count(*)::text as n from rate_limit_hits where key like 'burst-%' and hits = 1`,
    );
    expect(row?.n).toBe('100');
    expect(statements).toBeLessThanOrEqual(3);
  });

  it('starts a new window when the old one ends, and cleans ended windows away', async () => {
    const { Store, cleanup } = postgresRateLimitStore(t.database);
    const store = new Store({});
    const incr = (key: string, windowMs: number) =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        store.incr(key, (err, res) => (err ? reject(err) : resolve(res!)), windowMs, 10),
      );
    expect((await incr('short', 150)).current).toBe(1);
    const second = await incr('short', 150);
    expect(second.current).toBe(2);
    expect(second.ttl).toBeLessThanOrEqual(150);
    await new Promise((r) => setTimeout(r, 250));
    expect(await incr('short', 150)).toMatchObject({ current: 1 });

    await t.database.query(
      `insert into rate_limit_hits (key, hits, expires_at) values ('old', 3, now() - interval '2 minutes')`,
    );
    await cleanup();
    const left = await t.database.query<{ key: string }>(
      `select key from rate_limit_hits where key in ('old', 'short')`,
    );
    expect(left).toEqual([{ key: 'short' }]);
  });
});
