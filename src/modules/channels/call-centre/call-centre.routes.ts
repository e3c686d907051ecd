import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../../../platform/http/route.js';
import { actorOf, requireSignedIn, type Principal } from '../../identity/index.js';
import type { ChannelsDeps } from '../channels-deps.js';
import { callerHistory } from './caller-history.js';

/** Call-centre routes; recording a report for a caller is POST /api/v1/reports (channel phone). */
export function registerCallCentreRoutes(app: FastifyInstance, deps: ChannelsDeps): void {
  const signedIn = requireSignedIn(deps);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;
  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/call-centre/caller-reports',
    summary: 'Phản ánh trước đây của người gọi (theo số điện thoại) / A caller’s earlier reports',
    tags: ['channels-call-centre'],
    query: z.strictObject({ phone: z.string().trim().min(8).max(20) }),
    preHandler: [signedIn],
    rateLimit: { max: 120, timeWindow: '1 minute' },
    handler: async ({ req, query }) => callerHistory(deps, me(req), query.phone, actorOf(me(req), req)),
  });
}
