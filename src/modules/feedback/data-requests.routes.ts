import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  dataRequestDecisionBody,
  dataRequestListQuery,
  fileDataRequestBody,
} from '../../contracts/data-requests.js';
import { requestLang } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { actorOf, optionalSignIn, requireSignedIn, type Principal } from '../identity/index.js';
import type { FeedbackDeps } from './feedback-deps.js';
import {
  decideDataRequest,
  fileDataRequest,
  listDataRequests,
  myDataRequests,
} from './use-cases/data-requests.js';

const tags = ['my-data'];
const idParams = z.strictObject({ id: z.uuid() });

/** Data subject requests: filed by citizens (public, code + contact, or signed in), handled by staff. */
export function registerDataRequestRoutes(app: FastifyInstance, deps: FeedbackDeps): void {
  const signedIn = requireSignedIn(deps);
  const maybeSignedIn = optionalSignIn(deps);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/public/data-requests',
    summary:
      'Yêu cầu xem, sửa, xoá dữ liệu cá nhân hoặc phản đối xử lý / Ask to see, correct or delete personal data, or object',
    tags,
    body: fileDataRequestBody,
    preHandler: [maybeSignedIn],
    // Code + contact is checked like the report look-up: as slow as it.
    rateLimit: { max: 5, timeWindow: '1 minute' },
    responses: { 201: 'Đã nhận: hạn trả lời sau 2 ngày làm việc / Received: answer due in 2 working days' },
    handler: async ({ req, reply, body }) => {
      const receipt = await fileDataRequest(deps, me(req), body, actorOf(me(req), req), requestLang(req));
      reply.status(201);
      return receipt;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/me/data-requests',
    summary: 'Yêu cầu về dữ liệu cá nhân của tôi / My data requests',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => myDataRequests(deps, me(req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/data-requests',
    summary: 'Yêu cầu về dữ liệu cá nhân cần xử lý (hạn 2 ngày làm việc) / Data requests to handle',
    tags,
    query: dataRequestListQuery,
    preHandler: [signedIn],
    handler: async ({ req, query }) => listDataRequests(deps, me(req), query.status),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/data-requests/:id/decision',
    summary: 'Thực hiện hoặc từ chối yêu cầu / Fulfil or refuse a data request',
    tags,
    params: idParams,
    body: dataRequestDecisionBody,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      decideDataRequest(deps, me(req), params.id, body, actorOf(me(req), req)),
  });
}
