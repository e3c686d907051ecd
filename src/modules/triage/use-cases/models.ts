import type { TriageModelView, TriageModelsView } from '../../../contracts/triage.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, type Principal } from '../../identity/index.js';
import { invalidateActiveModel } from '../model-store.js';
import { TRIAGE_JOBS, type TriageDeps } from '../triage-deps.js';
import * as repo from '../triage.repository.js';

export function presentModel(r: Omit<repo.TriageModelRow, 'model' | 'createdBy' | 'id'>): TriageModelView {
  return {
    version: r.version,
    trainedAt: r.trainedAt.toISOString(),
    trainingSize: r.trainingSize,
    confirmedSize: r.confirmedSize,
    testSize: r.testSize,
    top1: r.top1,
    top3: r.top3,
    trainingMs: r.trainingMs,
    active: r.active,
    trigger: r.trigger,
  };
}

/** Stored model versions, newest first, with their measured accuracy; trainings waiting or running. */
export async function listModels(deps: TriageDeps, p: Principal | null): Promise<TriageModelsView> {
  authorize(p, 'triage.manage');
  const items = (await repo.listModels(deps.database.db)).map(presentModel);
  // Asked for in the console, plus the first or weekly training when it is waiting or running.
  const pending = deps.jobs
    ? (await deps.jobs.pending(TRIAGE_JOBS.trainOnDemand)) + (await deps.jobs.pending(TRIAGE_JOBS.trainModel))
    : 0;
  return { items, training: { pending } };
}

/**
 * Makes a stored version the active model; without a version, rolls back to the newest version older
 * than the active one.
 */
export async function activateModel(
  deps: TriageDeps,
  p: Principal | null,
  version: number | null,
  actor: Actor,
): Promise<TriageModelView> {
  authorize(p, 'triage.manage');
  const row = await deps.database.db.transaction(async (tx) => {
    const models = await repo.listModels(tx);
    const current = models.find((m) => m.active) ?? null;
    const target =
      version === null
        ? models.find((m) => current !== null && m.version < current.version)
        : models.find((m) => m.version === version);
    if (!target) throw new AppError(version === null ? 'triage_no_previous_model' : 'not_found');
    await repo.activateVersion(tx, target.version);
    await appendAudit(tx, actor, {
      action: version === null ? 'triage.model_rolled_back' : 'triage.model_activated',
      entityType: 'triage_model',
      entityId: target.id,
      summary: { version: target.version, previous: current?.version ?? null },
    });
    return { ...target, active: true };
  });
  invalidateActiveModel(deps.database);
  return presentModel(row);
}
