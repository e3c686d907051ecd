// Child process for bench/intake.bench.ts: serves one of the systems under test on a loopback port and
// answers the parent over IPC. BENCH_MODE = app-pg | app-pglite | baseline; BENCH_PROFILE=1 counts queries.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/platform/config/config.js';
import { openPglite } from '../src/platform/db/database.js';
import { buildApp } from '../src/server/app.js';

type Msg = { type: 'stats' } | { type: 'reset' } | { type: 'stop' };

const mode = process.env.BENCH_MODE ?? 'app-pg';
const url = process.env.BENCH_DB_URL ?? '';
const send = (m: object) => process.send?.(m);

/** Per-SQL-text counts and time, and time spent waiting for a pool connection (profile runs only). */
const queryStats = new Map<string, { count: number; ms: number }>();
let poolWaitMs = 0;
let poolWaits = 0;
if (process.env.BENCH_PROFILE === '1') {
  const clientProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const originalQuery = clientProto.query;
  clientProto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = (typeof first === 'string' ? first : (first?.text ?? '?'))
      .replace(/\s+/g, ' ')
      .slice(0, 110);
    const started = performance.now();
    const result = originalQuery.apply(this, args);
    const done = () => {
      const s = queryStats.get(text) ?? { count: 0, ms: 0 };
      s.count++;
      s.ms += performance.now() - started;
      queryStats.set(text, s);
    };
    if (result && typeof (result as Promise<unknown>).then === 'function')
      (result as Promise<unknown>).then(done, done);
    return result;
  };
  const poolProto = pg.Pool.prototype as unknown as { connect: (...args: unknown[]) => unknown };
  const originalConnect = poolProto.connect;
  poolProto.connect = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const result = originalConnect.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(
        () => {
          poolWaitMs += performance.now() - started;
          poolWaits++;
        },
        () => {},
      );
    }
    return result;
  };
}

async function startBaseline(): Promise<{ port: number; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(
    'create table if not exists bench_baseline (id bigserial primary key, category text not null, title text not null, body text not null, email text, created_at timestamptz not null default now())',
  );
  const app = Fastify({ logger: false });
  app.post(
    '/api/v1/reports',
    {
      schema: {
        body: {
          type: 'object',
          required: ['categoryCode', 'title', 'body', 'consent'],
          additionalProperties: false,
          properties: {
            categoryCode: { type: 'string', minLength: 1, maxLength: 64 },
            title: { type: 'string', minLength: 5, maxLength: 200 },
            body: { type: 'string', minLength: 10, maxLength: 5000 },
            location: {
              type: 'object',
              required: ['lat', 'lon'],
              additionalProperties: false,
              properties: {
                lat: { type: 'number', minimum: -90, maximum: 90 },
                lon: { type: 'number', minimum: -180, maximum: 180 },
              },
            },
            reporter: {
              type: 'object',
              additionalProperties: false,
              properties: {
                email: { type: 'string', format: 'email', maxLength: 200 },
                name: { type: 'string', maxLength: 120 },
              },
            },
            consent: { const: true },
          },
        },
      },
    },
    async (req, reply) => {
      const b = req.body as {
        categoryCode: string;
        title: string;
        body: string;
        reporter?: { email?: string };
      };
      const { rows } = await pool.query<{ id: string }>(
        'insert into bench_baseline (category, title, body, email) values ($1, $2, $3, $4) returning id',
        [b.categoryCode, b.title, b.body, b.reporter?.email ?? null],
      );
      reply.status(201);
      return { id: rows[0]!.id };
    },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}

async function startApp(): Promise<{ port: number; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-'));
  const config = loadConfig({
    ...(mode === 'app-pg' ? { DATABASE_URL: url, PROCESS_ROLE: process.env.BENCH_INTAKE_ROLE ?? 'web' } : {}),
    SEED: 'base',
    LOG_LEVEL: 'silent',
    ADMIN_PASSWORD: 'x'.repeat(12),
    DATA_DIR: dataDir,
    // The measured run and the profile run are two processes on one database: one key for both (a key
    // generated in each temporary DATA_DIR would not open the other's encrypted contacts).
    DATA_ENCRYPTION_KEY: createHash('sha256').update('tinhso bench data key').digest('base64'),
    HOST: '127.0.0.1',
    // Each simulated citizen comes from its own address (X-Forwarded-For), as behind the province's
    // reverse proxy; without it every request shares 127.0.0.1 and the 30/minute intake limit answers 429.
    TRUST_PROXY: 'true',
  });
  const database = mode === 'app-pglite' ? await openPglite(null) : undefined;
  const app = await buildApp(config, { jobs: true, ...(database ? { database } : {}) });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    async close() {
      await app.close();
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The V8 CPU profiler over the measured window (between 'reset' and 'stats'), written as a .cpuprofile. */
const cpuProfDir = process.env.BENCH_CPU_PROF_DIR;
let inspector: Session | null = null;
async function startCpuProfile() {
  if (!cpuProfDir) return;
  inspector = new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}
async function stopCpuProfile() {
  if (!inspector || !cpuProfDir) return;
  const { profile } = await inspector.post('Profiler.stop');
  writeFileSync(path.join(cpuProfDir, 'window.cpuprofile'), JSON.stringify(profile));
  inspector.disconnect();
  inspector = null;
}

const server = mode === 'baseline' ? await startBaseline() : await startApp();
let cpuFrom = process.cpuUsage();
process.on('message', async (m: Msg) => {
  if (m.type === 'reset') {
    cpuFrom = process.cpuUsage();
    queryStats.clear();
    poolWaitMs = 0;
    poolWaits = 0;
    await startCpuProfile();
    send({ type: 'reset' });
  } else if (m.type === 'stats') {
    await stopCpuProfile();
    send({
      type: 'stats',
      rss: process.memoryUsage().rss,
      maxRss: process.resourceUsage().maxRSS * 1024,
      queries: [...queryStats.entries()].map(([text, s]) => ({ text, ...s })),
      poolWaitMs,
      poolWaits,
      // CPU (user + system) this process used since 'reset': the measured window.
      cpuSeconds: (() => {
        const d = process.cpuUsage(cpuFrom);
        return (d.user + d.system) / 1e6;
      })(),
    });
  } else if (m.type === 'stop') {
    void server.close().finally(() => process.exit(0));
  }
});
send({ type: 'ready', port: server.port });
