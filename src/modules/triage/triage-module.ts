import type { FastifyInstance } from 'fastify';
import { SYSTEM_ACTOR } from '../../platform/audit/audit.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { TRIAGE_JOBS, type TriageDeps } from './triage-deps.js';
import { registerTriageRoutes } from './triage.routes.js';
import * as repo from './triage.repository.js';
import { runHotspotDetection } from './use-cases/hotspots.js';
import { trainModel, type TrainOnDemandJob } from './use-cases/train-model.js';

export { TRIAGE_JOBS } from './triage-deps.js';

/**
 * Wires smart triage into the app: routes, the weekly training job (Sunday 02:40), a first training
 * run when no model is stored yet, trainings asked for in the console, and hotspot detection every
 * 15 minutes. Jobs run in the worker role (or the single process in embedded mode).
 */
export async function registerTriage(http: FastifyInstance, deps: TriageDeps): Promise<void> {
  registerTriageRoutes(http, deps);
  const jobs: JobQueue | null = deps.jobs;
  if (!jobs) return;
  await jobs.work(TRIAGE_JOBS.trainModel, async () => {
    await trainModel(deps, 'schedule', SYSTEM_ACTOR);
    return 'done';
  });
  await jobs.work<TrainOnDemandJob>(TRIAGE_JOBS.trainOnDemand, async (data) => {
    await trainModel(deps, 'manual', data.actor, data.requestedBy);
    return 'done';
  });
  await jobs.schedule(TRIAGE_JOBS.trainModel, '40 2 * * 0');
  await jobs.work(TRIAGE_JOBS.detectHotspots, async () => {
    const r = await runHotspotDetection(deps);
    return r.opened + r.updated + r.expired > 0 ? 'done' : 'skipped';
  });
  await jobs.schedule(TRIAGE_JOBS.detectHotspots, '*/15 * * * *');
  if ((await repo.activeModelVersion(deps.database.db)) === null)
    await jobs.send(TRIAGE_JOBS.trainModel, {}, { singletonKey: 'first-training' });
}
