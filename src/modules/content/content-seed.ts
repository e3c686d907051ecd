import type { Profile } from '../../platform/profile/profile.js';
import type { ContentDeps } from './content-deps.js';

/** Demo content (filled in below). */
export async function seedDemoContent(_deps: ContentDeps & { profile: Profile }): Promise<number> {
  return 0;
}
