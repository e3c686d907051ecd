import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createAgencyRequest,
  createUserRequest,
  listAuditQuery,
  listUsersQuery,
  loginRequest,
  normalizePhone,
  otpRequest,
  otpVerifyRequest,
  setMyLocaleRequest,
  totpCodeRequest,
  updateAgencyRequest,
  updateUserRequest,
  type LoginResponse,
  type SessionResponse,
} from '../../contracts/identity.js';
import { defineRoute } from '../../platform/http/route.js';
import type { IdentityDeps } from './identity-deps.js';
import * as repo from './identity.repository.js';
import type { Principal } from './policy.js';
import {
  actorOf,
  clearSessionCookie,
  optionalSignIn,
  principalFor,
  requestMeta,
  requireSignedIn,
  sessionIdFromRequest,
  sessionUserView,
  setSessionCookie,
} from './sessions.js';
import { browseAudit } from './use-cases/browse-audit.js';
import { verifyCitizenCode, requestCitizenCode } from './use-cases/citizen-one-time-code.js';
import { createAgency, listAgencies, updateAgency } from './use-cases/manage-agencies.js';
import { enableTotp, startTotpSetup } from './use-cases/manage-totp.js';
import { createUser, listUsers, setMyLocale, updateUser } from './use-cases/manage-users.js';
import { signInStaff } from './use-cases/sign-in-staff.js';
import { signOut } from './use-cases/sign-out.js';
import { verifySignInTotp } from './use-cases/verify-sign-in-totp.js';

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['identity'];
const AUTH_LIMIT = { max: 20, timeWindow: '1 minute' };

/** HTTP routes of the identity module: sign-in for staff and citizens, 2FA, people, agencies, units, audit. */
export function registerIdentityRoutes(app: FastifyInstance, deps: IdentityDeps): void {
  const signedIn = requireSignedIn(deps);
  const db = deps.database.db;
  const me = (req: { principal?: Principal | null }) => req.principal as Principal;

  async function sessionResponse(p: Principal): Promise<SessionResponse> {
    return { user: await sessionUserView(db, p), csrfToken: p.csrfToken };
  }

  async function principalOfNewSession(
    user: repo.UserRow,
    token: string,
    csrfToken: string,
    mfaVerified: boolean,
  ) {
    const id = createHash('sha256').update(token).digest('hex');
    return principalFor(db, user, { id, csrfToken, mfaVerified });
  }

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Đăng nhập cán bộ (tên đăng nhập hoặc email + mật khẩu) / Staff sign-in',
    tags,
    body: loginRequest,
    rateLimit: AUTH_LIMIT,
    responses: { 200: 'Đã đăng nhập, hoặc cần mã hai lớp (mfaRequired)' },
    handler: async ({ req, reply, body }): Promise<LoginResponse> => {
      const result = await signInStaff(deps, body, requestMeta(req));
      setSessionCookie(reply, result.token, deps.config.secureCookies, 'staff');
      if (result.mfaRequired) return { mfaRequired: true, csrfToken: result.csrfToken, user: null };
      const p = await principalOfNewSession(result.user, result.token, result.csrfToken, false);
      return { mfaRequired: false, csrfToken: result.csrfToken, user: await sessionUserView(db, p) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/totp/verify',
    summary: 'Bước hai khi đăng nhập: mã TOTP / Second sign-in step: TOTP code',
    tags,
    body: totpCodeRequest,
    rateLimit: AUTH_LIMIT,
    handler: async ({ req, reply, body }) => {
      const result = await verifySignInTotp(deps, sessionIdFromRequest(req), body.code, requestMeta(req));
      setSessionCookie(reply, result.token, deps.config.secureCookies, 'staff');
      return sessionResponse(await principalOfNewSession(result.user, result.token, result.csrfToken, true));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/auth/session',
    summary: 'Người đang đăng nhập / Who is signed in',
    tags,
    preHandler: [signedIn],
    responses: {
      200: 'Người đang đăng nhập, kể cả ngôn ngữ đã chọn (user.locale) / The signed-in person, with their language',
    },
    handler: async ({ req }) => sessionResponse(me(req)),
  });

  // The citizen app asks at start whether someone is signed in; "nobody" is an answer, not an error
  // (a 401 there would be logged as a failure in every visitor's browser console).
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/auth/whoami',
    summary: 'Ai đang đăng nhập (hoặc không ai) / Who is signed in, if anyone',
    tags,
    preHandler: [optionalSignIn(deps)],
    handler: async ({ req }): Promise<SessionResponse | { user: null; csrfToken: null }> => {
      const p = req.principal as Principal | null | undefined;
      return p ? sessionResponse(p) : { user: null, csrfToken: null };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/me/locale',
    summary: 'Ngôn ngữ của tôi: bàn làm việc và thông báo / My language: console and notices',
    tags,
    body: setMyLocaleRequest,
    preHandler: [signedIn],
    responses: { 204: 'Đã lưu / Saved' },
    handler: async ({ req, reply, body }) => {
      await setMyLocale(deps, me(req), body.locale, actorOf(me(req), req));
      reply.status(204);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'Đăng xuất / Sign out',
    tags,
    preHandler: [signedIn],
    responses: { 204: 'Đã đăng xuất' },
    handler: async ({ req, reply }) => {
      await signOut(deps, me(req), false, actorOf(me(req), req));
      clearSessionCookie(reply, deps.config.secureCookies);
      reply.status(204);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/logout-all',
    summary: 'Đăng xuất khỏi mọi thiết bị / Sign out everywhere',
    tags,
    preHandler: [signedIn],
    responses: { 204: 'Đã đăng xuất mọi phiên' },
    handler: async ({ req, reply }) => {
      await signOut(deps, me(req), true, actorOf(me(req), req));
      clearSessionCookie(reply, deps.config.secureCookies);
      reply.status(204);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/totp/setup',
    summary: 'Bắt đầu bật xác thực hai lớp / Start two-factor setup',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => startTotpSetup(deps, me(req), actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/totp/enable',
    summary: 'Xác nhận bật xác thực hai lớp / Confirm two-factor setup',
    tags,
    body: totpCodeRequest,
    preHandler: [signedIn],
    rateLimit: AUTH_LIMIT,
    handler: async ({ req, body }) =>
      sessionResponse(await enableTotp(deps, me(req), body.code, actorOf(me(req), req))),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/otp/request',
    summary: 'Gửi mã OTP qua SMS cho người dân / Send a sign-in code by SMS',
    tags,
    body: otpRequest,
    rateLimit: { max: 5, timeWindow: '1 minute' },
    responses: { 202: 'Đã gửi mã' },
    handler: async ({ req, reply, body }) => {
      const result = await requestCitizenCode(deps, normalizePhone(body.phone), requestMeta(req));
      reply.status(202);
      return result;
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/otp/verify',
    summary: 'Đăng nhập người dân bằng mã OTP / Citizen sign-in with the code',
    tags,
    body: otpVerifyRequest,
    rateLimit: AUTH_LIMIT,
    handler: async ({ req, reply, body }) => {
      const result = await verifyCitizenCode(deps, normalizePhone(body.phone), body.code, requestMeta(req));
      setSessionCookie(reply, result.token, deps.config.secureCookies, 'citizen');
      return sessionResponse(await principalOfNewSession(result.user, result.token, result.csrfToken, false));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/users',
    summary: 'Danh sách cán bộ / Staff accounts',
    tags,
    query: listUsersQuery,
    preHandler: [signedIn],
    handler: async ({ req, query }) => listUsers(deps, me(req), query),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/admin/users',
    summary: 'Tạo tài khoản cán bộ / Create a staff account',
    tags,
    body: createUserRequest,
    preHandler: [signedIn],
    responses: { 201: 'Đã tạo' },
    handler: async ({ req, reply, body }) => {
      const user = await createUser(deps, me(req), body, actorOf(me(req), req));
      reply.status(201);
      return user;
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/admin/users/:id',
    summary: 'Sửa tài khoản cán bộ / Change a staff account',
    tags,
    params: idParams,
    body: updateUserRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      updateUser(deps, me(req), params.id, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/agencies',
    summary: 'Danh sách cơ quan, đơn vị / Agencies',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => ({ items: await listAgencies(deps, me(req)) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/admin/agencies',
    summary: 'Tạo cơ quan / Create an agency',
    tags,
    body: createAgencyRequest,
    preHandler: [signedIn],
    responses: { 201: 'Đã tạo' },
    handler: async ({ req, reply, body }) => {
      const agency = await createAgency(deps, me(req), body, actorOf(me(req), req));
      reply.status(201);
      return agency;
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/v1/admin/agencies/:id',
    summary: 'Sửa cơ quan / Change an agency',
    tags,
    params: idParams,
    body: updateAgencyRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      updateAgency(deps, me(req), params.id, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/units',
    summary: 'Đơn vị hành chính của tỉnh / Administrative units',
    tags,
    query: z.strictObject({
      parent: z.string().max(10).optional(),
      level: z.coerce.number().int().min(1).max(3).optional(),
    }),
    preHandler: [optionalSignIn(deps)],
    handler: async ({ query }) => ({ items: await repo.listUnits(db, query) }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/audit',
    summary: 'Nhật ký kiểm toán / Audit log',
    tags,
    query: listAuditQuery,
    preHandler: [signedIn],
    handler: async ({ req, query }) => browseAudit(deps, me(req), query),
  });
}
