import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../platform/config/config.js';
import { buildOpenApi } from '../platform/http/openapi.js';
import { PageCache, sendPage } from '../platform/http/page-cache.js';
import { pageLang, requestLang } from '../platform/http/problem.js';
import { routeRegistry } from '../platform/http/route.js';
import type { Profile } from '../platform/profile/profile.js';
import { renderPortalHome } from '../web/public/render-public-page.js';
import { renderInstallGuide } from '../web/public/install-guide.js';
import QRCode from 'qrcode';
import { renderApiDocs } from './api-docs-page.js';
import { registerPwaRoutes } from './pwa.js';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');
const PUBLIC_CSS = path.resolve(import.meta.dirname, '../web/public/public.css');

/**
 * Web faces: the public portal pages rendered on the server as HTML (no script needed), and the two
 * single-page apps (citizen app at /app/, staff console at /console/) built by Vite into dist/web.
 */
export async function registerWebRoutes(app: FastifyInstance, deps: { config: Config; profile: Profile }) {
  const { config, profile } = deps;
  const html = (reply: FastifyReply, body: string, maxAge = 60) =>
    reply.type('text/html; charset=utf-8').header('cache-control', `public, max-age=${maxAge}`).send(body);

  // The 1022 portal home depends only on the profile and the language: rendered once per language
  // (the cache only expires after a day), sent with an ETag so a browser or proxy revalidates with a 304.
  const homes = new PageCache(86_400_000, 4);
  app.get('/', async (req, reply) => {
    const lang = pageLang(req);
    const page = await homes.get(lang, () =>
      renderPortalHome({
        brand: profile.brand,
        province: profile.province,
        lang,
        publicUrl: config.publicUrl,
      }),
    );
    reply.header('vary', 'Accept-Language');
    return sendPage(req, reply, page, 'public, max-age=60');
  });

  registerPwaRoutes(app, { profile, webDist: WEB_DIST });

  const appQr = QRCode.toString(`${config.publicUrl.replace(/\/+$/, '')}/app/`, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
  }).then((svg) => svg.replace('<svg ', '<svg role="img" aria-label="QR" '));
  app.get('/cai-dat', async (req, reply) =>
    html(
      reply,
      renderInstallGuide({
        brand: profile.brand,
        province: profile.province,
        lang: pageLang(req),
        publicUrl: config.publicUrl,
        qrSvg: await appQr,
      }),
      3600,
    ),
  );

  app.get('/public.css', async (_req, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(await readFile(PUBLIC_CSS, 'utf8')),
  );

  app.get('/api/v1/docs', async (req, reply) => {
    const doc = buildOpenApi(routeRegistry, {
      title: `${profile.brand.appName} API`,
      version: '1',
      serverUrl: config.publicUrl,
    });
    return html(reply, renderApiDocs(doc, requestLang(req)), 0);
  });

  // Browsers ask for /favicon.ico on every site page: the app's icon (PNG is accepted under that name).
  app.get('/favicon.ico', async (_req, reply) => reply.redirect('/app/icons/icon-192.png', 301));

  if (!existsSync(path.join(WEB_DIST, 'console', 'index.html'))) {
    const notBuilt = async (_req: FastifyRequest, reply: FastifyReply) =>
      reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Chưa build</title><p>Ứng dụng web chưa được build. Chạy <code>npm run build:web</code>. / The web app is not built: run <code>npm run build:web</code>.</p></html>',
        );
    for (const face of ['app', 'console']) {
      app.get(`/${face}`, notBuilt);
      app.get(`/${face}/*`, notBuilt);
    }
    app.get('/assets/*', notBuilt);
    return;
  }

  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: '/',
    wildcard: false,
    index: false,
    // dist/web holds .br and .gz copies made at build time (vite.config.ts): sent when the browser accepts them.
    preCompressed: true,
    maxAge: '1h',
    setHeaders: (reply, file) => {
      if (file.includes(`${path.sep}assets${path.sep}`))
        reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  for (const face of ['app', 'console']) {
    // The built page carries the demo brand's name; each province's own name is put in when served.
    const index = (await readFile(path.join(WEB_DIST, face, 'index.html'), 'utf8')).replaceAll(
      'Long An Số',
      profile.brand.appName,
    );
    const serveIndex = async (_req: FastifyRequest, reply: FastifyReply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
    app.get(`/${face}`, serveIndex);
    app.get(`/${face}/*`, async (req, reply) => {
      const rel = (req.params as { '*': string })['*'];
      if (rel && /\.[a-z0-9]+$/i.test(rel) && existsSync(path.join(WEB_DIST, face, rel))) {
        return reply.sendFile(path.join(face, rel));
      }
      return serveIndex(req, reply);
    });
  }
  app.get('/assets/*', async (req, reply) =>
    reply.sendFile(path.join('assets', (req.params as { '*': string })['*'])),
  );
}
