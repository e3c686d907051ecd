import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { monthQuery } from '../../contracts/analytics.js';
import { defineRoute } from '../../platform/http/route.js';
import { pageLang, requestLang } from '../../platform/http/problem.js';
import { translate } from '../../web/shared/messages.js';
import { renderStatisticsPage } from '../../web/public/statistics-page.js';
import type { AnalyticsDeps } from './analytics-deps.js';
import { toCsv } from './exports.js';
import { readPublicStatistics } from './use-cases/public-statistics.js';

const PUBLIC_LIMIT = { max: 60, timeWindow: '1 minute' };
const CACHE = 'public, max-age=300';
const tags = ['open-data'];

/** Sends a body with a strong ETag, answering 304 when the client already holds it. */
function sendCached(req: FastifyRequest, reply: FastifyReply, type: string, body: string, extra = {}) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', CACHE).header('vary', 'Accept-Language');
  for (const [k, v] of Object.entries(extra)) reply.header(k, v as string);
  if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.type(type).send(body);
}

/**
 * The public face of the statistics: `/thong-ke` (HTML without script), its CSV, and open data as JSON.
 * Aggregates only: counts and rates per month and agency, never a report or a person.
 */
export function registerPublicStatistics(app: FastifyInstance, deps: AnalyticsDeps): void {
  const monthParam = z.strictObject({
    thang: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
  });

  app.get('/thong-ke', { config: { rateLimit: PUBLIC_LIMIT } }, async (req, reply) => {
    const parsed = monthParam.safeParse(
      Object.fromEntries(Object.entries(req.query as object).filter(([k]) => k !== 'lang')),
    );
    const lang = pageLang(req);
    const stats = await readPublicStatistics(deps, parsed.success ? parsed.data.thang : undefined, lang);
    const html = renderStatisticsPage({
      brand: deps.profile.brand,
      province: deps.profile.province,
      lang,
      publicUrl: deps.config.publicUrl,
      month: stats.month,
      months: stats.months,
      province_: stats.province,
      agencies: stats.agencies,
      trend: stats.trend,
    });
    return sendCached(req, reply, 'text/html; charset=utf-8', html);
  });

  app.get('/thong-ke.csv', { config: { rateLimit: PUBLIC_LIMIT } }, async (req, reply) => {
    const parsed = monthParam.safeParse(
      Object.fromEntries(Object.entries(req.query as object).filter(([k]) => k !== 'lang')),
    );
    const lang = pageLang(req);
    const stats = await readPublicStatistics(deps, parsed.success ? parsed.data.thang : undefined, lang);
    const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
    const province = translate(lang, 'analytics.publicProvince');
    const csv = toCsv({
      title: stats.month,
      headers: [
        t('analytics.period'),
        t('analytics.agency'),
        t('analytics.received'),
        t('analytics.answered'),
        t('analytics.onTime'),
        t('analytics.onTimeRate'),
        t('analytics.rated'),
        t('analytics.satisfied'),
        t('analytics.satisfactionRate'),
      ],
      rows: [
        ...stats.trend.map((m) => [
          m.month,
          province,
          m.received,
          m.answered,
          m.onTime,
          m.onTimeRate,
          m.rated,
          m.satisfied,
          m.satisfactionRate,
        ]),
        ...stats.agencies.map((a) => [
          stats.month,
          a.name,
          a.received,
          a.answered,
          a.onTime,
          a.onTimeRate,
          a.rated,
          a.satisfied,
          a.satisfactionRate,
        ]),
      ],
    });
    return sendCached(req, reply, 'text/csv; charset=utf-8', csv, {
      'content-disposition': `attachment; filename="thong-ke-${stats.month}.csv"`,
    });
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/open-data/monthly',
    summary: 'Dữ liệu mở: số liệu toàn tỉnh 12 tháng / Open data: the province, last 12 months',
    tags,
    query: monthQuery,
    rateLimit: PUBLIC_LIMIT,
    handler: async ({ req, reply, query }) => {
      const s = await readPublicStatistics(deps, query.month, requestLang(req));
      const body = JSON.stringify({
        province: deps.profile.province.name,
        months: s.trend,
        updatedAt: s.refreshedAt,
      });
      return sendCached(req, reply, 'application/json; charset=utf-8', body);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/open-data/agencies',
    summary: 'Dữ liệu mở: số liệu từng cơ quan trong tháng / Open data: each agency in a month',
    tags,
    query: monthQuery,
    rateLimit: PUBLIC_LIMIT,
    handler: async ({ req, reply, query }) => {
      const s = await readPublicStatistics(deps, query.month, requestLang(req));
      const body = JSON.stringify({
        month: s.month,
        province: s.province,
        agencies: s.agencies,
        updatedAt: s.refreshedAt,
      });
      return sendCached(req, reply, 'application/json; charset=utf-8', body);
    },
  });
}
