import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageBucketOf,
  bucketOf,
  BUCKET_COUNT,
  medianFromHistogram,
  monthBounds,
  rate,
  vnDay,
  weekStart,
} from './analytics-rules.js';

const hist = (entries: Record<number, number>) =>
  Array.from({ length: BUCKET_COUNT }, (_, i) => entries[i] ?? 0);

describe('analytics rules', () => {
  it('puts durations in hour buckets with closed lower and open upper bounds', () => {
    expect([0, 0.99, 1, 1.5, 2, 23.9, 24, 47, 48, 719.9, 720, 5000].map(bucketOf)).toEqual([
      0, 0, 1, 1, 2, 5, 6, 6, 7, 12, 13, 13,
    ]);
  });

  it('reads the median from a histogram by interpolating inside the middle bucket', () => {
    expect(medianFromHistogram(hist({}))).toBeNull();
    // One value in [24,48): half of one value → the middle of the bucket.
    expect(medianFromHistogram(hist({ 6: 1 }))).toBe(36);
    // Four values in [1,2) and one each side: half = 3 → 1 + (3 − 1) / 4.
    expect(medianFromHistogram(hist({ 0: 1, 1: 4, 2: 1 }))).toBe(1.5);
    // Open-ended last bucket reports its lower bound.
    expect(medianFromHistogram(hist({ 13: 3 }))).toBe(720);
    // Even split: half of 2 lands at the end of the first bucket.
    expect(medianFromHistogram(hist({ 0: 1, 5: 1 }))).toBe(1);
  });

  it('computes rates only when there is something to divide by, to four decimals', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(5, 5)).toBe(1);
  });

  it('buckets the backlog by age in days', () => {
    expect([0, 2, 3, 7, 8, 15, 16, 30, 31, 60, 61, 400].map(ageBucketOf)).toEqual([
      '0-2',
      '0-2',
      '3-7',
      '3-7',
      '8-15',
      '8-15',
      '16-30',
      '16-30',
      '31-60',
      '31-60',
      '60+',
      '60+',
    ]);
  });

  it('uses Vietnam calendar days, weeks from Monday and whole months', () => {
    expect(vnDay(new Date('2026-03-01T16:59:59Z'))).toBe('2026-03-01');
    expect(vnDay(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(weekStart('2026-03-08')).toBe('2026-03-02');
    expect(weekStart('2026-03-02')).toBe('2026-03-02');
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});
