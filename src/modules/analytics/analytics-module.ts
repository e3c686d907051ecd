import type { FastifyInstance } from 'fastify';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { IdentityDeps } from '../identity/index.js';
import { ANALYTICS_JOBS, type AnalyticsDeps } from './analytics-deps.js';
import { refreshRollups } from './analytics.repository.js';
import { registerAnalyticsRoutes } from './analytics.routes.js';
import { registerPublicStatistics } from './analytics-public.routes.js';

export { ANALYTICS_JOBS } from './analytics-deps.js';

/**
 * Wires the analytics module: staff API, public statistics, and the rollup refresh (every minute on the
 * worker; reads also catch up when reports changed since).
 */
export async function registerAnalytics(
  http: FastifyInstance,
  deps: AnalyticsDeps & IdentityDeps,
  jobs: JobQueue | null,
): Promise<void> {
  registerAnalyticsRoutes(http, deps);
  registerPublicStatistics(http, deps);
  if (jobs) {
    await jobs.work(ANALYTICS_JOBS.refreshRollups, async () => {
      const r = await refreshRollups(deps.database.db, deps.now());
      return r.skipped ? 'skipped' : 'done';
    });
    await jobs.schedule(ANALYTICS_JOBS.refreshRollups, '* * * * *');
  }
}
