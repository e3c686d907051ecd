import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { z, type ZodType } from 'zod';
import { ROLES, type Role } from '../contracts/roles.js';
import type { RegisteredRoute } from '../platform/http/route.js';
import { TEST_ADMIN_PASSWORD, TEST_DEMO_PASSWORD, TestClient, type TestApp } from './test-app.js';

/** Who calls: nobody, or a person holding one role (demo accounts; a citizen signed in by SMS code). */
export type Caller = 'anonymous' | Role;
export const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];

/** The demo login of each staff role (identity seed) and the seeded administrator. */
export const DEMO_LOGINS: Record<Exclude<Role, 'citizen'>, string> = {
  admin: 'admin',
  ioc_operator: 'ioc',
  call_agent: 'tongdai',
  agency_handler: 'canbo',
  agency_lead: 'lanhdao',
  alert_officer: 'canhbao',
  alert_approver: 'duyetcanhbao',
  editor: 'bientap',
  department_staff: 'so',
  community_team: 'tocongnghe',
};
const NEEDS_TOTP: readonly Role[] = ['admin', 'alert_approver'];

/** Signs in one client per caller (TOTP enabled where the role requires a second factor). */
export async function signInAll(t: TestApp): Promise<Map<Caller, TestClient>> {
  const clients = new Map<Caller, TestClient>();
  clients.set('anonymous', new TestClient(t.app));
  for (const [role, login] of Object.entries(DEMO_LOGINS) as [Role, string][]) {
    const c = new TestClient(t.app);
    await c.signIn(login, role === 'admin' ? TEST_ADMIN_PASSWORD : TEST_DEMO_PASSWORD);
    if (NEEDS_TOTP.includes(role)) {
      const secret = (await c.post('/api/v1/auth/totp/setup')).json().secret as string;
      const res = await c.post('/api/v1/auth/totp/enable', { code: await generate({ secret }) });
      if (res.statusCode !== 200) throw new Error(`totp enable for ${login}: ${res.statusCode} ${res.body}`);
    }
    clients.set(role, c);
  }
  const citizen = new TestClient(t.app);
  const phone = '0912000111';
  await citizen.post('/api/v1/auth/otp/request', { phone });
  const res = await citizen.post('/api/v1/auth/otp/verify', { phone, code: t.sms.lastCode() });
  if (res.statusCode !== 200) throw new Error(`citizen sign-in: ${res.statusCode} ${res.body}`);
  clients.set('citizen', citizen);
  return clients;
}

type Json = Record<string, unknown>;

/** Values tried for a string with a pattern (unit codes, slugs, keys, push-subscription keys). */
const PATTERN_CANDIDATES = [
  '80',
  'kiem-tra',
  `kiem-tra-${Date.now()}`,
  'B'.repeat(87),
  'A'.repeat(22),
  '000000',
];

/** A minimal value that satisfies a JSON schema (required properties only), so validation lets it through. */
export function sampleOf(schema: Json | undefined, depth = 0, name = ''): unknown {
  if (!schema || depth > 8) return undefined;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('default' in schema && schema.default !== undefined) return schema.default;
  for (const k of ['anyOf', 'oneOf'] as const) {
    const opts = schema[k] as Json[] | undefined;
    if (opts?.length) {
      const nonNull = opts.find((o) => o.type !== 'null') ?? opts[0];
      return sampleOf(nonNull, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf)) return sampleOf((schema.allOf as Json[])[0], depth + 1);
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Json = {};
      const props = (schema.properties ?? {}) as Record<string, Json>;
      for (const name of (schema.required as string[] | undefined) ?? []) {
        out[name] = sampleOf(props[name], depth + 1, name);
      }
      return out;
    }
    case 'array': {
      const n = (schema.minItems as number | undefined) ?? 0;
      return Array.from({ length: n }, () => sampleOf(schema.items as Json, depth + 1));
    }
    case 'string': {
      switch (schema.format) {
        case 'uuid':
          return randomUUID();
        case 'email':
          return 'kiemtra@example.com';
        case 'date-time':
          return new Date().toISOString();
        case 'date':
          return new Date().toISOString().slice(0, 10);
        case 'uri':
        case 'url':
          return 'https://example.com/';
      }
      const min = (schema.minLength as number | undefined) ?? 1;
      const max = (schema.maxLength as number | undefined) ?? 200;
      const fits = (v: string) => v.length >= min && v.length <= max;
      if (/phone/i.test(name) && fits('0909000222')) return '0909000222';
      if (typeof schema.pattern === 'string') {
        const re = new RegExp(schema.pattern);
        const found = PATTERN_CANDIDATES.find((v) => re.test(v) && fits(v));
        if (found) return found;
      }
      return 'Kiểm tra phân quyền '
        .repeat(Math.ceil(min / 20) + 1)
        .slice(0, Math.max(min, Math.min(max, 20)));
    }
    case 'integer':
    case 'number':
      return (schema.minimum as number | undefined) ?? (schema.exclusiveMinimum as number | undefined) ?? 1;
    case 'boolean':
      return false;
    default:
      return undefined;
  }
}

export function jsonSchemaOf(schema: ZodType | undefined): Json | undefined {
  return schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json) : undefined;
}

/** Fills path parameters: unknown ids (random UUIDs) unless the route names a value. */
export function fillPath(url: string, values: Record<string, string> = {}): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? randomUUID()).replace('/*', '/x');
}

/** A harmless request for a registered route: unknown ids, the minimal query and body its contract accepts. */
export function probeRequest(route: RegisteredRoute | undefined, method: string, url: string) {
  const params = (route?.params ? sampleOf(jsonSchemaOf(route.params)) : {}) as Record<string, unknown>;
  const path = fillPath(
    url,
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(String(v))])),
  );
  const query = (route?.query ? sampleOf(jsonSchemaOf(route.query)) : {}) as Record<string, unknown>;
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const body = route?.body ? sampleOf(jsonSchemaOf(route.body)) : method === 'GET' ? undefined : {};
  return { method, url: qs ? `${path}?${qs}` : path, body };
}
