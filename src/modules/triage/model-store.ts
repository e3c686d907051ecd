import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROFILES_DIR } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { TriageClassifier, type LabelledText, type TriageModelJson } from './classifier.js';
import * as repo from './triage.repository.js';

export interface CorpusReport extends LabelledText {
  split: 'train' | 'test';
  style?: string;
  unit_code?: string;
}

const corpora = new Map<string, CorpusReport[]>();

/** The profile's labelled training corpus (`profiles/<id>/triage-corpus.json`), or none. */
export function loadCorpus(profileId: string): CorpusReport[] {
  let corpus = corpora.get(profileId);
  if (!corpus) {
    const file = path.join(PROFILES_DIR, profileId, 'triage-corpus.json');
    corpus = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CorpusReport[]) : [];
    corpora.set(profileId, corpus);
  }
  return corpus;
}

export interface LoadedModel {
  /** 0: trained in memory from the profile's corpus because no model is stored yet. */
  version: number;
  classifier: TriageClassifier;
}

const fallbacks = new Map<string, LoadedModel | null>();

/** Until a model is trained and stored, suggestions come from one trained in memory on the corpus. */
function corpusModel(profileId: string): LoadedModel | null {
  if (!fallbacks.has(profileId)) {
    const train = loadCorpus(profileId).filter((r) => r.split === 'train');
    fallbacks.set(profileId, train.length ? { version: 0, classifier: TriageClassifier.train(train) } : null);
  }
  return fallbacks.get(profileId) ?? null;
}

const CHECK_EVERY_MS = 30_000;
const cache = new WeakMap<Database, { checkedAt: number; model: Promise<LoadedModel | null> }>();

async function load(
  database: Database,
  profileId: string,
  current: LoadedModel | null,
): Promise<LoadedModel | null> {
  const version = await repo.activeModelVersion(database.db);
  if (version === null) return corpusModel(profileId);
  if (current?.version === version) return current;
  const row = await repo.modelByVersion(database.db, version);
  if (!row) return corpusModel(profileId);
  return { version, classifier: TriageClassifier.fromJSON(row.model as TriageModelJson) };
}

/**
 * The active model, kept in memory: the database is asked which version is active at most every 30
 * seconds (a training or rollback in this process takes effect at once, in another within 30 s).
 */
export function activeModel(database: Database, profileId: string): Promise<LoadedModel | null> {
  const hit = cache.get(database);
  if (hit && Date.now() - hit.checkedAt < CHECK_EVERY_MS) return hit.model;
  const previous = hit?.model.catch(() => null) ?? Promise.resolve(null);
  const model = previous.then((current) => load(database, profileId, current));
  cache.set(database, { checkedAt: Date.now(), model });
  model.catch(() => cache.delete(database));
  return model;
}

/** Forgets the cached model after a training or an activation. */
export function invalidateActiveModel(database: Database): void {
  cache.delete(database);
}
