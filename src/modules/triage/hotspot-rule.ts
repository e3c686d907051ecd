/**
 * The emerging-hotspot rule: reports of one category in one administrative unit during the last few
 * hours, against the rate the same cell had over the previous weeks. Pure functions, unit-tested.
 */
export interface HotspotRule {
  /** The recent window, in hours. */
  windowHours: number;
  /** Weeks before the window that make the baseline. */
  baselineWeeks: number;
  /** At least this many reports in the window. */
  minCount: number;
  /** Flag when P(X ≥ count | expected) is below this (Poisson). */
  maxPValue: number;
  /** Floor on the baseline rate, in reports per week per cell: a quiet cell is not "infinitely" surprised. */
  floorPerWeek: number;
}

export const DEFAULT_HOTSPOT_RULE: HotspotRule = {
  windowHours: 6,
  baselineWeeks: 4,
  minCount: 4,
  maxPValue: 0.001,
  floorPerWeek: 1,
};

/** P(X ≥ k) for X ~ Poisson(λ), summed in a numerically safe way. */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // 1 − P(X ≤ k − 1); terms built iteratively from e^−λ.
  let term = Math.exp(-lambda);
  let cdf = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    cdf += term;
  }
  return Math.max(0, 1 - cdf);
}

export interface CellCounts {
  categoryCode: string;
  unitCode: string;
  /** Reports in the recent window. */
  recent: number;
  /** Reports in the baseline weeks before the window. */
  baseline: number;
}

export interface DetectedHotspot extends CellCounts {
  expected: number;
  pValue: number;
}

/** The expected count in the window from the baseline (with the floor). */
export function expectedCount(baseline: number, rule: HotspotRule): number {
  const perHour = Math.max(baseline / (rule.baselineWeeks * 7 * 24), rule.floorPerWeek / (7 * 24));
  return perHour * rule.windowHours;
}

/** The cells whose recent count is improbably high for their usual rate, most surprising first. */
export function detectHotspots(
  cells: readonly CellCounts[],
  rule: HotspotRule = DEFAULT_HOTSPOT_RULE,
): DetectedHotspot[] {
  const out: DetectedHotspot[] = [];
  for (const c of cells) {
    if (c.recent < rule.minCount) continue;
    const expected = expectedCount(c.baseline, rule);
    const pValue = poissonTail(c.recent, expected);
    if (pValue < rule.maxPValue) out.push({ ...c, expected, pValue });
  }
  return out.sort((a, b) => a.pValue - b.pValue);
}
