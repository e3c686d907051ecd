import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import {
  lookupManyRequest,
  lookupQuery,
  myReportPushRequest,
  pushEndpointRequest,
  ratingRequest,
  reportPushRequest,
} from '../../contracts/feedback.js';
import { defineRoute } from '../../platform/http/route.js';
import { actorOf, type Principal } from '../identity/index.js';
import type { FeedbackDeps } from './feedback-deps.js';
import {
  getPublicReport,
  listPublicReports,
  lookupMany,
  lookupReport,
  rateReport,
} from './use-cases/citizen-follow-up.js';
import { reportPushStatus, unwatchReports, watchMyReports, watchReports } from './use-cases/report-push.js';

const tags = ['feedback-public'];
// Looking up by code + contact is where tracking codes could be enumerated: keep it slow.
const LOOKUP_LIMIT = { max: 10, timeWindow: '1 minute' };
// Up to 20 pairs a request: a phone refreshing its list is one request, while guessing stays slow.
const LOOKUP_MANY_LIMIT = { max: 5, timeWindow: '1 minute' };

/** Public side of the feedback core: look-up by code and contact, rating, published answers. */
export function citizenRoutes(
  app: FastifyInstance,
  deps: FeedbackDeps,
  h: {
    maybeSignedIn: preHandlerAsyncHookHandler;
    me: (req: { principal?: Principal | null }) => Principal | null;
  },
): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/public/reports/lookup',
    summary: 'Tra cứu phản ánh bằng mã và số điện thoại/email / Look up a report',
    tags,
    query: lookupQuery,
    preHandler: [h.maybeSignedIn],
    rateLimit: LOOKUP_LIMIT,
    handler: async ({ req, query }) => lookupReport(deps, h.me(req), query.code, query.contact),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/public/reports/lookup',
    summary: 'Tra cứu nhiều phản ánh gửi từ máy này / Look up the reports sent from this device',
    tags,
    body: lookupManyRequest,
    preHandler: [h.maybeSignedIn],
    rateLimit: LOOKUP_MANY_LIMIT,
    handler: async ({ req, body }) => lookupMany(deps, h.me(req), body.items),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/public/reports/:code/rating',
    summary: 'Đánh giá kết quả trả lời / Rate the answer',
    tags,
    params: z.strictObject({ code: z.string().min(4).max(40) }),
    body: ratingRequest,
    preHandler: [h.maybeSignedIn],
    rateLimit: LOOKUP_LIMIT,
    handler: async ({ req, params, body }) =>
      rateReport(deps, h.me(req), params.code, body, actorOf(h.me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/public/reports',
    summary: 'Phản ánh đã trả lời công khai / Published answers',
    tags,
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      before: z.string().max(40).optional(),
      category: z.string().max(60).optional(),
      unit: z
        .string()
        .regex(/^\d{1,10}$/)
        .optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      q: z.string().max(200).optional(),
    }),
    rateLimit: { max: 120, timeWindow: '1 minute' },
    handler: async ({ query }) => {
      const { limit, ...filter } = query;
      return listPublicReports(deps, limit, filter);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/public/reports/:code',
    summary: 'Một phản ánh đã trả lời công khai / One published answer',
    tags,
    params: z.strictObject({ code: z.string().min(4).max(40) }),
    rateLimit: { max: 120, timeWindow: '1 minute' },
    handler: async ({ params }) => getPublicReport(deps, params.code),
  });

  // Push notifications when a report moves: for the signed-in citizen's reports, or for reports this
  // device proves by code and contact (as the look-up does, and as slowly).
  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/me/report-push',
    summary: 'Nhận thông báo đẩy khi phản ánh của tôi có tiến triển / Push when my reports move',
    tags,
    body: myReportPushRequest,
    preHandler: [h.maybeSignedIn],
    rateLimit: { max: 10, timeWindow: '1 minute' },
    handler: async ({ req, body }) => watchMyReports(deps, h.me(req), body, actorOf(h.me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/public/reports/push',
    summary:
      'Nhận thông báo đẩy cho các phản ánh gửi từ máy này / Push for the reports sent from this device',
    tags,
    body: reportPushRequest,
    preHandler: [h.maybeSignedIn],
    rateLimit: LOOKUP_MANY_LIMIT,
    handler: async ({ req, body }) => watchReports(deps, h.me(req), body, actorOf(h.me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/public/reports/push/status',
    summary: 'Máy này có đang nhận thông báo phản ánh? / Does this device hear about reports?',
    tags,
    body: pushEndpointRequest,
    rateLimit: { max: 30, timeWindow: '1 minute' },
    handler: async ({ body }) => reportPushStatus(deps, body.endpoint),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/public/reports/push/delete',
    summary: 'Thôi nhận thông báo phản ánh trên máy này / Stop report pushes on this device',
    tags,
    body: pushEndpointRequest,
    rateLimit: { max: 10, timeWindow: '1 minute' },
    handler: async ({ body }) => unwatchReports(deps, body.endpoint),
  });
}
