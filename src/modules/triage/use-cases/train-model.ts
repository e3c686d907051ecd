import type { TriageModelView } from '../../../contracts/triage.js';
import { appendAudit, type Actor } from '../../../platform/audit/audit.js';
import { authorize, type Principal } from '../../identity/index.js';
import { listCategories } from '../../routing/index.js';
import { TriageClassifier, evaluate, type LabelledText } from '../classifier.js';
import { invalidateActiveModel, loadCorpus } from '../model-store.js';
import { MODELS_KEPT, type TriageDeps } from '../triage-deps.js';
import * as repo from '../triage.repository.js';
import { presentModel } from './models.js';

/** At most this many confirmed reports (the newest) feed a training run. */
export const MAX_CONFIRMED = 200_000;

/** A confirmed report goes to the held-out part when its id's first hex digit is 0–2 (about 19%). */
export function isHeldOutReport(id: string): boolean {
  return parseInt(id.charAt(0), 16) < 3;
}

/**
 * Trains a new category model from the profile's corpus and the reports whose category an operator
 * confirmed, measures it on the held-out part of both, stores it as the next version and makes it
 * active (the previous versions stay for rollback). `p` is null for the scheduled job.
 */
export async function trainModel(
  deps: TriageDeps,
  p: Principal | null,
  trigger: 'schedule' | 'manual' | 'seed',
  actor: Actor,
): Promise<TriageModelView> {
  if (trigger === 'manual') authorize(p, 'triage.manage');
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
      createdBy: p?.userId ?? null,
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
