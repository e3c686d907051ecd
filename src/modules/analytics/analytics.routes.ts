import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { dashboardQuery, exportQuery, monthQuery, rankingQuery } from '../../contracts/analytics.js';
import { defineRoute } from '../../platform/http/route.js';
import { requestLang } from '../../platform/http/problem.js';
import { actorOf, requireSignedIn, type IdentityDeps, type Principal } from '../identity/index.js';
import { exportTable, monthlyReport } from './use-cases/export-analytics.js';
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

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/export',
    summary: 'Tải một bảng số liệu (CSV, Excel) / Download a dashboard table (CSV, XLSX)',
    tags,
    query: exportQuery,
    preHandler: [signedIn],
    rateLimit: { max: 30, timeWindow: '1 minute' },
    responses: { 200: 'text/csv hoặc / or XLSX' },
    handler: async ({ req, reply, query }) => {
      const file = await exportTable(deps, me(req), query, requestLang(req), actorOf(me(req), req));
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/analytics/monthly-report.pdf',
    summary: 'Báo cáo tháng cho lãnh đạo (PDF) / Monthly summary for leaders (PDF)',
    tags,
    query: monthQuery,
    preHandler: [signedIn],
    rateLimit: { max: 10, timeWindow: '1 minute' },
    responses: { 200: 'application/pdf' },
    handler: async ({ req, reply, query }) => {
      const file = await monthlyReport(deps, me(req), query.month, requestLang(req), actorOf(me(req), req));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });
}
