import type { TrainingJobView, TriageModelView } from '../../../contracts/triage.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/http/problem.js';
import { authorize, type Principal } from '../../identity/index.js';
import { listCategories } from '../../routing/index.js';
import { TriageClassifier, evaluate, type LabelledText } from '../classifier.js';
import { invalidateActiveModel, loadCorpus } from '../model-store.js';
import { MODELS_KEPT, TRIAGE_JOBS, type TriageDeps } from '../triage-deps.js';
import * as repo from '../triage.repository.js';
import { presentModel } from './models.js';

/** At most this many confirmed reports (the newest) feed a training run. */
export const MAX_CONFIRMED = 200_000;

/** A confirmed report goes to the held-out part when its id's first hex digit is 0–2 (about 19%). */
export function isHeldOutReport(id: string): boolean {
  return parseInt(id.charAt(0), 16) < 3;
}

/** What the on-demand training job carries: who asked (for the audit row and `created_by`). */
export interface TrainOnDemandJob {
  requestedBy: string | null;
  actor: Actor;
}

/**
 * Asks for a training now (permission `triage.manage`): one transaction with the audit row and the job
 * for the worker (training is seconds of CPU, never done in the web process).
 */
export async function requestTraining(
  deps: TriageDeps,
  p: Principal | null,
  actor: Actor,
): Promise<TrainingJobView> {
  const principal = authorize(p, 'triage.manage');
  const jobs = deps.jobs;
  if (!jobs) throw new AppError('triage_training_unavailable');
  const jobId = await deps.database.db.transaction(async (tx) => {
    // The job row keeps who asked, not from where (the request's audit row has the address).
    const data: TrainOnDemandJob = {
      requestedBy: principal.userId,
      actor: { id: actor.id, label: actor.label, requestId: actor.requestId ?? null },
    };
    const id = await jobs.send(TRIAGE_JOBS.trainOnDemand, data, { tx, retryLimit: 2 });
    if (!id) throw new Error('the training job was not queued');
    await appendAudit(tx, actor, {
      action: 'triage.model_training_requested',
      entityType: 'triage_model',
      entityId: null,
      summary: { jobId: id },
    });
    return id;
  });
  return { jobId, state: 'queued' };
}

/** Where an on-demand training is (the console polls it, then reloads the versions). */
export async function trainingState(
  deps: TriageDeps,
  p: Principal | null,
  jobId: string,
): Promise<TrainingJobView> {
  authorize(p, 'triage.manage');
  const state = deps.jobs ? await deps.jobs.state(TRIAGE_JOBS.trainOnDemand, jobId) : null;
  if (!state) throw new AppError('not_found');
  return { jobId, state };
}

/**
 * Trains a new category model from the profile's corpus and the reports whose category an operator
 * confirmed, measures it on the held-out part of both, stores it as the next version and makes it
 * active (the previous versions stay for rollback). Runs in the worker (jobs) or in scripts: the
 * permission was checked when the training was asked for.
 */
export async function trainModel(
  deps: TriageDeps,
  trigger: 'schedule' | 'manual' | 'seed',
  actor: Actor,
  requestedBy: string | null = null,
): Promise<TriageModelView> {
  const db = deps.database.db;
  const categories = (await listCategories(db)).map((c) => c.code);
  const known = new Set(categories);
  const corpus = loadCorpus(deps.profile.id).filter((r) => known.has(r.category));
  const confirmed = (await repo.confirmedReports(db, MAX_CONFIRMED)).filter((r) => known.has(r.category));
  const train: LabelledText[] = corpus.filter((r) => r.split === 'train');
  const test: LabelledText[] = corpus.filter((r) => r.split === 'test');
  for (const r of confirmed) (isHeldOutReport(r.id) ? test : train).push(r);

  const started = performance.now();
  const classifier = TriageClassifier.train(train, categories);
  const trainingMs = Math.round(performance.now() - started);
  const accuracy = evaluate(classifier, test);

  const row = await db.transaction(async (tx) => {
    const version = await repo.nextModelVersion(tx);
    const inserted = await repo.insertModel(tx, {
      version,
      trainedAt: deps.now(),
      trainingSize: train.length,
      confirmedSize: confirmed.length,
      testSize: test.length,
      top1: accuracy.top1,
      top3: accuracy.top3,
      trainingMs,
      model: classifier.toJSON(),
      trigger,
      createdBy: requestedBy,
    });
    await repo.activateVersion(tx, version);
    await repo.pruneModels(tx, MODELS_KEPT + 1);
    await appendAudit(tx, actor, {
      action: 'triage.model_trained',
      entityType: 'triage_model',
      entityId: inserted.id,
      summary: {
        version,
        trigger,
        trainingSize: train.length,
        confirmedSize: confirmed.length,
        testSize: test.length,
        top1: Math.round(accuracy.top1 * 1000) / 1000,
        top3: Math.round(accuracy.top3 * 1000) / 1000,
      },
    });
    return { ...inserted, active: true };
  });
  invalidateActiveModel(deps.database);
  return presentModel(row);
}
