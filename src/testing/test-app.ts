import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../platform/config/config.js';
import type { SmsSender } from '../platform/sms/sms.js';
import { buildApp, type App } from '../server/app.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_ADMIN_PASSWORD = 'Admin-Test-2026!';
export const TEST_DEMO_PASSWORD = 'Demo-Test-2026!';
/** The data encryption key of test apps: derived from a fixed phrase, so a test can reopen its database. */
export const TEST_DATA_KEY = createHash('sha256').update('tinhso test data key').digest('base64');

/** Captures SMS instead of sending them: the boundary we cannot reach from tests. */
export class CapturingSms implements SmsSender {
  sent: { to: string; text: string }[] = [];
  async send(to: string, text: string) {
    this.sent.push({ to, text });
  }
  lastCode(): string | undefined {
    return this.sent.at(-1)?.text.match(/\d{6}/)?.[0];
  }
}

export interface TestApp {
  app: App;
  testDb: TestDatabase;
  sms: CapturingSms;
  config: Config;
  close(): Promise<void>;
}

/** The real application on a fresh test database, seeded with demo data; jobs off unless asked. */
export async function createTestApp(
  options: { jobs?: boolean; env?: Record<string, string>; now?: () => Date } = {},
): Promise<TestApp> {
  const testDb = await openTestDatabase();
  const config = loadConfig({
    PROFILE: 'long-an-2022',
    SEED: 'demo',
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    DEMO_PASSWORD: TEST_DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_SCALE: '20',
    DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tinhso-test-')),
    ...(testDb.url ? { DATABASE_URL: testDb.url } : {}),
    ...options.env,
  });
  const sms = new CapturingSms();
  const app = await buildApp(config, {
    database: testDb.database,
    jobs: options.jobs ?? false,
    sms,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    app,
    testDb,
    sms,
    config,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

/** A tiny cookie-keeping client over Fastify's inject, with the CSRF header once signed in. */
export class TestClient {
  cookie = '';
  csrf = '';
  lang: 'vi' | 'en' = 'vi';
  constructor(private readonly app: App) {}

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.http.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        'accept-language': this.lang,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      if (pair?.startsWith('tinhso_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    if (res.statusCode < 300 && String(res.headers['content-type'] ?? '').includes('json')) {
      const json = res.json() as { csrfToken?: string };
      if (json?.csrfToken) this.csrf = json.csrfToken;
    }
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }

  async signIn(login: string, password: string) {
    const res = await this.post('/api/v1/auth/login', { login, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return res;
  }
}
