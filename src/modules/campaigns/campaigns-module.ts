import type { FastifyInstance } from 'fastify';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Profile } from '../../platform/profile/profile.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import type { IdentityDeps } from '../identity/index.js';
import { CAMPAIGNS_JOBS, type CampaignsDeps } from './campaigns-deps.js';
import { registerCampaignsRoutes } from './campaigns.routes.js';
import { registerCampaignFileRoutes } from './campaigns-files.routes.js';
import { seedCampaigns } from './campaigns-seed.js';
import { remindReports } from './jobs/remind-reports.js';

/**
 * Wires the campaigns module: routes, the demo plan (with SEED=demo) and the daily reminder job.
 * Queue names must also be declared by the caller before any transaction sends to them.
 */
export async function registerCampaigns(
  http: FastifyInstance,
  options: {
    identity: IdentityDeps;
    profile: Profile;
    jobs: JobQueue | null;
    storage: FileStorage;
    seedDemo: boolean;
  },
): Promise<CampaignsDeps> {
  const deps: CampaignsDeps = {
    ...options.identity,
    profile: options.profile,
    jobs: options.jobs,
    storage: options.storage,
  };
  if (options.seedDemo) await seedCampaigns(deps);
  registerCampaignsRoutes(http, deps);
  await registerCampaignFileRoutes(http, deps);
  if (options.jobs) {
    await options.jobs.work(CAMPAIGNS_JOBS.remind, () => remindReports(deps, http.log));
    await options.jobs.schedule(CAMPAIGNS_JOBS.remind, '0 7 * * *');
  }
  return deps;
}

export { CAMPAIGNS_JOBS };
