import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AlertsDeps } from '../modules/alerts/alerts-deps.js';
import { currentPublicAlerts, publicAlert } from '../modules/alerts/use-cases/read-alerts.js';
import { AppError, pageLang } from '../platform/http/problem.js';
import { renderAlertDetail, renderAlertList } from '../web/public/alert-pages.js';
import { renderMessagePage, type SiteInput } from '../web/public/render-report-pages.js';

const PAGE_LIMIT = { max: 120, timeWindow: '1 minute' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public alert pages (server-rendered HTML, no script): /canh-bao and /canh-bao/:id. */
export function registerAlertPages(app: FastifyInstance, deps: AlertsDeps): void {
  const { profile, config } = deps;
  const site = (req: FastifyRequest): SiteInput => ({
    brand: profile.brand,
    province: profile.province,
    lang: pageLang(req),
    publicUrl: config.publicUrl,
    categories: [],
  });
  const html = { 'content-type': 'text/html; charset=utf-8', vary: 'Accept-Language' };

  app.get('/canh-bao', { config: { rateLimit: PAGE_LIMIT } }, async (req, reply) =>
    reply
      .headers({ ...html, 'cache-control': 'public, max-age=30' })
      .send(renderAlertList(site(req), await currentPublicAlerts(deps))),
  );

  app.get<{ Params: { id: string } }>(
    '/canh-bao/:id',
    { config: { rateLimit: PAGE_LIMIT } },
    async (req, reply) => {
      try {
        if (!UUID.test(req.params.id)) throw new AppError('alert_not_found');
        const alert = await publicAlert(deps, req.params.id);
        return reply
          .headers({ ...html, 'cache-control': 'public, max-age=30' })
          .send(renderAlertDetail(site(req), alert, deps.now()));
      } catch (err) {
        if (err instanceof AppError && err.code === 'alert_not_found')
          return reply
            .status(404)
            .headers({ ...html, 'cache-control': 'no-store' })
            .send(renderMessagePage(site(req), 'not_found'));
        throw err;
      }
    },
  );
}
