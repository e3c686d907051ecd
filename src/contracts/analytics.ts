import { z } from 'zod';
import { CHANNELS } from './feedback.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/** Filters every dashboard view accepts: a period (Vietnam calendar days), an area, a category, a channel. */
export const dashboardQuery = z.strictObject({
  from: isoDay.optional(),
  to: isoDay.optional(),
  unit: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
  category: z.string().max(64).optional(),
  channel: z.enum(CHANNELS).optional(),
  granularity: z.enum(['day', 'week', 'month']).default('day'),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const rankingQuery = z.strictObject({
  from: isoDay.optional(),
  to: isoDay.optional(),
  unit: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
  category: z.string().max(64).optional(),
});
export type RankingQuery = z.infer<typeof rankingQuery>;

export const EXPORT_TABLES = [
  'series',
  'channel',
  'category',
  'area',
  'agency',
  'backlog',
  'ranking',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export const exportQuery = dashboardQuery.extend({
  table: z.enum(EXPORT_TABLES),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const monthQuery = z.strictObject({ month: isoMonth.optional() });

/** The figures of any slice of reports (a period, an agency, a category …). Rates are fractions 0–1. */
export interface Figures {
  received: number;
  inProgress: number;
  overdueOpen: number;
  rejected: number;
  merged: number;
  answered: number;
  onTime: number;
  late: number;
  lateWithExtension: number;
  /** On time ÷ answers with a timeliness (late with an approved extension counts as not on time). */
  onTimeRate: number | null;
  /** (On time + late within an approved extension) ÷ answers with a timeliness. */
  onTimeRateWithExtension: number | null;
  rated: number;
  satisfied: number;
  satisfactionRate: number | null;
  medianFirstActionHours: number | null;
  medianAnswerHours: number | null;
}

export interface Breakdown extends Figures {
  key: string | null;
  label: string;
}

export interface Dashboard {
  period: { from: string; to: string; granularity: 'day' | 'week' | 'month' };
  freshness: { refreshedAt: string | null; lastEventId: number };
  totals: Figures;
  series: Breakdown[];
  byChannel: Breakdown[];
  byCategory: Breakdown[];
  byArea: Breakdown[];
  byAgency: Breakdown[];
  backlog: { bucket: string; open: number; overdue: number }[];
  topCategories: { key: string | null; label: string; thisWeek: number; lastWeek: number }[];
  topAreas: { key: string | null; label: string; thisWeek: number; lastWeek: number }[];
}

export interface AgencyRank extends Figures {
  agencyId: string;
  name: string;
  rank: number;
  returned: number;
  trend: { month: string; received: number; onTimeRate: number | null }[];
}
