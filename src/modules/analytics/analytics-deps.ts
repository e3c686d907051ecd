import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { Profile } from '../../platform/profile/profile.js';

/** What analytics use cases need. */
export interface AnalyticsDeps {
  database: Database;
  profile: Profile;
  config: Pick<Config, 'publicUrl' | 'secureCookies'>;
  now: () => Date;
}

export const ANALYTICS_JOBS = {
  refreshRollups: 'analytics.refresh-rollups',
} as const;
