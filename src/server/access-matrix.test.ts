import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_SCOPED_ROLES, PERMISSIONS, ROLES, type Permission, type Role } from '../contracts/roles.js';
import { routeRegistry } from '../platform/http/route.js';
import { CALLERS, probeRequest, signInAll, type Caller } from '../testing/access-probe.js';
import { createTestApp, TEST_ADMIN_PASSWORD, TestClient, type TestApp } from '../testing/test-app.js';
import { TEST_ENGINE } from '../testing/test-database.js';

/**
 * The access-control matrix (issue 12): every route the server registers is classified here, and every
 * caller (anonymous, a signed-in citizen, one demo account per staff role) calls every route with a harmless
 * request. A new route without an entry fails the first test.
 *
 * - public: nobody is refused (no 401/403);
 * - signed-in: anonymous gets 401, everyone signed in passes the gate;
 * - citizen: anonymous 401, staff 403, the citizen passes;
 * - mfa-pending: only a password sign-in waiting for its second factor passes (everyone here gets 401;
 *   the pending case is tested with identity);
 * - roles: anonymous 401, the listed roles pass (not 401/403), every other caller gets 403 — or 404 when
 *   the route hides resources the caller may not see (`hides`).
 * `validatesFirst`: the contract is checked before the permission, so a refused caller whose probe does not
 * satisfy the contract gets 400/415 instead of 403 (listed, so the gap stays visible).
 * `noProbe`: the request would end the session, delete the account or open a never-ending stream; only the
 * anonymous refusal is asserted here (the streams are covered by the agency-scoping tests below).
 */
type Access =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'citizen' }
  | { kind: 'mfa-pending' }
  | { kind: 'roles'; roles: readonly Role[]; why: string };
interface Entry {
  access: Access;
  hides?: true;
  /** Agency-scoped roles may be refused for a resource outside their agency (unknown ids included). */
  scoped?: true;
  validatesFirst?: true;
  noProbe?: true;
  body?: unknown;
}

const PUBLIC: Entry = { access: { kind: 'public' } };
const SIGNED_IN: Entry = { access: { kind: 'signed-in' } };
const CITIZEN: Entry = { access: { kind: 'citizen' } };
const perm = (p: Permission, extra: Omit<Entry, 'access'> = {}): Entry => ({
  access: { kind: 'roles', roles: PERMISSIONS[p], why: p },
  ...extra,
});
const roles = (list: Role[], why: string, extra: Omit<Entry, 'access'> = {}): Entry => ({
  access: { kind: 'roles', roles: list, why },
  ...extra,
});

const MATRIX: Record<string, Entry> = {
  // Platform and pages (HTML, feeds, Open311, the web app shells: their data comes from the API).
  'GET /healthz': PUBLIC,
  'GET /readyz': PUBLIC,
  'GET /metrics': PUBLIC,
  'GET /': PUBLIC,
  'GET /app': PUBLIC,
  'GET /app/*': PUBLIC,
  'GET /app/manifest.webmanifest': PUBLIC,
  'GET /app/icons/:name': PUBLIC,
  'GET /app/sw.js': PUBLIC,
  'GET /console': PUBLIC,
  'GET /console/*': PUBLIC,
  'GET /cai-dat': PUBLIC,
  'GET /public.css': PUBLIC,
  'GET /canh-bao': PUBLIC,
  'GET /canh-bao/:id': PUBLIC,
  'GET /cap/alerts.atom': PUBLIC,
  'GET /chuyen-doi-so': PUBLIC,
  'GET /chuyen-doi-so/portal.css': PUBLIC,
  'GET /chuyen-doi-so/tim-kiem': PUBLIC,
  'GET /chuyen-doi-so/xem-truoc/:token': PUBLIC,
  'GET /chuyen-doi-so/:section': PUBLIC,
  'GET /chuyen-doi-so/:section/chuyen-muc/:category': PUBLIC,
  'GET /chuyen-doi-so/:section/:slug': PUBLIC,
  'GET /sitemap.xml': PUBLIC,
  'GET /rss.xml': PUBLIC,
  'GET /rss/:file': PUBLIC,
  'GET /tra-cuu': PUBLIC,
  'POST /tra-cuu': PUBLIC,
  'POST /tra-cuu/danh-gia': PUBLIC,
  'GET /phan-anh': PUBLIC,
  'GET /phan-anh/:code': PUBLIC,
  'GET /thong-ke': PUBLIC,
  'GET /thong-ke.csv': PUBLIC,
  // Open311: reads are public, writes need an API key (checked by the Open311 contract tests).
  'GET /open311/v2/discovery.json': PUBLIC,
  'GET /open311/v2/services.json': PUBLIC,
  'GET /open311/v2/requests.json': PUBLIC,
  'GET /open311/v2/servicerequestupdates.json': PUBLIC,
  'GET /open311/v2/discovery.xml': PUBLIC,
  'GET /open311/v2/services.xml': PUBLIC,
  'GET /open311/v2/requests.xml': PUBLIC,
  'GET /open311/v2/servicerequestupdates.xml': PUBLIC,
  'POST /open311/v2/:file': PUBLIC,
  'GET /open311/v2/tokens/:file': PUBLIC,
  'GET /open311/v2/services/:file': PUBLIC,
  'GET /open311/v2/requests/:file': PUBLIC,
  // Signed CTI webhook (HMAC, tested in the call-centre tests); off unless configured.
  'POST /api/v1/cti/events': PUBLIC,
  'GET /api/v1/profile': PUBLIC,
  'GET /api/v1/openapi.json': PUBLIC,
  'GET /api/v1/docs': PUBLIC,

  // Identity.
  'POST /api/v1/auth/login': PUBLIC,
  'POST /api/v1/auth/totp/verify': { access: { kind: 'mfa-pending' }, body: { code: '000000' } },
  'GET /api/v1/auth/session': SIGNED_IN,
  'GET /api/v1/auth/whoami': PUBLIC,
  'POST /api/v1/auth/logout': { ...SIGNED_IN, noProbe: true },
  'PUT /api/v1/me/locale': { ...SIGNED_IN, body: { locale: 'vi' } },
  'POST /api/v1/auth/logout-all': { ...SIGNED_IN, noProbe: true },
  'POST /api/v1/auth/totp/setup': { ...SIGNED_IN, noProbe: true },
  'POST /api/v1/auth/totp/enable': { ...SIGNED_IN, body: { code: '000000' } },
  'POST /api/v1/auth/otp/request': { ...PUBLIC, body: { phone: '0912000999' } },
  'POST /api/v1/auth/otp/verify': { ...PUBLIC, body: { phone: '0912000999', code: '000000' } },
  'GET /api/v1/admin/users': perm('users.read'),
  'POST /api/v1/admin/users': perm('users.manage', {
    body: {
      username: 'kiem-tra',
      fullName: 'Kiểm Tra',
      password: 'Kiem-Tra-2026!-x',
      roles: [{ role: 'editor' }],
    },
  }),
  'PATCH /api/v1/admin/users/:id': perm('users.manage'),
  'GET /api/v1/agencies': perm('agencies.read'),
  'POST /api/v1/admin/agencies': perm('agencies.manage'),
  'PATCH /api/v1/admin/agencies/:id': perm('agencies.manage'),
  'GET /api/v1/units': PUBLIC,
  'GET /api/v1/admin/audit': perm('audit.read'),

  // Feedback: reports, the citizen's own data, public lookups.
  'POST /api/v1/reports': PUBLIC,
  'GET /api/v1/reports': perm('reports.read'),
  'GET /api/v1/reports/deadline-board': perm('reports.read'),
  'GET /api/v1/reports/map': perm('reports.read'),
  'GET /api/v1/reports/stream': perm('reports.read', { noProbe: true }),
  'GET /api/v1/response-templates': perm('reports.read'),
  'POST /api/v1/response-templates': perm('templates.manage'),
  // Unknown ids: every caller gets 404 (a report one may not see is "not found"); the agency-scoping tests
  // below call these with real reports.
  'GET /api/v1/reports/:id': perm('reports.read', { hides: true }),
  'POST /api/v1/reports/:id/transitions': perm('reports.read', { hides: true }),
  'GET /api/v1/reports/:id/duplicates': perm('reports.triage', { hides: true }),
  'PUT /api/v1/reports/:id/public-text': perm('reports.triage', { hides: true }),
  'POST /api/v1/reports/:id/triage': perm('reports.triage', { hides: true }),
  'POST /api/v1/reports/:id/notes': perm('reports.read', { hides: true }),
  'GET /api/v1/reports/:id/suggestions': perm('reports.read', { hides: true }),
  'POST /api/v1/reports/bulk-assign': perm('reports.triage'),
  'GET /api/v1/me/reports': SIGNED_IN,
  'GET /api/v1/me/account': CITIZEN,
  'PATCH /api/v1/me/account': CITIZEN,
  'GET /api/v1/me/data': CITIZEN,
  'GET /api/v1/me/data-requests': CITIZEN,
  // Anyone may file (code + contact proves the report is theirs; a wrong pair is "not found").
  'POST /api/v1/public/data-requests': {
    ...PUBLIC,
    body: { kind: 'access', code: 'LA-AAAA-AAAA', contact: '0912000999' },
  },
  'GET /api/v1/data-requests': perm('data_requests.handle'),
  'POST /api/v1/data-requests/:id/decision': perm('data_requests.handle', {
    body: { decision: 'refuse', note: 'Kiểm tra' },
  }),
  'DELETE /api/v1/me/account': { ...CITIZEN, noProbe: true },
  // Optional sign-in first (the contract is checked before the caller): citizens only.
  'POST /api/v1/me/report-push': CITIZEN,
  'GET /api/v1/categories': PUBLIC,
  'GET /api/v1/report-lifecycle': PUBLIC,
  'GET /api/v1/public/reports/lookup': PUBLIC,
  'POST /api/v1/public/reports/lookup': PUBLIC,
  'POST /api/v1/public/reports/:code/rating': PUBLIC,
  'GET /api/v1/public/reports': PUBLIC,
  'GET /api/v1/public/reports/:code': PUBLIC,
  'POST /api/v1/public/reports/push': PUBLIC,
  'POST /api/v1/public/reports/push/status': PUBLIC,
  'POST /api/v1/public/reports/push/delete': PUBLIC,
  'POST /api/v1/uploads': PUBLIC,
  'GET /api/v1/attachments/:id': SIGNED_IN,
  'GET /api/v1/public/attachments/:id': PUBLIC,
  'POST /api/v1/attachments/:id/visibility': perm('reports.triage', { hides: true }),
  'PUT /api/v1/attachments/:id/redaction': perm('reports.triage', { hides: true }),

  // Routing and smart triage.
  'GET /api/v1/routing': perm('reports.read'),
  'PUT /api/v1/routing/auto-assign': perm('routing.manage'),
  'PUT /api/v1/routing/rules': perm('routing.manage'),
  'POST /api/v1/triage/suggest': PUBLIC,
  'GET /api/v1/triage/models': perm('triage.manage'),
  'POST /api/v1/triage/models': perm('triage.manage'),
  'GET /api/v1/triage/models/training/:jobId': perm('triage.manage'),
  'POST /api/v1/triage/models/rollback': perm('triage.manage'),
  'POST /api/v1/triage/models/:version/activate': perm('triage.manage'),
  'GET /api/v1/triage/hotspots': perm('triage.manage'),
  'POST /api/v1/triage/hotspots/:id': perm('triage.manage'),

  // Campaigns (issue 8): agency reports are scoped to the agency (unknown ids: 404).
  'GET /api/v1/campaigns/plans': perm('campaigns.report'),
  'GET /api/v1/campaigns/plans/:planId': perm('campaigns.report', { hides: true }),
  'GET /api/v1/campaigns/plans/:planId/reports': perm('campaigns.report', { hides: true }),
  'GET /api/v1/campaigns/plans/:planId/report-form': perm('campaigns.report', { hides: true }),
  'PUT /api/v1/campaigns/plans/:planId/report-form': perm('campaigns.report', { hides: true }),
  'GET /api/v1/campaigns/reports/:id': perm('campaigns.report', { hides: true }),
  'GET /api/v1/campaigns/reports/:id/document.html': perm('campaigns.report', { hides: true }),
  'GET /api/v1/campaigns/reports/:id/document.pdf': perm('campaigns.report', { hides: true }),
  'GET /api/v1/campaigns/reports/:id/document.docx': perm('campaigns.report', { hides: true }),
  'POST /api/v1/campaigns/plans': perm('campaigns.manage'),
  'PUT /api/v1/campaigns/plans/:planId': perm('campaigns.manage', { hides: true }),
  'POST /api/v1/campaigns/plans/:planId/tasks': perm('campaigns.manage', { hides: true }),
  'PUT /api/v1/campaigns/plans/:planId/tasks/:taskId': perm('campaigns.manage', { hides: true }),
  'DELETE /api/v1/campaigns/plans/:planId/tasks/:taskId': perm('campaigns.manage', { hides: true }),
  'PUT /api/v1/campaigns/plans/:planId/targets': perm('campaigns.manage', { hides: true }),
  'PUT /api/v1/campaigns/store-figures': perm('campaigns.manage', {
    body: {
      month: '2026-10',
      store: 'google_play',
      rows: [{ unitCode: '794', installs: 10, activeUsers: 5 }],
    },
  }),
  'GET /api/v1/campaigns/teams': perm('campaigns.manage'),
  'GET /api/v1/campaigns/teams/:agencyId/members': perm('campaigns.report', { scoped: true, hides: true }),
  'POST /api/v1/campaigns/teams/:agencyId/members': perm('campaigns.report', { scoped: true, hides: true }),
  'PUT /api/v1/campaigns/teams/:agencyId/members/:memberId': perm('campaigns.report', {
    scoped: true,
    hides: true,
  }),
  'POST /api/v1/public/app-installs': PUBLIC,
  'GET /api/v1/units/boundaries': PUBLIC,
  'GET /favicon.ico': PUBLIC,
  'GET /assets/*': PUBLIC,
  'GET /api/v1/me/notifications': perm('console.access'),
  'POST /api/v1/me/notifications/read': perm('console.access', { body: { all: true } }),
  'POST /api/v1/campaigns/reports/:id/submit': perm('campaigns.report', { hides: true }),
  'POST /api/v1/campaigns/reports/:id/review': perm('campaigns.manage', { hides: true }),
  'GET /api/v1/campaigns/plans/:planId/summary.:format': perm('campaigns.manage', { hides: true }),
  'GET /api/v1/campaigns/district-boundaries': perm('campaigns.manage'),
  'GET /api/v1/campaigns/notices': perm('campaigns.report'),
  'GET /api/v1/campaigns/activities': roles(['department_staff', 'community_team'], 'campaign activities'),
  // The community team records its activities; the department reads them.
  'POST /api/v1/campaigns/activities': roles(['community_team'], 'campaign activities'),
  // Multipart: the media type is checked before the permission.
  'POST /api/v1/campaigns/reports/:id/files': perm('campaigns.report'),
  'GET /api/v1/campaigns/files/:id': perm('campaigns.report', { hides: true }),

  // Alerts: both alert roles read the queue; the officer drafts, the approver approves and publishes.
  'GET /api/v1/alerts': roles(['alert_officer', 'alert_approver'], 'alerts'),
  'GET /api/v1/alerts/templates': roles(['alert_officer', 'alert_approver'], 'alerts'),
  'POST /api/v1/alerts': perm('alerts.draft'),
  'GET /api/v1/alerts/current': PUBLIC,
  'GET /api/v1/alerts/current/:id': PUBLIC,
  'GET /api/v1/alerts/:id': roles(['alert_officer', 'alert_approver'], 'alerts'),
  'PUT /api/v1/alerts/:id': perm('alerts.draft'),
  'GET /api/v1/alerts/:id/preview': roles(['alert_officer', 'alert_approver'], 'alerts'),
  'POST /api/v1/alerts/:id/submit': perm('alerts.draft'),
  'POST /api/v1/alerts/:id/approve': perm('alerts.approve'),
  'POST /api/v1/alerts/:id/publish': perm('alerts.approve'),
  'POST /api/v1/alerts/:id/reject': perm('alerts.approve'),
  'POST /api/v1/alerts/:id/follow-up': perm('alerts.draft'),
  'GET /api/v1/alerts/:id/cap.xml': PUBLIC,
  'GET /api/v1/push/vapid-public-key': PUBLIC,
  'POST /api/v1/push/subscriptions': PUBLIC,
  'POST /api/v1/push/subscriptions/status': PUBLIC,
  'POST /api/v1/push/subscriptions/delete': PUBLIC,
  // SMS/email alert channels: the citizen's own; confirmation and unsubscribe links carry a token.
  'GET /api/v1/alerts/contacts': CITIZEN,
  'PUT /api/v1/alerts/contacts/sms': { ...CITIZEN, body: { unitCodes: ['80'] } },
  'PUT /api/v1/alerts/contacts/email': { ...CITIZEN, body: { email: 'acl@example.vn', unitCodes: ['80'] } },
  'DELETE /api/v1/alerts/contacts/:channel': CITIZEN,
  'POST /api/v1/alerts/contacts/email/confirm': PUBLIC,
  'POST /api/v1/alerts/contacts/unsubscribe': PUBLIC,

  // Content.
  'GET /api/v1/content/meta': PUBLIC,
  'GET /api/v1/content/items': perm('content.contribute'),
  'POST /api/v1/content/items': perm('content.contribute'),
  'GET /api/v1/content/items/:id': perm('content.contribute', { hides: true }),
  'PUT /api/v1/content/items/:id': perm('content.contribute', { hides: true }),
  'POST /api/v1/content/items/:id/transitions': perm('content.contribute', { hides: true }),
  'POST /api/v1/content/items/:id/restore': perm('content.contribute', { hides: true }),
  'POST /api/v1/content/items/:id/preview-link': perm('content.contribute', { hides: true }),
  'GET /api/v1/content/media': perm('content.contribute'),
  'POST /api/v1/content/media': perm('content.contribute'),
  // Published media files are public; drafts' files are not found for the public.
  'GET /api/v1/content/media/:id': PUBLIC,
  'GET /api/v1/content/public': PUBLIC,
  'GET /api/v1/content/public/:type/:slug': PUBLIC,
  'GET /api/v1/content/services': PUBLIC,
  'GET /api/v1/content/search': PUBLIC,

  // Channels: mail quarantine, Open311 keys, the call centre.
  'GET /api/v1/mail/health': perm('reports.triage'),
  'GET /api/v1/mail/quarantine': perm('reports.triage'),
  'GET /api/v1/mail/quarantine/:id': perm('reports.triage'),
  'GET /api/v1/mail/quarantine/:id/raw': perm('reports.triage'),
  'POST /api/v1/mail/quarantine/:id/reprocess': perm('reports.triage'),
  'POST /api/v1/mail/quarantine/:id/discard': perm('reports.triage'),
  'GET /api/v1/open311/clients': perm('settings.manage'),
  'POST /api/v1/open311/clients': perm('settings.manage'),
  'POST /api/v1/open311/clients/:id/revoke': perm('settings.manage'),
  'GET /api/v1/call-centre/caller-reports': perm('reports.record_for_caller'),
  'GET /api/v1/call-centre/stream': perm('reports.record_for_caller', { noProbe: true }),
  'GET /api/v1/call-centre/calls/open': perm('reports.record_for_caller'),
  'POST /api/v1/call-centre/calls': perm('reports.record_for_caller'),
  'GET /api/v1/call-centre/calls/:id': perm('reports.record_for_caller'),
  'POST /api/v1/call-centre/calls/:id/reports': perm('reports.record_for_caller'),
  'POST /api/v1/call-centre/calls/:id/outcome': perm('reports.record_for_caller'),
  'GET /api/v1/call-centre/stats': perm('calls.stats'),

  // Analytics (agency leads see their agencies only: a foreign agency is forbidden).
  'GET /api/v1/analytics/dashboard': perm('analytics.read'),
  'GET /api/v1/analytics/map': perm('analytics.read'),
  'GET /api/v1/analytics/agencies': perm('analytics.read'),
  'GET /api/v1/analytics/agencies/:id': perm('analytics.read', { hides: true, scoped: true }),
  'GET /api/v1/analytics/export': perm('analytics.read'),
  'GET /api/v1/analytics/monthly-report.pdf': perm('analytics.read'),
  'GET /api/v1/open-data/monthly': PUBLIC,
  'GET /api/v1/open-data/agencies': PUBLIC,
};

/** Problem codes that mean "refused at the gate" (a wrong password is not a refusal of the route). */
const REFUSALS = ['unauthenticated', 'forbidden', 'mfa_required', 'mfa_enrollment_required'];
function problemCode(body: string): string {
  try {
    return String((JSON.parse(body) as { code?: unknown }).code ?? '');
  } catch {
    return '';
  }
}

/** Routes whose probe an allowed caller still gets a 400 for (the gate behind validation is untested). */
const WEAK_PROBES: string[] = [];

/**
 * The policy as reviewed: the matrix derives its expectations from `PERMISSIONS`, so a change there must be
 * made here too (a role quietly added to a permission fails this test).
 */
const REVIEWED_PERMISSIONS: Record<string, readonly string[]> = {
  'console.access': [
    'call_agent',
    'ioc_operator',
    'agency_handler',
    'agency_lead',
    'alert_officer',
    'alert_approver',
    'editor',
    'department_staff',
    'community_team',
    'admin',
  ],
  'users.read': ['admin'],
  'users.manage': ['admin'],
  'agencies.read': [
    'call_agent',
    'ioc_operator',
    'agency_handler',
    'agency_lead',
    'alert_officer',
    'alert_approver',
    'editor',
    'department_staff',
    'community_team',
    'admin',
  ],
  'agencies.manage': ['admin'],
  'units.read': [
    'citizen',
    'call_agent',
    'ioc_operator',
    'agency_handler',
    'agency_lead',
    'alert_officer',
    'alert_approver',
    'editor',
    'department_staff',
    'community_team',
    'admin',
  ],
  'audit.read': ['admin'],
  'settings.manage': ['admin'],
  'reports.submit': [
    'citizen',
    'call_agent',
    'ioc_operator',
    'agency_handler',
    'agency_lead',
    'alert_officer',
    'alert_approver',
    'editor',
    'department_staff',
    'community_team',
    'admin',
  ],
  'reports.read': ['ioc_operator', 'call_agent', 'agency_handler', 'agency_lead', 'admin'],
  'reports.triage': ['ioc_operator', 'admin'],
  'reports.record_for_caller': ['call_agent', 'ioc_operator'],
  'reports.handle': ['agency_handler', 'agency_lead'],
  'reports.approve_answer': ['agency_lead', 'ioc_operator'],
  'routing.manage': ['ioc_operator', 'admin'],
  'templates.manage': ['ioc_operator', 'agency_lead', 'admin'],
  'reports.read_contact': ['ioc_operator', 'call_agent', 'agency_lead'],
  'data_requests.handle': ['ioc_operator', 'admin'],
  'alerts.draft': ['alert_officer'],
  'alerts.approve': ['alert_approver'],
  'content.edit': ['editor'],
  'content.contribute': ['editor', 'department_staff', 'community_team'],
  'content.approve': ['editor', 'department_staff'],
  'campaigns.manage': ['department_staff'],
  'campaigns.report': ['agency_lead', 'agency_handler', 'community_team', 'department_staff'],
  'analytics.read': ['ioc_operator', 'department_staff', 'agency_lead', 'admin'],
  'triage.manage': ['ioc_operator', 'admin'],
  'calls.stats': ['ioc_operator', 'admin'],
};

function allowed(entry: Entry, caller: Caller): boolean {
  const a = entry.access;
  if (a.kind === 'public') return true;
  if (caller === 'anonymous' || a.kind === 'mfa-pending') return false;
  if (a.kind === 'signed-in') return true;
  if (a.kind === 'citizen') return caller === 'citizen';
  return a.roles.includes(caller);
}

const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');

let t: TestApp;
let clients: Map<Caller, TestClient>;
let routes: { method: string; url: string }[];

beforeAll(async () => {
  t = await createTestApp();
  clients = await signInAll(t);
  // The built web app's files (dist/web, one route each when it has been built) are static, not endpoints.
  routes = t.app.http.routeTable.filter(
    (r) => r.method !== 'HEAD' && !(r.url.includes('.') && existsSync(path.join(WEB_DIST, r.url))),
  );
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe(`access-control matrix (${TEST_ENGINE})`, () => {
  it('classifies every endpoint the server registers (and only those)', () => {
    const registered = routes.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((k) => !(k in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !registered.includes(k))).toEqual([]);
    // Every documented API route is served (the OpenAPI registry is a subset of the route table).
    const documented = routeRegistry.map((r) => `${r.method} ${r.url}`);
    expect(documented.filter((k) => !registered.includes(k))).toEqual([]);
  });

  it('refuses second-factor routes to an administrator who has not given the second factor', async () => {
    const half = new TestClient(t.app);
    await half.signIn('admin', TEST_ADMIN_PASSWORD);
    for (const url of ['/api/v1/admin/users', '/api/v1/admin/audit', '/api/v1/open311/clients']) {
      const res = await half.get(url);
      expect([401, 403], url).toContain(res.statusCode);
      // A password alone opens no session once TOTP is on (or a session not yet verified): refused either way.
      expect(['unauthenticated', 'mfa_required'], url).toContain(problemCode(res.body));
    }
  });

  it('covers every role of the permission table, and the table is the reviewed one', () => {
    expect(CALLERS).toEqual(['anonymous', ...ROLES]);
    const staff = ROLES.filter((r) => r !== 'citizen');
    expect(
      Object.fromEntries(Object.entries(PERMISSIONS).map(([k, v]) => [k, [...v].sort().join(',')])),
    ).toEqual(
      Object.fromEntries(Object.entries(REVIEWED_PERMISSIONS).map(([k, v]) => [k, [...v].sort().join(',')])),
    );
    expect(PERMISSIONS['console.access']).toEqual(staff);
  });

  it('lets allowed callers through and refuses the others, on every endpoint', async () => {
    const registry = new Map(routeRegistry.map((r) => [`${r.method} ${r.url}`, r]));
    const failures: string[] = [];
    const validatedFirst = new Set<string>();
    const weak = new Set<string>();
    for (const { method, url } of routes) {
      const key = `${method} ${url}`;
      const entry = MATRIX[key]!;
      for (const caller of CALLERS) {
        if (entry.noProbe && caller !== 'anonymous') continue;
        const probe = probeRequest(registry.get(key), method, url);
        const body = entry.body ?? probe.body;
        const res = await clients.get(caller)!.request(method as 'GET', probe.url, body);
        const s = res.statusCode;
        const refused = (s === 401 || s === 403) && REFUSALS.includes(problemCode(res.body));
        const ok = allowed(entry, caller);
        let good: boolean;
        // Allowed: the gate was passed (any answer but a refusal or a crash: 503 is a missing web build).
        if (ok)
          good = (!refused || (!!entry.scoped && AGENCY_SCOPED_ROLES.includes(caller as Role))) && s !== 500;
        else if (caller === 'anonymous' || entry.access.kind === 'mfa-pending') good = s === 401 && refused;
        else if ((s === 403 && refused) || (entry.hides && s === 404)) good = true;
        else if (entry.validatesFirst && (s === 400 || s === 415)) {
          good = true;
          validatedFirst.add(key);
        } else good = false;
        if (ok && s === 400 && problemCode(res.body) === 'validation') weak.add(key);
        if (!good) failures.push(`${key} as ${caller}: ${s} (${ok ? 'allowed' : 'refused'} expected)`);
      }
    }
    expect(failures).toEqual([]);
    // Routes flagged validatesFirst must really show it (remove the flag once the probe passes the contract).
    const flagged = Object.entries(MATRIX)
      .filter(([, e]) => e.validatesFirst)
      .map(([k]) => k);
    expect([...validatedFirst].sort()).toEqual(flagged.sort());
    // Probes the contract rejects prove nothing about the gate behind it: listed here, to keep them few.
    expect([...weak].sort()).toEqual(WEAK_PROBES.sort());
  }, 240_000);
});

/** Agency scoping: a district's handler sees its own district's reports and nothing of another's. */
describe(`agency scoping (${TEST_ENGINE})`, () => {
  const tag = randomUUID().slice(0, 8);
  let ioc: TestClient;
  let canbo: TestClient;
  let lead: TestClient;
  let other: TestClient;
  let ownAgency: string;
  let otherAgency: { id: string; name: string };
  let own: { id: string; code: string; photo: string };
  let foreign: { id: string; code: string; photo: string };

  async function photo(): Promise<{ id: string; uploadToken: string }> {
    const { default: sharp } = await import('sharp');
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } })
      .jpeg()
      .toBuffer();
    const boundary = `----acl${randomUUID()}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="anh.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      jpeg,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  async function move(id: string, body: Record<string, unknown>) {
    const version = (await ioc.get(`/api/v1/reports/${id}`)).json().report.version as number;
    const res = await ioc.post(`/api/v1/reports/${id}/transitions`, { version, ...body });
    expect(res.statusCode, res.body).toBe(200);
  }

  /** A report sent by a citizen, accepted by the IOC and assigned to an agency. */
  async function reportFor(agencyId: string, words: string) {
    const up = await photo();
    const res = await new TestClient(t.app).post('/api/v1/reports', {
      categoryCode: 'giao_thong_ha_tang',
      title: `Ổ gà ${words}`,
      body: `Đường hư hỏng nặng, cần sửa sớm (${words}).`,
      location: { lat: 10.5359, lon: 106.4107 },
      reporter: { name: 'Nguyễn Văn Kiểm', phone: '0909000111' },
      consent: true,
      attachmentIds: [up.id],
      uploadTokens: [up.uploadToken],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json() as { id: string; code: string };
    await move(id, { action: 'accept' });
    await move(id, { action: 'assign', agencyId });
    return { id, code, photo: up.id };
  }

  beforeAll(async () => {
    ioc = clients.get('ioc_operator')!;
    canbo = clients.get('agency_handler')!;
    lead = clients.get('agency_lead')!;
    ownAgency = (await canbo.get('/api/v1/auth/session')).json().user.roles[0].agencyId;
    const agencies = (await ioc.get('/api/v1/agencies')).json().items as {
      id: string;
      name: string;
      kind: string;
      parentId: string | null;
    }[];
    otherAgency = agencies.find(
      (a) => a.kind === 'district_pc' && a.id !== ownAgency && a.parentId !== ownAgency,
    )!;
    expect(otherAgency).toBeDefined();
    // The demo has one district handler: a second one, for the other district.
    const created = await clients.get('admin')!.post('/api/v1/admin/users', {
      username: `canbo.khac.${tag}`,
      fullName: 'Cán bộ huyện khác',
      password: 'Other-Handler-2026',
      roles: [{ role: 'agency_handler', agencyId: otherAgency.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    other = new TestClient(t.app);
    await other.signIn(`canbo.khac.${tag}`, 'Other-Handler-2026');
    own = await reportFor(ownAgency, `nhà mình ${tag}`);
    foreign = await reportFor(otherAgency.id, `huyện khác ${tag}`);
  }, 60_000);

  it('answers 404 for another district’s report by id, and for every action on it', async () => {
    expect((await canbo.get(`/api/v1/reports/${own.id}`)).statusCode).toBe(200);
    expect((await canbo.get(`/api/v1/reports/${foreign.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/reports/${foreign.id}`)).statusCode).toBe(200);
    expect((await other.get(`/api/v1/reports/${own.id}`)).statusCode).toBe(404);
    for (const [method, url, body] of [
      ['POST', `/api/v1/reports/${foreign.id}/transitions`, { action: 'start', version: 1 }],
      ['POST', `/api/v1/reports/${foreign.id}/notes`, { text: 'Ghi chú thử' }],
      ['GET', `/api/v1/reports/${foreign.id}/suggestions`, undefined],
    ] as const) {
      const res = await canbo.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // Nor can a handler send its own district's report to another district (an IOC action).
    const version = (await canbo.get(`/api/v1/reports/${own.id}`)).json().report.version as number;
    const moved = await canbo.post(`/api/v1/reports/${own.id}/transitions`, {
      action: 'reassign',
      agencyId: otherAgency.id,
      version,
    });
    expect(moved.statusCode, moved.body).toBe(403);
    const note = await canbo.post(`/api/v1/reports/${own.id}/notes`, { text: 'Ghi chú thử' });
    expect(note.statusCode, note.body).toBeLessThan(300);
    // The lead of the district reads its reports and not the other district's.
    expect((await lead.get(`/api/v1/reports/${own.id}`)).statusCode).toBe(200);
    expect((await lead.get(`/api/v1/reports/${foreign.id}`)).statusCode).toBe(404);
  });

  it('leaves another district’s reports out of lists, search, the map and the deadline board', async () => {
    const ids = (res: { json(): unknown }) => JSON.stringify(res.json());
    const all = ids(await canbo.get('/api/v1/reports?limit=200'));
    expect(all).toContain(own.id);
    expect(all).not.toContain(foreign.id);
    for (const q of [tag, 'huyện khác', foreign.code]) {
      const found = ids(await canbo.get(`/api/v1/reports?q=${encodeURIComponent(q)}&limit=200`));
      expect(found, q).not.toContain(foreign.id);
    }
    expect(ids(await canbo.get(`/api/v1/reports?q=${tag}&limit=200`))).toContain(own.id);
    const filtered = await canbo.get(`/api/v1/reports?agencyId=${otherAgency.id}&limit=200`);
    expect([200, 403, 404]).toContain(filtered.statusCode);
    expect(filtered.body).not.toContain(foreign.id);
    for (const url of ['/api/v1/reports/map', '/api/v1/reports/deadline-board']) {
      const res = await canbo.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body, url).not.toContain(foreign.id);
    }
    // The IOC sees both (the test would prove nothing if the foreign report were invisible to all).
    const iocAll = ids(await ioc.get(`/api/v1/reports?q=${tag}&limit=200`));
    expect(iocAll).toContain(foreign.id);
  });

  it('refuses another district’s attachments', async () => {
    expect((await canbo.get(`/api/v1/attachments/${own.photo}`)).statusCode).toBe(200);
    expect((await canbo.get(`/api/v1/attachments/${foreign.photo}`)).statusCode).toBe(404);
    expect((await canbo.get(`/api/v1/attachments/${foreign.photo}?thumb=1`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/attachments/${foreign.photo}`)).statusCode).toBe(200);
    // Nor may a citizen who did not send the report, or staff without reports.read.
    for (const caller of ['citizen', 'editor', 'alert_officer'] as const) {
      const res = await clients.get(caller)!.get(`/api/v1/attachments/${foreign.photo}`);
      expect(res.statusCode, caller).toBe(404);
    }
  });

  it('keeps campaign reports to their agency', async () => {
    const so = clients.get('department_staff')!;
    const plans = (await so.get('/api/v1/campaigns/plans')).json().items as { id: string; number: string }[];
    const planId = plans.find((p) => p.number.startsWith('310'))!.id;
    const period = 'year=2026&quarter=4';
    const rows = (await so.get(`/api/v1/campaigns/plans/${planId}/reports?${period}`)).json().items as {
      reportId: string | null;
      agencyId: string;
    }[];
    const theirs = rows.find((r) => r.reportId && r.agencyId !== ownAgency)!;
    expect(theirs).toBeDefined();
    for (const caller of ['agency_handler', 'agency_lead', 'community_team'] as const) {
      const c = clients.get(caller)!;
      const list = await c.get(`/api/v1/campaigns/plans/${planId}/reports?${period}`);
      expect(list.statusCode, caller).toBe(200);
      expect(list.body, caller).not.toContain(theirs.agencyId);
      for (const url of [
        `/api/v1/campaigns/reports/${theirs.reportId}`,
        `/api/v1/campaigns/reports/${theirs.reportId}/document.html`,
      ]) {
        expect((await c.get(url)).statusCode, `${caller} ${url}`).toBe(404);
      }
      const submit = await c.post(`/api/v1/campaigns/reports/${theirs.reportId}/submit`, { version: 1 });
      expect([403, 404], caller).toContain(submit.statusCode);
    }
    expect((await so.get(`/api/v1/campaigns/reports/${theirs.reportId}`)).statusCode).toBe(200);
  });

  it('keeps the district lead’s analytics and exports to its own agencies', async () => {
    const one = await lead.get(`/api/v1/analytics/agencies/${otherAgency.id}`);
    expect([403, 404]).toContain(one.statusCode);
    const ranking = await lead.get('/api/v1/analytics/agencies');
    expect(ranking.statusCode).toBe(200);
    expect(ranking.body).not.toContain(otherAgency.id);
    for (const table of ['agency', 'ranking', 'backlog']) {
      const csv = await lead.get(`/api/v1/analytics/export?table=${table}&format=csv`);
      expect(csv.statusCode, table).toBe(200);
      expect(csv.body, table).not.toContain(otherAgency.name);
    }
    // Handlers have no analytics at all.
    expect((await canbo.get('/api/v1/analytics/export?table=agency')).statusCode).toBe(403);
  });

  it('streams only the district’s own report changes', async () => {
    await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.http.server.address() as { port: number };
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/reports/stream`, {
      headers: { cookie: canbo.cookie },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    let text = '';
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          text += decoder.decode(chunk, { stream: true });
        }
      } catch {
        // aborted
      }
    })();
    const theirs = await reportFor(otherAgency.id, `luồng khác ${tag}`);
    const mine = await reportFor(ownAgency, `luồng mình ${tag}`);
    const until = Date.now() + 5_000;
    while (!text.includes(mine.id) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    // A short window more for a stray event of the other district.
    await new Promise((r) => setTimeout(r, 300));
    abort.abort();
    await reading;
    expect(text).toContain(mine.id);
    expect(text).not.toContain(theirs.id);
    expect(text).not.toContain(foreign.id);
  }, 30_000);
});
