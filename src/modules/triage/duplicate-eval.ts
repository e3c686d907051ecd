import { categoryRelation, duplicateScore, relatedCategories, textSimilarity } from './duplicate-score.js';
import type { CorpusReport } from './model-store.js';

export interface LabelledPair {
  duplicate: boolean;
  kind:
    'same_problem_near' | 'same_problem_later' | 'other_problem_near' | 'same_problem_far' | 'related_near';
  score: number;
}

/** mulberry32, so the evaluation pairs are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Labelled pairs for measuring duplicate detection, built from the corpus: two reports of the same
 * problem close together are duplicates (within three days, or weeks apart while the first is open); the
 * same category but another problem nearby, the same problem elsewhere, and a related category's problem
 * nearby are not.
 * Places and times are drawn (the corpus has no coordinates), texts are real corpus texts.
 */
export function duplicatePairs(
  corpus: readonly (CorpusReport & { problem?: string })[],
  radiusOf: (category: string) => number,
  weigh: (f: Map<number, number>) => Map<number, number>,
  n = 2000,
  seed = 42,
): LabelledPair[] {
  const random = rng(seed);
  const byProblem = new Map<string, CorpusReport[]>();
  const byCategory = new Map<string, CorpusReport[]>();
  for (const r of corpus) {
    if (!r.problem) continue;
    byProblem.set(r.problem, [...(byProblem.get(r.problem) ?? []), r]);
    byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const all = corpus.filter((r) => r.problem);
  const pairs: LabelledPair[] = [];
  for (let i = 0; i < n; i++) {
    const a = pick(all) as CorpusReport & { problem: string };
    const kindRoll = random();
    let b: (CorpusReport & { problem?: string }) | undefined;
    let kind: LabelledPair['kind'];
    let near = true;
    let ageHours = random() * 72;
    if (kindRoll < 0.5) {
      kind = 'same_problem_near';
      b = pick(byProblem.get(a.problem)!.filter((x) => x !== a));
    } else if (kindRoll < 0.75) {
      kind = 'other_problem_near';
      const others = byCategory
        .get(a.category)!
        .filter((x) => (x as { problem?: string }).problem !== a.problem);
      b = others.length ? pick(others) : undefined;
    } else if (kindRoll < 0.83) {
      kind = 'same_problem_far';
      b = pick(byProblem.get(a.problem)!.filter((x) => x !== a));
      near = false;
    } else if (kindRoll < 0.9) {
      // Still open weeks later: the same thing reported again is a duplicate.
      kind = 'same_problem_later';
      b = pick(byProblem.get(a.problem)!.filter((x) => x !== a));
      ageHours = 24 * (7 + random() * 23);
    } else {
      kind = 'related_near';
      const related = relatedCategories(a.category).flatMap((c) => byCategory.get(c) ?? []);
      b = related.length ? pick(related) : undefined;
    }
    if (!b) continue;
    const radiusM = Math.max(radiusOf(a.category), radiusOf(b.category));
    const distanceM = radiusM > 0 ? (near ? random() * 0.8 * radiusM : radiusM * (1.2 + random() * 3)) : null;
    const text = textSimilarity(a, b, weigh);
    const { score } = duplicateScore({
      text,
      distanceM,
      radiusM,
      sameUnit: near,
      ageHours,
      relation: categoryRelation(a.category, b.category),
    });
    pairs.push({ duplicate: kind === 'same_problem_near' || kind === 'same_problem_later', kind, score });
  }
  return pairs;
}

/** Precision and recall of "score ≥ threshold" on labelled pairs. */
export function precisionRecall(pairs: readonly LabelledPair[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    const flagged = p.score >= threshold;
    if (flagged && p.duplicate) tp++;
    else if (flagged) fp++;
    else if (p.duplicate) fn++;
  }
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, n: pairs.length };
}
