import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  callOutcomeRequest,
  callStatsQuery,
  ctiEvent,
  linkReportRequest,
  startCallRequest,
} from '../../../contracts/calls.js';
import { AppError } from '../../../platform/http/problem.js';
import { defineRoute } from '../../../platform/http/route.js';
import { actorOf, requireSignedIn, type Principal } from '../../identity/index.js';
import type { ChannelsDeps } from '../channels-deps.js';
import { callStats } from './call-stats.js';
import { registerCallStream } from './call-stream.js';
import { callerHistory } from './caller-history.js';
import { getCall, linkReport, openCalls, receiveCtiEvent, setCallOutcome, startManualCall } from './calls.js';
import { parseCtiBody, verifyCtiSignature } from './cti-signature.js';

const tags = ['channels-call-centre'];
const idParams = z.strictObject({ id: z.string().max(40) });

/** Call-centre routes; recording a report for a caller is POST /api/v1/reports (channel phone). */
export function registerCallCentreRoutes(app: FastifyInstance, deps: ChannelsDeps): void {
  const signedIn = requireSignedIn(deps);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/call-centre/caller-reports',
    summary: 'Phản ánh và cuộc gọi trước đây của người gọi (theo số) / A caller’s earlier reports and calls',
    tags,
    query: z.strictObject({
      phone: z.string().trim().min(8).max(20),
      exceptCall: z.string().max(40).optional(),
    }),
    preHandler: [signedIn],
    rateLimit: { max: 120, timeWindow: '1 minute' },
    handler: async ({ req, query }) =>
      callerHistory(deps, me(req), query.phone, actorOf(me(req), req), query.exceptCall),
  });

  // The telephony system's webhook (Zammad generic CTI shape), signed with CTI_SECRET. Its own scope
  // keeps the exact bytes of the body (JSON or form) so that the signature is checked over them.
  void app.register(async (scope) => {
    scope.removeContentTypeParser(['application/json']);
    for (const type of ['application/json', 'application/x-www-form-urlencoded'])
      scope.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) =>
        done(null, body),
      );
    defineRoute(scope, {
      method: 'POST',
      url: '/api/v1/cti/events',
      summary:
        'Sự kiện tổng đài (newCall, answer, hangup), ký HMAC-SHA256 / Telephony events, HMAC-SHA256 signed',
      tags,
      security: 'none',
      rateLimit: { max: 600, timeWindow: '1 minute' },
      responses: {
        200: 'Đã nhận / Accepted',
        401: 'Chữ ký sai hoặc quá hạn / Bad or stale signature',
        404: 'Không có cuộc gọi này, hoặc webhook tắt / Unknown call, or the webhook is off',
        409: 'Sự kiện đã nhận / Replayed or repeated event',
      },
      handler: async ({ req }) => {
        const secret = deps.cti.secret;
        if (!secret) throw new AppError('cti_disabled');
        const raw = typeof req.body === 'string' ? req.body : '';
        const signature = verifyCtiSignature(
          secret,
          req.headers['x-cti-timestamp'],
          req.headers['x-cti-signature'],
          raw,
          deps.now(),
        );
        const parsed = ctiEvent.safeParse(parseCtiBody(raw, req.headers['content-type']));
        if (!parsed.success)
          throw new AppError(
            'validation',
            {},
            parsed.error.issues.map((i) => ({
              path: ['body', ...i.path.map(String)].join('.'),
              message: i.message,
            })),
          );
        return receiveCtiEvent(deps, parsed.data, signature);
      },
    });
  });

  registerCallStream(app, deps, signedIn);

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/call-centre/calls/open',
    summary: 'Cuộc gọi đang đổ chuông hoặc đang nghe / Calls ringing or on the line',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => ({ items: await openCalls(deps, me(req)) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/call-centre/calls',
    summary: 'Ghi cuộc gọi bằng tay (không có tổng đài tích hợp) / Log a call by hand',
    tags,
    body: startCallRequest,
    preHandler: [signedIn],
    rateLimit: { max: 60, timeWindow: '1 minute' },
    responses: { 201: 'Đã mở cuộc gọi / Call opened' },
    handler: async ({ req, reply, body }) => {
      const call = await startManualCall(deps, me(req), body, actorOf(me(req), req));
      reply.status(201);
      return call;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/call-centre/calls/:id',
    summary: 'Một cuộc gọi / One call',
    tags,
    params: idParams,
    preHandler: [signedIn],
    handler: async ({ req, params }) => getCall(deps, me(req), params.id, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/call-centre/calls/:id/reports',
    summary: 'Gắn phản ánh vừa ghi vào cuộc gọi / Link the report just recorded to the call',
    tags,
    params: idParams,
    body: linkReportRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      linkReport(deps, me(req), params.id, body.reportId, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/call-centre/calls/:id/outcome',
    summary: 'Kết quả cuộc gọi, ghi chú, kết thúc / Outcome, note, end the call',
    tags,
    params: idParams,
    body: callOutcomeRequest,
    preHandler: [signedIn],
    handler: async ({ req, params, body }) =>
      setCallOutcome(deps, me(req), params.id, body, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/call-centre/stats',
    summary: 'Thống kê cuộc gọi theo điện thoại viên và giờ / Call statistics per agent and hour',
    tags,
    query: callStatsQuery,
    preHandler: [signedIn],
    rateLimit: { max: 60, timeWindow: '1 minute' },
    handler: async ({ req, query }) => callStats(deps, me(req), query),
  });
}
