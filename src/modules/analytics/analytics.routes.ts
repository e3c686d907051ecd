import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dashboardQuery, rankingQuery } from '../../contracts/analytics.js';
import { defineRoute } from '../../platform/http/route.js';
import { requestLang } from '../../platform/http/problem.js';
import { requireSignedIn, type IdentityDeps, type Principal } from '../identity/index.js';
import type { AnalyticsDeps } from './analytics-deps.js';
import {
  readAgencyPage,
  readAgencyRanking,
  readChoropleth,
  readDashboard,
} from './use-cases/read-analytics.js';

const tags = ['analytics'];

/** Staff analytics API: dashboard, district map figures, agency ranking and each agency's page. */
export function registerAnalyticsRoutes(app: FastifyInstance, deps: AnalyticsDeps & IdentityDeps): void {
  const signedIn = requireSignedIn(deps);
  const me = (req: { principal?: Principal | null }) => req.principal ?? null;

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/dashboard',
    summary: 'Bảng điều hành IOC: số liệu tổng hợp / Operations dashboard figures',
    tags,
    query: dashboardQuery,
    preHandler: [signedIn],
    handler: async ({ req, query }) => readDashboard(deps, me(req), query, requestLang(req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/map',
    summary: 'Số liệu theo huyện/xã cho bản đồ / Figures per district for the map',
    tags,
    query: dashboardQuery,
    preHandler: [signedIn],
    handler: async ({ req, query }) => readChoropleth(deps, me(req), query, requestLang(req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/agencies',
    summary: 'Xếp hạng cơ quan xử lý / Agency ranking',
    tags,
    query: rankingQuery,
    preHandler: [signedIn],
    handler: async ({ req, query }) => readAgencyRanking(deps, me(req), query, requestLang(req)),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/agencies/:id',
    summary: 'Trang số liệu của một cơ quan / One agency’s figures',
    tags,
    params: z.strictObject({ id: z.uuid() }),
    query: dashboardQuery,
    preHandler: [signedIn],
    handler: async ({ req, params, query }) =>
      readAgencyPage(deps, me(req), params.id, query, requestLang(req)),
  });
}
