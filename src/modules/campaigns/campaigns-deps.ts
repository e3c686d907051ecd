import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Profile } from '../../platform/profile/profile.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import type { IdentityDeps } from '../identity/index.js';

/** What campaigns use cases need. */
export interface CampaignsDeps extends IdentityDeps {
  profile: Profile;
  jobs: JobQueue | null;
  storage: FileStorage;
}

/** Jobs of the campaigns module. */
export const CAMPAIGNS_JOBS = {
  remind: 'campaigns.remind-reports',
} as const;
