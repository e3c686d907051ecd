import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../contracts/identity.js';
import type { Role } from '../../contracts/roles.js';
import { AGENCY_SCOPED_ROLES } from '../../contracts/roles.js';
import type { Actor } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/problem.js';
import { maskPhone } from '../../platform/sms/sms.js';
import type { IdentityDeps, RequestMeta } from './identity-deps.js';
import { CITIZEN_SESSION_DAYS, STAFF_SESSION_HOURS } from './identity-deps.js';
import * as repo from './identity.repository.js';
import { needsMfa, permissionsOf, type Principal } from './policy.js';
import { openSealed } from '../../platform/crypto/field-cipher.js';

export const SESSION_COOKIE = 'tinhso_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal | null;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function sessionTtlMs(kind: 'staff' | 'citizen'): number {
  return kind === 'staff' ? STAFF_SESSION_HOURS * 3600_000 : CITIZEN_SESSION_DAYS * 86400_000;
}

/** Creates a session row; returns the secret token for the cookie (only its hash is stored). */
export async function createSession(
  db: Executor,
  user: repo.UserRow,
  meta: RequestMeta,
  now: Date,
  flags: { mfaPending: boolean; mfaVerified: boolean },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await repo.insertSession(db, {
    id: sha256(token),
    userId: user.id,
    csrfToken,
    mfaPending: flags.mfaPending,
    mfaVerified: flags.mfaVerified,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + sessionTtlMs(user.kind as 'staff' | 'citizen')),
  });
  return { token, csrfToken };
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  secure: boolean,
  kind: 'staff' | 'citizen',
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.floor(sessionTtlMs(kind) / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function sessionIdFromRequest(req: FastifyRequest): string | null {
  const token = req.cookies[SESSION_COOKIE];
  return token ? sha256(token) : null;
}

export function requestMeta(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null, requestId: String(req.id) };
}

export function actorOf(p: Principal | null, req: FastifyRequest): Actor {
  return {
    id: p?.userId ?? null,
    label: p?.label ?? 'anonymous',
    ip: req.ip ?? null,
    requestId: String(req.id),
  };
}

/** Builds the principal for a user (grants and agency scopes). */
export async function principalFor(
  db: Executor,
  user: repo.UserRow,
  session: { id: string; csrfToken: string; mfaVerified: boolean },
): Promise<Principal> {
  const grants = await repo.grantsOf(db, user.id);
  const scopes = new Map<Role, Set<string>>();
  for (const role of AGENCY_SCOPED_ROLES) {
    const roots = grants.filter((g) => g.role === role && g.agencyId).map((g) => g.agencyId!);
    if (roots.length) scopes.set(role, new Set(await repo.agencySubtree(db, roots)));
  }
  return {
    userId: user.id,
    kind: user.kind as Principal['kind'],
    label:
      user.kind === 'staff'
        ? (user.username ?? user.id)
        : `citizen:${maskPhone(openSealed(user.phone) ?? '')}`,
    grants,
    scopes,
    totpEnabled: user.totpEnabled,
    mfaVerified: session.mfaVerified,
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}

/**
 * Resolves the request's session into a principal (null when signed out or half-signed-in awaiting a
 * second factor). Sliding expiry: renewed at most every 5 minutes.
 */
export async function loadPrincipal(deps: IdentityDeps, req: FastifyRequest): Promise<Principal | null> {
  if (req.principal !== undefined) return req.principal;
  req.principal = null;
  const id = sessionIdFromRequest(req);
  if (!id) return null;
  const { db } = deps.database;
  const now = deps.now();
  const session = await repo.findLiveSession(db, id, now);
  if (!session || session.mfaPending) return null;
  const user = await repo.findUserById(db, session.userId);
  if (!user || !user.active) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > 5 * 60_000) {
    await repo.touchSession(
      db,
      id,
      now,
      new Date(now.getTime() + sessionTtlMs(user.kind as 'staff' | 'citizen')),
    );
  }
  req.principal = await principalFor(db, user, session);
  return req.principal;
}

function tokensEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** Refuses a state-changing request made with a session cookie but without the session's CSRF token. */
export function checkCsrf(req: FastifyRequest, expected: string): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !tokensEqual(sent, expected)) throw new AppError('csrf');
}

/** Pre-handler: the request must come from a signed-in person (and carry the CSRF token when it changes something). */
export function requireSignedIn(deps: IdentityDeps) {
  return async (req: FastifyRequest) => {
    const p = await loadPrincipal(deps, req);
    if (!p) throw new AppError('unauthenticated');
    checkCsrf(req, p.csrfToken);
  };
}

/** Pre-handler for endpoints open to everyone that still accept a session (and then check its CSRF token). */
export function optionalSignIn(deps: IdentityDeps) {
  return async (req: FastifyRequest) => {
    const p = await loadPrincipal(deps, req);
    if (p) checkCsrf(req, p.csrfToken);
  };
}

/** The person as the web app sees them. */
export async function sessionUserView(db: Executor, p: Principal): Promise<SessionUser> {
  const user = await repo.findUserById(db, p.userId);
  const roles = (await repo.roleViewsOf(db, [p.userId])).get(p.userId) ?? [];
  return {
    id: p.userId,
    kind: p.kind,
    fullName: user?.fullName ?? '',
    username: user?.username ?? null,
    email: openSealed(user?.email),
    phoneMasked: user?.phone ? maskPhone(user.phone.open()) : null,
    locale: (user?.locale as 'vi' | 'en') ?? 'vi',
    roles,
    permissions: permissionsOf(p),
    totpEnabled: p.totpEnabled,
    mfaVerified: p.mfaVerified,
    mfaEnrollmentRequired: needsMfa(p) && !p.totpEnabled,
  };
}
