import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../../platform/http/route.js';
import { actorOf, requireSignedIn, type IdentityDeps, type Principal } from '../identity/index.js';
import { getRouting, setAutoRouting, upsertRoutingRule } from './use-cases/manage-routing.js';

const tags = ['routing'];

/** Routing rules (category × unit → agency) and the automatic-routing switch. */
export function registerRoutingRoutes(app: FastifyInstance, deps: IdentityDeps): void {
  const signedIn = requireSignedIn(deps);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/routing',
    summary: 'Quy tắc điều phối và chế độ tự động / Routing rules',
    tags,
    preHandler: [signedIn],
    handler: async ({ req }) => getRouting(deps, me(req)),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/routing/auto-assign',
    summary: 'Bật/tắt tự động chuyển xử lý / Automatic routing on or off',
    tags,
    body: z.strictObject({ enabled: z.boolean() }),
    preHandler: [signedIn],
    handler: async ({ req, body }) => setAutoRouting(deps, me(req), body.enabled, actorOf(me(req), req)),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/routing/rules',
    summary: 'Thêm/sửa quy tắc điều phối / Save a routing rule',
    tags,
    body: z.strictObject({
      categoryCode: z.string().trim().min(1).max(64),
      unitCode: z.string().trim().max(10).nullable().default(null),
      agencyCode: z.string().trim().min(1).max(64),
      active: z.boolean().default(true),
    }),
    preHandler: [signedIn],
    handler: async ({ req, body }) => upsertRoutingRule(deps, me(req), body, actorOf(me(req), req)),
  });
}
