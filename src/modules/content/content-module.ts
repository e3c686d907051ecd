import type { FastifyInstance } from 'fastify';
import type { Profile } from '../../platform/profile/profile.js';
import type { ContentDeps } from './content-deps.js';
import { registerContentPages } from './content-pages.routes.js';
import { registerContentRoutes } from './content.routes.js';

export type { ContentDeps } from './content-deps.js';
export { seedDemoContent } from './content-seed.js';

/** Wires the content module: editors' and public JSON API, media library, portal pages, sitemap and feeds. */
export async function registerContent(
  http: FastifyInstance,
  deps: ContentDeps & { profile: Profile },
): Promise<void> {
  await registerContentRoutes(http, deps);
  await registerContentPages(http, deps);
}
