import type { Breakdown, Figures } from '../../contracts/analytics.js';
import { BUCKET_COUNT, medianFromHistogram, rate } from './analytics-rules.js';
import type { MeasureRow } from './analytics.repository.js';

const BUCKETS = Array.from({ length: BUCKET_COUNT }, (_, i) => i);

/** The figures of a slice from its summed measures. */
export function toFigures(m: MeasureRow): Figures {
  const n = (v: unknown) => Number(v ?? 0);
  const timed = n(m.on_time) + n(m.late) + n(m.late_with_extension);
  const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    received: n(m.received),
    inProgress: n(m.open_count),
    overdueOpen: n(m.overdue_open),
    rejected: n(m.rejected),
    merged: n(m.merged),
    answered: n(m.answered),
    onTime: n(m.on_time),
    late: n(m.late),
    lateWithExtension: n(m.late_with_extension),
    onTimeRate: rate(n(m.on_time), timed),
    onTimeRateWithExtension: rate(n(m.on_time) + n(m.late_with_extension), timed),
    rated: n(m.rated),
    satisfied: n(m.satisfied),
    satisfactionRate: rate(n(m.satisfied), n(m.rated)),
    medianFirstActionHours: round1(
      medianFromHistogram(BUCKETS.map((i) => n(m[`fa_h${i}` as keyof MeasureRow]))),
    ),
    medianAnswerHours: round1(medianFromHistogram(BUCKETS.map((i) => n(m[`ans_h${i}` as keyof MeasureRow])))),
  };
}

export const EMPTY_FIGURES: Figures = toFigures({} as MeasureRow);

export function breakdown(
  rows: (MeasureRow & { key: string | null })[],
  label: (key: string | null) => string,
): Breakdown[] {
  return rows.map((r) => ({ key: r.key, label: label(r.key), ...toFigures(r) }));
}
