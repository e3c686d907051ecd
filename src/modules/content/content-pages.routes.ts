import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CONTENT_CATEGORIES,
  CONTENT_TYPE_LABELS,
  CONTENT_TYPE_PATHS,
  CONTENT_TYPES,
  isCategoryOf,
  type ContentType,
} from '../../contracts/content.js';
import { PageCache } from '../../platform/http/page-cache.js';
import { AppError, pageLang } from '../../platform/http/problem.js';
import type { Profile } from '../../platform/profile/profile.js';
import {
  PORTAL,
  renderItemPage,
  renderListPage,
  renderPortalHome,
  renderPortalMessage,
  renderSearchPage,
  typePath,
  type PortalSite,
} from '../../web/public/content-pages.js';
import { CONTENT_CHANNEL, type ContentDeps } from './content-deps.js';
import { renderRss, renderSitemap } from './content-feeds.js';
import {
  documentFacets,
  getPublicContent,
  countPublicContent,
  listPublicContent,
  previewContent,
  searchPublicContent,
  sitemapEntries,
} from './use-cases/read-content.js';

const PAGE_SIZE = 12;
const PAGE_LIMIT_MAX = 240;
const SEARCH_LIMIT_MAX = 60;

const PORTAL_CSS = path.resolve(import.meta.dirname, '../../web/public/content-portal.css');

const TYPE_BY_PATH = new Map(CONTENT_TYPES.map((t) => [CONTENT_TYPE_PATHS[t], t] as [string, ContentType]));

function str(query: unknown, name: string, max: number): string {
  const v = (query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

function pageNumber(query: unknown): number {
  const raw = str(query, 'trang', 6);
  if (!raw) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new AppError('validation');
  return n;
}

/**
 * Sends a text body with a strong ETag (hash of the bytes) and answers 304 when the client already has it.
 * Cached for a minute: schedules are minute-precise and published items change rarely.
 */
function send(
  req: FastifyRequest,
  reply: FastifyReply,
  type: string,
  body: string,
  cache: string,
  status = 200,
) {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  reply.status(status).type(type).header('cache-control', cache).header('vary', 'Accept-Language');
  if (status === 200) {
    reply.header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  }
  return reply.send(body);
}

const HTML = 'text/html; charset=utf-8';
const PUBLIC = 'public, max-age=60';

/**
 * The digital-transformation portal's pages (/chuyen-doi-so…), the sitemap and the RSS feeds. Errors on
 * these pages are pages too. The language comes from ?lang= or Accept-Language.
 */
export async function registerContentPages(
  app: FastifyInstance,
  deps: ContentDeps & { profile: Profile },
): Promise<void> {
  const { profile } = deps;
  // Per-address limits, scaled like every defineRoute limit (RATE_LIMIT_SCALE, for load tests).
  const scaled = (max: number) => ({
    max: Math.ceil(max * (app.rateLimitScale ?? 1)),
    timeWindow: '1 minute',
  });
  const PAGE_LIMIT = scaled(PAGE_LIMIT_MAX);
  const SEARCH_LIMIT = scaled(SEARCH_LIMIT_MAX);
  const site = (req: FastifyRequest): PortalSite => ({
    brand: profile.brand,
    province: profile.province,
    lang: pageLang(req),
    publicUrl: deps.config.publicUrl,
  });

  // Rendered public pages (home, lists, items, sitemap, feeds) are kept up to 30 s per address and
  // language, on the application's clock (so scheduled items appear at most 30 s late); any committed
  // change to an item (NOTIFY from the editing use cases, every process) drops them all at once.
  const pages = new PageCache(30_000, 500, () => deps.now().getTime());
  const stopListening = await deps.database.listen(CONTENT_CHANNEL, () => pages.clear());
  app.addHook('onClose', async () => stopListening());
  const cached = async (
    req: FastifyRequest,
    reply: FastifyReply,
    type: string,
    cache: string,
    render: () => Promise<string>,
  ) => {
    const lang = pageLang(req);
    const page = await pages.get(`${lang} ${req.url}`, render);
    reply.status(200).type(type).header('cache-control', cache).header('vary', 'Accept-Language');
    reply.header('etag', page.etag);
    if (req.headers['if-none-match'] === page.etag) return reply.status(304).send();
    return reply.send(page.body);
  };

  await app.register(async (scope) => {
    scope.setErrorHandler(async (err, req, reply) => {
      const code = err instanceof AppError ? err.code : undefined;
      const status = (err as { statusCode?: number }).statusCode;
      if (code === 'not_found')
        return send(req, reply, HTML, renderPortalMessage(site(req), 'not_found', 404), 'no-store', 404);
      if (code === 'rate_limited' || status === 429)
        return send(req, reply, HTML, renderPortalMessage(site(req), 'too_many', 429), 'no-store', 429);
      if (code === 'validation' || (status && status >= 400 && status < 500))
        return send(req, reply, HTML, renderPortalMessage(site(req), 'not_found', 400), 'no-store', 400);
      req.log.error({ err }, 'portal page failed');
      return send(req, reply, HTML, renderPortalMessage(site(req), 'error', 500), 'no-store', 500);
    });

    scope.get(PORTAL, { config: { rateLimit: PAGE_LIMIT } }, async (req, reply) =>
      cached(req, reply, HTML, PUBLIC, async () => {
        const [latest, documents] = await Promise.all([
          listPublicContent(deps, { type: 'article', page: 1, limit: 6 }),
          listPublicContent(deps, { type: 'document', page: 1, limit: 3 }),
        ]);
        return renderPortalHome(site(req), { latest: latest.items, documents: documents.items });
      }),
    );

    let css: string | null = null;
    scope.get(`${PORTAL}/portal.css`, async (req, reply) => {
      css ??= await readFile(PORTAL_CSS, 'utf8');
      return send(req, reply, 'text/css; charset=utf-8', css, 'public, max-age=3600');
    });

    scope.get(`${PORTAL}/tim-kiem`, { config: { rateLimit: SEARCH_LIMIT } }, async (req, reply) => {
      const q = str(req.query, 'q', 200);
      const typeParam = str(req.query, 'loai', 40);
      const type = typeParam ? TYPE_BY_PATH.get(typeParam) : undefined;
      const page = pageNumber(req.query);
      const result = q
        ? await searchPublicContent(deps, { q, type, page, limit: PAGE_SIZE })
        : { items: [], total: 0, more: false, page: 1, pages: 1 };
      return send(
        req,
        reply,
        HTML,
        renderSearchPage(site(req), {
          q,
          type,
          hits: result.items,
          total: result.total,
          more: !!result.more,
          page,
          pages: result.pages,
        }),
        q ? 'public, max-age=30' : PUBLIC,
      );
    });

    scope.get(`${PORTAL}/xem-truoc/:token`, { config: { rateLimit: scaled(30) } }, async (req, reply) => {
      const token = String((req.params as { token: string }).token).slice(0, 100);
      const item = await previewContent(deps, token);
      reply.header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer');
      return send(req, reply, HTML, renderItemPage(site(req), item, { preview: true }), 'private, no-store');
    });

    const list = async (req: FastifyRequest, reply: FastifyReply, type: ContentType, category?: string) => {
      const page = pageNumber(req.query);
      const isDoc = type === 'document';
      const yearRaw = isDoc ? str(req.query, 'nam', 4) : '';
      const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : undefined;
      const issuer = isDoc ? str(req.query, 'co_quan', 200) || undefined : undefined;
      const limit = type === 'service' ? 200 : PAGE_SIZE;
      return cached(req, reply, HTML, PUBLIC, async () => {
        const [result, counted] = await Promise.all([
          listPublicContent(deps, { type, category, year, issuer, page, limit }),
          countPublicContent(deps, { type, category, year, issuer }),
        ]);
        if (page > 1 && !result.items.length) throw new AppError('not_found');
        // Counted up to COUNT_LIMIT items: past them, "more than" the whole pages counted.
        const countedPages = counted.more
          ? Math.floor(counted.total / limit)
          : Math.max(1, Math.ceil(counted.total / limit));
        // A page past the counted ones is the last known; the next one exists if the list goes on.
        const beyond = page > countedPages;
        const facets = isDoc ? await documentFacets(deps) : undefined;
        return renderListPage(site(req), {
          type,
          category,
          items: result.items,
          page,
          pages: beyond ? page : countedPages,
          morePages: beyond ? result.more : counted.more,
          next: result.more,
          ...(facets ? { filters: { year, issuer, ...facets } } : {}),
        });
      });
    };

    scope.get(`${PORTAL}/:section`, { config: { rateLimit: PAGE_LIMIT } }, async (req, reply) => {
      const type = TYPE_BY_PATH.get((req.params as { section: string }).section);
      if (!type) throw new AppError('not_found');
      return list(req, reply, type);
    });

    scope.get(
      `${PORTAL}/:section/chuyen-muc/:category`,
      { config: { rateLimit: PAGE_LIMIT } },
      async (req, reply) => {
        const params = req.params as { section: string; category: string };
        const type = TYPE_BY_PATH.get(params.section);
        if (!type || !isCategoryOf(type, params.category)) throw new AppError('not_found');
        return list(req, reply, type, params.category);
      },
    );

    scope.get(`${PORTAL}/:section/:slug`, { config: { rateLimit: PAGE_LIMIT } }, async (req, reply) => {
      const params = req.params as { section: string; slug: string };
      const type = TYPE_BY_PATH.get(params.section);
      if (!type || !/^[a-z0-9-]{1,80}$/.test(params.slug)) throw new AppError('not_found');
      return cached(req, reply, HTML, PUBLIC, async () =>
        renderItemPage(site(req), await getPublicContent(deps, type, params.slug)),
      );
    });

    scope.get('/sitemap.xml', { config: { rateLimit: PAGE_LIMIT } }, async (req, reply) => {
      const fixed = [
        '/',
        '/phan-anh',
        '/tra-cuu',
        PORTAL,
        `${PORTAL}/tim-kiem`,
        ...CONTENT_TYPES.flatMap((t) => [
          typePath(t),
          ...Object.keys(CONTENT_CATEGORIES[t]).map((c) => `${typePath(t)}/chuyen-muc/${c}`),
        ]),
      ];
      return cached(req, reply, 'application/xml; charset=utf-8', 'public, max-age=300', async () =>
        renderSitemap(deps.config.publicUrl, fixed, await sitemapEntries(deps)),
      );
    });

    const rss = (req: FastifyRequest, reply: FastifyReply, category?: string) =>
      cached(req, reply, 'application/rss+xml; charset=utf-8', 'public, max-age=300', () =>
        renderFeed(req, category),
      );
    const renderFeed = async (req: FastifyRequest, category?: string) => {
      const s = site(req);
      const name = String(
        (s.lang === 'en' && profile.brand.contentPortalNameEn) || profile.brand.contentPortalName,
      );
      const { items } = await listPublicContent(deps, { type: 'article', category, page: 1, limit: 30 });
      const catLabel = category
        ? CONTENT_CATEGORIES.article[category]![s.lang]
        : CONTENT_TYPE_LABELS.article[s.lang];
      return renderRss({
        publicUrl: deps.config.publicUrl,
        title: `${catLabel} — ${name}`,
        description: catLabel,
        selfPath: category ? `/rss/${category}.xml` : '/rss.xml',
        linkPath: category ? `${typePath('article')}/chuyen-muc/${category}` : typePath('article'),
        lang: s.lang,
        items,
      });
    };

    scope.get('/rss.xml', { config: { rateLimit: PAGE_LIMIT } }, async (req, reply) => rss(req, reply));
    scope.get('/rss/:file', { config: { rateLimit: PAGE_LIMIT } }, async (req, reply) => {
      const m = /^([a-z0-9-]{1,40})\.xml$/.exec((req.params as { file: string }).file);
      if (!m || !isCategoryOf('article', m[1]!)) throw new AppError('not_found');
      return rss(req, reply, m[1]);
    });
  });
}
