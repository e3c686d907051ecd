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
  /** The team member who did the work (default: the recording person's own membership). */
  memberId: z.uuid().optional(),
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

// Plan editing by the Department (issue 8).
const day = z.iso.date();
const material = z.strictObject({
  title: z.string().trim().min(2).max(300),
  /** A content item's page on the portal (a path such as /tin-tuc/…) or an https link. */
  url: z
    .string()
    .trim()
    .max(1000)
    .regex(
      /^(\/[^\s]*|https:\/\/[^\s]+)$/,
      'Đường dẫn bắt đầu bằng / hoặc https:// / A path or an https link',
    ),
});
export const planFields = z.strictObject({
  number: z.string().trim().min(3).max(60),
  title: z.string().trim().min(5).max(1000),
  issuingBody: z.string().trim().min(3).max(300),
  issuedOn: day.nullable().optional(),
  startsOn: day,
  endsOn: day,
  status: z.enum(['draft', 'active', 'closed']).default('active'),
  dueDay: z.number().int().min(1).max(28).default(15),
  remindDaysBefore: z.number().int().min(0).max(60).default(5),
  closeAfterDays: z.number().int().min(0).max(366).default(60),
});
export type PlanFields = z.infer<typeof planFields>;
export const updatePlanRequest = planFields.extend({ version: z.number().int().min(1) });
export type UpdatePlanRequest = z.infer<typeof updatePlanRequest>;

export const measureFields = z.strictObject({
  code: z.string().regex(/^[a-z0-9_]{2,64}$/),
  name: z.string().trim().min(3).max(300),
  unit: z.string().trim().min(1).max(40),
  aggregation: z.enum(['sum', 'average']).default('sum'),
  minimum: z.number().finite().min(0).max(99_999_999).nullable().optional(),
  communitySource: z.enum(['households_guided', 'people_guided', 'installs_helped']).nullable().optional(),
});
export const taskRequest = z.strictObject({
  /** The plan's version last seen (every change to the plan, its tasks or targets moves it). */
  version: z.number().int().min(1),
  title: z.string().trim().min(3).max(500),
  description: z.string().trim().max(5000).default(''),
  assigneeGroup: z.enum([
    'all_recipients',
    'departments',
    'district_pcs',
    'sociopolitical',
    'press',
    'service_centres',
    'agency',
  ]),
  assigneeAgencyId: z.uuid().nullable().optional(),
  materials: z.array(material).max(20).default([]),
  measures: z.array(measureFields).max(30),
});
export type TaskRequest = z.infer<typeof taskRequest>;

export const targetsRequest = z.strictObject({
  version: z.number().int().min(1),
  targets: z
    .array(
      z.strictObject({
        measureCode: z.string().regex(/^[a-z0-9_]{2,64}$/),
        unitCode: z.string().regex(/^\d{2,6}$/),
        targetPercent: z.number().gt(0).max(100),
        baseValue: z.number().int().min(1).max(100_000_000),
        baseLabel: z.string().trim().min(2).max(200),
        dueOn: day,
      }),
    )
    .max(500),
});
export type TargetsRequest = z.infer<typeof targetsRequest>;
export const planVersionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

// Adoption figures (issue 8): the app's anonymous install count and the app stores' figures.
export const appInstallRequest = z.strictObject({
  /** Random id made on the device at first use (not tied to a person or account). */
  installId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  /** The area the app was set to (commune or district code). */
  unitCode: z.string().regex(/^\d{2,6}$/),
});
export type AppInstallRequest = z.infer<typeof appInstallRequest>;

export const storeFiguresRequest = z.strictObject({
  /** yyyy-mm */
  month: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/),
  store: z.enum(['google_play', 'app_store']),
  rows: z
    .array(
      z.strictObject({
        unitCode: z.string().regex(/^\d{2,6}$/),
        installs: z.number().int().min(0).max(10_000_000),
        activeUsers: z.number().int().min(0).max(10_000_000),
      }),
    )
    .min(1)
    .max(100),
});
export type StoreFiguresRequest = z.infer<typeof storeFiguresRequest>;

// Community digital team membership.
export const teamMemberRequest = z.strictObject({
  /** A staff account with the community_team role on the team's agency; or a name and phone. */
  userId: z.uuid().nullable().optional(),
  fullName: z.string().trim().min(2).max(200).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^(\+84|0)\d{9,10}$/)
    .nullable()
    .optional(),
  isLead: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type TeamMemberRequest = z.infer<typeof teamMemberRequest>;
