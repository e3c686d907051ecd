/**
 * The rules behind the figures, as pure functions (unit-tested): rates, histogram buckets of durations,
 * medians read from a histogram, backlog age buckets, Vietnam calendar days.
 */

/** Upper bounds (hours) of the duration buckets; the last bucket is open-ended. 14 buckets in all. */
export const DURATION_BOUNDS_HOURS = [1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 240, 360, 720] as const;
export const BUCKET_COUNT = DURATION_BOUNDS_HOURS.length + 1;

/** The bucket index of a duration in hours: [0,1) → 0, [1,2) → 1, …, ≥ 720 → 13. Negative counts as 0. */
export function bucketOf(hours: number): number {
  const i = DURATION_BOUNDS_HOURS.findIndex((b) => hours < b);
  return i === -1 ? DURATION_BOUNDS_HOURS.length : i;
}

/**
 * The median (hours) read from a histogram by linear interpolation inside the bucket holding the middle
 * value; null when the histogram is empty. The open-ended last bucket reports its lower bound.
 */
export function medianFromHistogram(counts: readonly number[]): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const half = total / 2;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    if (n > 0 && seen + n >= half) {
      const lower = i === 0 ? 0 : DURATION_BOUNDS_HOURS[i - 1]!;
      const upper = DURATION_BOUNDS_HOURS[i];
      if (upper === undefined) return lower;
      return lower + ((half - seen) / n) * (upper - lower);
    }
    seen += n;
  }
  return null;
}

/** A share as a fraction (0–1) rounded to 4 decimals, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part / whole) * 10000) / 10000;
}

/** Backlog age buckets in days since receipt (Vietnam calendar days). */
export const AGE_BUCKETS = [
  { key: '0-2', min: 0, max: 2 },
  { key: '3-7', min: 3, max: 7 },
  { key: '8-15', min: 8, max: 15 },
  { key: '16-30', min: 16, max: 30 },
  { key: '31-60', min: 31, max: 60 },
  { key: '60+', min: 61, max: Infinity },
] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number]['key'];

export function ageBucketOf(days: number): AgeBucket {
  return (AGE_BUCKETS.find((b) => days <= b.max) ?? AGE_BUCKETS.at(-1)!).key;
}

/** Vietnam is UTC+7 all year (no daylight saving). */
export const VN_OFFSET_MS = 7 * 3600_000;

/** The Vietnam calendar day (YYYY-MM-DD) of an instant. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000);
}

/** First day of the month of a YYYY-MM-DD date, and the month's last day. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from, to: `${from.slice(0, 8)}${String(last).padStart(2, '0')}` };
}

/** The Monday of the ISO week holding a day. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}
