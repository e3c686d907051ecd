import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REPORT_CHANNEL, type FeedbackDeps } from '../modules/feedback/feedback-deps.js';
import { actorOf } from '../modules/identity/index.js';
import {
  getPublicReport,
  listPublicReports,
  lookupReport,
  rateReport,
} from '../modules/feedback/use-cases/citizen-follow-up.js';
import type { Config } from '../platform/config/config.js';
import { PageCache, sendPage } from '../platform/http/page-cache.js';
import { AppError, pageLang } from '../platform/http/problem.js';
import type { Profile } from '../platform/profile/profile.js';
import type { GeoFeatureCollection } from '../web/shared/ui/geo-map.js';
import {
  renderLookupPage,
  renderLookupResult,
  renderMessagePage,
  renderReportDetail,
  renderReportList,
  type SiteInput,
} from '../web/public/render-report-pages.js';

const PAGE_SIZE = 20;
// Same pace as the JSON look-up: tracking codes must not be enumerable through the HTML form either.
const LOOKUP_LIMIT = { max: 10, timeWindow: '1 minute' };

type Form = Record<string, string>;

function field(form: unknown, name: string, max: number): string {
  const value = (form as Form | undefined)?.[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/**
 * The public report pages, rendered on the server as plain HTML (no script): look-up by code and contact
 * (`/tra-cuu`, with the rating form), the published answers (`/phan-anh`) and one answer (`/phan-anh/:code`).
 * Forms post `application/x-www-form-urlencoded`, parsed here (in this plugin's scope only).
 */
export async function registerPublicPages(
  app: FastifyInstance,
  deps: { feedback: FeedbackDeps; profile: Profile; config: Config },
): Promise<void> {
  const { feedback, profile, config } = deps;
  const categories = profile.categories.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn }));
  // The area filter offers the units just below the province (districts, or communes in a 2-level profile).
  const provinceLevel = Math.min(...profile.units.map((u) => u.level));
  const areas = profile.units
    .filter((u) => u.level === provinceLevel + 1)
    .map((u) => ({ code: u.code, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const unitCodes = new Set(profile.units.map((u) => u.code));
  const site = (req: FastifyRequest): SiteInput => ({
    brand: profile.brand,
    province: profile.province,
    lang: pageLang(req),
    publicUrl: config.publicUrl,
    categories,
  });
  // Published answers change a few times a day: each address is rendered at most every 30 s.
  const pages = new PageCache(30_000);
  // A published answer that changes (published, reopened, merged, rated…) shows at once: any change to a
  // report other than a new arrival (not public yet) empties the cache, in every process (NOTIFY).
  const stopListening = await feedback.database.listen(REPORT_CHANNEL, (payload) => {
    try {
      if ((JSON.parse(payload) as { action?: string }).action !== 'received') pages.clear();
    } catch {
      pages.clear();
    }
  });
  app.addHook('onClose', async () => stopListening());
  const html = (reply: FastifyReply, body: string, cache: string, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', cache).send(body);

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_req, body, done) => {
        try {
          done(null, Object.fromEntries(new URLSearchParams(body as string)));
        } catch (err) {
          done(err as Error, undefined);
        }
      },
    );

    // Errors on these pages are pages too (not problem+json).
    scope.setErrorHandler(async (err, req, reply) => {
      const code = err instanceof AppError ? err.code : undefined;
      const status = (err as { statusCode?: number }).statusCode;
      if (code === 'not_found')
        return html(reply, renderMessagePage(site(req), 'not_found'), 'no-store', 404);
      if (code === 'rate_limited' || status === 429)
        return html(reply, renderMessagePage(site(req), 'too_many'), 'no-store', 429);
      if (code === 'validation' || (status && status >= 400 && status < 500))
        return html(
          reply,
          renderMessagePage(site(req), 'bad_request'),
          'no-store',
          status && status < 500 ? status : 400,
        );
      req.log.error({ err }, 'public page failed');
      return html(reply, renderMessagePage(site(req), 'error'), 'no-store', 500);
    });

    scope.get('/tra-cuu', async (req, reply) => {
      const code = field(req.query, 'ma', 40);
      return html(reply, renderLookupPage(site(req), code ? { code } : {}), 'public, max-age=60');
    });

    scope.post('/tra-cuu', { config: { rateLimit: LOOKUP_LIMIT } }, async (req, reply) => {
      const code = field(req.body, 'code', 40);
      // The portal home's older form named the field "phone".
      const contact = field(req.body, 'contact', 200) || field(req.body, 'phone', 200);
      if (code.length < 4 || contact.length < 4)
        return html(reply, renderLookupPage(site(req), { code, missing: true }), 'no-store', 400);
      try {
        const result = await lookupReport(feedback, null, code, contact);
        return html(reply, renderLookupResult(site(req), result, contact), 'no-store');
      } catch (err) {
        if (err instanceof AppError && err.code === 'not_found')
          return html(reply, renderLookupPage(site(req), { code, notFound: true }), 'no-store', 404);
        throw err;
      }
    });

    scope.post('/tra-cuu/danh-gia', { config: { rateLimit: LOOKUP_LIMIT } }, async (req, reply) => {
      const code = field(req.body, 'code', 40);
      const contact = field(req.body, 'contact', 200);
      const satisfied = field(req.body, 'satisfied', 1);
      const comment = field(req.body, 'comment', 2000);
      if (code.length < 4 || contact.length < 4)
        return html(reply, renderLookupPage(site(req), { code, missing: true }), 'no-store', 400);
      try {
        if (satisfied !== '1' && satisfied !== '0') {
          const result = await lookupReport(feedback, null, code, contact);
          return html(reply, renderLookupResult(site(req), result, contact, 'choose'), 'no-store', 400);
        }
        const result = await rateReport(
          feedback,
          null,
          code,
          { contact, satisfied: satisfied === '1', ...(comment ? { comment } : {}) },
          actorOf(null, req),
        );
        return html(reply, renderLookupResult(site(req), result, contact, 'thanks'), 'no-store');
      } catch (err) {
        if (err instanceof AppError && err.code === 'not_found')
          return html(reply, renderLookupPage(site(req), { code, notFound: true }), 'no-store', 404);
        if (err instanceof AppError && err.code === 'rating_not_allowed') {
          const result = await lookupReport(feedback, null, code, contact);
          return html(reply, renderLookupResult(site(req), result, contact, 'not_allowed'), 'no-store', 409);
        }
        throw err;
      }
    });

    scope.get('/phan-anh', async (req, reply) => {
      const before = field(req.query, 'truoc', 40) || undefined;
      const filters = {
        'linh-vuc': field(req.query, 'linh-vuc', 60),
        'khu-vuc': field(req.query, 'khu-vuc', 10),
        tu: field(req.query, 'tu', 10),
        den: field(req.query, 'den', 10),
        q: field(req.query, 'q', 200),
      };
      const bad =
        (filters['linh-vuc'] && !categories.some((c) => c.code === filters['linh-vuc'])) ||
        (filters['khu-vuc'] && !unitCodes.has(filters['khu-vuc'])) ||
        [filters.tu, filters.den].some((d) => d && !/^\d{4}-\d{2}-\d{2}$/.test(d)) ||
        (before && Number.isNaN(new Date(before).getTime()));
      if (bad) return html(reply, renderMessagePage(site(req), 'bad_request'), 'no-store', 400);
      const page = await pages.get(req.url, async () => {
        const { items } = await listPublicReports(feedback, PAGE_SIZE, {
          before,
          category: filters['linh-vuc'],
          unit: filters['khu-vuc'],
          from: filters.tu,
          to: filters.den,
          q: filters.q,
        });
        const last = items.at(-1);
        const olderCursor = items.length === PAGE_SIZE && last?.publishedAt ? last.publishedAt : null;
        return renderReportList(site(req), items, {
          before,
          olderCursor,
          filters,
          areas,
          boundaries: profile.boundaries as GeoFeatureCollection | null,
        });
      });
      return sendPage(req, reply, page, 'public, max-age=60');
    });

    scope.get('/phan-anh/:code', async (req, reply) => {
      const code = String((req.params as { code: string }).code).slice(0, 40);
      const page = await pages.get(req.url, async () =>
        renderReportDetail(site(req), await getPublicReport(feedback, code)),
      );
      return sendPage(req, reply, page, 'public, max-age=60');
    });
  });
}
