import { extractFeatures } from './features.js';

/**
 * Categories that describe the same thing on the ground from two angles: a citizen may pick either,
 * so a report in one can duplicate a report in the other.
 */
export const RELATED_CATEGORIES: readonly (readonly [string, string])[] = [
  ['giao_thong_ha_tang', 'an_toan_giao_thong'],
  ['giao_thong_ha_tang', 'thoat_nuoc_ngap'],
  ['chieu_sang', 'dien'],
  ['cay_xanh', 'dien'],
  ['thoat_nuoc_ngap', 'thien_tai'],
  ['thoat_nuoc_ngap', 'cap_nuoc'],
  ['thoat_nuoc_ngap', 've_sinh_moi_truong'],
  ['ve_sinh_moi_truong', 'o_nhiem'],
  ['o_nhiem', 'van_hoa_du_lich'],
  ['o_nhiem', 'nong_nghiep_thuy_loi'],
  ['trat_tu_do_thi', 'trat_tu_xay_dung'],
  ['trat_tu_xay_dung', 'dat_dai'],
  ['an_ninh_trat_tu', 'an_toan_giao_thong'],
  ['nong_nghiep_thuy_loi', 'thien_tai'],
  ['an_toan_thuc_pham', 'y_te'],
  ['thu_tuc_hanh_chinh', 'can_bo_cong_vu'],
];

/** The categories related to `code` (itself excluded). */
export function relatedCategories(code: string): string[] {
  const out: string[] = [];
  for (const [a, b] of RELATED_CATEGORIES) {
    if (a === code) out.push(b);
    else if (b === code) out.push(a);
  }
  return out;
}

/** 1 for the same category, 0.7 for related ones, 0 otherwise. */
export function categoryRelation(a: string, b: string): number {
  if (a === b) return 1;
  return relatedCategories(a).includes(b) ? 0.7 : 0;
}

/** Cosine similarity of two feature vectors (normalised words, bigrams and character n-grams). */
export function cosine(a: Map<number, number>, b: Map<number, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [h, x] of a) {
    na += x * x;
    const y = b.get(h);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

type Weigh = (features: Map<number, number>) => Map<number, number>;

/**
 * Text similarity of two reports (0–1), robust to diacritics, abbreviations and typos; `weigh` is the
 * model's inverse-document-frequency weighting (TriageClassifier.weigh) when one is at hand.
 */
export function textSimilarity(
  a: { title: string; body: string },
  b: { title: string; body: string },
  weigh: Weigh = (f) => f,
): number {
  return cosine(weigh(extractFeatures(a.title, a.body)), weigh(extractFeatures(b.title, b.body)));
}

export interface DuplicateSignals {
  /** Text similarity, 0–1. */
  text: number;
  /** Metres between the two places, null when either has no point. */
  distanceM: number | null;
  /** The category's duplicate radius (the larger of the two for related categories); 0 = not spatial. */
  radiusM: number;
  /** Both reports are in the same administrative unit. */
  sameUnit: boolean;
  /** Hours between the two reports. */
  ageHours: number;
  /** categoryRelation() of the two categories. */
  relation: number;
}

/** Weights of the score's parts; they sum to 1. */
export const DUPLICATE_WEIGHTS = { text: 0.55, place: 0.3, time: 0.15 } as const;

/** Reports scoring at least this are shown as likely duplicates (measured: see docs/benchmarks.md). */
export const DUPLICATE_THRESHOLD = 0.4;

/**
 * How likely two reports describe the same thing, 0–1: text similarity, closeness within the
 * category's radius (0 beyond it; the same unit when either has no point or the category is not
 * spatial), recency (e-folding time three days), all scaled by how related the categories are.
 */
export function duplicateScore(s: DuplicateSignals): { score: number; closeness: number; recency: number } {
  let closeness: number;
  if (s.distanceM !== null && s.radiusM > 0) {
    if (s.distanceM > s.radiusM) return { score: 0, closeness: 0, recency: 0 }; // another place
    closeness = 1 - s.distanceM / s.radiusM;
  } else closeness = s.sameUnit ? 0.6 : 0;
  const recency = Math.exp(-Math.max(0, s.ageHours) / 72);
  const score =
    s.relation *
    (DUPLICATE_WEIGHTS.text * s.text +
      DUPLICATE_WEIGHTS.place * closeness +
      DUPLICATE_WEIGHTS.time * recency);
  return { score, closeness, recency };
}
