import { z } from 'zod';

/** Request schemas of the campaigns module (promotion plans, quarterly reports, community teams). */

export const quarterQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
  agencyId: z.uuid().optional(),
});
export type QuarterQuery = z.infer<typeof quarterQuery>;

const figure = z.number().finite().min(0).max(99_999_999);

export const saveReportRequest = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  /** The agency reported for; defaults to the signed-in person's own agency. */
  agencyId: z.uuid().optional(),
  /** The version last seen; 0 when creating the report. */
  version: z.number().int().min(0),
  narrative: z.string().trim().max(20_000).default(''),
  /** measure code → figure */
  figures: z.record(z.string().regex(/^[a-z0-9_]{2,64}$/), figure),
});
export type SaveReportRequest = z.infer<typeof saveReportRequest>;

export const versionRequest = z.strictObject({ version: z.number().int().min(1) });

export const reviewRequest = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['accept', 'request_correction']),
  comment: z.string().trim().max(5000).optional(),
});
export type ReviewRequest = z.infer<typeof reviewRequest>;

export const activityRequest = z.strictObject({
  clientKey: z.string().regex(/^[\w.:-]{8,100}$/),
  unitCode: z.string().regex(/^\d{2,6}$/),
  activityOn: z.iso.date(),
  place: z.string().trim().min(2).max(300),
  householdsGuided: z.number().int().min(0).max(10_000),
  peopleGuided: z.number().int().min(0).max(100_000),
  installsHelped: z.number().int().min(0).max(100_000),
  note: z.string().trim().max(2000).optional(),
});
export type ActivityRequest = z.infer<typeof activityRequest>;

export const REPORT_STATUS_LABELS = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã gửi, chờ Sở xem xét', en: 'Submitted, awaiting review' },
  correction_requested: { vi: 'Sở yêu cầu bổ sung, chỉnh sửa', en: 'Correction requested' },
  accepted: { vi: 'Sở đã tiếp nhận', en: 'Accepted' },
  not_started: { vi: 'Chưa báo cáo', en: 'Not yet reported' },
  missing: { vi: 'Chưa báo cáo (quá hạn)', en: 'Missing (overdue)' },
} as const;
