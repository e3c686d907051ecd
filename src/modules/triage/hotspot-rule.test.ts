import { describe, expect, it } from 'vitest';
import { DEFAULT_HOTSPOT_RULE, detectHotspots, expectedCount, poissonTail } from './hotspot-rule.js';

describe('hotspot rule', () => {
  it('computes Poisson tails', () => {
    expect(poissonTail(0, 2)).toBe(1);
    expect(poissonTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 10);
    // P(X ≥ 3 | λ = 1) = 1 − e^−1 (1 + 1 + 1/2)
    expect(poissonTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * 2.5, 10);
    expect(poissonTail(30, 0.5)).toBeLessThan(1e-20);
  });

  it('scales the baseline to the window and floors quiet cells', () => {
    // 28 reports in 4 weeks = 1 a day = 0.25 in 6 hours.
    expect(expectedCount(28, DEFAULT_HOTSPOT_RULE)).toBeCloseTo(0.25, 10);
    // No history: the floor of 1 a week.
    expect(expectedCount(0, DEFAULT_HOTSPOT_RULE)).toBeCloseTo(6 / 168, 10);
  });

  it('flags a burst in a quiet cell, not the usual rate of a busy one, nor too few reports', () => {
    const found = detectHotspots([
      { categoryCode: 'thoat_nuoc_ngap', unitCode: '807', recent: 8, baseline: 2 },
      // Busy cell: 4 a day usually (1 per 6 h), 3 now: normal.
      { categoryCode: 'giao_thong_ha_tang', unitCode: '794', recent: 3, baseline: 112 },
      // Busy cell at its usual rate, even with more reports than the minimum.
      { categoryCode: 've_sinh_moi_truong', unitCode: '794', recent: 5, baseline: 560 },
      // Quiet cell, 3 reports: below the minimum count.
      { categoryCode: 'dien', unitCode: '803', recent: 3, baseline: 0 },
      // Busy cell with a real surge: 25 in 6 h against 1.
      { categoryCode: 'cap_nuoc', unitCode: '794', recent: 25, baseline: 112 },
    ]);
    expect(found.map((h) => `${h.categoryCode}@${h.unitCode}`)).toEqual([
      'cap_nuoc@794',
      'thoat_nuoc_ngap@807',
    ]);
    expect(found[1]!.expected).toBeCloseTo(expectedCount(2, DEFAULT_HOTSPOT_RULE), 10);
    expect(found[1]!.pValue).toBeLessThan(DEFAULT_HOTSPOT_RULE.maxPValue);
  });
});
