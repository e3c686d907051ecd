import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeRegistry, type RegisteredRoute } from '../platform/http/route.js';
import { probeRequest, signInAll, type Caller } from '../testing/access-probe.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.js';
import { TEST_ENGINE } from '../testing/test-database.js';

// Schema-guided hostile input to every documented endpoint: each route's minimal valid request (from its
// zod contract), then the same request with every string (body, query, path) replaced by an SQL injection,
// a script, a NUL byte, a 10,000-character text, wrong types and junk bodies — sent anonymously, as a
// citizen, as the IOC and as the administrator. Nothing may answer 5xx, no HTML page may carry the script
// back unescaped, and the tables are still there afterwards.

const SQLI = `' OR '1'='1'; DROP TABLE reports; --`;
const XSS = `<script>alert(1)</script>"'><img src=x onerror=alert(1)>`;
const PAYLOADS = [SQLI, XSS, 'a\u0000b', 'ổ gà '.repeat(2000), '../../../../etc/passwd', '%00%27%22'];

/** Ends sessions, deletes the account, or never ends: not fuzzed (covered by their own tests). */
const SKIP = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/logout-all',
  'DELETE /api/v1/me/account',
  'GET /api/v1/reports/stream',
  'GET /api/v1/call-centre/stream',
]);

function mapStrings(value: unknown, to: (s: string) => unknown): unknown {
  if (typeof value === 'string') return to(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, to));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, to)]));
  return value;
}

/** The probe request and its hostile variants. */
function variants(route: RegisteredRoute): { url: string; body: unknown }[] {
  const probe = probeRequest(route, route.method, route.url);
  const [path, qs = ''] = probe.url.split('?');
  const out: { url: string; body: unknown }[] = [{ url: probe.url, body: probe.body }];
  for (const payload of PAYLOADS) {
    const query = new URLSearchParams(qs);
    for (const k of [...query.keys()]) query.set(k, payload);
    // Path parameters too: the same route with the payload where an id or code goes.
    const badPath = route.url.includes(':')
      ? route.url.replace(/:(\w+)/, encodeURIComponent(payload)).replace(/:(\w+)/g, 'x')
      : path!;
    const q = query.toString();
    out.push({ url: q ? `${path}?${q}` : path!, body: mapStrings(probe.body, () => payload) });
    out.push({ url: q ? `${badPath}?${q}` : badPath, body: probe.body });
  }
  if (route.method !== 'GET') {
    out.push({ url: probe.url, body: mapStrings(probe.body, () => 12345) });
    out.push({ url: probe.url, body: [[{ $where: '1' }], null, true] });
    out.push({ url: probe.url, body: '{"unterminated": ' });
  }
  return out;
}

let t: TestApp;
let callers: [Caller, TestClient][];

beforeAll(async () => {
  t = await createTestApp();
  const all = await signInAll(t);
  callers = (['anonymous', 'citizen', 'ioc_operator', 'admin'] as const).map((c) => [c, all.get(c)!]);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe(`hostile input to every endpoint (${TEST_ENGINE})`, () => {
  it('never answers 5xx, never reflects a script into HTML, and leaves the data in place', async () => {
    const failures: string[] = [];
    const routes = routeRegistry.filter((r) => !SKIP.has(`${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThan(100);
    for (const route of routes) {
      for (const v of variants(route)) {
        for (const [who, client] of callers) {
          const res = await client.request(
            route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
            v.url,
            route.method === 'GET' ? undefined : v.body,
          );
          const where = `${route.method} ${v.url.slice(0, 80)} as ${who}`;
          // 503 is the documented answer of on-demand training when this test app runs without a job queue.
          const expected503 = res.statusCode === 503 && res.body.includes('triage-training-unavailable');
          if (res.statusCode >= 500 && !expected503)
            failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 120)}`);
          const type = String(res.headers['content-type'] ?? '');
          if (type.includes('html') && res.body.includes('<script>alert(1)</script>'))
            failures.push(`${where}: script reflected in HTML`);
          if (type.includes('problem+json') && res.statusCode >= 400) {
            const problem = res.json() as { title?: string };
            if (!problem.title) failures.push(`${where}: problem without a title`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    const [row] = await t.app.database.query<{ n: number }>('select count(*)::int as n from reports');
    expect(row!.n).toBeGreaterThan(0);
  }, 600_000);
});
