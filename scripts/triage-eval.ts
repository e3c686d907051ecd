/**
 * Evaluates the category model on a labelled file in the format of sample-reports.json
 * ([{ title, body, category }]) and prints top-1 and top-3 accuracy.
 *
 *   npm run triage:eval -- <file.json>            the active model of DATABASE_URL when set (a server),
 *                                                  otherwise the initial model trained from the profile's corpus
 *   PROFILE=long-an-2022 npm run triage:eval -- f.json
 */
import { readFileSync } from 'node:fs';
import {
  TriageClassifier,
  evaluate,
  type LabelledText,
  type TriageModelJson,
} from '../src/modules/triage/classifier.js';
import { loadCorpus } from '../src/modules/triage/model-store.js';
import { openPostgres } from '../src/platform/db/database.js';

const file = process.argv[2];
if (!file) {
  console.error('Cách dùng / usage: npm run triage:eval -- <file.json>');
  process.exit(2);
}
const items = (JSON.parse(readFileSync(file, 'utf8')) as LabelledText[]).filter(
  (r) => typeof r.category === 'string' && (r.title || r.body),
);

let model: TriageClassifier;
let source: string;
if (process.env.DATABASE_URL) {
  const database = await openPostgres(process.env.DATABASE_URL);
  try {
    const rows = await database.query<{ version: number; model: TriageModelJson }>(
      'select version, model from triage_models where active',
    );
    if (!rows[0])
      throw new Error('no active model in the database: train one first (POST /api/v1/triage/models)');
    model = TriageClassifier.fromJSON(rows[0].model);
    source = `active model version ${rows[0].version} (DATABASE_URL)`;
  } finally {
    await database.close();
  }
} else {
  const profile = process.env.PROFILE ?? 'long-an-2022';
  const train = loadCorpus(profile).filter((r) => r.split === 'train');
  if (train.length === 0) throw new Error(`profile ${profile} has no triage-corpus.json`);
  model = TriageClassifier.train(train);
  source = `initial model from profiles/${profile}/triage-corpus.json (${train.length} reports)`;
}

const r = evaluate(model, items);
const wrong = items.filter((x) => model.suggest(x.title ?? '', x.body ?? '', 1)[0]?.category !== x.category);
console.log(`model: ${source}`);
console.log(`reports: ${r.n}`);
for (const w of wrong.slice(0, 20)) {
  const got = model
    .suggest(w.title ?? '', w.body ?? '', 3)
    .map((s) => `${s.category} ${(s.confidence * 100).toFixed(0)}%`);
  console.log(`  ✗ ${w.category} → ${got.join(', ')} | ${(w.title ?? '').slice(0, 60)}`);
}
console.log(`top-1: ${(r.top1 * 100).toFixed(1)} %`);
console.log(`top-3: ${(r.top3 * 100).toFixed(1)} %`);
