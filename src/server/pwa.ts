import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { Profile } from '../platform/profile/profile.js';

const SERVICE_WORKER = path.resolve(import.meta.dirname, '../web/app/service-worker.js');
export const THEME_COLOR = '#0b5cad';

/** The icon sizes the manifest and iOS ask for; `maskable` keeps the drawing inside the safe zone. */
const ICONS = {
  'icon-192.png': { size: 192, maskable: false },
  'icon-512.png': { size: 512, maskable: false },
  'icon-maskable-512.png': { size: 512, maskable: true },
  'apple-touch-icon.png': { size: 180, maskable: true },
} as const;
type IconName = keyof typeof ICONS;

/** The app icon, drawn without text (no font needed): a speech bubble with three dots on the theme colour. */
export function iconSvg(maskable: boolean): string {
  const radius = maskable ? 0 : 96;
  const scale = maskable ? 0.7 : 0.86;
  const offset = (512 - 512 * scale) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
<rect width="512" height="512" rx="${radius}" fill="${THEME_COLOR}"/>
<g transform="translate(${offset} ${offset}) scale(${scale})">
<path d="M96 112h320a40 40 0 0 1 40 40v168a40 40 0 0 1-40 40H228l-92 76v-76h-40a40 40 0 0 1-40-40V152a40 40 0 0 1 40-40z" fill="#fff"/>
<circle cx="176" cy="236" r="28" fill="${THEME_COLOR}"/><circle cx="256" cy="236" r="28" fill="${THEME_COLOR}"/><circle cx="336" cy="236" r="28" fill="#e0a100"/>
</g></svg>`;
}

/** The web app manifest of the citizen app, named from the province profile. */
export function appManifest(profile: Profile) {
  return {
    id: '/app/',
    name: profile.brand.appName,
    short_name: profile.brand.appName,
    description: `Ứng dụng công dân số của ${profile.province.name}: gửi phản ánh đến ${profile.brand.hotlineName}, nhận cảnh báo, đọc tin tức, dùng dịch vụ số.`,
    lang: 'vi',
    dir: 'ltr',
    start_url: '/app/',
    scope: '/app/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    categories: ['government', 'utilities'],
    icons: [
      { src: '/app/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/app/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/app/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: [
      { name: 'Gửi phản ánh', url: '/app/gui-phan-anh' },
      { name: 'Phản ánh của tôi', url: '/app/phan-anh-cua-toi' },
    ],
  };
}

/**
 * Makes the citizen app installable: the manifest, the icons (drawn once, kept in memory) and the service
 * worker, whose version is the hash of the built app shell so every new build replaces the old caches.
 */
export function registerPwaRoutes(app: FastifyInstance, deps: { profile: Profile; webDist: string }) {
  const icons = new Map<IconName, Promise<Buffer>>();
  const shellIndex = path.join(deps.webDist, 'app', 'index.html');
  let worker: string | null = null;

  app.get('/app/manifest.webmanifest', async (_req, reply) =>
    reply
      .type('application/manifest+json; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(JSON.stringify(appManifest(deps.profile))),
  );

  app.get<{ Params: { name: string } }>('/app/icons/:name', async (req, reply) => {
    const name = req.params.name as IconName;
    const spec = ICONS[name];
    if (!spec) return reply.callNotFound();
    if (!icons.has(name)) {
      icons.set(
        name,
        sharp(Buffer.from(iconSvg(spec.maskable)))
          .resize(spec.size, spec.size)
          .png()
          .toBuffer(),
      );
    }
    return reply
      .type('image/png')
      .header('cache-control', 'public, max-age=86400')
      .send(await icons.get(name)!);
  });

  app.get('/app/sw.js', async (_req, reply) => {
    if (worker === null) {
      const version = existsSync(shellIndex)
        ? createHash('sha256').update(readFileSync(shellIndex)).digest('hex').slice(0, 12)
        : 'dev';
      worker = readFileSync(SERVICE_WORKER, 'utf8').replace('__VERSION__', version);
    }
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', '/app/')
      .send(worker);
  });
}
