import { FEATURE_BITS, extractFeatures } from './features.js';

export interface LabelledText {
  title: string;
  body: string;
  category: string;
}

export interface RankedCategory {
  category: string;
  /** Posterior probability (0–1) after temperature scaling; the three shown sum to ≤ 1. */
  confidence: number;
}

/** The serialised model: sparse per-category feature counts of a multinomial naive Bayes over hashed features. */
export interface TriageModelJson {
  kind: 'nb-hashed-v1';
  bits: number;
  alpha: number;
  categories: string[];
  docCounts: number[];
  /** Per category: flat [bucket, count, bucket, count, …]. */
  counts: number[][];
  /** Document frequency of each feature over the training texts: flat [bucket, df, …] (for text similarity). */
  df?: number[];
}

const ALPHA = 0.1;

/**
 * Multinomial naive Bayes over hashed word/character features. Training is one pass of counting
 * (100,000 reports in seconds); a suggestion is one table look-up per feature.
 */
export class TriageClassifier {
  private readonly nCats: number;
  /** log P(feature | category), bucket-major: table[bucket * nCats + c]. */
  private readonly table: Float32Array;
  private readonly priors: Float64Array;
  /** Inverse document frequency per bucket (empty when the model has no document frequencies). */
  private readonly idf: Float32Array;

  private constructor(private readonly json: TriageModelJson) {
    const nCats = json.categories.length;
    const buckets = 1 << json.bits;
    this.nCats = nCats;
    this.table = new Float32Array(buckets * nCats);
    const totalDocs = json.docCounts.reduce((a, b) => a + b, 0);
    this.idf = new Float32Array(json.df ? buckets : 0);
    if (json.df) {
      this.idf.fill(Math.log(totalDocs + 1));
      for (let i = 0; i < json.df.length; i += 2)
        this.idf[json.df[i]!] = Math.log((totalDocs + 1) / (json.df[i + 1]! + 1));
    }
    this.priors = new Float64Array(nCats);
    for (let c = 0; c < nCats; c++) {
      const flat = json.counts[c] ?? [];
      let total = 0;
      for (let i = 1; i < flat.length; i += 2) total += flat[i]!;
      const denominator = Math.log(total + json.alpha * buckets);
      const unseen = Math.log(json.alpha) - denominator;
      for (let b = 0; b < buckets; b++) this.table[b * nCats + c] = unseen;
      for (let i = 0; i < flat.length; i += 2)
        this.table[flat[i]! * nCats + c] = Math.log(flat[i + 1]! + json.alpha) - denominator;
      // A mild prior: categories are not equally frequent, but the text should decide.
      this.priors[c] = 0.5 * Math.log(((json.docCounts[c] ?? 0) + 1) / (totalDocs + nCats));
    }
  }

  get categories(): readonly string[] {
    return this.json.categories;
  }

  static train(examples: readonly LabelledText[], categories?: readonly string[]): TriageClassifier {
    const cats = [...new Set(categories ?? examples.map((e) => e.category))].sort();
    const index = new Map(cats.map((c, i) => [c, i]));
    const counts = cats.map(() => new Map<number, number>());
    const docCounts = cats.map(() => 0);
    const df = new Map<number, number>();
    for (const e of examples) {
      const c = index.get(e.category);
      if (c === undefined) continue;
      docCounts[c]!++;
      const m = counts[c]!;
      for (const [h, n] of extractFeatures(e.title, e.body)) {
        m.set(h, (m.get(h) ?? 0) + n);
        df.set(h, (df.get(h) ?? 0) + 1);
      }
    }
    return new TriageClassifier({
      kind: 'nb-hashed-v1',
      bits: FEATURE_BITS,
      alpha: ALPHA,
      categories: cats,
      docCounts,
      counts: counts.map((m) => {
        const flat: number[] = [];
        for (const [h, n] of [...m].sort((a, b) => a[0] - b[0])) flat.push(h, n);
        return flat;
      }),
      df: [...df].sort((a, b) => a[0] - b[0]).flat(),
    });
  }

  static fromJSON(json: TriageModelJson): TriageClassifier {
    if (json.kind !== 'nb-hashed-v1' || json.bits !== FEATURE_BITS)
      throw new Error('unsupported triage model');
    return new TriageClassifier(json);
  }

  toJSON(): TriageModelJson {
    return this.json;
  }

  /**
   * A text's features weighted for similarity: log(1 + count) × inverse document frequency, so words every
   * report uses ("đề nghị", "xin") count little and the specifics count much.
   */
  weigh(features: Map<number, number>): Map<number, number> {
    if (this.idf.length === 0) return features;
    const out = new Map<number, number>();
    for (const [h, n] of features) out.set(h, Math.log1p(n) * this.idf[h]!);
    return out;
  }

  /** Every category ranked by posterior probability, best first. */
  rank(title: string, body: string): RankedCategory[] {
    const nCats = this.nCats;
    const scores = Float64Array.from(this.priors);
    let weight = 0;
    for (const [h, n] of extractFeatures(title, body)) {
      const base = h * nCats;
      for (let c = 0; c < nCats; c++) scores[c]! += n * this.table[base + c]!;
      weight += n;
    }
    // Naive Bayes is over-confident (features are not independent): temper by the amount of text.
    const temperature = Math.max(1, Math.sqrt(weight));
    let max = -Infinity;
    for (let c = 0; c < nCats; c++) max = Math.max(max, scores[c]! / temperature);
    let sum = 0;
    const p = new Float64Array(nCats);
    for (let c = 0; c < nCats; c++) sum += p[c] = Math.exp(scores[c]! / temperature - max);
    const ranked: RankedCategory[] = [];
    for (let c = 0; c < nCats; c++)
      ranked.push({ category: this.json.categories[c]!, confidence: p[c]! / sum });
    return ranked.sort((a, b) => b.confidence - a.confidence);
  }

  /** The best `k` categories. */
  suggest(title: string, body: string, k = 3): RankedCategory[] {
    return this.rank(title, body).slice(0, k);
  }
}

/** Top-1 and top-3 accuracy of a model on labelled texts. */
export function evaluate(
  model: TriageClassifier,
  examples: readonly LabelledText[],
): { n: number; top1: number; top3: number } {
  let top1 = 0;
  let top3 = 0;
  for (const e of examples) {
    const ranked = model.suggest(e.title, e.body, 3);
    if (ranked[0]?.category === e.category) top1++;
    if (ranked.some((r) => r.category === e.category)) top3++;
  }
  const n = examples.length;
  return { n, top1: n ? top1 / n : 0, top3: n ? top3 / n : 0 };
}
